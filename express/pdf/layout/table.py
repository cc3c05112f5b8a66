"""Tables of composed cells on the grid: split between rows, header repeated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from express.model.source import Pos
from express.pdf.layout.blocks import EPS, Block, Para, snap
from express.pdf.layout.platypus import Flowable
from express.pdf.paint.text import one_text_object


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
