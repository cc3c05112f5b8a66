"""Finishing a paragraph: a look at several lines at once where one line alone falls short.

The composer fills lines one by one (composer.py), which is fast and right for nearly every
line.  Two faults can only be mended by moving earlier breaks, and a DTP operator mends them
so:

* a **spread line**: a justified line that its expandable places cannot fill without
  widening a gap between two kana/kanji past ¼ em (JLREQ expansion steps a–c, and step d at
  the punctuation and in addresses, see justify.py), e.g. the line before an address or a
  bracketed term that did not fit on it.  The lines before it and the next one are broken
  again so that every one of them fills within those steps: an address breaks at its natural
  points, an opening bracket starts the next line, a phrase moves down.
* a **short last line**: the last line of a paragraph (of a text between forced breaks) with
  fewer than three characters (「す。」).  The last few lines are broken again so that it is
  pulled up into the line before by reduction (追い込み, JLREQ's reduction steps) or gets a
  phrase moved down to it (追い出し, expansion within steps a–c and d as above), the
  paragraph keeping its number of lines or losing one.

Both are one search (:func:`_rebreak`) over the breaks of a window of lines, with the start
of its first line and the end of its last fixed: each line must fit within the reduction and
expansion steps, a one-glyph line never; among those arrangements the one with the least
adjustment (expansion counting twice as much as reduction, which JLREQ prefers), the
fewest breaks inside a word or a phrase and the fewest lines changed wins.  Nothing is
changed when no arrangement exists: such a spread line is marked on the line
(``Line.spread``) for the build to warn of, and a short last line stays.  The search runs
only where the fill found a fault, so the rest of the text costs one comparison per line.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cached_property
from itertools import pairwise
from operator import add, le, sub
from typing import TYPE_CHECKING

from . import breaking as B

if TYPE_CHECKING:  # (the composer imports this module)
    from .composer import _Segment

EPS = 1e-6
#: a last line with fewer characters than this is pulled up or given company
MIN_LAST = 3
#: lines before a spread line (and before a short last line) that may be broken again
BACK = 4
#: cost of a break by its tier: ordinary breaks first, then word, phrase, address breaks
_TIER_COST = {B.OK: 0.0, B.WORD: 0.3, B.PHRASE: 1.0, B.URL: 0.6, B.RUN: 0.6}
#: cost of an ordinary break that is not between two BudouX phrases (moving a whole phrase
#: reads better than moving a syllable)
_INSIDE_PHRASE = 1.0
#: cost of a break the fill did not choose: the fewer lines change, the better
_MOVED = 0.2
_EXPAND_WEIGHT = 2.0  # JLREQ §3.8.2: reduction is preferred to expansion
#: (pt) how far past a bound a candidate line must be to be passed over unmeasured: far
#: beyond rounding, far below anything a line could use
_MARGIN = 1e-3

# a decision of the composer: (start, end, natural width, hangs, available width, indent)
Decision = tuple[int, int, float, bool, float, float]


class _Window:
    """The measures of candidate lines of one segment (prefix sums, looked up in O(1)).

    ``widest[k]`` and ``narrowest[k]`` bound what a line ending at k can be set to (fully
    expanded within steps a–d, fully reduced), less what the line's start takes away; both
    only grow with k, so the lines from one start that are too short to fill the measure
    come first and are found by bisection, and once one line is too wide even reduced all
    later ones are (:meth:`too_short`, :meth:`overfull`).  Glyph advances and glue are
    never negative in practice; ``sorted`` says whether the bounds do grow, and without it
    every candidate is measured.  (The bounds are made when a window is broken again:
    most segments only have their lines checked.)"""

    def __init__(self, seg: _Segment, endw: Callable[[int], float], measure: float,
                 indent: float) -> None:
        self.seg, self.endw, self.measure, self.indent = seg, endw, measure, indent
        self.tight = seg.tight_prefix()

    @cached_property
    def widest(self) -> list[float]:
        return list(map(add, self.seg.C, self.tight))

    @cached_property
    def narrowest(self) -> list[float]:
        return list(map(sub, self.seg.C, self.seg.T))

    @cached_property
    def end_most(self) -> float:
        """The most line-end glue adds to a line."""
        return max(0.0, max(self.seg.endg, default=0.0))

    @cached_property
    def end_adj(self) -> float:
        """The most line-end glue adds to a line or takes off it (a dropped U+3000)."""
        return max(self.end_most, max(self.seg.drop.values(), default=0.0))

    @cached_property
    def sorted(self) -> bool:
        return self.measure > 0 and all(
            all(map(le, a, a[1:])) for a in (self.seg.C, self.tight, self.narrowest))

    def avail(self, s: int) -> float:
        return self.measure - (self.indent if s == 0 else 0.0)

    def content_end(self, s: int, k: int) -> int:
        """The end of a line's content: trailing spaces are dropped (as composer._emit)."""
        text = self.seg.text
        e = k
        while e > s + 1 and text[e - 1] == " ":
            e -= 1
        return e

    def natural(self, s: int, k: int) -> float:
        """The width of the line s..k as the composer records it (trailing spaces in)."""
        seg = self.seg
        return seg.C[k] - seg.C[s] - seg.nat[s] + self.endw(k)

    def fit(self, s: int, k: int) -> tuple[float, float, float] | None:
        """(width without trailing spaces, reducible, expandable without spreading) of the
        line s..k, or None for a line of one glyph."""
        seg = self.seg
        text = seg.text
        e = k
        while e > s + 1 and text[e - 1] == " ":  # (content_end)
            e -= 1
        if e - s < 2:
            return None
        C, T, tight = seg.C, seg.T, self.tight
        endw = self.endw(k)
        w = C[e] - C[s] - seg.nat[s] + (endw if e == k else 0.0)
        # (e > s + 1: the line has gaps inside)
        return w, T[e] - T[s + 1] + max(endw, 0.0), tight[e] - tight[s + 1]

    def cost(self, s: int, k: int) -> float | None:
        """Badness of a justified line s..k, None when it cannot be set without spreading."""
        f = self.fit(s, k)
        if f is None:
            return None
        w, shrink, grow = f
        d = (self.measure - (self.indent if s == 0 else 0.0)) - w  # (avail)
        if d >= 0:
            if d <= EPS:
                return 0.0
            if d > grow + EPS:
                return None
            return _EXPAND_WEIGHT * (d / grow) ** 2
        if -d > shrink + EPS:
            return None
        return (-d / shrink) ** 2 if shrink > EPS else 0.0

    def too_short(self, s: int) -> float:
        """A line from s ending at k is too short to be filled without spreading (its cost
        is None, and it is narrower than its measure) when ``widest[k]`` is below this."""
        seg = self.seg
        return (self.avail(s) + seg.C[s] + seg.nat[s] + self.tight[s + 1] - self.end_most
                - _MARGIN)

    def overfull(self, s: int, k: int) -> bool:
        """Whether every line from s ending at k or later is too wide even fully reduced."""
        seg = self.seg
        base = seg.C[s] + seg.nat[s] - seg.T[s + 1]
        return (self.narrowest[self.content_end(s, k)] - base - self.end_adj
                > self.avail(s) + _MARGIN)

    def last_fits(self, s: int, n: int) -> bool:
        """Whether the last line s..n fits (a last line may be reduced, JLREQ §3.8.2)."""
        f = self.fit(s, n)
        if f is None:
            return False
        w, shrink, _grow = f
        return w - shrink <= self.avail(s) + EPS

    def glyphs(self, s: int, k: int) -> int:
        return k - s - self.seg.text.count(" ", s, k)


