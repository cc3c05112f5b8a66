"""Fit one line to its measure by adjusting glue in JLREQ priority order (§3.8).

Reduction (追い込み, Table 3): (1) word spaces ⅓→¼ em; (2) line-end ½ em after 」、。 — all or
nothing; (3) line-end ¼ em before and after a middle dot — all or nothing; (4) mid-line ¼ em around
middle dots; (5) mid-line ½ em before opening brackets / after closing brackets and commas;
(6) Japanese–Latin space ¼→⅛ em. With ``line_end_punct="keep"`` step 2 moves to the very end.

Expansion (追い出し, Table 6): (a) word spaces up to ½ em; (b) Japanese–Latin space up to ½ em;
(c) 0→¼ em between kana/kanji; (d) an equal amount at every other expandable place (punctuation,
the letters of an address), up to ¼ em each: a gap between two kana/kanji is not widened past
the ¼ em of step (c), since a line spread wider there reads as letter-spaced (the composer
breaks elsewhere first, see finishing.py).  Whatever is still missing (a line with few
expandable places, such as Japanese text before a URL that was pushed out) is spread evenly
over every expandable place, the gaps between kana/kanji included, or over every gap of a line
that has none (a broken Latin word), as a last resort: such a line is *spread* (the composer
marks it on the line, and the build warns of it).

Within a step every gap takes the same fraction of its own capacity, which spreads the amount in
proportion to the character size as JLREQ asks.
"""

from __future__ import annotations

EPS = 1e-9
#: the even step (d) adds at most this much (em) at each expandable place that is not between
#: two kana/kanji (the letters of an address take part: a line ending inside one is filled
#: by them rather than by its few kana)
EVEN_MAX_EM = 0.25


def _add(act: list[float], ratio: float, values: list[float], sign: float) -> list[float]:
    r = ratio * sign
    return [x + r * v for x, v in zip(act, values, strict=True)]


def stretch(
    act: list[float], st_word: list[float], st_jl: list[float], st_inter: list[float],
    st_even: list[float], need: float, locked: list[bool] | None = None,
) -> tuple[list[float], bool]:
    """Add ``need`` pt to the gaps ``act`` by Table 6 order. Returns (gaps, success).

    ``locked``: the gaps between two kana/kanji, which take no more than step (c) gives
    unless nothing else can."""
    if need <= EPS:
        return act, True
    for values in (st_word, st_jl, st_inter):
        cap = sum(values)
        if cap <= EPS:
            continue
        if need <= cap:
            return _add(act, need / cap, values, 1.0), True
        act = _add(act, 1.0, values, 1.0)
        need -= cap
    even = st_even
    if locked is not None:
        even = [0.0 if lk else v for v, lk in zip(st_even, locked, strict=True)]
    cap = sum(even)
    if cap > EPS:
        ratio = need / cap
        if ratio <= EVEN_MAX_EM or not act:
            return _add(act, ratio, even, 1.0), True
        act = _add(act, EVEN_MAX_EM, even, 1.0)
        need -= EVEN_MAX_EM * cap
    places = [i for i, v in enumerate(st_even) if v > EPS]
    if places:  # the rest at every expandable place, the gaps between kana/kanji included
        per = need / len(places)
        out = list(act)
        for i in places:
            out[i] += per
        return out, True
    if act:
        per = need / len(act)
        return [x + per for x in act], True
    return act, False


def fit(
    nat: list[float],
    shrinks: tuple[list[float], list[float], list[float], list[float]],
    stretches: tuple[list[float], list[float], list[float], list[float]],
    need: float,
    end_glue: float,
    dot_end: bool,
    keep_end: bool,
    locked: list[bool] | None = None,
) -> tuple[list[float], float, bool]:
    """Adjust the interior gaps of a line.

    nat: natural widths of the interior gaps; shrinks: (word, dot, bracket, jl) reducible amounts;
    stretches: (word, jl, inter, even) expandable amounts; need: measure minus natural width
    (natural width includes ``end_glue``, the line-end glue after the last character);
    dot_end: the line ends with a middle dot (its ¼ before and after go together, step 3);
    keep_end: line_end_punct == "keep" (the line-end ½ em is the last thing removed);
    locked: the gaps between two kana/kanji (see :func:`stretch`).

    Returns (gap widths, end glue kept, success).
    """
    if abs(need) <= EPS:
        return nat, end_glue, True
    if need > 0:
        act, ok = stretch(list(nat), *stretches, need, locked)
        return act, end_glue, ok
    excess = -need
    sh_word, sh_dot, sh_br, sh_jl = shrinks
    last_dot = 0.0
    if dot_end and sh_dot and sh_dot[-1] > 0:
        last_dot = sh_dot[-1]
        sh_dot = [*sh_dot[:-1], 0.0]
    # steps: (is_discrete, capacity, values)
    d_end = end_glue + last_dot if dot_end else end_glue
    steps: list[tuple[bool, float, list[float] | None]] = [(False, sum(sh_word), sh_word)]
    if not keep_end:
        steps.append((True, d_end, None))
    steps += [
        (False, sum(sh_dot), sh_dot),
        (False, sum(sh_br), sh_br),
        (False, sum(sh_jl), sh_jl),
    ]
    if keep_end:
        steps.append((True, d_end, None))
    cum = 0.0
    stop = len(steps) - 1
    for i, (_disc, cap, _v) in enumerate(steps):
        cum += cap
        if cap > 0 and cum >= excess - EPS:
            stop = i
            break
    used = steps[: stop + 1]
    end_removed = any(disc and cap > 0 for disc, cap, _v in used)
    rem = excess - (d_end if end_removed else 0.0)
    act = list(nat)
    for disc, cap, values in used:
        if disc or cap <= 0 or rem <= EPS:
            continue
        take = min(cap, rem)
        act = _add(act, take / cap, values, -1.0)
        rem -= take
    kept = end_glue
    if end_removed:
        kept = 0.0
        if last_dot:
            act[-1] -= last_dot
    ok = rem <= 1e-6
    if rem < -EPS:
        act, ok = stretch(act, *stretches, -rem, locked)
    return act, kept, ok
