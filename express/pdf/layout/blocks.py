"""Grid-bound blocks: composed paragraphs, drawn furniture, stacks and empty lines.

Every block that sits in the text block takes a whole number of grid lines (``snap``), so
the baselines of neighbouring columns align and the grid resumes after headings, tables and
pictures.  Blocks that cannot be placed even in an empty frame carry a ``source`` (a YAML
position) so the renderer can report where the offending text was written.  Tables are in
``table.py``, column sections in ``columns.py``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from express.jtext import Line, Settings, Span
from express.model.body import Inline
from express.model.source import Pos
from express.pdf.document import numbering
from express.pdf.layout.platypus import Flowable
from express.pdf.layout.text import TextKit
from express.pdf.paint.marks import Node, element
from express.pdf.paint.text import ASCENT, most_used_size, shares_text_object

EPS = 0.01


def snap(height: float, pitch: float) -> float:
    return math.ceil(height / pitch - 1e-6) * pitch if height > 0 else 0.0


class Block(Flowable):
    """A flowable that knows its YAML source (for overflow diagnostics)."""

    source: Pos | None = None
    discardable = False  # dropped at the top of a column (space between blocks)
    floats = False  # a figure: may move to the top of the next column (see Section._fill)
    tag: Node | None = None  # the tag tree's element its content belongs to (paint/marks.py)

    def __init__(self) -> None:
        super().__init__()
        self.spaceBefore = 0
        self.spaceAfter = 0

    def drawOn(self, canvas, x, y, _sW=0):
        if self.tag is None:
            super().drawOn(canvas, x, y, _sW)
            return
        with element(canvas, self.tag):
            super().drawOn(canvas, x, y, _sW)

    def slack(self) -> float:
        """Blank below the block's lowest baseline (or picture), once wrapped: how empty a
        page's foot looks is measured from there (the page plan's warnings)."""
        return 0.0


def below_baseline(leading: float, size: float) -> float:
    """Room from a line's baseline to the foot of its line box (the composer's placing)."""
    return leading - ((leading - size) / 2 + ASCENT * size)


class GridSpace(Block):
    """Empty grid lines; dropped at the top of a column or page."""

    discardable = True

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, aw, ah):
        return aw, self.height

    def split(self, aw, ah):
        return []

    def draw(self):
        pass


class Para(Block):
    """A paragraph set by the composer; lines sit ``leading`` apart, split by lines.

    ``snap`` rounds its height up to whole grid lines of ``grid_pitch``.  ``marker`` (a
    composed line, e.g. a bullet) is drawn left of the first line at ``marker_x``; in the
    tag tree it is ``marker_tag`` (a list item's ``Lbl``), the lines ``tag``.  The parts of
    a split keep both: a paragraph broken across columns or pages is one element.
    ``whole_chars``: the measure is the most whole characters of its text size that the
    width holds (a table cell's), so a line of kana and kanji fills it solid and what
    justification adds or takes is even from line to line; text set flush left or
    justified only (the rest of the width stays blank at the right).
    """

    marker_tag: Node | None = None

    def __init__(self, kit: TextKit, spans: Sequence[Span], colour: str, leading: float, *,
                 settings: Settings | None = None, grid_pitch: float | None = None,
                 left: float = 0.0, marker: Line | None = None, marker_x: float = 0.0,
                 link_colour: str | None = None, source: Pos | None = None,
                 keep_with_next: bool = False, min_lines: int = 2,
                 lines: list[Line] | None = None) -> None:
        super().__init__()
        self.kit, self.spans, self.colour, self.leading = kit, spans, colour, leading
        self.settings = settings
        self.grid_pitch = grid_pitch
        self.left = left
        self.marker, self.marker_x = marker, marker_x
        self.link_colour = link_colour
        self.source = source
        self.keepWithNext = keep_with_next
        self.min_lines = min_lines
        self._lines = lines
        self._whole_chars = False
        self._size: float | None = None  # text_size(), once asked
        self._cache: dict[float, list[Line]] = {}  # measure -> lines
        # width -> (lines, height): the planner and the columns ask a paragraph its height
        # at the same few widths thousands of times
        self._at: dict[float, tuple[list[Line], float]] = {}
        # (width, lines kept) -> its parts (once split): the plan splits it at the same
        # line again for every page it tries, and what follows a part is measured once
        self._splits: dict[tuple[float, int], list[Para]] | None = None

    @property
    def whole_chars(self) -> bool:
        return self._whole_chars

    @whole_chars.setter
    def whole_chars(self, value: bool) -> None:
        self._whole_chars = value
        self._at.clear()  # (the measure at a width changes with it)

    def lines_for(self, width: float) -> list[Line]:
        return self._fit(width)[0]

    def _fit(self, width: float) -> tuple[list[Line], float]:
        """The lines at ``width`` and the height they take."""
        hit = self._at.get(width)
        if hit is None:
            lines = self._lines if self._lines is not None else self._lines_at(
                self._measure(width))
            hit = self._at[width] = (lines, self.height_of(len(lines)))
        return hit

    def _measure(self, width: float) -> float:
        measure = round(width - self.left, 3)
        if self._whole_chars and (self.settings is None
                                  or self.settings.align in ("justify", "left")):
            em = self.text_size()
            if em and measure > em:
                measure = round(math.floor(measure / em + 1e-6) * em, 3)
        return measure

    def _lines_at(self, measure: float) -> list[Line]:
        lines = self._cache.get(measure)
        if lines is None:
            lines = self._cache[measure] = self.compose(measure)
        return lines

    def compose(self, measure: float) -> list[Line]:
        """The paragraph's lines at ``measure`` (subclasses shape the breaks)."""
        return self.kit.compose(self.spans, measure, self.settings)

    def slack(self) -> float:
        n = len(self._lines) if self._lines is not None else len(
            self.lines_for(getattr(self, "width", 0.0)))
        return self.height - n * self.leading + below_baseline(self.leading,
                                                                self.text_size() or 0.0)

    def height_of(self, n: int) -> float:
        h = n * self.leading
        return snap(h, self.grid_pitch) if self.grid_pitch else h

    def wrap(self, aw, ah):
        self.width = aw
        self.height = h = self._fit(aw)[1]
        return aw, h

    def split(self, aw, ah):
        lines = self.lines_for(aw)
        n = len(lines)
        k = int((ah + EPS) // self.leading)
        while k > 0 and self.height_of(k) > ah + EPS:
            k -= 1
        if k >= n:
            return [self]
        k = min(k, n - self.min_lines)
        if k < self.min_lines:
            return []
        if self._splits is None:
            self._splits = {}
        parts = self._splits.get((aw, k))
        if parts is None:
            head = self._copy(lines[:k])
            tail = self._copy(lines[k:])
            tail.marker = None
            parts = self._splits[(aw, k)] = [head, tail]
        return list(parts)

    def _copy(self, lines: list[Line]) -> Para:
        p = Para(self.kit, self.spans, self.colour, self.leading, settings=self.settings,
                 grid_pitch=self.grid_pitch, left=self.left, marker=self.marker,
                 marker_x=self.marker_x, link_colour=self.link_colour, source=self.source,
                 min_lines=self.min_lines, lines=lines)
        p.whole_chars = self._whole_chars
        p.tag, p.marker_tag = self.tag, self.marker_tag
        return p

    def text_size(self) -> float:
        """The size most of the paragraph is set in: it places every line (and the marker)
        in its line box, so all baselines of a paragraph and of its parts after a split
        sit one ``leading`` apart, on the grid."""
        if self._size is None:
            self._size = most_used_size((sp.style, sp.text) for sp in self.spans) or 0.0
        return self._size

    def draw(self):
        self._paint(self.canv, 0.0, 0.0)

    def drawOn(self, canvas, x, y, _sW=0):
        """What Flowable.drawOn draws, placed by coordinates instead of a ``cm``: ReportLab
        copies its whole canvas state for every ``saveState``, and a table draws a
        paragraph per cell.  ``q``/``Q`` still scope the colours the text sets."""
        if self.tag is None:  # (a cell's text: the cell is its element)
            self._scoped(canvas, x, y)
            return
        with element(canvas, self.tag):
            self._scoped(canvas, x, y)

    def _scoped(self, canvas, x: float, y: float) -> None:
        if shares_text_object(canvas):  # scoped by the shared text object's own q/Q
            self._paint(canvas, x, y)
            return
        code = canvas._code
        code.append("q")
        self._paint(canvas, x, y)
        code.append("Q")

    def _paint(self, canv, x: float, y: float) -> None:
        lines = self.lines_for(self.width)
        top = y + self.height
        size = self.text_size() or None
        self.kit.painter.draw_lines(canv, lines, x + self.left, top, self.leading, self.colour,
                            self.link_colour, size=size)
        for line in lines:
            if line.spread:
                report_spread(self.kit, canv, line, self.source)
        if self.marker is not None and lines:
            with element(canv, self.marker_tag):
                self.kit.painter.draw_lines(canv, [self.marker], x + self.marker_x, top,
                                            self.leading, self.colour, size=size)


def report_spread(kit: TextKit, canv, line: Line, fallback: Pos | None) -> None:
    """Warn of a letter-spaced line (``Line.spread``: no break could fill it) on the page
    it is drawn on, at the place in the YAML of the characters spread (else ``fallback``,
    the paragraph's)."""
    pos = None
    if line.spread_at is not None:
        source, index = line.spread_at
        if isinstance(source, Inline):
            pos = source.locate(index)
        elif isinstance(source, Pos):
            pos = source
    page = numbering.folio(canv.getPageNumber() - 1)
    kit.diags.warning(pos or fallback, "pdf.spread_line", page=page, text=line.text,
                      gap=f"{line.spread:.2f}")


class Drawn(Block):
    """A fixed-height block drawn by a function ``draw(canvas, width, height)``."""

    def __init__(self, height: float, paint: Callable, *, keep_with_next: bool = False,
                 source: Pos | None = None) -> None:
        super().__init__()
        self.height = height
        self.paint = paint
        self.keepWithNext = keep_with_next
        self.source = source

    def wrap(self, aw, ah):
        self.width = aw
        return aw, self.height

    def split(self, aw, ah):
        return []

    def draw(self):
        self.paint(self.canv, self.width, self.height)


class Stack(Block):
    """Blocks one above the other, kept together (an article opener, a profile head)."""

    def __init__(self, items: Sequence[Flowable], *, pitch: float | None = None,
                 source: Pos | None = None, keep_with_next: bool = False) -> None:
        super().__init__()
        self.items = list(items)
        self.pitch = pitch
        self.source = source
        self.keepWithNext = keep_with_next
        self._at: dict[float, tuple[list[float], float]] = {}  # width -> (sizes, height)

    def wrap(self, aw, ah):
        """Its items one above the other, whatever the room: measured once per width."""
        self.width = aw
        hit = self._at.get(aw)
        if hit is None:
            sizes = [f.wrap(aw, 1e6)[1] for f in self.items]
            h = sum(sizes)
            hit = self._at[aw] = (sizes, snap(h, self.pitch) if self.pitch else h)
        self._sizes, self.height = hit
        return aw, self.height

    def split(self, aw, ah):
        return []

    def slack(self) -> float:
        last = self.items[-1] if self.items else None
        if not isinstance(last, Block):
            return self.height - sum(self._sizes)
        last.wrap(self.width, 1e6)  # (as drawn)
        return self.height - sum(self._sizes) + last.slack()

    def draw(self):
        y = self.height
        for f, h in zip(self.items, self._sizes, strict=True):
            f.wrap(self.width, 1e6)  # (an item may have been measured at another width since)
            y -= h
            f.drawOn(self.canv, 0, y)
