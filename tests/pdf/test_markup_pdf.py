"""Body markup and photo options read back from the PDFs: subheadings in their style, on
their own lines, kept with their text and bookmarked under their article; line breaks
where written; numbered lists; wide, half and credited photos; the signature, the
officers' note and dates without weekdays."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from express.model.body import Heading, ItemList, LineBreak, Paragraph
from express.pdf.layout.photo import HALF
from express.pdf.template import read_template
from tests.conftest import ROOT, copy_project
from tests.pdf.conftest import SAMPLES, column_sections, squash
from tests.pdf.test_layout import issue_of
from tests.typography.glyphs import read_glyphs
from tests.typography.layout import ps_name, role_fonts

pytestmark = pytest.mark.xdist_group("built")


@dataclass
class Line:
    page: int
    col: int
    y: float  # baseline
    x0: float
    x1: float  # right edge of the last glyph
    text: str  # without spaces
    fonts: set[str]
    sizes: set[float]


def frames(page, width: float) -> list[tuple[float, float]]:
    """(bottom, top) of the frames across the text block (a member's profile)."""
    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH]):
        x0, y0, x1, y1 = obj.get_bounds()
        if abs(x1 - x0 - width) < 2 and y1 - y0 > 20:
            out.append((y0, y1))
    return out


def read_lines(pdf: Path, template: Path) -> list[Line]:
    """The lines of the text block after the cover in reading order: page by page; in a
    section of ruled columns or a frame the left column, then the right; other lines by
    height."""
    t = read_template(template)
    mid = t.left + t.grid.width / 2
    bottom, top = t.bottom - 2, t.bottom + t.grid.height + 2
    doc = pdfium.PdfDocument(str(pdf))
    bands = {i: column_sections(doc[i], mid) + frames(doc[i], t.grid.width)
             for i in range(1, len(doc))}
    doc.close()
    rows: dict[tuple[int, int, float], list] = {}
    for pi, glyphs in enumerate(read_glyphs(pdf)):
        if pi == 0:
            continue
        for g in glyphs:
            if g.ch.isspace() or not bottom <= g.y <= top:
                continue
            col = 0 if g.x < mid else 1
            rows.setdefault((pi, col, round(g.y, 1)), []).append(g)
    lines = []
    for (pi, col, y), gs in rows.items():
        gs.sort(key=lambda g: g.x)
        lines.append(Line(pi, col, y, gs[0].x, gs[-1].right, "".join(g.ch for g in gs),
                          {g.font for g in gs}, {g.size for g in gs}))

    def key(ln: Line):
        band = next((b for b in bands[ln.page] if b[0] - 2 <= ln.y <= b[1] + 2), None)
        return (ln.page, -band[1], ln.col, -ln.y) if band else (ln.page, -ln.y, 0, -ln.y)

    return sorted(lines, key=key)


@pytest.fixture(scope="module")
def lines(built, pdfs) -> dict[str, list[Line]]:
    project, _ = built
    return {i: read_lines(p, project.pdf_template()) for i, p in pdfs.items()}


@pytest.fixture(scope="module")
def issues(built):
    project, _ = built
    return {i: issue_of(project, i) for i in SAMPLES}


def bodies(issue):
    """(bookmark title, body) of every body in the issue."""
    yield "巻頭言", issue.editorial
    for a in issue.articles:
        if getattr(a, "body", None):
            yield str(a.title), a.body


def headings(issue):
    return [(title, h) for title, body in bodies(issue) for h in body.headings]


