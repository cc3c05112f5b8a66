"""The page plan: the story placed page by page, each page decided whole.

ReportLab's frame places one flowable after another and turns the page as soon as the next
one does not fit.  That left pages a third empty: before an article that starts a new page,
before an article kept whole, at the end of the issue.  The planner lays the story out
itself, with the flowables' own ``wrap`` and ``split`` (what it measures is what is drawn),
and decides each page as a designer would:

1. it fills the page in reading order: an article begins on the page when its head and at
   least three lines fit (``Section``), a table splits with its minimum rows on each side
   (``GridTable``), columns balance at an article's end;
2. when that leaves room at the foot because the next article cannot begin there (it starts
   a new page, it is kept whole, its head does not fit), every later article that fits whole
   in the room is tried there; each page that could be made is scored by the room left on it
   and on the page after it (the spread), a move costs ``plan.move_penalty_lines``, and the
   best is kept, until no move gains;
3. the colophon stands at the foot of the last page: a last page it does not fit, or a page
   holding fewer than ``plan.min_page_lines`` lines, is mended by carrying lines over from
   the page before (the shortest carry that mends it and leaves that page half full);
4. what could not be filled is said: each page left more than ``plan.warn_empty`` empty, and
   a last page nearly empty, with the article and the reason.

Every choice is a pure function of the story and the template: the same issue gives the same
pages.  Articles moved to fill a page change the reading order, so the story is made again
in the new order (contents, bands) and planned once more without moves (``plan_issue`` in
render.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from express.model.source import Pos
from express.pdf.document.pages import Overflow
from express.pdf.layout.blocks import EPS, Block, GridSpace
from express.pdf.layout.platypus import Flowable
from express.pdf.paint.text import ASCENT
from express.pdf.template import Template

BIG = 1e6  # the height an article is measured in whole


@dataclass(eq=False)
class Unit:
    """One article (or the front matter, or a run of committees) as the planner moves it.

    ``alone`` are its items as set when it is moved among articles of other kinds (its kind
    band shown): what it takes in a page it is moved into."""

    key: str
    label: str  # the running head's section while it is at a page's top
    title: str  # how warnings name it
    source: Pos | None
    items: list[Flowable]
    gap: float = 0.0  # space above it when it follows another article on a page
    new_page: bool = False
    keep_together: bool = False
    movable: bool = False
    alone: list[Flowable] | None = None
    keys: tuple[str, ...] = ()  # the articles it holds, in order (a run holds several)


class _Break:
    """Before an article that starts a new page."""


@dataclass(frozen=True, eq=False)
class Entry:
    item: Flowable | _Break
    unit: int
    first: bool = False  # the unit's first item: where it begins
    lead: bool = False  # what goes before a unit (the space or the page break above it)


@dataclass(eq=False)
class Placed:
    flowable: Flowable
    height: float
    avail: float  # the height it was wrapped in: it is wrapped in it again to be drawn
    unit: int
    at: int = -1  # its entry in the page's queue


@dataclass(eq=False)
class Fill:
    """One page filled from a queue: what it holds, what is left, and why it ended."""

    placed: list[Placed]
    rest: list[Entry]
    free: float  # room left at the foot, pt
    stop: str  # "end", "split", "break", "keep", "start" or "carry"
    blocked: int | None = None  # the unit that could not begin on the page
    consumed: int = 0  # entries of the queue used whole (where a moved article goes)
    boundary: bool = False  # the page ends between two articles (not inside one)
    queue: list[Entry] = field(default_factory=list)  # the queue the page was filled from
    room: float = 0.0


@dataclass
class Page:
    placed: list[Placed]
    free: float
    label: str
    stop: str
    blocked: int | None
    units: list[int]  # the units begun on the page, in order


@dataclass
class Plan:
    pages: list[Page]
    order: list[str]  # the articles' keys in the order placed
    colophon: Placed | None
    problems: list[tuple[str, int, dict]]  # (message code, page index, args)


class Planner:
    """Decides the pages of one issue in a text block ``width`` × ``height`` (see the
    module's docstring); the template's ``plan:`` numbers steer it."""

    def __init__(self, t: Template, *, width: float, height: float, pitch: float) -> None:
        self.t = t
        self.width, self.height, self.pitch = width, height, pitch
        plan = t.plan
        self.min_lines = plan["min_page_lines"]
        self.penalty = plan["move_penalty_lines"] * pitch
        self.look = plan["spread_weight"]
        self._whole: dict[tuple[int, bool], float] = {}

    # ------------------------------------------------------------------ one page
    def queue(self, units: Sequence[Unit]) -> list[Entry]:
        """The units' blocks in reading order, each unit after its space or page break."""
        out: list[Entry] = []
        for i, u in enumerate(units):
            if out:
                out.append(Entry(_Break() if u.new_page else GridSpace(u.gap), i, lead=True))
            out += [Entry(f, i, first=j == 0) for j, f in enumerate(u.items)]
        return out

    def whole(self, units: Sequence[Unit], i: int, alone: bool = False) -> float:
        """The height unit ``i`` takes set whole (its items measured without a page's end)."""
        key = (i, alone)
        h = self._whole.get(key)
        if h is None:
            u = units[i]
            items = u.alone if alone and u.alone is not None else u.items
            h = self._whole[key] = sum(f.wrap(self.width, BIG)[1] for f in items)
        return h

    def fill(self, units: Sequence[Unit], queue: list[Entry], room: float) -> Fill:
        """The page a frame of ``room`` would make from ``queue`` (reading order)."""
        placed: list[Placed] = []
        total = room
        n = 0  # entries used whole: the page goes on from queue[n]

        def end(stop: str, blocked: int | None = None, boundary: bool = False,
                rest: list[Entry] | None = None) -> Fill:
            # space between articles left at the foot goes back: dropped on the next page
            back = 0
            while placed and getattr(placed[-1].flowable, "discardable", False) \
                    and stop not in ("end", "split"):
                back += 1
                placed.pop()
            used = sum(p.height for p in placed)
            return Fill(placed, queue[n - back:] if rest is None else rest,
                        total - used, stop, blocked, n - back, boundary, queue, total)

        while n < len(queue):
            e = queue[n]
            f = e.item
            if isinstance(f, _Break):
                if placed:
                    return end("break", e.unit, True)
                n += 1
                continue
            if not placed and getattr(f, "discardable", False):
                n += 1
                continue
            u = units[e.unit]
            if e.first and placed and u.keep_together \
                    and self.whole(units, e.unit) > room + EPS:
                return end("keep", e.unit, True)
            h = f.wrap(self.width, room)[1] if room > EPS else BIG
            if h <= room + EPS:
                placed.append(Placed(f, h, room, e.unit, n))
                room -= h
                n += 1
                continue
            parts = f.split(self.width, room) if room > EPS else []
            if len(parts) > 1:
                first = parts[0]
                fh = first.wrap(self.width, room)[1]
                if fh <= room + EPS:
                    placed.append(Placed(first, fh, room, e.unit, n))
                    return end("split", rest=[Entry(p, e.unit) for p in parts[1:]]
                               + queue[n + 1:])
            if total >= self.height - EPS and not any(
                    not getattr(p.flowable, "discardable", False) for p in placed):
                raise Overflow(getattr(f, "stuck_source", None) or getattr(f, "source", None)
                               or u.source, "")
            return end("start", e.unit, e.first)
        return end("end", rest=[])

    # ------------------------------------------------------------------ choosing
    def score(self, units: Sequence[Unit], page: Fill) -> float:
        """Room left on the page and (weighed less) on the page after it: lower is better.
        The last page's room is not counted: the colophon stands there, and no article
        follows that could fill it."""
        after = 0.0
        if page.rest:
            nxt = self.fill(units, page.rest, self.height)
            after = nxt.free if nxt.rest else 0.0
        return page.free + self.look * after

    def page(self, units: list[Unit], queue: list[Entry], room: float,
             moves: bool) -> Fill:
        """The best page from ``queue``: as it comes, or with room an article that cannot
        begin leaves filled — by a later article moved up (``moves``) or a photo of the
        article ending there set across its columns — while that gains."""
        best = self.fill(units, queue, room)
        while best.stop in ("break", "keep", "start") and best.free >= self.pitch - EPS:
            tried = (self.moves(units, best, room) if moves and best.boundary else []) \
                + self.grows(units, best, room)
            scored = [(self.score(units, c) + self.penalty, n, c)
                      for n, c in enumerate(tried) if c.free < best.free - EPS]
            if not scored:
                break
            s, _, cand = min(scored, key=lambda c: (c[0], c[1]))
            # plan.move_penalty_lines is the least a move must gain: a gain of that is one
            if s > self.score(units, best) + EPS:
                break
            best = cand
        return best

    def moves(self, units: list[Unit], best: Fill, room: float) -> list[Fill]:
        """Pages with a later article moved up: into ``best``'s room, or before an article
        begun on the page (which then goes on, or moves on, after it)."""
        q = best.queue
        started = {e.unit for e in q[:best.consumed]}
        waiting = {e.unit for e in q[best.consumed:] if e.first}  # not begun anywhere yet
        # where an article may go: at the page's end, or before an article begun on the
        # page that could itself have moved (never before the 巻頭言 or a new page's start)
        spots = [i for i in range(1, best.consumed)
                 if q[i].lead and units[q[i].unit].movable] + [best.consumed]
        begun = sum(self.whole(units, e.unit) + units[e.unit].gap
                    for e in q[:best.consumed] if e.first)
        out = []
        for j, u in enumerate(units):
            if not u.movable or j in started or j not in waiting:
                continue
            need = self.whole(units, j, alone=True) + u.gap
            for at in spots:
                if at == best.consumed and j == best.blocked:
                    continue  # (it could not begin there as it came)
                if at < best.consumed and need > best.free + begun + EPS:
                    continue
                out.append(self.fill(units, self.moved(units, q, at, j), room))
        return out

    def grows(self, units: list[Unit], best: Fill, room: float) -> list[Fill]:
        """Pages with a photo of the last article ending on ``best`` set across its columns
        (at most as tall as the template lets a photo be, at least as cropped as it lets
        one be, never coarser than ``images.min_ppi``), the tallest that fills the room
        without taking the page further."""
        last = next((p for p in reversed(best.placed)
                     if not getattr(p.flowable, "discardable", False)), None)
        if last is None or last.at >= best.consumed or not hasattr(last.flowable, "figures"):
            return []
        section = last.flowable
        out = []
        for figure in section.figures():
            if not figure.sharp_at(section._inner(self.width)):
                continue  # (across the columns it would print under images.min_ppi)
            least, most = figure.sizes(section._inner(self.width))
            h = most
            while h >= least - EPS:
                wide = section.widened(figure, self.width, h)
                if wide.wrap(self.width, last.avail)[1] <= last.height + best.free + EPS:
                    q = list(best.queue)
                    e = q[last.at]
                    q[last.at] = Entry(wide, e.unit, e.first, e.lead)
                    out.append(self.fill(units, q, room))
                    break
                h -= self.pitch
        return out

    def moved(self, units: list[Unit], queue: list[Entry], at: int, j: int) -> list[Entry]:
        """``queue`` with unit ``j`` taken out of its place and set at ``at`` (as moved: its
        band shown), after the space that goes before it."""
        u = units[j]
        items = u.alone if u.alone is not None else u.items
        rest = [e for e in queue if e.unit != j]  # (a movable unit has no page break)
        head, tail = rest[:at], rest[at:]
        moved = [Entry(GridSpace(u.gap), j, lead=True)] + [Entry(f, j, first=k == 0)
                                                           for k, f in enumerate(items)]
        return head + moved + tail

    # ------------------------------------------------------------------ the issue
    def run(self, units: list[Unit], queue: list[Entry], pages: list[Fill], *,
            moves: bool, rooms: dict[int, float] | None = None) -> list[Fill]:
        """Pages from ``queue`` after ``pages`` until the story ends; ``rooms``: page index
        → a shorter room than the text block's (lines carried over)."""
        pages = list(pages)
        while queue:
            room = (rooms or {}).get(len(pages), self.height)
            try:
                page = self.page(units, queue, room, moves and room >= self.height - EPS)
            except Overflow as exc:
                raise Overflow(exc.source, str(len(pages))) from None
            if room < self.height - EPS and page.stop in ("end", "split", "start"):
                page.stop = "carry" if page.rest else page.stop
            pages.append(page)
            queue = page.rest
        return pages

    def content(self, page: Fill) -> float:
        return sum(p.height for p in page.placed
                   if not getattr(p.flowable, "discardable", False))

    def problem(self, pages: list[Fill], colophon: float) -> tuple[int, int] | None:
        """The first page the plan must mend, as (page index, 0) for a page holding fewer
        than ``min_page_lines`` lines (the first body page aside), (last index, 1) for a
        last page the colophon does not fit; None when there is none."""
        least = self.min_lines * self.pitch - EPS
        for i, page in enumerate(pages):
            if i and self.content(page) < least:
                return i, 0
        if pages and pages[-1].free < colophon - EPS:
            return len(pages) - 1, 1
        return None

    def mend(self, units: list[Unit], pages: list[Fill], found: tuple[int, int],
             colophon: float, moves: bool) -> list[Fill] | None:
        """The plan with the fewest lines carried over that mends the ``found`` page: a
        page too short gets more from the page before it, set shorter line by line; a last
        page too full for the colophon is set shorter so that a page follows with enough
        lines beside the colophon.  A carry that leaves the page it shortens under half
        full (a wide figure or a kept block moving on with the lines) is no mend.  None
        when no carry mends it."""
        i, kind = found
        at = i if kind else i - 1
        if at < 0 or (not kind and isinstance(pages[i].queue[0].item, _Break)):
            return None  # (a page that starts an article on a page of its own)
        base = pages[at]
        for d in range(1, int(self.height // self.pitch) // 2 + 1):
            tail = self.run(units, base.queue, pages[:at], moves=moves,
                            rooms={at: base.room - d * self.pitch})
            if self.content(tail[at]) < self.height / 2 - EPS:
                continue  # (a carry never leaves the page it shortens under half full)
            after = self.problem(tail, colophon)
            if after is None or after > found:
                return tail
        return None

    def plan(self, units: list[Unit], colophon: Block | None, *, moves: bool) -> Plan:
        self._whole.clear()
        need = colophon.wrap(self.width, self.height)[1] if colophon is not None else 0.0
        pages = self.run(units, self.queue(units), [], moves=moves)
        for _ in range(2 * len(pages) + 2):
            found = self.problem(pages, need)
            if found is None:
                break
            mended = self.mend(units, pages, found, need, moves)
            if mended is None:
                break
            pages = mended
        return self.finish(units, pages, colophon, need)

    def finish(self, units: list[Unit], fills: list[Fill], colophon: Block | None,
               need: float) -> Plan:
        problems: list[tuple[str, int, dict]] = []
        if fills and fills[-1].free < need - EPS:
            # nothing could be carried over: the colophon stands on a page of its own
            fills.append(Fill([], [], self.height, "end"))
            problems.append(("pdf.colophon_alone", len(fills) - 1, {}))
        pages: list[Page] = []
        order: list[str] = []
        seen: set[int] = set()
        top = units[0].label if units else ""
        for fill in fills:
            begun = []
            for p in fill.placed:
                if p.unit not in seen:
                    seen.add(p.unit)
                    begun.append(p.unit)
                    order += units[p.unit].keys
            first = next((p.unit for p in fill.placed
                          if not getattr(p.flowable, "discardable", False)), None)
            label = units[first].label if first is not None else top
            top = label
            # (a page set shorter to carry lines over has that room free too)
            free = fill.free + max(0.0, self.height - fill.room) if fill.placed else fill.free
            pages.append(Page(fill.placed, free, label, fill.stop, fill.blocked, begun))
        placed = None
        if colophon is not None and pages:
            placed = Placed(colophon, need, need, -1)
            pages[-1].free -= need
        return Plan(pages, order, placed, problems)


def empty_share(t: Template, page: Page, width: float) -> float:
    """How much of page's text block is empty at the foot, as a reader (or craft.py) sees
    it: from the lowest baseline or picture to the folio's baseline, as a share of the
    block from its first baseline to the folio's."""
    body = t.grid.body
    pitch = t.grid.line_pitch
    first = t.bottom + t.grid.height - ((pitch - body.size) / 2 + ASCENT * body.size)
    low = t.bottom + page.free
    last = next((p for p in reversed(page.placed)
                 if not getattr(p.flowable, "discardable", False)), None)
    if last is not None and isinstance(last.flowable, Block):
        last.flowable.wrap(width, last.avail)
        low += last.flowable.slack()
    folio = t.folio["bottom"]
    return max(0.0, low - folio) / max(1.0, first - folio)


class PlannedPage(Block):
    """One page of the plan: its blocks top down, the colophon (if any) at the foot."""

    def __init__(self, page: Page, foot: Placed | None = None) -> None:
        super().__init__()
        self.page = page
        self.foot = foot

    def wrap(self, aw, ah):
        self.width, self.height = aw, ah
        return aw, ah

    def split(self, aw, ah):
        return []

    def draw(self):
        y = self.height
        for p in self.page.placed:
            p.flowable.wrap(self.width, p.avail)
            y -= p.height
            p.flowable.drawOn(self.canv, 0, y)
        if self.foot is not None:
            self.foot.flowable.wrap(self.width, self.foot.avail)
            self.foot.flowable.drawOn(self.canv, 0, 0)
