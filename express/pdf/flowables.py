"""Grid-bound flowables: composed paragraphs, column sections, tables, photos, bands.

Every block that sits in the text block takes a whole number of grid lines (``snap``), so
the baselines of neighbouring columns align and the grid resumes after headings, tables and
pictures.  Blocks that cannot be placed even in an empty frame carry a ``source`` (a YAML
position) so the renderer can report where the offending text was written.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from express.jtext import Line, Settings, Span
from express.model.source import Pos
from express.pdf.platypus import Flowable, FrameBreak
from express.pdf.text import TextKit, most_used_size, one_text_object, shares_text_object

EPS = 0.01


def snap(height: float, pitch: float) -> float:
    return math.ceil(height / pitch - 1e-6) * pitch if height > 0 else 0.0


class Block(Flowable):
    """A flowable that knows its YAML source (for overflow diagnostics)."""

    source: Pos | None = None
    discardable = False  # dropped at the top of a column (space between blocks)
    floats = False  # a figure: may move to the top of the next column (see Section._fill)

    def __init__(self) -> None:
        super().__init__()
        self.spaceBefore = 0
        self.spaceAfter = 0


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
    composed line, e.g. a bullet) is drawn left of the first line at ``marker_x``.
    """

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
        self._cache: dict[float, list[Line]] = {}

    def lines_for(self, width: float) -> list[Line]:
        if self._lines is not None:
            return self._lines
        measure = round(width - self.left, 3)
        lines = self._cache.get(measure)
        if lines is None:
            lines = self._cache[measure] = self.compose(measure)
        return lines

    def compose(self, measure: float) -> list[Line]:
        """The paragraph's lines at ``measure`` (subclasses shape the breaks)."""
        return self.kit.compose(self.spans, measure, self.settings)

    def height_of(self, n: int) -> float:
        h = n * self.leading
        return snap(h, self.grid_pitch) if self.grid_pitch else h

    def wrap(self, aw, ah):
        self.width = aw
        self.height = self.height_of(len(self.lines_for(aw)))
        return aw, self.height

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
        head = self._copy(lines[:k])
        tail = self._copy(lines[k:])
        tail.marker = None
        return [head, tail]

    def _copy(self, lines: list[Line]) -> Para:
        p = Para(self.kit, self.spans, self.colour, self.leading, settings=self.settings,
                 grid_pitch=self.grid_pitch, left=self.left, marker=self.marker,
                 marker_x=self.marker_x, link_colour=self.link_colour, source=self.source,
                 min_lines=self.min_lines, lines=lines)
        return p

    def text_size(self) -> float:
        """The size most of the paragraph is set in: it places every line (and the marker)
        in its line box, so all baselines of a paragraph and of its parts after a split
        sit one ``leading`` apart, on the grid."""
        return most_used_size((sp.style, sp.text) for sp in self.spans) or 0.0

    def draw(self):
        self._paint(self.canv, 0.0, 0.0)

    def drawOn(self, canvas, x, y, _sW=0):
        """What Flowable.drawOn draws, placed by coordinates instead of a ``cm``: ReportLab
        copies its whole canvas state for every ``saveState``, and a table draws a
        paragraph per cell.  ``q``/``Q`` still scope the colours the text sets."""
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
        self.kit.draw_lines(canv, lines, x + self.left, top, self.leading, self.colour,
                            self.link_colour, size=size)
        if self.marker is not None and lines:
            self.kit.draw_lines(canv, [self.marker], x + self.marker_x, top, self.leading,
                                self.colour, size=size)


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

    def wrap(self, aw, ah):
        self.width = aw
        self._sizes = [f.wrap(aw, 1e6)[1] for f in self.items]
        h = sum(self._sizes)
        self.height = snap(h, self.pitch) if self.pitch else h
        return aw, self.height

    def split(self, aw, ah):
        return []

    def draw(self):
        y = self.height
        for f, h in zip(self.items, self._sizes, strict=True):
            y -= h
            f.drawOn(self.canv, 0, y)


