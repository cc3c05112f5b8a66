"""The page plan, measured from the PDFs of the samples and of fresh issues: full pages or a
warning saying why, a colophon at the foot of the last page beside lines of text, no page
of a few lines, tables split with their minimum rows, every article printed once."""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from express.pdf.template import read_template
from tests.conftest import add_fresh_issues, copy_project
from tests.pdf.conftest import SAMPLES, squash

pytestmark = pytest.mark.xdist_group("built")

FRESH = ("2023-autumn", "2021-winter", "2022-summer")
ASCENT = 0.88  # (express.pdf.paint.text: where the composer puts a baseline in its line)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """The fresh issues (tests/fixtures/fresh_issues) built beside the samples: (project,
    result); their pictures are the samples' of the same names."""
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("fresh"))
    add_fresh_issues(project, FRESH)
    result = build(project, site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result


def pages_of(pdf: Path, t) -> list[dict]:
    """Each page's baselines inside the text block, its pictures' bottoms and its text."""
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            lines: set[float] = set()
            ox, oy = ctypes.c_double(), ctypes.c_double()
            for k in range(tp.count_chars()):
                if tp.get_text_range(k, 1).isspace():
                    continue
                pdfium_c.FPDFText_GetCharOrigin(tp.raw, k, ox, oy)
                if t.bottom - 2 <= oy.value <= t.bottom + t.grid.height:
                    lines.add(round(oy.value, 1))
            pictures = [o.get_bounds()[1] for o in page.get_objects(
                filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)
                if o.get_bounds()[1] >= t.bottom - 2]
            out.append({"lines": sorted(lines), "pictures": pictures,
                        "text": squash(tp.get_text_range())})
    finally:
        doc.close()
    return out


def empty_share(page: dict, t) -> float:
    """From the lowest baseline or picture to the folio's baseline, as a share of the text
    block from its first baseline to the folio's (as the plan and craft.py measure it)."""
    body = t.grid.body
    pitch = t.grid.line_pitch
    first = t.bottom + t.grid.height - ((pitch - body.size) / 2 + ASCENT * body.size)
    low = min(page["lines"] + page["pictures"])
    folio = t.folio["bottom"]
    return (low - folio) / (first - folio)


def warned_pages(result, issue_id: str) -> set[int]:
    return {d.args["page"] for d in result.diags
            if d.code.startswith("pdf.page_empty") and issue_id in str(d.pos)}


@pytest.fixture(params=SAMPLES + FRESH)
def case(request):
    project, result = request.getfixturevalue("built" if request.param in SAMPLES
                                              else "fresh")
    t = read_template(project.pdf_template())
    return request.param, project, result, t, pages_of(result.pdfs[request.param], t)


def test_no_page_is_more_than_a_fifth_empty_unless_the_build_says_why(case):
    issue_id, _project, result, t, pages = case
    warned = warned_pages(result, issue_id)
    for i, page in enumerate(pages[1:-1], start=1):  # the cover and the last page aside
        folio = i + 1
        if empty_share(page, t) > t.plan["warn_empty"]:
            assert folio in warned, (issue_id, folio, f"{empty_share(page, t):.0%}")
    assert len(warned) <= 1, (issue_id, warned)  # and it is rare


def test_the_colophon_stands_at_the_foot_of_the_last_page_beside_five_lines(case):
    issue_id, _project, _result, _t, pages = case
    last = pages[-1]
    assert "本誌掲載記事の無断転載を禁じます" in last["text"]
    assert all("無断転載" not in p["text"] for p in pages[:-1])
    # the colophon is the lowest thing on the page: its notice is its last line
    colophon_lines = 9  # title, date, 発行, 編集, address, TEL, E-mail, notice, rule
    assert len(last["lines"]) >= colophon_lines - 1 + 5, (issue_id, len(last["lines"]))


def test_no_page_holds_fewer_than_five_lines(case):
    issue_id, _project, _result, t, pages = case
    for i, page in enumerate(pages[1:], start=2):
        assert len(page["lines"]) >= t.plan["min_page_lines"], (issue_id, i)


def test_every_article_is_printed_once(case):
    """Moved or not, each article is set once: its title is printed and the start of its
    text stands once in the issue (neither lost nor set twice)."""
    issue_id, project, _result, _t, pages = case
    from express.load import load_archive

    archive, _ = load_archive(project.issues, [issue_id])
    issue = next(i for i in archive.issues if i.id == issue_id)
    text = "".join(p["text"] for p in pages[1:])
    starts: Counter[str] = Counter()
    for a in issue.articles:
        assert squash(str(a.title)) in text, (issue_id, a.title)
        body = getattr(a, "body", None)
        if body and body.blocks and hasattr(body.blocks[0], "inlines"):
            starts[squash("".join(i.text for i in body.blocks[0].inlines))[:44]] += 1
    for first, n in starts.items():
        assert text.count(first) == n, (issue_id, first)


def test_the_running_order_is_the_issues_unless_an_article_fills_a_page(fresh):
    """2021-winter has no 巻頭言: its report starts a new page after the contents, whose
    room the column (written after the report) fills; the contents list it there."""
    _project, result = fresh
    import pypdf

    reader = pypdf.PdfReader(str(result.pdfs["2021-winter"]))
    titles = [o.title for o in reader.outline]
    assert titles[:2] == ["IGF2023の日本開催に向けて", "沖縄ICTフォーラム2021 in 名護 開催報告"]
    assert reader.get_destination_page_number(reader.outline[0]) == 1  # the contents' page


# ------------------------------------------------------------------ tables over a page
def slot(n: int, day: int) -> str:
    return (f"          - time: \"{9 + n:02d}:{day:02d}-{9 + n:02d}:{day + 30:02d}\"\n"
            f"            title: 第{day}日の講演{n}\n"
            f"            speakers:\n"
            f"              - {{name: 講師 {n}, affiliation: テスト株式会社}}\n"
            f"            abstract: |\n"
            f"              {'講演の概要です。' * (6 + n % 3)}\n")


PROGRAMME = """\
  - kind: report
    title: 二日間のフォーラム開催報告
    event: {{start: 2031-09-11, end: 2031-09-12}}
    programme:
      - date: 2031-09-11
        slots:
{first}
      - date: 2031-09-12
        slots:
{second}
    body: |
      {body}
"""


def test_a_programme_day_splits_with_three_rows_a_side_and_its_heading_again(empty_project):
    """Wherever the page falls in a programme, a day's table keeps table_min_rows rows on
    each side (a three-slot day is never split 1 + 2) and its continuation repeats the
    day's heading with （続き） over the repeated header."""
    from express.build import build
    from tests.pdf.conftest import write_issue

    t = read_template(empty_project.pdf_template())
    least = t.composition["table_min_rows"]
    first = "".join(slot(n, 0) for n in range(8))
    second = "".join(slot(n, 20) for n in range(3))
    times = {day: [f"{9 + n:02d}:{m:02d}–{9 + n:02d}:{m + 30:02d}" for n in range(k)]
             for day, m, k in ((1, 0, 8), (2, 20, 3))}
    split = 0
    for filler in range(2, 40, 6):
        report = PROGRAMME.format(first=first, second=second,
                                  body="フォーラムを開催しました。" * filler)
        write_issue(empty_project, body="本文です。" * 10, extra=report)
        result = build(empty_project, ["2031-autumn"], site=False)
        assert result.ok, [d.render("en") for d in result.diags]
        pages = pages_of(result.pdfs["2031-autumn"], t)
        for day, labels in times.items():
            on = [next(i for i, p in enumerate(pages) if squash(x) in p["text"])
                  for x in labels]
            for page in sorted(set(on))[1:]:
                split += 1
                assert on.count(page) >= least and on.count(on[0]) >= least, (filler, day, on)
                heading = f"9月{10 + day}日"
                assert f"{heading}" in pages[page]["text"] and "のプログラム（続き）" in \
                    pages[page]["text"], (filler, day)
    assert split  # the page fell inside a day at least once


def officer_rows(n: int) -> str:
    companies = ["リネネットワークコミュニケーションズ株式会社",
                 "イーブロードコミュニケーションズ株式会社",
                 "株式会社TOKAIコミュニケーションズ", "アルテリア・ネットワークス株式会社"]
    return "".join(f"          - {{name: 理事 {k:02d}, company: {companies[k % 4]}}}\n"
                   for k in range(n))


def test_officers_go_on_overleaf_with_the_role_and_company_names_on_one_line(empty_project):
    from express.build import build
    from tests.pdf.conftest import write_issue

    officers = ("  - kind: officers\n    as_of: 2031-04-01\n    groups:\n"
                "      - role: 会長\n        members:\n"
                "          - {name: 久保 真, company: ビッグローブ株式会社}\n"
                "      - role: 理事\n        members:\n" + officer_rows(60))
    write_issue(empty_project, body="本文です。" * 40, extra=officers)
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    t = read_template(empty_project.pdf_template())
    pages = pages_of(result.pdfs["2031-autumn"], t)
    on = [i for i, p in enumerate(pages) if re.search(r"理事\d\d", p["text"])]
    assert len(on) >= 2  # the list goes over a page
    for i in on[1:]:  # the header, then the group's role on the first row
        assert pages[i]["text"].startswith("役職氏名所属理事（続き）"), i
    # every company on one line (a visual line: one baseline)
    lines: list[str] = []
    doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
    try:
        for i in on:
            tp = doc[i].get_textpage()
            rows: dict[float, str] = {}
            ox, oy = ctypes.c_double(), ctypes.c_double()
            for k in range(tp.count_chars()):
                pdfium_c.FPDFText_GetCharOrigin(tp.raw, k, ox, oy)
                key = round(oy.value, 1)
                rows[key] = rows.get(key, "") + tp.get_text_range(k, 1)
            lines += [squash(r) for r in rows.values()]
    finally:
        doc.close()
    for company in ("リネネットワークコミュニケーションズ株式会社",
                    "イーブロードコミュニケーションズ株式会社"):
        assert sum(company in line for line in lines) == 15, company
        assert not any(company[:6] in line and company not in line for line in lines)


def test_the_colophon_never_stands_alone_wherever_the_text_ends(empty_project):
    """However long the last article, the colophon stands at the foot of the last page with
    at least five lines of text above it: a page the colophon would not fit is set shorter
    so that enough lines go on with it (the seed's issue ended on a page holding only the
    colophon and one stray line)."""
    from express.build import build
    from tests.pdf.conftest import write_issue

    t = read_template(empty_project.pdf_template())
    sentence = "会員の皆様との情報交換を通じて、課題の解決に取り組んでまいります。"
    carried = 0
    for filler in range(52, 84, 3):  # the text's end moves down the second page
        write_issue(empty_project, body="\n\n".join([sentence * 4] * filler))
        result = build(empty_project, ["2031-autumn"], site=False)
        assert result.ok, [d.render("en") for d in result.diags]
        pages = pages_of(result.pdfs["2031-autumn"], t)
        last = pages[-1]
        assert "本誌掲載記事の無断転載を禁じます" in last["text"], filler
        colophon = [y for y in last["lines"] if y < t.bottom + 9 * t.grid.line_pitch]
        text = [y for y in last["lines"] if y not in colophon]
        assert len(text) >= t.plan["min_page_lines"], (filler, len(text))
        # lines carried: the page before ends short of its foot though the text goes on
        carried += len(pages) > 2 and empty_share(pages[-2], t) > 0.1
    assert carried  # the mending was needed at least once