def spread_at(win: _Window, d: Decision) -> bool:
    """Whether a justified line (not a last line) cannot be filled without spreading."""
    s, k = d[0], d[1]
    return k < win.seg.n and win.cost(s, k) is None


def finish(seg: _Segment, decisions: list[Decision], endw: Callable[[int], float],
           measure: float, indent: float) -> list[Decision]:
    """``decisions`` with spread lines and a short last line mended where breaking the lines
    around them again can (see the module's docs)."""
    n = seg.n
    if len(decisions) < 2 or any(d[3] for d in decisions):
        return decisions  # one line, or hanging punctuation: the fill's own choice
    short = decisions[-1][1] == n and 0 < _glyphs(seg, decisions[-1][0], n) < MIN_LAST
    if not short and not any(d[4] - d[2] > EPS for d in decisions[:-1]):
        return decisions  # (no line is filled by expansion: none can be spread)
    win = _Window(seg, endw, measure, indent)
    out = list(decisions)
    i = 0
    while i < len(out) - 1:
        if out[i][4] - out[i][2] > EPS and spread_at(win, out[i]):
            a, j = max(0, i - BACK), i + 1
            # (a last line already short may stay so: that is mended below, if it can be)
            found = _rebreak(win, out, a, j, min(MIN_LAST, win.glyphs(out[-1][0], n)))
            if found is not None:
                out[a:j + 1] = found
                i = a + len(found) - 1
                continue
        i += 1
    last = out[-1]
    if len(out) > 1 and last[1] == n and 0 < win.glyphs(last[0], n) < MIN_LAST:
        a = max(0, len(out) - 1 - BACK)
        found = _rebreak(win, out, a, len(out) - 1)
        if found is not None:
            out[a:] = found
    return out


