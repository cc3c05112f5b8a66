"""Independent checks of compose() output used by the property and probe tests.

They look only at the returned lines (runs, positions, texts) plus the class table, so a bug in
the composer's own bookkeeping (e.g. a wrong Line.width) is still caught by the geometry checks.
"""

from __future__ import annotations

import re

from express.jtext import classes as C
from express.jtext.breaking import url_break_points

TOL = 0.1
_START_FORBIDDEN = {
    "strict": {2, 3, 4, 5, 6, 7, 9, 10, 11},
    "very_strict": {2, 3, 4, 5, 6, 7, 9, 10, 11},
    "jlreq_strict": {2, 3, 4, 5, 6, 7},
    "loose": {2, 4, 6, 7},
    "very_loose": {2, 6, 7},
}
#: a level's forbidden line heads that may start a line inside a run of three or more of
#: them (すごーーーっ): JLREQ's loose level allows cl-03/10/11 there (the composer's RUN tier)
_RUN_RELAXED = {level: forbidden - _START_FORBIDDEN["loose"]
                for level, forbidden in _START_FORBIDDEN.items()}
_LEADER_SAME = [("…", "…"), ("‥", "‥"), ("—", "—"), ("―", "―"), ("—", "―"), ("―", "—")]


def glyph_boxes(line, metrics):
    """(char, left ink edge, right ink edge) of every glyph, from the runs alone."""
    out = []
    for run in line.runs:
        x = run.x
        size = run.style.size
        for ch in run.text:
            adv = metrics.advance(run.style.font, ch) * size / 1000.0
            cls = C.char_class(ch)
            if ch == " ":
                lo = hi = None
            elif cls in C.HALF_WIDTH_PUNCT and adv >= 0.9 * size:
                if cls == C.OPEN:
                    lo, hi = x + adv / 2, x + adv
                elif cls == C.MIDDLE_DOT:
                    lo, hi = x + adv / 4, x + 3 * adv / 4
                else:
                    lo, hi = x, x + adv / 2
            else:
                lo, hi = x, x + adv
            out.append((ch, lo, hi))
            x += adv + run.char_space
    return out


_AFTER_DIVIDING = re.compile("(?<=[！？‼⁇⁈⁉])\u3000")


def _squash(text: str) -> str:
    return _AFTER_DIVIDING.sub("", text).replace(" ", "")


def _dropped_ideo_space(flat: str, pos: int) -> bool:
    return flat.startswith("\u3000", pos) and pos > 0 and flat[pos - 1] in "！？‼⁇⁈⁉"


def _in_long_run(flat: str, pos: int, relaxed: set[int]) -> bool:
    """Whether flat[pos] is one of a run of three or more characters of ``relaxed`` classes."""
    if C.char_class(flat[pos]) not in relaxed:
        return False
    a = pos
    while a > 0 and C.char_class(flat[a - 1]) in relaxed:
        a -= 1
    b = pos
    while b < len(flat) and C.char_class(flat[b]) in relaxed:
        b += 1
    return b - a >= 3


def _latin(ch: str) -> bool:
    return C.char_class(ch) in C.LATIN


def check_lines(lines, text, measure, metrics, settings, allow_overflow_chars=False):
    """Assert all composer invariants; returns the number of lines checked."""
    level = settings.strictness
    forbidden = _START_FORBIDDEN[level]
    url_points = set()
    for _start, _end, pts in url_break_points(text.replace("\n", "")):
        url_points.update(pts)
    # 1. text preserved (spaces may be dropped at breaks, and so may the U+3000 after ！？;
    # \n becomes a line break)
    joined = "".join(line.text for line in lines)
    assert _squash(joined) == _squash(text.replace("\n", "")), (joined, text)
    pos = 0
    flat = text.replace("\n", "")
    for i, line in enumerate(lines):
        # runs reproduce the line text exactly
        assert "".join(r.text for r in line.runs) == line.text
        # locate the line in the flattened input (skipping dropped spaces)
        while (flat.startswith(" ", pos) or _dropped_ideo_space(flat, pos)) and not (
            flat.startswith(line.text, pos)
        ):
            pos += 1
        assert flat.startswith(line.text, pos), (i, line.text, flat[pos : pos + 20])
        start, pos = pos, pos + len(line.text)
        boxes = glyph_boxes(line, metrics)
        last_size = max((r.style.size for r in line.runs), default=0.0)
        for ch, lo, hi in boxes:
            if lo is None:
                continue
            assert lo >= -TOL, (line.text, ch, lo)
            hanging = settings.hanging and ch in "、。，．" and ch == line.text[-1]
            if not hanging and not allow_overflow_chars:
                assert hi <= measure + TOL, (line.text, ch, hi, measure)
        if (
            not line.last
            and not line.forced
            and settings.align == "justify"
            and len(line.text.rstrip()) > 1
        ):
            assert abs(line.width - measure) <= TOL, (line.text, line.width, measure)
            inks = [hi for _c, _lo, hi in boxes if hi is not None]
            if inks and not (settings.hanging and line.text[-1] in "、。，．"):
                assert max(inks) >= measure - 0.5 * last_size - TOL, (line.text, max(inks))
        assert line.width <= measure + TOL or allow_overflow_chars or settings.hanging
        if not line.text:
            continue
        prev_forced = i == 0 or lines[i - 1].forced
        if not prev_forced and not lines[i - 1].emergency:
            first = line.text[0]
            assert C.char_class(first) not in forbidden or (
                level == "loose" and first in "・々％"
            ) or (level == "jlreq_strict" and first == "々") or _in_long_run(
                flat, start, _RUN_RELAXED[level]), (level, line.text)
            prev = lines[i - 1].text
            if prev and start > 0 and flat[start - 1] != " ":
                b = prev[-1]
                a = first
                assert not (_latin(b) and _latin(a)) or start in url_points, (prev, line.text)
                if level != "very_loose":
                    assert (b, a) not in _LEADER_SAME or (level == "loose" and b in "…‥"), (
                        prev, line.text)
                assert not (re.match(r"[0-9]", b) and re.match(r"[0-9]", a))
                assert not (re.match(r"[０-９]", b) and re.match(r"[０-９]", a))
        if not line.last and not line.forced and not line.emergency:
            assert C.char_class(line.text[-1]) not in (C.OPEN, C.LAT_OPEN), line.text
    return len(lines)
