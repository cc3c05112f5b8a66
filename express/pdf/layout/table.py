"""Tables of composed cells on the grid: split between rows, header and title repeated.

Set as a designer sets a list in a newsletter: thin rules between rows, the header row in a
tint with a rule of the accent above and below it (the template chooses the fill, and may
still choose zebra rows).  A split leaves at least ``min_rows`` rows on each side (or rows
as tall as ``min_rows`` rows of three lines: a programme's tall slots); the part
that goes on repeats the header and the table's title with （続き）, and a group's label on
its first row (「理事（続き）」).
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field

from express.model.source import Pos
from express.pdf.layout.blocks import EPS, Block, Para, snap
from express.pdf.layout.platypus import Flowable
from express.pdf.paint.marks import Node, artifact, element
from express.pdf.paint.text import one_text_object


@dataclass
class Cell:
    items: list[Flowable]
    span: int = 1
    tag: Node | None = field(default=None, repr=False)  # its TH or TD, once drawn


@dataclass
class Row:
    """A table row.  ``cont`` replaces the first cell when the row opens a part of a split
    table (the next column or page): a group's label, e.g. 「理事（続き）」, on a row whose
    first cell is left empty because the group began above."""

    cells: list[Cell]
    source: Pos | None = None
    fill: str | None = None
    cont: Cell | None = None
    group_start: bool = False  # the first row of a group: a rule of the accent above it
    _heights: dict[float, float] = field(default_factory=dict, repr=False)
    tag: Node | None = field(default=None, repr=False)  # its TR, once drawn

    def continued(self) -> Row:
        """This row as the first of a part: with its group's label, if it has one (the
        label's cell is this row's own in the tag tree: its row header)."""
        if self.cont is None:
            return self
        return Row([Cell(self.cont.items, self.cont.span), *self.cells[1:]], self.source,
                   self.fill)


class GridTable(Block):
    """A table of composed cells that splits between rows and repeats its header.

    ``columns`` are fractions of the width.  The whole table takes whole grid lines.
    ``title`` (a heading, e.g. a programme's day) stands above the header; a part that goes
    on after a split shows ``title_cont`` instead (「…のプログラム（続き）」).  ``head_rule``
    (a colour) rules the header above and below and separates groups of rows.

    In the tag tree the table is ``node`` (None: cells set side by side, no table), every
    part of a split the same ``Table``: each row a ``TR``, the header's cells ``TH``
    heading their columns, with ``row_heads`` a row's first cell (when not empty) ``TH``
    heading its row, the others ``TD``.  What a later part repeats (title, header) is an
    artifact there.
    """

    repeat = False  # a part after a split: its title and header repeat the first part's

    def __init__(self, columns: Sequence[float], rows: list[Row], *, header: Row | None = None,
                 pitch: float, padding: float, head_fill: str | None = None,
                 zebra: str | None = None, rule: str | None = None, rule_width: float,
                 head_rule: str | None = None, background: str | None = None,
                 source: Pos | None = None, min_rows: int = 1, column_height: float = 0.0,
                 title: Flowable | None = None, title_cont: Flowable | None = None,
                 node: Node | None = None, row_heads: bool = False) -> None:
        super().__init__()
        self.node, self.row_heads = node, row_heads
        self.columns = list(columns)
        self.rows = rows
        self.header = header
        self.pitch = pitch
        self.padding = padding
        self.head_fill, self.zebra, self.rule, self.rule_width = head_fill, zebra, rule, rule_width
        self.head_rule = head_rule
        self.background = background
        self.title, self.title_cont = title, title_cont
        self.source = source or (rows[0].source if rows else None)
        self._opts = dict(pitch=pitch, padding=padding, head_fill=head_fill, zebra=zebra,
                          rule=rule, rule_width=rule_width, head_rule=head_rule,
                          background=background, min_rows=min_rows,
                          column_height=column_height, node=node, row_heads=row_heads)
        # a split leaves at least ``min_rows`` rows on each side (one or two rows under a
        # header at a column foot read as a mistake), unless the table is taller than a
        # whole column of ``column_height`` and must split where it can
        self.min_rows, self.column_height = min_rows, column_height
        # width -> the title and header's height, and the whole table's (raw): asked at
        # every room the table is tried in
        self._tops: dict[float, float] = {}
        self._raws: dict[float, float] = {}
        self._spans: dict[tuple[float, tuple[int, ...]], list[float]] = {}
        # rows kept -> the parts of a split there (made once: the plan tries the same split
        # for every page it fills, and what follows a part is measured once per part)
        self._splits: dict[int, list[GridTable]] = {}

    def _widths(self, aw: float) -> list[float]:
        return [aw * c for c in self.columns]

    def _cell_widths(self, row: Row, aw: float) -> list[float]:
        """The widths of ``row``'s cells (rows spanning columns alike share them)."""
        key = (aw, tuple(cell.span for cell in row.cells))
        out = self._spans.get(key)
        if out is None:
            ws = self._widths(aw)
            out, i = [], 0
            for span in key[1]:
                out.append(sum(ws[i:i + span]))
                i += span
            self._spans[key] = out
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

    def _title_height(self, aw: float) -> float:
        return self.title.wrap(aw, 1e6)[1] if self.title is not None else 0.0

    def _top(self, aw: float) -> float:
        """The title and the header row: what every part of the table begins with."""
        h = self._tops.get(aw)
        if h is None:
            h = self._tops[aw] = self._title_height(aw) + (
                self.row_height(self.header, aw) if self.header else 0.0)
        return h

    def _raw(self, aw: float, rows: Sequence[Row]) -> float:
        return self._top(aw) + sum(self.row_height(r, aw) for r in rows)

    def _whole(self, aw: float) -> float:
        """:meth:`_raw` of all the rows."""
        h = self._raws.get(aw)
        if h is None:
            h = self._raws[aw] = self._raw(aw, self.rows)
        return h

    def wrap(self, aw, ah):
        self.width = aw
        self.height = snap(self._whole(aw), self.pitch)
        return aw, self.height

    def split(self, aw, ah):
        k = 0
        top = self._top(aw)
        body = 0.0  # summed as _raw sums, so that both agree to the last bit
        for k_try, row in enumerate(self.rows, 1):
            body += self.row_height(row, aw)
            if snap(top + body, self.pitch) <= ah + EPS:
                k = k_try
            else:
                break
        n = len(self.rows)
        if k == n:
            return [self]
        least = self.min_rows
        if snap(self._whole(aw), self.pitch) > self.column_height + EPS:
            least = min(least, n // 2)  # taller than a column: it must split somewhere
        while k >= 1 and not (self._enough(self.rows[:k], least, aw)
                              and self._enough(self.rows[k:], least, aw)):
            k -= 1
        if k < 1:
            self.stuck_source = self.rows[0].source if self.rows else self.source
            return []
        parts = self._splits.get(k)
        if parts is None:
            parts = self._splits[k] = self._parts(k)
        return list(parts)

    def _parts(self, k: int) -> list[GridTable]:
        """The table split after its first ``k`` rows: the rest under the header again."""
        first = GridTable(self.columns, self.rows[:k], header=self.header, title=self.title,
                          title_cont=self.title_cont, **self._opts)
        rows = self.rows[k:]
        rest = GridTable(self.columns, [rows[0].continued(), *rows[1:]], header=self.header,
                         title=self.title_cont or self.title, title_cont=self.title_cont,
                         **self._opts)
        first.repeat, rest.repeat = self.repeat, True
        return [first, rest]

    def _enough(self, rows: Sequence[Row], least: int, aw: float) -> bool:
        """Whether ``rows`` stand on their own as one side of a split: ``least`` rows, or
        rows as tall as ``least`` rows of three lines (a programme's slot with its speakers
        is no stray row at a column's foot, though it is one)."""
        return len(rows) >= max(least, 1) or (
            sum(self.row_height(r, aw) for r in rows) >= 3 * least * self.pitch - EPS)

    def slack(self) -> float:
        """The grid's rounding, the last row's padding and the room below its lowest line
        (the tallest cell's last line)."""
        aw = self.width
        rows = self.rows or ([self.header] if self.header else [])
        if not rows:
            return self.height
        last = rows[-1]
        lows = []
        for cell, w in zip(last.cells, self._cell_widths(last, aw), strict=True):
            ch = sum(f.wrap(w - 2 * self.padding, 1e6)[1] for f in cell.items)
            end = cell.items[-1] if cell.items else None
            if isinstance(end, Block):
                lows.append(self.row_height(last, aw) - 2 * self.padding - ch + end.slack())
        inner = min(lows) if lows else 0.0
        return self.height - self._whole(aw) + self.padding + inner

    def _cell_tag(self, cell: Cell, first: bool, head: bool) -> Node | None:
        if self.node is None:
            return None
        if cell.tag is None:
            if head or (first and self.row_heads and cell.items):
                scope = "Column" if head else "Row"
                cell.tag = Node("TH", attrs={"O": "Table", "Scope": scope})
            else:
                cell.tag = Node("TD")
        return cell.tag

    def _draw_row(self, row: Row, y_top: float, h: float, fill: str | None,
                  head: bool = False) -> None:
        c = self.canv
        if fill:
            c.setFillColor(fill)
            c.rect(0, y_top - h, self.width, h, stroke=0, fill=1)
        if self.node is not None and row.tag is None:
            row.tag = Node("TR")
        x = 0.0
        with element(c, row.tag):
            for i, (cell, w) in enumerate(zip(row.cells, self._cell_widths(row, self.width),
                                              strict=True)):
                y = y_top - self.padding
                with element(c, self._cell_tag(cell, i == 0, head)):
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

    def _line(self, y: float, colour: str | None) -> None:
        if colour:
            c = self.canv
            c.setStrokeColor(colour)
            c.setLineWidth(self.rule_width)
            c.line(0, y, self.width, y)

    def _draw(self):
        c = self.canv
        aw = self.width
        if self.background:
            c.setFillColor(self.background)
            c.rect(0, 0, aw, self.height, stroke=0, fill=1)
        y = self.height
        repeated = (lambda: artifact(c)) if self.repeat else nullcontext
        if self.title is not None:
            th = self._title_height(aw)  # (wrapped at the table's width, as drawn)
            with repeated():
                self.title.drawOn(c, 0, y - th)
            y -= th
        with element(c, self.node):
            self._draw_rows(y, repeated)

    def _draw_rows(self, y: float, repeated) -> None:
        aw = self.width
        if self.header:
            h = self.row_height(self.header, aw)
            self._line(y, self.head_rule)
            with repeated():
                self._draw_row(self.header, y, h, self.head_fill, head=True)
            y -= h
            self._line(y, self.head_rule)
        for i, row in enumerate(self.rows):
            h = self.row_height(row, aw)
            fill = row.fill or (self.zebra if self.zebra and i % 2 == 1 else None)
            if row.group_start and i:
                self._line(y, self.head_rule or self.rule)
            self._draw_row(row, y, h, fill)
            y -= h
            last = i == len(self.rows) - 1
            nxt = self.rows[i + 1] if not last else None
            if nxt is None or not nxt.group_start:
                self._line(y, self.head_rule if last and self.header else self.rule)
