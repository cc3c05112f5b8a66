"""``express import``: folders from a batch of PDFs, number, season and date read from
each cover (by OCR for a scanned one), checked clean, and nothing ever overwritten."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from express.check import check
from express.cli import main
from express.importer.cover import read_cover
from tests.backissues.conftest import BACK_ISSUES, DATES, needs_ocr


@pytest.mark.parametrize(("cover", "number", "season", "folder_year", "date"), [
    ("JAIPA Express 第37号 2021年冬号 2021年12月15日 発行", 37, "2021年冬号", 2021,
     "2021-12-15"),
    ("第 3 7 号\n2021 年 冬 号", 37, "2021年冬号", 2021, None),  # OCR's spacing
    ("令和3年冬号（第37号）令和3年12月15日発行", 37, "令和3年冬号", 2021, "2021-12-15"),
    ("平成元年春号 第1号", 1, "平成元年春号", 1989, None),
    # an event date on the cover is not the date of issue; the one before 発行 is
    ("第40号 2023年春号 2023年5月19日〜20日 フォーラム開催 2023年4月25日発行", 40,
     "2023年春号", 2023, "2023-04-25"),
    ("ISPの集い 2023年5月19日 2023年6月2日", None, None, None, None),  # two dates: unsure
])
def test_read_cover(cover, number, season, folder_year, date):
    facts = read_cover(cover)
    assert (facts.number, facts.season, facts.season_year) == (number, season, folder_year)
    assert facts.date == (dt.date.fromisoformat(date) if date else None)


def test_import_makes_folders_that_check_clean_from_what_the_covers_say(empty_project,
                                                                        originals):
    needs_ocr()
    pdfs = [originals.files[i] for i in BACK_ISSUES]
    run = CliRunner().invoke(main, ["--project", str(empty_project.root), "import",
                                    *map(str, pdfs)])
    assert run.exit_code == 0, run.output
    archive, diags = check(empty_project)
    assert list(diags) == []
    got = {i.id: (i.number, str(i.season), i.date.isoformat()) for i in archive.issues}
    assert got == {issue_id: (cover.number, cover.season, DATES[issue_id])
                   for issue_id, (_m, (cover, _p), _e) in BACK_ISSUES.items()}
    for issue_id, pdf in originals.files.items():
        copy = empty_project.issues / issue_id / pdf.name
        assert copy.read_bytes() == pdf.read_bytes()
    assert "2018-winter/: made from" in run.output
    assert "read from the cover by OCR (check them): 第32号, 2018年冬号, 2018-12-10" in \
        run.output  # the scanned cover
    assert "read from the cover: 第34号, 2019年秋号, 2019-09-20" in run.output


def test_import_never_overwrites_and_says_what_it_could_not_read(empty_project, originals,
                                                                 tmp_path):
    from tests.backissues import makepdfs

    folder = empty_project.issues / "2019-autumn"
    folder.mkdir()
    (folder / "issue.yaml").write_text("# the editor's own\n", encoding="utf-8")
    unsure = tmp_path / "Old Issue.pdf"  # a cover that states its number only
    makepdfs.canvas_issue(unsure, makepdfs.Cover(12, "秋の号", "秋"),
                          [makepdfs.Page("記事", ["本文。"])])
    run = CliRunner().invoke(main, ["--project", str(empty_project.root), "import",
                                    str(originals.files["2019-autumn"]), str(unsure)])
    assert run.exit_code == 1  # one PDF was not imported
    assert (folder / "issue.yaml").read_text(encoding="utf-8") == "# the editor's own\n"
    assert "2019-autumn already exists and was left as it is" in run.output
    made = empty_project.issues / "no-12"
    assert "could not read season, date from the cover: fill in at" in run.output
    # as `express check no-12` reads it: the editor's 2019-autumn (a comment alone, an
    # error of its own) is no part of what the import made
    _archive, diags = check(empty_project, ["no-12"], whole=False)
    assert [(d.pos.path.endswith("no-12/issue.yaml"), d.code) for d in diags] == [
        (True, "value.empty")]  # the date, left for the editor to fill in
    assert 'pdf: "Old Issue.pdf"' in (made / "issue.yaml").read_text(encoding="utf-8")
