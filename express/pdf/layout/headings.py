"""Subheadings (小見出し) in running text: set in the template's ``subheading`` style,
kept with the text that follows them, and bookmarked under their article."""

from __future__ import annotations

from collections.abc import Sequence

from express.jtext import Settings, Span
from express.model.source import Pos
from express.pdf.document.book import Book
from express.pdf.layout.blocks import Para
from express.pdf.layout.text import TextKit

KEEP_LINES = 2  # a subheading never ends a column without this many lines of its text


class Subheading(Para):
    """A subheading: whole grid lines, never split, kept with at least ``keep_lines``
    lines of what follows (``Section._fill``); when drawn it adds its bookmark (``key``)
    under the article's in the PDF outline."""

    keep_lines = KEEP_LINES

    def __init__(self, kit: TextKit, spans: Sequence[Span], colour: str, leading: float, *,
                 settings: Settings, grid_pitch: float | None, link_colour: str | None,
                 source: Pos | None, book: Book | None = None, key: str = "",
                 title: str = "") -> None:
        super().__init__(kit, spans, colour, leading, settings=settings,
                         grid_pitch=grid_pitch, link_colour=link_colour, source=source,
                         keep_with_next=True)
        self.book, self.key, self.title = book, key, title

    def split(self, aw, ah):
        return []  # a heading stays whole: it moves on with its text

    def drawOn(self, canvas, x, y, _sW=0):
        if self.book is not None:
            _, top = canvas.absolutePosition(x, y + self.height)
            self.book.outline(canvas, self.key, self.title, top)
        super().drawOn(canvas, x, y, _sW)
