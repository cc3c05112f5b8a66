"""Another issue's number and date, read from the top of its file (a build of one issue
glances at every other issue for them), are what loading that issue reads."""

from __future__ import annotations

import datetime as dt

from express.diagnostics import Diagnostics
from express.load import issue_facts, issue_folders, load_issue


def test_facts_are_what_loading_the_issue_reads(project):
    for folder in issue_folders(project.issues):
        issue = load_issue(folder, Diagnostics())
        assert issue_facts(folder) == (issue.number, issue.at("number"), issue.date)


def _facts(tmp_path, text: str):
    folder = tmp_path / "2031-autumn"
    folder.mkdir(parents=True)
    (folder / "issue.yaml").write_text(text, encoding="utf-8")
    got = issue_facts(folder)
    return got and (got[0], got[1].line, got[1].col, got[2])


def test_the_file_is_read_only_as_far_as_the_number_and_date(tmp_path):
    # what follows is not read: a mistake there is reported when that issue is loaded
    text = "number: 91\ndate: 2031-10-20\narticles:\n  - kind: [report\n"
    assert _facts(tmp_path, text) == (91, 1, 9, dt.date(2031, 10, 20))


def test_facts_read_as_loading_reads_them(tmp_path):
    cases = {
        "cover:\n  number: 7\nnumber: '91'\ndate: ２０３１-10-20\n":
            (91, 3, 9, dt.date(2031, 10, 20)),
        "n: &n 91\nnumber: *n\ndate: 2031-10-20\n": (91, 1, 4, dt.date(2031, 10, 20)),
        "{date: 2031-10-20, number: 91}\n": (91, 1, 28, dt.date(2031, 10, 20)),
        "number: 91\n": (91, 1, 9, None),
        "number: [91]\ndate: 2031-10-20\n": None,
        "number: -1\n": None,
        "- number: 91\n": None,
        "title: [x\nnumber: 91\n": None,
    }
    for n, (text, expected) in enumerate(cases.items()):
        assert _facts(tmp_path / str(n), text) == expected, text
