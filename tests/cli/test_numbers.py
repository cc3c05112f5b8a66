"""Issue numbers against dates: an issue numbered backwards in time is warned of naming both
files, and ``express new`` proposes the number after the latest issue's."""

from __future__ import annotations

import pytest

from express.check import check
from express.new_issue import next_number
from tests.cli.test_cli import run
from tests.load.conftest import MINIMAL


def write(project, issue_id: str, number: int, date: str) -> None:
    folder = project.issues / issue_id
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        MINIMAL.replace("number: 1", f"number: {number}").replace("2020-12-15", date),
        encoding="utf-8")


@pytest.fixture
def mistyped(empty_project, monkeypatch):
    """Issues 89–91 of 2031, then a new one typed 39 instead of 92."""
    monkeypatch.chdir(empty_project.root)  # paths in messages as the editor sees them
    for issue_id, number, date in (("2031-spring", 89, "2031-04-20"),
                                   ("2031-summer", 90, "2031-07-20"),
                                   ("2031-autumn", 91, "2031-10-20"),
                                   ("2032-spring", 39, "2032-04-20")):
        write(empty_project, issue_id, number, date)
    return empty_project


def test_a_number_going_backwards_in_time_is_warned_of_naming_both_files(mistyped):
    _archive, diags = check(mistyped)
    (d,) = [d for d in diags if d.code == "issue.number_back_in_time"]
    assert not d.is_error  # an old issue may be renumbered on purpose: a warning
    assert d.pos.path.endswith("2032-spring/issue.yaml") and (d.pos.line, d.pos.col) == (1, 9)
    assert d.args["other"].endswith("2031-autumn/issue.yaml:1:9")
    assert ("issue number 39, dated 2032-04-20, goes backwards in time against number 91, "
            "dated 2031-10-20 (issues/2031-autumn/issue.yaml:1:9)") in d.render("en")
    assert ("号数 39（発行日 2032-04-20）は、issues/2031-autumn/issue.yaml:1:9 の号数 91"
            "（発行日 2031-10-20）と発行日の順が逆") in d.render("ja")


def test_checking_one_issue_still_compares_it_with_the_others(mistyped):
    r = run(mistyped, "check", "2032-spring")
    assert r.exit_code == 0 and "goes backwards in time against number 91" in r.output
    r = run(mistyped, "check", "2031-spring")  # the others are not its business
    assert "backwards" not in r.output


def test_one_old_issue_numbered_too_high_is_the_one_told(empty_project):
    for issue_id, number, date in (("2020-winter", 350, "2020-12-15"),
                                   ("2021-summer", 36, "2021-07-20"),
                                   ("2021-winter", 37, "2021-12-15"),
                                   ("2022-spring", 38, "2022-05-20")):
        write(empty_project, issue_id, number, date)
    _archive, diags = check(empty_project)
    told = [d.pos.path for d in diags if d.code == "issue.number_back_in_time"]
    assert len(told) == 1 and told[0].endswith("2020-winter/issue.yaml")


def test_numbers_in_date_order_say_nothing(project):
    _archive, diags = check(project)
    assert not [d for d in diags if d.code == "issue.number_back_in_time"]


def test_new_proposes_the_number_after_the_latest_issue(mistyped):
    # the highest number (91) is not the latest issue's: that is 2032-spring's 39
    assert next_number(mistyped) == 40
    write(mistyped, "2018-winter", 120, "2018-12-15")  # a back number added later
    assert next_number(mistyped) == 40
    r = run(mistyped, "new", "2032-summer", "--date", "2032-07-20")
    assert r.exit_code == 0, r.output
    text = (mistyped.issues / "2032-summer" / "issue.yaml").read_text(encoding="utf-8")
    assert text.startswith("#") and "\nnumber: 40 " in text


def test_new_numbers_the_first_issue_one(empty_project):
    assert next_number(empty_project) == 1
