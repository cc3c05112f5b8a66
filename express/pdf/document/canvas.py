"""The canvas the document is drawn on: colours parsed once, forms defined before saving,
every page tagged (express/pdf/document/tags.py)."""

from __future__ import annotations

from reportlab.lib.colors import toColor
from reportlab.pdfgen.canvas import Canvas

from express.pdf.document.packing import pack
from express.pdf.document.tags import TaggedPages, write_tree
from express.pdf.paint.marks import install

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
    """A Canvas that runs ``before_save(canvas)`` (defining the contents' forms) on save,
    and writes the tag tree of what was drawn on it."""

    class MagazineCanvas(TaggedPages, Canvas):
        def __init__(self, *args, **kw):
            super().__init__(*args, **kw)
            self._tags = install(self)
            pack(self._doc)

        def save(self):
            self._tags.suspended = True  # the forms' content is marked where they are used
            before_save(self)
            if len(self._code):
                self.showPage()
            write_tree(self, self._tags)
            super().save()

        # Colours come as "#rrggbb" strings; ReportLab parses one on every call (~0.1 ms).
        def setFillColor(self, aColor, alpha=None):
            super().setFillColor(_parsed(aColor), alpha)

        def setStrokeColor(self, aColor, alpha=None):
            super().setStrokeColor(_parsed(aColor), alpha)

    return MagazineCanvas