def test_the_samples_use_every_element(issues):
    blocks = [b for i in issues.values() for _t, body in bodies(i) for b in body.blocks]
    assert any(isinstance(b, Heading) for b in blocks)
    assert any(isinstance(b, ItemList) and b.numbered for b in blocks)
    assert any(isinstance(b, Paragraph) and b.broken for b in blocks)
    photos = [p for i in issues.values() for a in i.articles for p in getattr(a, "photos", ())]
    assert {p.size for p in photos} == {"column", "wide", "half"}
    assert any(p.credit for p in photos) and any(p.alt for p in photos)
    kinds = {a.kind for i in issues.values() for a in i.articles if getattr(a, "photos", ())}
    assert kinds == {"report", "article", "committee", "member"}
    assert all(i.signature for i in issues.values())


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_subheadings_are_lines_of_their_own_in_the_subheading_style(built, lines, issues,
                                                                     issue_id):
    project, _ = built
    t = read_template(project.pdf_template())
    st = t.style("subheading")
    font = ps_name(role_fonts(ROOT, t)[st.font])
    body_font = ps_name(role_fonts(ROOT, t)[t.style("body").font])
    found = headings(issues[issue_id])
    assert found
    for _title, h in found:
        (ln,) = [ln for ln in lines[issue_id] if ln.text == squash(h.text)]
        assert ln.fonts == {font} and ln.sizes == {st.size}, (h.text, ln)
        assert font != body_font


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_subheadings_keep_two_lines_of_their_text_below_them(lines, issues, issue_id):
    ls = lines[issue_id]
    for _title, h in headings(issues[issue_id]):
        i = next(k for k, ln in enumerate(ls) if ln.text == squash(h.text))
        below = ls[i + 1: i + 3]
        assert all((ln.page, ln.col) == (ls[i].page, ls[i].col) for ln in below), (h.text,
                                                                                    below)
        assert below[0].y < ls[i].y


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_subheadings_are_bookmarked_under_their_articles(pdfs, lines, issues, issue_id):
    reader = pypdf.PdfReader(str(pdfs[issue_id]))
    outline = reader.outline
    nested: dict[str, list[tuple[str, int]]] = {}
    for k, entry in enumerate(outline):
        if isinstance(entry, list):
            parent = outline[k - 1].title
            nested[parent] = [(e.title, reader.get_destination_page_number(e)) for e in entry]
    expected: dict[str, list[tuple[str, int]]] = {}
    for title, h in headings(issues[issue_id]):
        (ln,) = [ln for ln in lines[issue_id] if ln.text == squash(h.text)]
        expected.setdefault(title, []).append((h.text, ln.page))
    assert nested == expected


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_line_breaks_start_new_lines_where_written(lines, issues, issue_id):
    ls = lines[issue_id]
    texts = [ln.text for ln in ls]
    checked = 0
    for _title, body in bodies(issues[issue_id]):
        for block in body.blocks:
            if not (isinstance(block, Paragraph) and block.broken):
                continue
            # (a mailto: link prints its address alone)
            segments = [squash(s).replace("mailto:", "") for s in block.text.split("\n")]
            for before, after in itertools.pairwise(segments):
                # the text after a break opens a line, and the text before it ends one
                starts = [k for k, t in enumerate(texts) if t.startswith(after[:10])]
                assert starts, (after, texts)
                k = starts[0]
                assert "".join(texts[max(0, k - 4):k]).endswith(before[-6:]), (before, k)
                checked += 1
    assert checked >= 2


def test_the_signature_is_its_written_lines_flush_right(built, lines, issues):
    project, _ = built
    t = read_template(project.pdf_template())
    for issue_id, issue in issues.items():
        written = [squash(s) for s in issue.signature.plain_text.split("\n")]
        assert written == ["一般社団法人日本インターネットプロバイダー協会", "会長久保真"]
        last = min(k for k, ln in enumerate(lines[issue_id]) if ln.text == written[-1])
        found = lines[issue_id][last - 1: last + 1]  # the editorial's last two lines
        assert [ln.text for ln in found] == written
        right = t.column_x(1) + t.grid.column_width
        assert all(abs(ln.x1 - right) < 1.0 for ln in found), found


def test_numbered_items_print_their_numbers_in_order(lines, issues):
    issue = issues["2022-spring"]
    (lst,) = [b for _t, body in bodies(issue) for b in body.blocks
              if isinstance(b, ItemList) and b.numbered]
    texts = [ln.text for ln in lines["2022-spring"]]
    at = 0
    for item in lst.items:
        marker = f"{item.number}." + squash(item.text)[:6]
        k = next(k for k, t in enumerate(texts) if k >= at and t.startswith(marker))
        at = k + 1
    assert [i.number for i in lst.items] == list(range(1, 9))


