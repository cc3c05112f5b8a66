"""What the machine refuses is said as such, with what to do, never as "a bug in express";
ids from the command line follow the id rule; what an editor wrote reaches the terminal
shown, never acted on."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from express.cli import main
from tests.conftest import edit
from tests.faults.conftest import express, outputs
from tests.load.conftest import MINIMAL

BUG = "internal error"


def run(project, *args):
    return CliRunner().invoke(main, ["--project", str(project.root), *args],
                              env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})


@pytest.mark.parametrize("port", ["99999", "-1"])
def test_a_port_out_of_range_is_a_usage_error(project, port):
    result = run(project, "serve", "--port", port, "--no-build")
    assert result.exit_code == 2 and "0<=x<=65535" in result.output
    assert BUG not in result.output


def test_a_port_reserved_for_the_system_is_said_to_be(project):
    if os.geteuid() == 0:
        pytest.skip("root may listen on any port")
    result = run(project, "serve", "--port", "80", "--no-build")
    assert result.exit_code == 1 and "port 80 may not be used here" in result.output


def test_new_over_a_dangling_symlink_says_it_exists(empty_project):
    (empty_project.issues / "2031-autumn").symlink_to(empty_project.root / "gone")
    result = run(empty_project, "new", "2031-autumn")
    assert result.exit_code == 1 and "already exists" in result.output
    assert BUG not in result.output


def test_new_reads_other_issues_numbers_as_the_loader_does(empty_project):
    """It read them with a regular expression of its own: a FIFO blocked it for ever."""
    other = empty_project.issues / "2031-summer"
    other.mkdir()
    (other / "issue.yaml").write_text(MINIMAL.replace("number: 1", 'number: "４１"'),
                                      encoding="utf-8")
    pipe = empty_project.issues / "2031-spring"
    pipe.mkdir()
    os.mkfifo(pipe / "issue.yaml")
    result = express(empty_project.root, "new", "2031-autumn", timeout=60)
    assert result.returncode == 0, result.stderr
    text = (empty_project.issues / "2031-autumn" / "issue.yaml").read_text(encoding="utf-8")
    assert "number: 42" in text


@pytest.mark.parametrize("command", [["proof"], ["build"], ["check"], ["new"]])
def test_an_id_outside_the_id_rule_is_refused(project, command):
    result = run(project, *command, "../2020-winter")
    assert result.exit_code == 2, result.output
    assert 'the id "../2020-winter" is not valid' in result.output


@pytest.mark.parametrize("command", [["build"], ["proof", "2020-winter"], ["fonts"]])
def test_a_template_name_outside_the_id_rule_is_refused(project, command):
    result = run(project, *command, "--template", "../../issues/publication")
    assert result.exit_code == 2 and 'the template name "../../issues/publication" is not ' \
        "valid" in result.output


def test_proof_of_an_id_leading_out_of_build_proof_touches_nothing(small_project):
    """``express proof --no-build ../../outside`` proofed ./outside.pdf into ./outside/,
    replacing the previous/ folder it found there."""
    assert express(small_project.root, "build", "--no-site").returncode == 0
    root = small_project.root
    shutil.copy(small_project.build / "pdf" / "2031-autumn.pdf", root / "outside.pdf")
    (root / "outside" / "previous").mkdir(parents=True)
    (root / "outside" / "previous" / "keep.png").write_bytes(b"x")
    (root / "outside" / "page-01.png").write_bytes(b"y")
    result = run(small_project, "proof", "--no-build", "../../outside")
    assert result.exit_code == 2 and "is not valid" in result.output
    assert sorted(p.name for p in (root / "outside").rglob("*")) == \
        ["keep.png", "page-01.png", "previous"]


def test_a_full_disk_is_said_to_be_one_and_nothing_is_replaced(small_project):
    assert express(small_project.root, "build").returncode == 0
    before = outputs(small_project)
    edit(small_project.issues / "2031-autumn" / "issue.yaml", "の本文です。", "の新しい本文です。")

    def small_disk() -> None:  # each file at most 8 kB: writing a PDF fails as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

    result = express(small_project.root, "build", preexec_fn=small_disk)
    assert result.returncode == 74, result.stderr
    assert "the disk is full" in result.stderr and BUG not in result.stderr
    assert "the previous PDFs and site are as they were" in result.stderr
    assert outputs(small_project) == before
    assert express(small_project.root, "build").returncode == 0  # with room again


@pytest.fixture
def read_only():
    """Makes a folder one may not write to: its mode for a user; for root, whom modes do
    not bind, the immutable flag as well (where root may set it)."""
    made = []

    def make(folder: Path) -> None:
        os.chmod(folder, 0o555)
        made.append(folder)
        if os.geteuid() == 0 and subprocess.run(["chattr", "+i", str(folder)],
                                                capture_output=True).returncode:
            pytest.skip("running as root, and the immutable flag cannot be set here")

    yield make
    for folder in made:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        os.chmod(folder, 0o755)


def test_a_build_folder_that_cannot_be_written_is_said_to_be_so(small_project, read_only):
    assert express(small_project.root, "build").returncode == 0
    before = outputs(small_project)
    edit(small_project.issues / "2031-autumn" / "issue.yaml", "の本文です。", "の新しい本文です。")
    read_only(small_project.build)
    result = express(small_project.root, "build")
    assert result.returncode == 74, result.stderr
    assert "cannot write build/" in result.stderr
    assert "make sure you may write there" in result.stderr and BUG not in result.stderr
    assert outputs(small_project) == before


def test_what_an_editor_wrote_reaches_the_terminal_escaped(empty_project):
    """A key or value holding ESC [2J cleared the screen; a CR hid the line before."""
    folder = empty_project.issues / "2031-autumn"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        MINIMAL.replace("kind: article", 'kind: "\\rcolum\\e]0;pwned\\a"')
        + '"\\e[2Jtitle": x\n', encoding="utf-8")
    result = run(empty_project, "check")
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\r" not in result.output
    assert "\x07" not in result.output
    assert 'unknown key "\\x1b[2Jtitle"' in result.output
    assert 'unknown article kind "\\rcolum\\x1b]0;pwned\\x07"' in result.output


def test_a_site_folder_that_cannot_be_replaced_puts_the_pdfs_back(small_project, read_only):
    """build/pdf is exchanged first; when build/site then cannot be, the PDFs go back and
    the message says nothing was replaced — as it is."""
    assert express(small_project.root, "build").returncode == 0
    before = outputs(small_project)
    edit(small_project.issues / "2031-autumn" / "issue.yaml", "の本文です。", "の新しい本文です。")
    read_only(small_project.build / "site")  # moving a folder rewrites its ".."
    result = express(small_project.root, "build")
    assert result.returncode == 74, result.stderr
    assert "the previous PDFs and site are as they were" in result.stderr
    assert outputs(small_project) == before
    assert sorted(p.name for p in small_project.build.iterdir()) == [".lock", "pdf", "site"]
