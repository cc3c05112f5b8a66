"""The layout measures a block once per width and splits it once per place, and what it
keeps never goes stale: the page plan asks every block its height at every room it tries
(thousands of times in an issue), so blocks keep what they measured and the parts they split
into; a block measured at another width since is still drawn at the width it is drawn at,
and a paragraph that becomes a table cell's after it was measured is measured anew."""

from __future__ import annotations

import pytest

from express.diagnostics import Diagnostics
from express.pdf.document.book import Book
from express.pdf.layout.blocks import Stack
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row
from express.pdf.layout.text import TextKit
from express.pdf.paint.fonts import font_set
from express.pdf.paint.images import Pictures
from express.pdf.template import read_template
from tests.typography.glyphs import read_glyphs

SENTENCE = "会員企業の皆様と情報交換を行い、課題の解決に取り組んでおります。"


@pytest.fixture
def parts(empty_project) -> Parts:
    t = read_template(empty_project.pdf_template())
    diags = Diagnostics()
    kit = TextKit(t, font_set(empty_project.root, t.fonts), diags)
    return Parts(t, kit, Pictures(t.ppi, t.jpeg_quality, diags), Book())


def test_a_block_split_again_at_the_same_place_gives_the_same_parts(parts):
    """The plan splits a block at the same room once for every page it tries; the parts
    are the same each time, so what follows a part is measured once, not once a try."""
    p = parts
    cw = p.t.grid.column_width
    para = p.para(SENTENCE * 12, "body")
    first = para.split(cw, 3 * p.pitch)
    assert len(first) == 2
    again = para.split(cw, 3.5 * p.pitch)  # (the same three lines fit)
    assert all(a is b for a, b in zip(first, again, strict=True))

    section = p.section([], [p.para(SENTENCE * 12, "body") for _ in range(3)], columns=2)
    first = section.split(p.t.grid.width, 8 * p.pitch)
    assert len(first) == 2
    assert all(a is b for a, b in zip(first, section.split(p.t.grid.width, 8 * p.pitch),
                                      strict=True))

    rows = [Row([p.text_cell(f"{n}行目"), p.text_cell(SENTENCE)]) for n in range(12)]
    table = p.table([0.3, 0.7], rows, header=["番号", "内容"])
    first = table.split(cw, 8 * p.pitch)
    assert len(first) == 2
    assert all(a is b for a, b in zip(first, table.split(cw, 8 * p.pitch), strict=True))


def test_a_stack_measured_at_another_width_since_is_drawn_at_its_own(parts, tmp_path):
    """A stack (an article's opener) keeps its height per width; measured narrow, then
    wide, then narrow again, it is drawn narrow: its text broken at the narrow width."""
    from reportlab.pdfgen.canvas import Canvas

    p, t = parts, parts.t
    narrow, wide = t.grid.column_width, t.grid.width
    stack = Stack([p.para(SENTENCE * 3, "body", align="left")], pitch=p.pitch)
    _, tall = stack.wrap(narrow, 1e6)
    _, short = stack.wrap(wide, 1e6)
    assert short < tall
    assert stack.wrap(narrow, 1e6)[1] == tall
    pdf = tmp_path / "stack.pdf"
    canv = Canvas(str(pdf), pagesize=(t.page_width, t.page_height))
    stack.drawOn(canv, t.left, t.bottom)
    canv.save()
    glyphs = read_glyphs(pdf)[0]
    assert len({round(g.y) for g in glyphs}) == round(tall / p.pitch)
    assert max(g.x for g in glyphs) < t.left + narrow


def test_a_paragraph_made_a_cell_after_it_was_measured_is_measured_anew(parts):
    """A table cell's paragraph is set to a measure of whole characters; one measured
    before it was made a cell's is measured again at that measure, as one made a cell's
    from the start."""
    p = parts
    em = p.t.style("table").size
    width = 10.6 * em  # (10 whole characters)
    before = p.para(SENTENCE, "table", snap=False, align="left", tag=None)
    plain = [line.measure for line in before.lines_for(width)]
    (cell,) = p.cell(before).items
    fresh = p.text_cell(SENTENCE, phrases=False).items[0]
    assert [line.measure for line in cell.lines_for(width)] == \
        [line.measure for line in fresh.lines_for(width)] != plain
