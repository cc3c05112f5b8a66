"""``express check --strict``: editorial warnings become errors and fail the check."""

from __future__ import annotations

from click.testing import CliRunner

from express.cli import main

ISSUE = """\
number: 1
date: 2020-12-15
editorial: |
  2020年11月19日（水）に開催しました。
articles:
  - kind: article
    title: 題
"""


def _run(project, *args: str, lang: str = "C.UTF-8"):
    folder = project.issues / "2031-autumn"
    folder.mkdir(exist_ok=True)
    (folder / "issue.yaml").write_text(ISSUE, encoding="utf-8")
    return CliRunner().invoke(main, ["--project", str(project.root), "check", *args],
                              env={"LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""})


def test_without_strict_a_warning_does_not_fail(empty_project):
    r = _run(empty_project)
    assert r.exit_code == 0, r.output
    assert "2031-autumn/issue.yaml:4:3: warning: 2020年11月19日（水） says 水" in r.output


def test_strict_turns_warnings_into_errors(empty_project):
    r = _run(empty_project, "--strict")
    assert r.exit_code == 1, r.output
    assert "2031-autumn/issue.yaml:4:3: error: 2020年11月19日（水） says 水" in r.output
    assert "1 error(s), 0 warning(s)" in r.output
    r = _run(empty_project, "--strict", lang="ja_JP.UTF-8")
    assert "issue.yaml:4:3: エラー: 「2020年11月19日（水）」の曜日は水" in r.output
