"""Issue 11: Latin set in a face of its own, the masthead as a logotype, and the small
things (no 和欧間 at 〒 and solidi, member profiles of whole 字, list bullets as JLREQ lists
are set), measured from the glyph positions of the built sample PDFs."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pypdfium2 as pdfium
import pytest

from express.model.body import Paragraph
from express.pdf.template import read_template
from tests.pdf.conftest import SAMPLES, squash
from tests.pdf.test_markup_pdf import frames
from tests.typography.glyphs import Glyph, read_glyphs

pytestmark = pytest.mark.xdist_group("built")


@pytest.fixture(scope="module")
def glyphs(pdfs) -> dict[str, list[list[Glyph]]]:
    return {i: read_glyphs(p) for i, p in pdfs.items()}


@pytest.fixture(scope="module")
def t(built):
    project, _ = built
    return read_template(project.pdf_template())


@pytest.fixture(scope="module")
def archive(built):
    from express.load import load_archive

    project, _ = built
    return load_archive(project.issues)[0]


def is_kana_or_kanji(ch: str) -> bool:
    return "\u3041" <= ch <= "\u30fa" or "\u4e00" <= ch <= "\u9fff"


def body(pages: list[list[Glyph]], t) -> list[Glyph]:
    size = t.style("body").size
    return [g for page in pages[1:] for g in page if abs(g.size - size) < 0.01]


def after(page: list[Glyph], text: str) -> list[Glyph]:
    """The glyphs of ``text`` where it is printed on ``page`` (on one baseline)."""
    for i in range(len(page) - len(text) + 1):
        run = page[i:i + len(text)]
        if "".join(g.ch for g in run) == text and len({round(g.y, 1) for g in run}) == 1:
            return run
    raise AssertionError(f"{text!r} is not printed on the page")


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_latin_letters_in_body_text_are_proportional(glyphs, t, issue_id):
    text = body(glyphs[issue_id], t)
    latin = [g for g in text if g.ch.isascii() and g.ch.isalpha()]
    assert len(latin) > 50
    widths = Counter(round(g.adv / g.size, 2) for g in latin)
    assert len(widths) >= 8, widths  # A, i, m, W … each its own width, not all ½ em
    # set in the Latin face of their role (embedded under its own name), kana and kanji
    # in the fixed-pitch face, one em each (ベタ組み)
    assert {g.font for g in latin} <= {"BIZUDPMincho-Regular", "BIZUDPGothic-Bold"}
    kana_kanji = [g for g in text if is_kana_or_kanji(g.ch)]
    assert {g.font for g in kana_kanji} <= {"BIZUDMincho-Regular", "BIZUDGothic-Bold"}
    assert {round(g.adv / g.size, 3) for g in kana_kanji} == {1.0}


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_copied_text_with_latin_is_the_written_text(archive, texts, issue_id):
    issue = next(i for i in archive.issues if i.id == issue_id)
    checked = 0
    for a in issue.articles:
        for block in getattr(getattr(a, "body", None), "blocks", ()):
            if not isinstance(block, Paragraph):
                continue
            runs = block.inlines
            if any(getattr(r, "href", None) or getattr(r, "ruby", None) for r in runs):
                continue  # (an address printed after a link, a reading over its base)
            written = squash(block.text)
            if any(c.isascii() and c.isalpha() for c in written):
                # whole, or in two pieces where a page's foot and the next page's head
                # (running head, folio, a caption) come between
                text = texts[issue_id]
                assert any(written[:k] in text and written[k:] in text
                           for k in range(len(written), 0, -1)), written
                checked += 1
    assert checked >= 3


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_masthead_is_a_bold_proportional_tracked_logotype(glyphs, t, issue_id):
    cover = glyphs[issue_id][0]
    size = t.style("cover_name").size
    name = [g for g in cover if abs(g.size - size) < 0.01 and not g.ch.isspace()]
    assert "".join(g.ch for g in name) == "JAIPAExpress"
    assert all("Bold" in g.font for g in name), {g.font for g in name}
    assert len({round(g.adv, 2) for g in name}) >= 8  # proportional: J A I P E x p r s
    # letter-spaced by the template's tracking between the letters of each word
    track = t.cover["name_tracking_em"] * size
    assert track > 0
    for a, b in pairwise(name):
        if b.x - a.right < size / 5:  # (not across the word space)
            assert b.x - a.right == pytest.approx(track, abs=0.05), (a.ch, b.ch)


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_masthead_is_heavier_than_its_bold_face(pdfs, t, issue_id):
    """The name's glyphs are filled and outlined (text render mode 2), as a logotype is
    drawn heavier than text in the bold face."""
    doc = pdfium.PdfDocument(str(pdfs[issue_id]))
    try:
        size = t.style("cover_name").size
        modes = set()
        for obj in doc[0].get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_TEXT], max_depth=3):
            _x0, y0, _x1, y1 = obj.get_bounds()
            if y1 - y0 > size / 2:  # (only the name is set this large)
                modes.add(pdfium.raw.FPDFTextObj_GetTextRenderMode(obj.raw))
        assert modes == {pdfium.raw.FPDF_TEXTRENDERMODE_FILL_STROKE}
    finally:
        doc.close()


def test_no_jl_space_after_the_postal_mark_or_beside_a_solidus(glyphs):
    """「〒151-0053」 (the colophon) and 「SI／IT」 (a member's text) are set solid: JLREQ
    puts no space between these symbols and what follows them."""
    colophon = glyphs["2020-winter"][-1]
    mark, one = after(colophon, "〒1")
    assert one.x - mark.right == pytest.approx(0.0, abs=0.02)
    page = next(p for p in glyphs["2020-winter"] if "SI／IT" in "".join(g.ch for g in p))
    _s, i, slash, i2, _t = after(page, "SI／IT")
    assert slash.x - i.right == pytest.approx(0.0, abs=0.02)
    assert i2.x - slash.right == pytest.approx(0.0, abs=0.02)


def test_member_profile_columns_are_whole_characters(pdfs, glyphs, t):
    """The two columns inside a member's frame are each a whole number of body characters
    wide, so a justified line of kana and kanji is set solid in every line (not ½ em
    taken out of a 、 on one line and spread over the next)."""
    em = t.style("body").size
    doc = pdfium.PdfDocument(str(pdfs["2020-winter"]))
    try:
        boxes = {i: frames(doc[i], t.grid.width) for i in range(1, len(doc))}
    finally:
        doc.close()
    checked = 0
    mid = t.left + t.grid.width / 2
    for i, found in boxes.items():
        text = [g for g in glyphs["2020-winter"][i] if abs(g.size - em) < 0.01]
        for low, high in found:
            for side in (lambda g: g.x < mid, lambda g: g.x >= mid):
                inside = [g for g in text if low < g.y < high and side(g)]
                rows: dict[float, list[Glyph]] = {}
                for g in inside:
                    rows.setdefault(round(g.y, 1), []).append(g)
                if len(rows) < 3:
                    continue
                # the column's edges: where most of its lines begin and end
                lefts = Counter(round(min(g.x for g in r), 2) for r in rows.values())
                rights = Counter(round(max(g.right for g in r), 2) for r in rows.values())
                (left, _), (right, full) = lefts.most_common(1)[0], rights.most_common(1)[0]
                if full < 3:
                    continue  # (a column of short lines set flush left: no justified line)
                width = (right - left) / em
                assert width == pytest.approx(round(width), abs=0.02), (i + 1, width)
                checked += 1
    assert checked >= 2


def test_list_bullet_hangs_its_item(glyphs, t):
    """A bulleted item as JLREQ lists are set: the bullet in a whole character's box at
    the list's edge, the text ``lists.hang_em`` after it, its next lines under the text."""
    em = t.style("body").size
    hang = t.lists["hang_em"] * em
    page = next(p for p in glyphs["2022-spring"] if "APrIGF" in "".join(g.ch for g in p))
    letter = after(page, "APrIGF")[0]
    bullet = max((g for g in page if g.ch == "・" and abs(g.y - letter.y) < 0.05
                  and g.x < letter.x), key=lambda g: g.x)
    assert letter.x - bullet.x == pytest.approx(hang, abs=0.02)
    assert bullet.right - bullet.x == pytest.approx(em, abs=0.02)  # its whole em
    lefts = {t.column_x(i) for i in range(t.grid.columns)}
    assert any(abs(bullet.x - x) < 0.02 for x in lefts), (bullet.x, lefts)


def test_a_long_list_item_hangs_its_next_lines(empty_project):
    """A bulleted item longer than the column: its next lines start under its text, not
    under the bullet (the samples' items now each fit on a line: a fresh issue)."""
    from express.build import build
    from tests.pdf.conftest import write_issue

    item = "会員各社の担当者が集まり、迷惑メール対策と発信者情報開示の運用について" * 3
    write_issue(empty_project, body=f"本文です。\n\n- {item}\n- 短い項目\n")
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    t = read_template(empty_project.pdf_template())
    em = t.style("body").size
    page = next(p for p in read_glyphs(result.pdfs["2031-autumn"])
                if "会員各社" in "".join(g.ch for g in p))
    letter = after(page, "会員各社")[0]
    bullet = next(g for g in page if g.ch == "・" and abs(g.y - letter.y) < 0.05
                  and 0 < letter.x - g.x < 2 * em)
    assert letter.x - bullet.x == pytest.approx(t.lists["hang_em"] * em, abs=0.02)
    # the lines after the first, in reading order (down a column, then the next column),
    # up to the next item's bullet: each starts ``hang`` in from its column's edge
    hang = letter.x - bullet.x
    edges = [t.column_x(i) for i in range(t.grid.columns)]

    def column(x: float) -> int | None:
        return next((i for i, e in enumerate(edges)
                     if e - 0.02 <= x < e + t.grid.column_width), None)

    lines: dict[tuple[int, float], float] = {}  # (column, -baseline): where the line starts
    for g in page:
        i = column(g.x)
        if abs(g.size - em) < 0.01 and i is not None:
            key = (i, -round(g.y, 1))
            lines[key] = min(g.x - edges[i], lines.get(key, g.x - edges[i]))
    order = sorted(lines)
    first = order.index((column(bullet.x), -round(bullet.y, 1)))
    rest = [lines[k] for k in order[first + 1:]]
    nxt = next(i for i, x in enumerate(rest) if abs(x) < 0.02)  # ・短い項目
    assert nxt >= 2  # the long item took three lines at least
    assert all(x == pytest.approx(hang, abs=0.02) for x in rest[:nxt]), rest[:nxt]


def test_programme_times_keep_aligned_figures(glyphs, t):
    """A programme's times are set in the fixed face: every figure ½ em, each row's time
    starting at the same x, so the column of times lines up (on every page the programme
    runs over: a split may leave only a row or two on one of them)."""
    size = t.style("table_time").size
    pages = [p for p in glyphs["2020-winter"] if "のプログラム" in "".join(g.ch for g in p)]
    counted = 0
    for page in pages:
        rows: dict[float, list[Glyph]] = {}
        for g in page:
            if abs(g.size - size) < 0.01:
                rows.setdefault(round(g.y, 1), []).append(g)
        # a row's time: the figures, colons and dash its line begins with, glyph touching
        # glyph (a session's title in the same size after it, 「2020年の…」, is no time)
        times = []
        for row in rows.values():
            row.sort(key=lambda g: g.x)
            if row[0].ch.isdigit():
                time = [row[0]]
                for g in row[1:]:
                    if g.ch not in "0123456789:–" or abs(g.x - time[-1].right) > 0.05:
                        break
                    time.append(g)
                times.append(time)
        counted += sum(len(time) for time in times)
        assert {round(g.adv / g.size, 3) for time in times for g in time
                if g.ch.isdigit()} <= {0.5}
        starts = Counter(round(time[0].x, 2) for time in times)
        assert len(starts) <= 1, starts
    assert counted > 20  # the programme's rows, wherever the page fell
