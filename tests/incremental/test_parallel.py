"""Typesetting in worker processes: the same bytes as one after another, progress reported."""

from __future__ import annotations

import io
import subprocess
import sys

from click.testing import CliRunner

from express.build import Step, build
from express.cli import main
from express.progress import StatusLine


def test_parallel_pdfs_are_byte_identical_to_serial_ones(project):
    serial = build(project, site=False, jobs=1)
    assert serial.ok and serial.typeset == {"2020-winter", "2022-spring"}
    first = {i: p.read_bytes() for i, p in serial.pdfs.items()}
    steps: list[Step] = []
    parallel = build(project, site=False, jobs=2, force=True, progress=steps.append)
    assert parallel.ok and parallel.typeset == set(first)
    assert {i: p.read_bytes() for i, p in parallel.pdfs.items()} == first
    # the workers' pages come back to the progress display
    stages = [s.stage for s in steps]
    assert stages[0] == "checking" and stages[-1] == "writing"
    pages = [s for s in steps if s.stage == "typesetting" and s.pages]
    assert {s.issue for s in pages} == set(first) and max(s.pages for s in pages) > 4
    assert [s.done for s in steps if s.stage == "typesetting"][-1] == 2
    # and from the command line: a process without threads forks its workers
    subprocess.run([sys.executable, "-m", "express", "--project", str(project.root), "build",
                    "--no-site", "--force", "--jobs", "2"], check=True, capture_output=True)
    assert {i: p.read_bytes() for i, p in parallel.pdfs.items()} == first


def test_cli_marks_unchanged_outputs_and_force_remakes_them(small_project):
    def run(*args):
        r = CliRunner().invoke(main, ["--project", str(small_project.root), "build",
                                      "--no-site", *args], env={"LANG": "C.UTF-8"})
        assert r.exit_code == 0, r.output
        assert "\x1b[K" not in r.output  # no status line where no terminal watches
        return r.output.splitlines()

    import pypdf

    made = run()
    assert not [line for line in made if "(unchanged" in line]
    # each PDF with its pages (the page plan's count), made or kept
    for line in made:
        path, _, pages = line.partition(".pdf (")
        assert pages == f"{len(pypdf.PdfReader(path + '.pdf').pages)}" \
            " pages)", line
    assert run() == [line.replace(".pdf (", ".pdf (unchanged, ") for line in made]
    assert run("--force", "--jobs", "1") == made


def test_status_line_only_for_more_than_one_issue():
    out = io.StringIO()
    line = StatusLine(out)
    line(Step("checking", total=1))
    line(Step("typesetting", "2031-autumn", pages=3, done=0, total=1))
    line(Step("site", total=2))
    assert out.getvalue() == ""
    line(Step("checking", total=2))
    line(Step("typesetting", "2031-autumn", pages=3, done=1, total=2))
    assert "2031-autumn" in out.getvalue() and "3" in out.getvalue()
    line.clear()
    assert out.getvalue().endswith("\r\x1b[K")
