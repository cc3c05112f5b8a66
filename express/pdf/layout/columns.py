"""Column sections: a full-width head over balanced columns that split across pages."""

from __future__ import annotations

import math
from collections.abc import Sequence

from express.model.source import Pos
from express.pdf.layout.blocks import EPS, Block, snap
from express.pdf.layout.platypus import Flowable


class Section(Block):
    """A full-width ``head`` (kept with at least a few lines below it) and ``items`` set in
    ``columns`` balanced columns on the grid; splits across pages, column by column.

    ``box`` (a colour) draws a frame ``box_width`` wide around the section, padded by
    ``box_pad`` left and right and by half a line above and below, so the section still
    takes whole grid lines.  ``rule`` (a colour) draws a rule ``rule_width`` wide between
    the columns.  ``wide`` is a figure across all the columns, between the head and the
    columns (a photo the page plan let grow to fill a page: :meth:`widened`).
    ``page_height`` (the grid's height; 0: unknown) lets a head that no page can hold with
    the first lines below it (a report's long title over a long facts table) split between
    its blocks, rather than stop the build.
    """

    def __init__(self, head: Sequence[Flowable], items: Sequence[Flowable], *, columns: int,
                 gutter: float, pitch: float, min_lines: int = 3, box: str | None = None,
                 box_pad: float = 0.0, box_width: float, rule: str | None = None,
                 rule_width: float, source: Pos | None = None,
                 fixed: list[list[tuple[Flowable, float]]] | None = None,
                 wide: Flowable | None = None, page_height: float = 0.0) -> None:
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
        self.wide = wide
        self.page_height = page_height
        self.stuck_source: Pos | None = None
        self._layout_cache: dict[tuple[float, float], tuple] = {}
        # measured once per width: the head's height, and the items' whole height (where
        # the balancing starts), asked again at every room the section is laid out in
        self._heads: dict[float, float] = {}
        self._totals: dict[float, float] = {}
        # a layout's parts when split there: the plan splits a section at the same room
        # again for every page it tries, and what follows a part is laid out once per part
        self._splits: dict[tuple[float, float], list[Section]] = {}

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
        """The head with the box's top padding, in whole lines, and the wide figure: the
        columns start on the grid line right below them."""
        h = self._heads.get(aw)
        if h is None:
            inner = self._inner(aw)
            raw = sum(f.wrap(inner, 1e6)[1] for f in self.head)
            head = snap(raw + self._pad(), self.pitch) if raw or self.box else 0.0
            h = self._heads[aw] = head + (self.wide.wrap(inner, 1e6)[1]
                                          if self.wide is not None else 0.0)
        return h

    def figures(self) -> list[Flowable]:
        """The figures among the items, which may grow across the columns (``widened``)."""
        if self.fixed is not None or self.box or self.ncols < 2 or self.wide is not None:
            return []
        return [f for f in self.items if getattr(f, "floats", False)
                and hasattr(f, "sized")]

    def widened(self, figure: Flowable, aw: float, height: float) -> Section:
        """This section (``aw`` wide) with ``figure`` taken out of the columns and set
        across them, at the top, ``height`` tall (whole lines; see PhotoBlock.sizes)."""
        inner = self._inner(aw)
        return Section(self.head, [f for f in self.items if f is not figure],
                       columns=self.ncols, gutter=self.gutter, pitch=self.pitch,
                       min_lines=self.min_lines, box=self.box, box_pad=self.box_pad,
                       box_width=self.box_width, rule=self.rule, rule_width=self.rule_width,
                       source=self.source, wide=figure.sized(inner, height),
                       page_height=self.page_height)

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
                    # a heading never ends a column without its text's first lines, not
                    # even at a column's top (a committee's name over a column, its text
                    # in the next)
                    if (getattr(f, "keepWithNext", False)
                            and not self._followed(f, queue, cw, room - h)):
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

    def _followed(self, f: Flowable, queue: list, cw: float, room: float) -> bool:
        """Whether what ``f`` is kept with starts in ``room``: the next block (not a figure),
        and for a heading with ``keep_lines`` that many lines of the text after it."""
        want = getattr(f, "keep_lines", 1)
        for i, g in enumerate(queue[1:], start=1):
            if getattr(g, "floats", False):
                continue
            if want <= 1:
                if not self._starts_in(g, cw, room):
                    return False
                if not getattr(g, "keepWithNext", False):
                    return True
                # itself kept with what follows it (a committee's head, then a subheading)
                _, h = g.wrap(cw, room)
                return h > room + EPS or self._followed(g, queue[i:], cw, room - h)
            _, h = g.wrap(cw, room)
            if getattr(g, "discardable", False):  # space: the text after it must fit too
                room -= h
                if room < -EPS:
                    return False
                continue
            if not self._starts_in(g, cw, room):
                return False
            if h > room + EPS:  # it splits here, keeping the lines a split keeps
                return True
            want -= round(h / self.pitch)
            if want <= 0:
                return True
            room -= h
        return True

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
            total = self._totals.get(cw) if items is self.items else None
            if total is None:
                total = sum(f.wrap(cw, 1e6)[1] for f in items)
                if items is self.items:
                    self._totals[cw] = total
            start = max(1, math.ceil(total / self.pitch / self.ncols - 1e-6))
            for n in range(start, lines_avail + 1):
                cols, rest = self._fill(cw, n * self.pitch, items)
                if not rest:
                    return cols, rest
        cols, rest = self._fill(cw, lines_avail * self.pitch, items)
        if rest and all(getattr(f, "floats", False) for f in rest):
            # only figures would go over: they would stand apart from their text, after
            # its end.  Carry some text over with them: the columns end a line or a few
            # short (the shortest that carries text), rather than keep the figures in place
            # and leave a column half empty below the first that does not fit
            for short in range(1, lines_avail):
                cols_s, rest_s = self._fill(cw, (lines_avail - short) * self.pitch, items)
                if any(not getattr(f, "floats", False) for f in rest_s):
                    return cols_s, rest_s
            return self._fill(cw, lines_avail * self.pitch, items, floating=False)
        return cols, rest

    @staticmethod
    def _key(aw: float, ah: float) -> tuple[float, float]:
        """What a layout is known by: sizes a thousandth of a point apart lay out alike."""
        return round(aw, 3), round(ah, 3)

    def _layout(self, aw: float, ah: float):
        key = self._key(aw, ah)
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
        if self._head_too_tall(aw) and self._head_height(aw) > ah + EPS:
            return self._split_head(aw, ah)
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
        key = self._key(aw, ah)
        parts = self._splits.get(key)
        if parts is None:
            first = Section(self.head, [], fixed=cols, wide=self.wide, **self._look())
            second = Section([], rest, **self._look())
            parts = self._splits[key] = [first, second]
        # the rest continues on the next page: the page plan ends a page after a split, so
        # nothing slips into the room left below the first part (the reading order holds)
        return list(parts)

    def _look(self) -> dict:
        return dict(columns=self.ncols, gutter=self.gutter, pitch=self.pitch, box=self.box,
                    box_pad=self.box_pad, box_width=self.box_width, rule=self.rule,
                    rule_width=self.rule_width, source=self.source,
                    page_height=self.page_height)

    def _head_too_tall(self, aw: float) -> bool:
        """Whether no page holds the head with the lines a split keeps below it."""
        if self.page_height <= 0 or self.fixed is not None or not self.head:
            return False
        below = self.min_lines * self.pitch if self.items else 0.0
        return self._head_height(aw) + below + self._vpad() > self.page_height + EPS

    def _split_head(self, aw: float, ah: float) -> list[Flowable]:
        """A head that no page holds: its first blocks that fit ``ah`` (a table among them
        split between rows) as a part of their own, the rest of the head over the columns
        in the next part.  A heading kept with what follows does not end the first part."""
        inner = self._inner(aw)
        room = ah - self._pad() - self._vpad()
        taken: list[Flowable] = []
        rest = list(self.head)
        while rest:
            f = rest[0]
            h = f.wrap(inner, room)[1]
            if h <= room + EPS:
                taken.append(rest.pop(0))
                room -= h
                continue
            parts = f.split(inner, room) if room > EPS else []
            if len(parts) > 1 and parts[0].wrap(inner, room)[1] <= room + EPS:
                taken.append(parts[0])
                rest[0:1] = parts[1:]
            break
        while taken and (getattr(taken[-1], "keepWithNext", False)
                         or getattr(taken[-1], "discardable", False)):
            rest.insert(0, taken.pop())
        first = Section(taken, [], **self._look())
        if not taken or not rest or first.wrap(aw, ah)[1] > ah + EPS:
            self.stuck_source = self.source
            return []
        return [first, Section(rest, self.items, min_lines=self.min_lines, wide=self.wide,
                               **self._look())]

    def _stuck(self, aw: float, ah: float, rest: list) -> Pos | None:
        """The source of the first block that cannot be placed (for the error message)."""
        for f in rest or self.items:
            if getattr(f, "discardable", False) or getattr(f, "keepWithNext", False):
                continue
            f.split(self.col_width(aw), ah)
            return getattr(f, "stuck_source", None) or getattr(f, "source", None) \
                or self.source
        return self.source

    def slack(self) -> float:
        """Below the lowest line of the longest column (or of the head, with no columns)."""
        head_h, body, cols, _ = self._drawn
        lows = []
        for col in cols:
            blank = body - sum(fh for _, fh in col)
            for f, fh in reversed(col):
                if not getattr(f, "discardable", False):
                    lows.append(blank + (f.slack() if isinstance(f, Block) else 0.0))
                    break
                blank += fh
        low = min(lows) if lows else body
        return self.height - head_h - body + low

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
        if self.wide is not None:
            _, fh = self.wide.wrap(inner, 1e6)
            self.wide.drawOn(c, x0, h - head_h)
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
