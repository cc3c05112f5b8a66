"""The print edition's sheet: the finished page (trim) on larger paper, with its boxes and
Japanese trim marks (トンボ).

Everything is drawn in trim coordinates, as on screen: the canvas moves the origin to the
trim's lower-left corner (express/pdf/document/press.py), so the layout does not know about
the paper around it.  Outside the trim lie the bleed (塗り足し: artwork that touches the edge
runs on into it, and the printer cuts inside it), then the marks, then a slug with the page's
name, which the printer reads and the cut removes.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import CMYKColorSep
from reportlab.pdfgen.canvas import Canvas

from express.pdf.template import PrintSpec

# Registration colour: marks print on every plate (a Separation called All).
REGISTRATION = CMYKColorSep(1, 1, 1, 1, spotName="All")


@dataclass(frozen=True)
class Sheet:
    width: float  # the trim: the finished page
    height: float
    spec: PrintSpec

    @property
    def margin(self) -> float:
        """From the trim to the paper's edge on every side."""
        return self.spec.margin

    @property
    def media(self) -> tuple[float, float]:
        return self.width + 2 * self.margin, self.height + 2 * self.margin

    @property
    def trim_box(self) -> tuple[float, float, float, float]:
        m = self.margin
        return m, m, m + self.width, m + self.height

    @property
    def bleed_box(self) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = self.trim_box
        b = self.spec.bleed
        return x0 - b, y0 - b, x1 + b, y1 + b


def paint_marks(canv: Canvas, sheet: Sheet) -> None:
    """Japanese trim marks in trim coordinates: at each corner a double mark — the trim
    line (内トンボ) and the bleed line (外トンボ), each begun at the bleed's edge so no mark
    reaches into the artwork — and a centre mark (センタートンボ, a cross) on each side."""
    w, h = sheet.width, sheet.height
    b, length = sheet.spec.bleed, sheet.spec.mark_length
    out = b + length
    lines: list[tuple[float, float, float, float]] = []
    for x, sx in ((0.0, -1), (w, 1)):  # left and right edges; s: outwards
        for y, sy in ((0.0, -1), (h, 1)):
            # along the side edge (vertical lines above/below the corner)
            lines += [(x, y + sy * b, x, y + sy * out),
                      (x + sx * b, y + sy * b, x + sx * b, y + sy * out)]
            # along the top/bottom edge (horizontal lines beside the corner)
            lines += [(x + sx * b, y, x + sx * out, y),
                      (x + sx * b, y + sy * b, x + sx * out, y + sy * b)]
    half = length / 2
    mid = b + half
    for cx, cy in ((w / 2, 0.0), (w / 2, h)):  # top and bottom centre marks
        s = 1 if cy else -1
        lines += [(cx, cy + s * b, cx, cy + s * out),
                  (cx - half, cy + s * mid, cx + half, cy + s * mid)]
    for cx, cy in ((0.0, h / 2), (w, h / 2)):  # left and right centre marks
        s = 1 if cx else -1
        lines += [(cx + s * b, cy, cx + s * out, cy),
                  (cx + s * mid, cy - half, cx + s * mid, cy + half)]
    canv.saveState()
    canv.setStrokeColor(REGISTRATION)
    canv.setLineWidth(sheet.spec.mark_width)
    canv.lines(lines)
    canv.restoreState()
