"""The command line as editors use it: exit codes, messages, the new-issue template."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from express.cli import main
from tests.load.conftest import MINIMAL


def run(project, *args, lang="C.UTF-8"):
    return CliRunner().invoke(
        main,
        ["--project", str(project.root), *args],
        env={"LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""},
    )


def test_check_samples_exit_zero(project):
    r = run(project, "check")
    assert r.exit_code == 0, r.output
    assert "no problems" in r.output


def test_check_error_exit_one_with_position(empty_project):
    folder = empty_project.issues / "2020-winter"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        MINIMAL.replace("kind: article", "kind: colum"), encoding="utf-8"
    )
    r = run(empty_project, "check")
    assert r.exit_code == 1
    assert "issue.yaml:4:11: error: unknown article kind" in r.output
    r = run(empty_project, "check", lang="ja_JP.UTF-8")
    assert "issue.yaml:4:11: エラー: 記事の種類「colum」はありません" in r.output


def test_warnings_do_not_fail(empty_project):
    folder = empty_project.issues / "x"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        MINIMAL.replace("本文。", "2020年11月19日（水）に開催。"), encoding="utf-8"
    )
    r = run(empty_project, "check")
    assert r.exit_code == 0 and "warning:" in r.output


def test_check_unknown_id(project):
    r = run(project, "check", "2020-wintr")
    assert r.exit_code == 1 and 'Did you mean "2020-winter"' in r.output


def test_new_template_passes_check(empty_project):
    (empty_project.issues / "publication.yaml").unlink()
    r = run(empty_project, "new", "2031-autumn", "--date", "2031-10-01")
    assert r.exit_code == 0, r.output
    assert (empty_project.issues / "publication.yaml").exists()
    text = (empty_project.issues / "2031-autumn" / "issue.yaml").read_text(encoding="utf-8")
    for kind in (
        "report",
        "committee",
        "member",
        "calendar",
        "officers",
        "opinions",
        "providers",
        "article",
    ):
        assert f"kind: {kind}" in text
    r = run(empty_project, "check", "2031-autumn")
    assert r.exit_code == 0, r.output
    assert run(empty_project, "new", "2031-autumn").exit_code == 1
    assert run(empty_project, "new", "Bad_ID").exit_code == 2


def test_help_reads_well():
    r = CliRunner().invoke(main, ["--help"])
    assert r.exit_code == 0
    for cmd in ("check", "new", "build", "fonts"):
        assert cmd in r.output
        sub = CliRunner().invoke(main, [cmd, "--help"])
        assert sub.exit_code == 0 and len(sub.output.splitlines()) > 4


def test_console_script_runs():
    r = subprocess.run(
        [sys.executable, "-m", "express", "--version"], capture_output=True, text=True, check=False
    )
    assert r.returncode == 0 and "express" in r.stdout


def test_a_bug_is_one_clear_line_not_a_traceback(project, monkeypatch):
    import express.build

    def broken(*_args, **_kwargs):
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(express.build, "build", broken)
    r = run(project, "build")
    assert r.exit_code == 70
    assert "internal error (RuntimeError: layout exploded)" in r.output
    assert "Traceback" not in r.output


def test_a_failed_build_of_several_issues_says_nothing_was_written(project):
    path = project.issues / "2022-spring" / "issue.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: opinions", "kind: opinion"),
                    encoding="utf-8")
    r = run(project, "build", "2020-winter", "2022-spring", "--no-site")
    assert r.exit_code == 1
    assert "nothing was written (errors in: 2022-spring)" in r.output
    assert not (project.build / "pdf").exists()
