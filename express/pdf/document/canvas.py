"""The canvas the document is drawn on: colours parsed once, forms defined before saving."""

from __future__ import annotations

from reportlab.lib.colors import toColor
from reportlab.pdfgen.canvas import Canvas

_colours: dict[str, object] = {}


def _parsed(value):
    """``value`` as ReportLab's ``toColor`` makes it, parsed once per string."""
    if not isinstance(value, str):
        return value
    c = _colours.get(value)
    if c is None:
        c = _colours[value] = toColor(value)
    return c


def make_canvas_class(before_save):
    """A Canvas that runs ``before_save(canvas)`` (defining the contents' forms) on save."""

    class MagazineCanvas(Canvas):
        def save(self):
            before_save(self)
            super().save()

        # Colours come as "#rrggbb" strings; ReportLab parses one on every call (~0.1 ms).
        def setFillColor(self, aColor, alpha=None):
            super().setFillColor(_parsed(aColor), alpha)

        def setStrokeColor(self, aColor, alpha=None):
            super().setStrokeColor(_parsed(aColor), alpha)

    return MagazineCanvas
