"""Page furniture: the running head and the folio, mirrored on left and right pages.

Left and right pages and the printed numbers follow the convention of
express/pdf/document/numbering.py (a self-cover booklet).  The running head names the
section (the kind of the article at the page's top, or of the first begun on it, as the
page plan says) on the outer edge, where a reader leafing through looks, and the issue on
the inner edge; the folio stands on the outer edge.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from express.jtext import Line
from express.pdf.document import numbering
from express.pdf.document.book import Book
from express.pdf.layout.text import TextKit
from express.pdf.template import Template


def fitted(kit: TextKit, text: str, width: float, style: str = "running_head") -> Line | None:
    """``text`` on one line of ``style`` no wider than ``width``: cut, ending in …"""
    line = kit.line(text, style)
    if line is None or line.width <= width + 0.01:
        return line
    lo, hi = 0, len(text)
    while lo < hi:  # the longest start of the text that fits with the …
        mid = (lo + hi + 1) // 2
        cut = kit.line(text[:mid].rstrip() + "…", style)
        if cut is not None and cut.width <= width + 0.01:
            lo = mid
        else:
            hi = mid - 1
    return kit.line(text[:lo].rstrip() + "…", style)


def paint_furniture(canv: Canvas, t: Template, kit: TextKit, book: Book, *,
                    running: str, publication: str) -> None:
    """The running head and folio of the body page being drawn on ``canv``."""
    draw = kit.painter.draw_line
    index = canv.getPageNumber() - 1
    number = numbering.folio(index)
    recto = numbering.is_recto(index)
    colours = t.colours
    canv.saveState()
    # running head: a hairline over the text block, the issue on the outer side
    head = t.running_head
    y_rule = t.page_height - head["top"]
    canv.setStrokeColor(colours["accent"])
    canv.setLineWidth(head["rule"])
    canv.line(t.left, y_rule - head["rule_drop"], t.left + t.grid.width,
              y_rule - head["rule_drop"])
    # the section (outer side) first; the issue (inner side) gets the rest of the measure,
    # shortened with … if a long publication name would run into the section
    label = fitted(kit, book.section(index - numbering.COVER_PAGES), t.grid.width / 2)
    room = t.grid.width - (label.width + t.style("running_head").size * head["gap_em"]
                           if label else 0)
    for line, outer in ((label, True), (fitted(kit, running, room), False)):
        if line is None:
            continue
        right = recto == outer
        x = t.left + t.grid.width - line.width if right else t.left
        draw(canv, line, x, y_rule, colours["muted"])
    # folio: the number on the outer edge, the publication name inside it (shortened
    # with … where a long name would run past the text block)
    num = kit.line(str(number), "folio")
    gap = t.folio["gap"]
    name = fitted(kit, publication, t.grid.width - (num.width if num else 0) - gap,
                  "folio_name")
    y = t.folio["bottom"]
    # the bar between them: centred in the gap, as tall as the number's size
    bar, bar_y = t.folio["bar_width"], y - t.folio["bar_drop"]
    if num is not None and name is not None:
        if recto:
            xn = t.left + t.grid.width - num.width
            draw(canv, num, xn, y, colours["accent"])
            draw(canv, name, xn - gap - name.width, y, colours["muted"])
            canv.setFillColor(colours["accent"])
            canv.rect(xn - gap / 2 - bar / 2, bar_y, bar, t.style("folio").size, 0, 1)
        else:
            draw(canv, num, t.left, y, colours["accent"])
            draw(canv, name, t.left + num.width + gap, y, colours["muted"])
            canv.setFillColor(colours["accent"])
            canv.rect(t.left + num.width + gap / 2 - bar / 2, bar_y, bar,
                      t.style("folio").size, 0, 1)
    canv.restoreState()