@dataclass
class Cell:
    items: list[Flowable]
    span: int = 1


@dataclass
class Row:
    """A table row.  ``cont`` replaces the first cell when the row opens a part of a split
    table (the next column or page): a group's label, e.g. 「理事（続き）」, on a row whose
    first cell is left empty because the group began above."""

    cells: list[Cell]
    source: Pos | None = None
    fill: str | None = None
    cont: Cell | None = None
    _heights: dict[float, float] = field(default_factory=dict, repr=False)

    def continued(self) -> Row:
        """This row as the first of a part: with its group's label, if it has one."""
        if self.cont is None:
            return self
        return Row([self.cont, *self.cells[1:]], self.source, self.fill)


class GridTable(Block):
    """A table of composed cells that splits between rows and repeats its header.

    ``columns`` are fractions of the width.  The whole table takes whole grid lines.
    """

    def __init__(self, columns: Sequence[float], rows: list[Row], *, header: Row | None = None,
                 pitch: float, padding: float, head_fill: str | None = None,
                 zebra: str | None = None, rule: str | None = None, rule_width: float,
                 background: str | None = None, source: Pos | None = None,
                 min_rows: int = 1, column_height: float = 0.0) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = rows
        self.header = header
        self.pitch = pitch
        self.padding = padding
        self.head_fill, self.zebra, self.rule, self.rule_width = head_fill, zebra, rule, rule_width
        self.background = background
        self.source = source or (rows[0].source if rows else None)
        self._opts = dict(pitch=pitch, padding=padding, head_fill=head_fill, zebra=zebra,
                          rule=rule, rule_width=rule_width, background=background,
                          min_rows=min_rows, column_height=column_height)
        # a split leaves at least ``min_rows`` rows on each side (one or two rows under a
        # header at a column foot read as a mistake), unless that many rows would not fit
        # even in a whole column of ``column_height``
        self.min_rows, self.column_height = min_rows, column_height

    def _widths(self, aw: float) -> list[float]:
        return [aw * c for c in self.columns]

    def _cell_widths(self, row: Row, aw: float) -> list[float]:
        ws = self._widths(aw)
        out, i = [], 0
        for cell in row.cells:
            out.append(sum(ws[i:i + cell.span]))
            i += cell.span
        return out

    def row_height(self, row: Row, aw: float) -> float:
        h = row._heights.get(aw)
        if h is None:
            h = 0.0
            for cell, w in zip(row.cells, self._cell_widths(row, aw), strict=True):
                ch = sum(f.wrap(w - 2 * self.padding, 1e6)[1] for f in cell.items)
                h = max(h, ch)
            h += 2 * self.padding
            row._heights[aw] = h
        return h

    def _raw(self, aw: float, rows: Sequence[Row]) -> float:
        head = self.row_height(self.header, aw) if self.header else 0.0
        return head + sum(self.row_height(r, aw) for r in rows)

    def wrap(self, aw, ah):
        self.width = aw
        self.height = snap(self._raw(aw, self.rows), self.pitch)
        return aw, self.height

    def split(self, aw, ah):
        k = 0
        head = self.row_height(self.header, aw) if self.header else 0.0
        body = 0.0  # summed as _raw sums, so that both agree to the last bit
        for k_try, row in enumerate(self.rows, 1):
            body += self.row_height(row, aw)
            if snap(head + body, self.pitch) <= ah + EPS:
                k = k_try
            else:
                break
        if k == 0:
            self.stuck_source = self.rows[0].source if self.rows else self.source
            return []
        if k == len(self.rows):
            return [self]
        least = min(self.min_rows, len(self.rows) // 2)
        if k < least and snap(self._raw(aw, self.rows[:least]), self.pitch) \
                <= self.column_height + EPS:
            self.stuck_source = self.rows[0].source if self.rows else self.source
            return []
        k = min(k, len(self.rows) - least) if least else k
        first = GridTable(self.columns, self.rows[:k], header=self.header, **self._opts)
        rows = self.rows[k:]
        rest = GridTable(self.columns, [rows[0].continued(), *rows[1:]], header=self.header,
                         **self._opts)
        return [first, rest]

    def _draw_row(self, row: Row, y_top: float, h: float, fill: str | None) -> None:
        c = self.canv
        if fill:
            c.setFillColor(fill)
            c.rect(0, y_top - h, self.width, h, stroke=0, fill=1)
        x = 0.0
        for cell, w in zip(row.cells, self._cell_widths(row, self.width), strict=True):
            y = y_top - self.padding
            for f in cell.items:
                _, fh = f.wrap(w - 2 * self.padding, 1e6)
                f.drawOn(c, x + self.padding, y - fh)
                y -= fh
            x += w

    def draw(self):
        rows = [self.header, *self.rows] if self.header else self.rows
        if all(type(f) is Para for row in rows for cell in row.cells for f in cell.items):
            with one_text_object(self.canv):  # every cell's text, placed by coordinates
                self._draw()
        else:
            self._draw()

    def _draw(self):
        c = self.canv
        aw = self.width
        if self.background:
            c.setFillColor(self.background)
            c.rect(0, 0, aw, self.height, stroke=0, fill=1)
        y = self.height
        if self.header:
            h = self.row_height(self.header, aw)
            self._draw_row(self.header, y, h, self.head_fill)
            y -= h
        for i, row in enumerate(self.rows):
            h = self.row_height(row, aw)
            fill = row.fill or (self.zebra if self.zebra and i % 2 == 1 else None)
            self._draw_row(row, y, h, fill)
            y -= h
            if self.rule:
                c.setStrokeColor(self.rule)
                c.setLineWidth(self.rule_width)
                c.line(0, y, aw, y)


class Section(Block):
    """A full-width ``head`` (kept with at least a few lines below it) and ``items`` set in
    ``columns`` balanced columns on the grid; splits across pages, column by column.

    ``box`` (a colour) draws a frame ``box_width`` wide around the section, padded by
    ``box_pad`` left and right and by half a line above and below, so the section still
    takes whole grid lines.  ``rule`` (a colour) draws a rule ``rule_width`` wide between
    the columns.
    """

    def __init__(self, head: Sequence[Flowable], items: Sequence[Flowable], *, columns: int,
                 gutter: float, pitch: float, min_lines: int = 3, box: str | None = None,
                 box_pad: float = 0.0, box_width: float, rule: str | None = None,
                 rule_width: float, source: Pos | None = None,
                 fixed: list[list[tuple[Flowable, float]]] | None = None) -> None:
        super().__init__()
        self.head = list(head)
        self.items = list(items)
        self.ncols = columns
        self.gutter = gutter
        self.pitch = pitch
        self.min_lines = min_lines
        self.box, self.box_pad, self.box_width = box, box_pad, box_width
        self.rule, self.rule_width = rule, rule_width
        self.source = source
        self.fixed = fixed
        self.stuck_source: Pos | None = None
        self._layout_cache: dict[tuple[float, float], tuple] = {}

    # geometry -------------------------------------------------------------------------
    def _inner(self, aw: float) -> float:
        return aw - 2 * self.box_pad if self.box else aw

    def _vpad(self) -> float:
        """Room below the columns: the box's padding under the last line (whole lines)."""
        return snap(self._pad(), self.pitch) if self.box else 0.0

    def _pad(self) -> float:
        """The box's padding above its head and below its last line (half a line)."""
        return self.pitch / 2 if self.box else 0.0

    def col_width(self, aw: float) -> float:
        inner = self._inner(aw)
        return (inner - (self.ncols - 1) * self.gutter) / self.ncols

    def _head_height(self, aw: float) -> float:
        """The head with the box's top padding, in whole lines: the columns start on the
        grid line right below it."""
        inner = self._inner(aw)
        raw = sum(f.wrap(inner, 1e6)[1] for f in self.head)
        return snap(raw + self._pad(), self.pitch) if raw or self.box else 0.0

    # filling ----------------------------------------------------------------------------
    def _fill(self, cw: float, cap: float, items: list | None = None, *,
              floating: bool = True) -> tuple[list[list[tuple[Flowable, float]]], list]:
        """Items into up to ``ncols`` columns of height ``cap``, in reading order.

        A figure (``floats``) that does not fit in the room left in a column floats to the
        top of the next column while the text after it goes on filling this one; figures
        keep their order among themselves.  Returns the columns and what did not fit.
        """
        queue = list(self.items if items is None else items)
        pending: list[Flowable] = []  # floated figures, for the top of the next column
        cols: list[list[tuple[Flowable, float]]] = []
        for _ in range(self.ncols):
            col: list[tuple[Flowable, float]] = []
            used = 0.0
            while pending:
                _, h = pending[0].wrap(cw, cap - used)
                if h > cap - used + EPS:
                    break
                col.append((pending.pop(0), h))
                used += h
            while queue:
                f = queue[0]
                if not col and getattr(f, "discardable", False):
                    queue.pop(0)
                    continue
                room = cap - used
                if getattr(f, "floats", False) and pending:
                    pending.append(queue.pop(0))  # behind the figures already waiting
                    continue
                _, h = f.wrap(cw, room)
                if h <= room + EPS:
                    nxt = next((g for g in queue[1:] if not getattr(g, "floats", False)), None)
                    if (getattr(f, "keepWithNext", False) and col and nxt is not None
                            and not self._starts_in(nxt, cw, room - h)):
                        break
                    col.append((f, h))
                    used += h
                    queue.pop(0)
                    continue
                if floating and getattr(f, "floats", False) and col:
                    pending.append(queue.pop(0))
                    continue
                parts = f.split(cw, room) if room > EPS else []
                if len(parts) > 1:
                    first = parts[0]
                    _, fh = first.wrap(cw, room)
                    if fh <= room + EPS:
                        col.append((first, fh))
                        used += fh
                        queue[0:1] = parts[1:]
                break
            cols.append(col)
            if not queue and not pending:
                break
        return cols, pending + queue

    def _starts_in(self, f: Flowable, cw: float, room: float) -> bool:
        if getattr(f, "discardable", False):
            return True
        _, h = f.wrap(cw, room)
        if h <= room + EPS:
            return True
        return len(f.split(cw, room)) > 1 if room > EPS else False

    def _balanced(self, cw: float, lines_avail: int, items: list) -> tuple[list, list]:
        """The shortest columns (whole lines) that take all ``items``, else the fullest."""
        if self.ncols > 1:
            total = sum(f.wrap(cw, 1e6)[1] for f in items)
            start = max(1, math.ceil(total / self.pitch / self.ncols - 1e-6))
            for n in range(start, lines_avail + 1):
                cols, rest = self._fill(cw, n * self.pitch, items)
                if not rest:
                    return cols, rest
        cols, rest = self._fill(cw, lines_avail * self.pitch, items)
        if rest and all(getattr(f, "floats", False) for f in rest):
            # only figures would go over: they would stand apart from their text, after
            # its end; keep them in place and carry the text after them over with them
            return self._fill(cw, lines_avail * self.pitch, items, floating=False)
        return cols, rest

    def _layout(self, aw: float, ah: float):
        key = (round(aw, 3), round(ah, 3))
        hit = self._layout_cache.get(key)
        if hit is not None:
            return hit
        cw = self.col_width(aw)
        head_h = self._head_height(aw)
        avail = ah - head_h - self._vpad()
        if self.fixed is not None:
            cols = self.fixed
            body = max((sum(h for _, h in c) for c in cols), default=0.0)
            result = (head_h, body, cols, [])
        else:
            lines_avail = max(0, int((avail + EPS) // self.pitch))
            cols, rest = self._balanced(cw, lines_avail, self.items)
            # a little too long: trim the figures (crop their pictures) a line or two each
            # rather than carry a few lines over to the next page
            for lines in range(1, 4) if rest else ():
                trimmed = [f.trimmed(lines) if getattr(f, "floats", False) else f
                           for f in self.items]
                if any(f is None for f in trimmed) or trimmed == self.items:
                    break
                cols_t, rest_t = self._balanced(cw, lines_avail, trimmed)
                if not rest_t:
                    cols, rest = cols_t, rest_t
                    break
            body = max((sum(h for _, h in c) for c in cols), default=0.0)
            result = (head_h, body, cols, rest)
        self._layout_cache[key] = result
        return result

    def wrap(self, aw, ah):
        self.width = aw
        layout = self._layout(aw, ah)
        head_h, body, _cols, rest = layout
        self._drawn = layout  # what draw() sets (it must not lay out again at another height)
        if rest:  # needs more room than there is: ask for a split
            self.height = ah + self.pitch
        else:
            self.height = snap(head_h + body + self._vpad(), self.pitch)
        return aw, self.height

    def split(self, aw, ah):
        head_h, body, cols, rest = self._layout(aw, ah)
        if not rest:
            # all the items fit (or there are none, e.g. a member with no text): only the
            # head can be too tall for the room left; then the whole section moves on
            # (returning itself would be a split that makes no progress)
            fits = snap(head_h + body + self._vpad(), self.pitch) <= ah + EPS
            return [self] if fits else []
        placed = sum(len(c) for c in cols)
        body_lines = body / self.pitch
        if placed == 0 or (self.head and body_lines + EPS < self.min_lines):
            self.stuck_source = self._stuck(aw, ah, rest)
            return []
        look = dict(columns=self.ncols, gutter=self.gutter, pitch=self.pitch, box=self.box,
                    box_pad=self.box_pad, box_width=self.box_width, rule=self.rule,
                    rule_width=self.rule_width, source=self.source)
        first = Section(self.head, [], fixed=cols, **look)
        second = Section([], rest, **look)
        # The rest continues in the next column frame (the next page): nothing may slip into
        # the room left below the first part, or the reading order breaks.
        return [first, FrameBreak(), second]

    def _stuck(self, aw: float, ah: float, rest: list) -> Pos | None:
        """The source of the first block that cannot be placed (for the error message)."""
        for f in rest or self.items:
            if getattr(f, "discardable", False) or getattr(f, "keepWithNext", False):
                continue
            f.split(self.col_width(aw), ah)
            return getattr(f, "stuck_source", None) or getattr(f, "source", None) \
                or self.source
        return self.source

    def draw(self):
        c = self.canv
        aw, h = self.width, self.height
        drawn = getattr(self, "_drawn", None)
        head_h, body, cols, _ = drawn if drawn is not None else self._layout(aw, h)
        if self.box:
            # the frame: half a line above the head and below the last line; the rest of the
            # whole lines the section takes stays outside, under the frame
            bottom = h - head_h - body - self._pad()
            c.saveState()
            c.setStrokeColor(self.box)
            c.setLineWidth(self.box_width)
            c.rect(0, bottom, aw, h - bottom, stroke=1, fill=0)
            c.restoreState()
        x0 = self.box_pad if self.box else 0.0
        y = h - self._pad()
        inner = self._inner(aw)
        for f in self.head:
            _, fh = f.wrap(inner, 1e6)
            y -= fh
            f.drawOn(c, x0, y)
        # the columns start on the grid line below the head (head_h is whole lines), not
        # below the head's raw height
        y = h - head_h
        cw = self.col_width(aw)
        if self.rule and len(cols) > 1:
            c.setStrokeColor(self.rule)
            c.setLineWidth(self.rule_width)
            for i in range(1, len(cols)):
                gx = x0 + i * (cw + self.gutter) - self.gutter / 2
                c.line(gx, y - body, gx, y)
        for i, col in enumerate(cols):
            cy = y
            cx = x0 + i * (cw + self.gutter)
            for j, (f, fh) in enumerate(col):
                cy -= fh
                f.wrap(cw, fh)
                if getattr(f, "floats", False):
                    f.at_top = j == 0
                f.drawOn(c, cx, cy)