def _glyphs(seg: _Segment, s: int, k: int) -> int:
    return k - s - seg.text.count(" ", s, k)


def _rebreak(win: _Window, decisions: list[Decision], a: int, j: int,
             min_last: int = MIN_LAST) -> list[Decision] | None:
    """New breaks for lines a..j (their start and the end of line j kept), every line set
    without spreading, a last line of at least ``min_last`` glyphs; as many lines, or one
    fewer when line j is the last.  None when there is no such arrangement."""
    seg = win.seg
    n, tiers = seg.n, seg.tiers
    start, end = decisions[a][0], decisions[j][1]
    lines = j - a + 1
    worst = max((tiers[d[1]] for d in decisions[a:j]), default=B.OK)
    if worst >= B.EMERGENCY:
        return None  # a word broken by force: leave what the fill found
    top = max(worst, B.RUN)
    cands = [k for k in range(start + 1, end) if tiers[k] <= top] + [end]
    chosen = {d[1] for d in decisions[a:j]}
    starts = B.phrase_starts()
    moved: dict[int, float] = {}  # k -> the cost of breaking at k, whatever the line before

    def break_cost(k: int) -> float:
        x = moved.get(k)
        if x is None:
            # (a break inside a BudouX phrase of the window's text: as the text is parsed)
            inside = not starts(seg.text, k, start, end)
            x = moved[k] = _TIER_COST.get(tiers[k], 8.0) + (
                _INSIDE_PHRASE if inside else 0.0) + (0.0 if k in chosen else _MOVED)
        return x

    fewer = end == n
    prune = win.sorted
    widest = [win.widest[k] for k in cands]
    # (the end of the text may end a short last line: never passed over as too short)
    short_end = len(cands) - 1 if end == n else len(cands)
    # best[c][k]: (cost, previous break) of setting start..k in c lines
    best: list[dict[int, tuple[float, int]]] = [{start: (0.0, -1)}]
    for c in range(1, lines + 1):
        row: dict[int, tuple[float, int]] = {}
        for p, (pc, _prev) in best[c - 1].items():
            if p == end:
                continue
            lo = bisect_right(cands, p)
            if prune:
                lo = bisect_left(widest, win.too_short(p), lo, short_end)
            limit = win.avail(p) + win.measure
            for k in cands[lo:]:
                if k == end and end == n:
                    if win.glyphs(p, n) < min_last or not win.last_fits(p, n):
                        if win.natural(p, k) > limit:
                            break
                        continue
                    cost = 0.0
                else:
                    cost = win.cost(p, k)
                    if cost is None:
                        if win.natural(p, k) > limit or (prune and win.overfull(p, k)):
                            break  # (wider still: no later k fits)
                        continue
                    if k != end:
                        cost += break_cost(k)
                total = pc + cost
                old = row.get(k)
                if old is None or total < old[0]:
                    row[k] = (total, p)
        best.append(row)
    counts = [lines - 1, lines] if fewer and lines > 1 else [lines]
    options = [(best[c][end][0], c) for c in counts if end in best[c]]
    if not options:
        return None
    _cost, c = min(options)
    breaks = [end]
    k = end
    for row in range(c, 0, -1):
        k = best[row][k][1]
        breaks.append(k)
    breaks.reverse()
    out: list[Decision] = []
    for s, k in pairwise(breaks):
        ind = win.indent if s == 0 else 0.0
        out.append((s, k, win.natural(s, k), False, win.avail(s), ind))
    return out
