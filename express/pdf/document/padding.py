"""Pages in fours: a saddle-stitched booklet is made of folded sheets, four pages each.

The print edition ends its story with :class:`Padding`, which, once every page before it is
laid out, adds as many pages as the count needs to reach a multiple of four: notes pages
(メモ: ruled lines under a band, with running head and folio) or blank ones (白ページ: no
folio; the slug outside the trim still names the page), as the template's
``print.pad_with`` says.  Padding goes where the booklet's last content ends, before the
pages that must stay last (``keep_last``: a back cover, when the story has one).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from express.pdf.layout.parts import Parts
from express.pdf.layout.platypus import ActionFlowable

NOTES_LABEL = "メモ"
PAD_TEMPLATES = {"notes": "pad-notes", "blank": "pad-blank"}


def pages_to_add(pages: int) -> int:
    """Pages to add to ``pages`` for a multiple of four."""
    return -pages % 4


class Padding(ActionFlowable):
    """Adds the pages that make the page count a multiple of four (see the module)."""

    def __init__(self, pad_with: str, keep_last: int = 0) -> None:
        super().__init__()
        self.pad_with, self.keep_last = pad_with, keep_last
        self.added = 0
        self.after_page = 0  # the page the added pages follow

    def apply(self, doc) -> None:
        self.after_page = doc.page
        self.added = pages_to_add(doc.page + self.keep_last)
        for _ in range(self.added):
            doc.handle_nextPageTemplate(PAD_TEMPLATES[self.pad_with])
            doc.handle_pageBreak()
            doc.clean_hanging()  # the page begins (its template paints it) though empty


def paint_notes(p: Parts, canv: Canvas) -> None:
    """A notes page: the label's band at the top of the text block, then a ruled line every
    other grid line down to its foot."""
    t = p.t
    band = p.band(NOTES_LABEL, t.colours["accent"])
    top = t.bottom + t.grid.height
    band.wrapOn(canv, t.grid.width, band.height)
    band.drawOn(canv, t.left, top - band.height)
    canv.saveState()
    canv.setStrokeColor(t.colours["rule"])
    canv.setLineWidth(t.rules["thin"])
    step = 2 * p.pitch
    y = top - band.height - step
    while y >= t.bottom - 0.01:
        canv.line(t.left, y, t.left + t.grid.width, y)
        y -= step
    canv.restoreState()
