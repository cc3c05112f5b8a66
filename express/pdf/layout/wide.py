"""Column text with figures across its columns (``size: wide`` photos).

A wide figure stands between two column sections: the text before it in columns above it
(balanced when they end on the page), the text after it in columns below it, under the
figure as the head of their section.  Where the figure does not fit with the first lines
after it in the room left on a page, it floats: the text after it goes on in the same
columns to the page's foot, and the figure heads the rest on the next page — as a
figure in a column moves to the next column (``Section._fill``), and never leaving the
room below the text empty.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from express.model.source import Pos
from express.pdf.layout.blocks import EPS, Block
from express.pdf.layout.columns import Section
from express.pdf.layout.platypus import Flowable, FrameBreak

MakeSection = Callable[[list[Flowable], list[Flowable]], Section]


def is_wide(f: Flowable) -> bool:
    return bool(getattr(f, "wide", False))


class WideFlow(Block):
    """``head`` and ``items`` (some of them wide figures) as column sections made by
    ``make(head, items)``; laid out only by splitting, one page at a time.  The first
    part of a split need not end the page (``flows_on``): a figure and the text under it
    may follow the columns above it."""

    flows_on = True

    def __init__(self, head: list[Flowable], items: list[Flowable], make: MakeSection, *,
                 source: Pos | None = None) -> None:
        super().__init__()
        self.head, self.items, self.make = head, items, make
        self.source = source

    def wrap(self, aw, ah):
        # never drawn itself: taller than any room, so the frame asks for a split, which
        # gives the sections for the room there is
        self.width, self.height = aw, ah + 1
        return aw, self.height

    def split(self, aw, ah):
        wide = next((i for i, f in enumerate(self.items) if is_wide(f)), None)
        if wide is None:  # (the first part of a split must fit: ReportLab draws it)
            section = self.make(self.head, self.items)
            _, height = section.wrap(aw, ah)
            return [section] if height <= ah + EPS else section.split(aw, ah)
        before, figure, after = self.items[:wide], self.items[wide], self.items[wide + 1:]
        above = self.make(self.head, before)
        _, height = above.wrap(aw, ah)
        if height > ah + EPS:  # the text before the figure goes on on the next page
            return self._carried(above.split(aw, ah), [figure, *after], [])
        nxt = next((i for i, f in enumerate(after) if is_wide(f)), len(after))
        for lines in itertools.count():  # the figure, else cropped by whole lines
            fitted = figure if lines == 0 else figure.trimmed(lines)  # (None: max_crop)
            if fitted is None:
                break
            if self._starts(self.make([fitted], after[:nxt]), aw, ah - height):
                return [above, WideFlow([fitted], after, self.make, source=self.source)]
        # no room for the figure here: the text after it fills the page first
        text = self.make(self.head, before + after[:nxt])
        _, height = text.wrap(aw, ah)
        if height <= ah + EPS:
            return [text, WideFlow([figure], after[nxt:], self.make, source=self.source)]
        return self._carried(text.split(aw, ah), after[nxt:], [figure])

    def _carried(self, parts: list, later: list[Flowable], head: list[Flowable]) -> list:
        """A section split at the page's foot (``parts``: first, frame break, rest): its
        rest, then ``later``, go on next page under ``head``."""
        if len(parts) != 3:
            self.stuck_source = getattr(parts[0], "stuck_source", None) if parts else None
            return []
        first, _break, rest = parts
        return [first, FrameBreak(), WideFlow(head, rest.items + later, self.make,
                                              source=self.source)]

    @staticmethod
    def _starts(section: Section, aw: float, room: float) -> bool:
        """Whether ``section`` (a figure and the text under it) starts in ``room``."""
        if room <= EPS:
            return False
        _, height = section.wrap(aw, room)
        return height <= room + EPS or bool(section.split(aw, room))

    def draw(self):
        pass  # (split, never drawn)