def test_the_article_reads_in_the_order_written(lines, issues):
    a = issues["2022-spring"].articles[0]
    text = "".join(ln.text for ln in lines["2022-spring"])
    at = text.index(squash(str(a.title)))
    for block in a.body.blocks:
        runs = block.items[0].inlines if isinstance(block, ItemList) else block.inlines
        first = squash("".join(r.text for r in runs if not isinstance(r, LineBreak)))[:8]
        k = text.find(first, at)
        assert k > at, first
        at = k


# -- photos -------------------------------------------------------------------------

def images(pdf: Path) -> list[tuple[int, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [(i, tuple(obj.get_bounds())) for i in range(1, len(doc))
                for obj in doc[i].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,),
                                              max_depth=4)]
    finally:
        doc.close()


def test_photo_sizes_credit_and_caption(built, pdfs, lines, issues):
    project, _ = built
    t = read_template(project.pdf_template())
    mid = t.left + t.grid.width / 2
    ls = lines["2022-spring"]
    a = issues["2022-spring"].articles[0]
    wide, half, column = a.photos
    boxes = images(pdfs["2022-spring"])
    # wide: across both columns, its credit flush right under it, its caption under that
    (page, (x0, y0, x1, y1)), = [b for b in boxes if b[1][0] < mid < b[1][2]
                                 and b[1][2] - b[1][0] > 1.5 * t.grid.column_width]
    (credit,) = [ln for ln in ls if ln.text == squash(str(wide.credit))]
    (caption,) = [ln for ln in ls if ln.text == squash(str(wide.caption))]
    assert credit.page == caption.page == page  # (the picture may be cropped: its box
    assert abs(credit.x1 - x1) < 1.0 and credit.y < y1 and caption.y < credit.y  # is whole)
    assert abs(caption.x0 - x0) < 1.0
    # half: half a column wide, its caption beside it, the caption's foot at the picture's
    halves = [b for b in boxes
              if abs(b[1][2] - b[1][0] - (t.grid.column_width * HALF
                                          - t.space["caption_side_gap"] / 2)) < 1.0]
    assert halves
    cap_lines = [ln for ln in ls if len(ln.text) > 3 and ln.text in squash(str(half.caption))]
    page, (x0, y0, x1, y1) = halves[0]
    beside = [ln for ln in cap_lines if ln.page == page and ln.x0 > x1 and y0 <= ln.y <= y1]
    assert beside and min(ln.y for ln in beside) - y0 < t.style("caption").size
    assert column.size == "column" and column.alt  # (the alt text: for the site and tags)


def test_a_committee_photo_stands_with_its_committee(lines, issues):
    issue = issues["2022-spring"]
    committees = [a for a in issue.articles if a.kind == "committee"]
    (c,) = [a for a in committees if a.photos]
    after = committees[committees.index(c) + 1]
    ls = lines["2022-spring"]

    def at(text: str) -> int:  # (after the contents page, which names them too)
        return next(k for k, ln in enumerate(ls)
                    if ln.page > 1 and ln.text.startswith(squash(text)[:8]))

    name, cap, nxt = at(str(c.name)), at(str(c.photos[0].caption)), at(str(after.name))
    assert name < cap < nxt  # between its name and the next committee's
    assert ls[name].page == ls[cap].page


def test_officers_note_and_dates_without_weekdays(lines):
    texts = [ln.text for ln in lines["2022-spring"]]
    assert "（敬称略・順不同）" in texts
    joined = "".join(texts)
    assert "2022年4月1日現在" in joined and "2022年4月1日（金）" not in joined
    assert "2022年5月20日発行" in joined and "2022年5月20日（金）" not in joined


def test_the_template_turns_the_weekdays_on(tmp_path):
    from express.build import build

    project = copy_project(tmp_path)
    for name in ("a4-magazine", "b5-single"):
        path = project.templates / "pdf" / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace("  as_of: false ", "  as_of: true ").replace(
            "  issued: false ", "  issued: true ")
        path.write_text(text, encoding="utf-8")
    result = build(project, ["2022-spring"], site=False)
    assert result.ok
    text = squash("".join(ln.text for ln in read_lines(result.pdfs["2022-spring"],
                                                       project.pdf_template())))
    assert "2022年4月1日（金）現在" in text and "2022年5月20日（金）発行" in text
