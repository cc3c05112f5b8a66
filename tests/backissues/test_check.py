"""``express check`` on back issues: a good one is clean; a missing, non-PDF, damaged or
password-protected file, articles beside pdf:, and contents that point past the PDF are
errors at their line, saying what to do."""

from __future__ import annotations

import shutil

import pypdf

from express.check import check
from express.model.back_issue import BackIssue
from tests.backissues.conftest import add_back_issue
from tests.conftest import ROOT


def problems(project, ids=None) -> list[tuple[int, str, str]]:
    """(line, severity, code) of every diagnostic."""
    _archive, diags = check(project, ids)
    return sorted((d.pos.line if d.pos else 0, d.severity.value, d.code) for d in diags)


def test_a_back_issue_checks_clean_and_loads_its_pdf(empty_project, originals):
    add_back_issue(empty_project.issues, "2019-spring", originals.files["2019-spring"],
                   "headline: 地域をつなぐ\ncontents:\n  - {title: 部会報告, page: 4, "
                   "kind: committee}\n")
    archive, diags = check(empty_project)
    assert list(diags) == []
    [issue] = archive.issues
    assert issue.is_back and issue.articles == []
    assert isinstance(issue.back, BackIssue) and issue.back.pages == 5
    assert issue.headline == "地域をつなぐ" and issue.lead_title == "地域をつなぐ"
    [entry] = issue.back.contents
    assert (entry.title, entry.page, entry.label) == ("部会報告", 4, "部会・WG活動報告")


def test_missing_non_pdf_damaged_and_password_files_are_errors_at_the_pdf_line(
        empty_project, originals, tmp_path):
    source = originals.files["2019-autumn"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "photo.pdf").write_bytes(b"\xff\xd8\xff\xe0 not a pdf, a jpeg")
    data = source.read_bytes()
    (bad / "cut.pdf").write_bytes(data[:9] + b"garbage" * 50)
    writer = pypdf.PdfWriter(clone_from=str(source))
    writer.encrypt(user_password="secret", owner_password="owner")
    with open(bad / "locked.pdf", "wb") as f:
        writer.write(f)
    for n, name in enumerate(["photo.pdf", "cut.pdf", "locked.pdf"]):
        folder = add_back_issue(empty_project.issues, f"bad-{n}", bad / name)
        text = (folder / "issue.yaml").read_text(encoding="utf-8")
        (folder / "issue.yaml").write_text(text.replace("number: 90", f"number: {90 + n}"),
                                           encoding="utf-8")
    gone = add_back_issue(empty_project.issues, "gone", source)
    text = (gone / "issue.yaml").read_text(encoding="utf-8").replace("number: 90", "number: 99")
    (gone / "issue.yaml").write_text(text.replace(f"pdf: {source.name}", "pdf: nowhere.pdf"),
                                     encoding="utf-8")
    _archive, diags = check(empty_project)
    got = {d.pos.path.split("/")[-2]: (d.pos.line, d.pos.col, d.code) for d in diags}
    assert got == {"bad-0": (4, 6, "pdf.format"), "bad-1": (4, 6, "pdf.damaged"),
                   "bad-2": (4, 6, "pdf.password"), "gone": (4, 6, "pdf.missing")}
    rendered = {d.code: d.render("en") for d in diags}
    assert "without a password" in rendered["pdf.password"]
    assert "not a PDF" in rendered["pdf.format"]


def test_a_pdf_that_only_restricts_printing_is_a_warning(empty_project, originals, tmp_path):
    writer = pypdf.PdfWriter(clone_from=str(originals.files["2019-autumn"]))
    writer.encrypt(user_password="", owner_password="owner", permissions_flag=0)
    with open(tmp_path / "restricted.pdf", "wb") as f:
        writer.write(f)
    add_back_issue(empty_project.issues, "2019-autumn", tmp_path / "restricted.pdf")
    assert problems(empty_project) == [(4, "warning", "pdf.restricted")]


def test_articles_beside_pdf_say_which_one_to_keep(empty_project, originals):
    folder = add_back_issue(empty_project.issues, "2019-autumn", originals.files["2019-autumn"],
                            "template: b5-single\narticles:\n  - kind: article\n"
                            "    title: 記事\n")
    assert problems(empty_project) == [(5, "error", "backissue.typeset_key"),
                                       (6, "error", "backissue.articles_and_pdf")]
    _archive, diags = check(empty_project)
    text = next(d for d in diags if d.code == "backissue.articles_and_pdf").render("en")
    assert 'remove "pdf" to typeset the articles' in text
    assert 'remove "articles" to publish the PDF' in text
    assert (folder / "issue.yaml").is_file()


def test_contents_beyond_the_pdf_out_of_order_or_of_no_kind_are_errors(empty_project,
                                                                       originals):
    add_back_issue(empty_project.issues, "2019-autumn", originals.files["2019-autumn"],
                   "contents:\n"
                   "  - {title: 巻頭言, page: 3}\n"
                   "  - {title: 報告, page: 2, kind: repot}\n"
                   "  - {title: 後記, page: 9}\n"
                   "  - {page: 4}\n")
    assert problems(empty_project) == [
        (7, "error", "backissue.contents_order"), (7, "error", "backissue.unknown_kind"),
        (8, "error", "backissue.page_beyond"), (9, "error", "key.missing")]
    _archive, diags = check(empty_project)
    kind = next(d for d in diags if d.code == "backissue.unknown_kind")
    assert kind.args["hint"] == "report"


def test_headline_or_contents_without_pdf_are_errors(empty_project):
    shutil.copytree(ROOT / "issues" / "2020-winter", empty_project.issues / "2020-winter")
    path = empty_project.issues / "2020-winter" / "issue.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "headline: 見出し\n", encoding="utf-8")
    codes = [c for _line, _sev, c in problems(empty_project)]
    assert "issue.back_issue_key" in codes


def test_no_glyph_warnings_for_a_back_issue_that_is_not_typeset(empty_project, originals):
    # 𠮷 (U+20BB7) is not in the default fonts: a typeset issue would be warned of it
    add_back_issue(empty_project.issues, "2019-spring", originals.files["2019-spring"],
                   "contents:\n  - {title: 𠮷野家さんの紹介, page: 5}\n")
    _archive, diags = check(empty_project, glyphs=True)
    assert list(diags) == []
