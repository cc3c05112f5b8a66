"""Glue between neighbouring characters (JLREQ Table 1, Table 3 reduction, Table 6 expansion).

Punctuation that JLREQ treats as a half-width glyph plus space (cl-01/02/05/06/07) is modelled as a
½ em ink box; the space it carries becomes *glue* in the gap before or after it. Each gap between
two characters is described by one tuple (in em of the owning character)::

    (natural, shrink_total, sh_word, sh_dot, sh_bracket, sh_jl,
     st_word, st_jl, st_inter, st_even, owner_is_before)

* ``sh_*`` are the reducible amounts of the JLREQ reduction steps (§3.8.3): word space ⅓→¼
  (step 1), ¼ around middle dots (step 4), ½ before opening brackets / after closing brackets and
  commas (step 5), Japanese–Latin space ¼→⅛ (step 6). The ½ em after 。 is never reducible
  mid-line. Steps 2 and 3 (line end) are handled by the composer with the line-end glue.
* ``st_*`` are the expansion limits of Table 6: word space to ½ em (a), Japanese–Latin space to
  ``jl_max`` em (b: JLREQ's ½ em, or ⅓ em, or fixed: "some publishers treat it as fixed"),
  0→¼ em between kana/kanji (c), and a weight for the last-resort even step (d).
* ``owner_is_before``: whose em size scales the amounts when sizes differ.

All amounts depend only on the two classes, so the table is computed once per pair of
jl_space and jl_max values.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import classes as C
from .justify import EVEN_MAX_EM

WORD_SPACE_EM = 1 / 3
WORD_SPACE_MIN_EM = 0.25
WORD_SPACE_MAX_EM = 0.5
JL_MIN_EM = 0.125
JL_MAX_EM = 0.5
INTER_MAX_EM = 0.25

Glue = tuple[float, float, float, float, float, float, float, float, float, float, bool]

_HALF = C.HALF_WIDTH_PUNCT
_X3 = frozenset(
    {C.INSEPARABLE, C.ITERATION, C.PROLONGED, C.SMALL_KANA, C.PREFIX, C.POSTFIX, C.HIRAGANA,
     C.KATAKANA, C.MATH_REL, C.MATH_OP, C.IDEOGRAPHIC, C.SOLIDUS}
)
# Table 6 '.' cells: no expansion before these, nor after opening brackets.
_NO_STRETCH_AFTER_A = frozenset(
    {C.CLOSE, C.HYPHEN, C.DIVIDING, C.MIDDLE_DOT, C.FULL_STOP, C.COMMA, C.COMBINING,
     C.LAT_CLOSE, C.LAT_DIVIDING, C.LAT_MIDDLE_DOT, C.LAT_FULL_STOP, C.LAT_COMMA}
)
_NO_STRETCH_B = frozenset({C.OPEN, C.LAT_OPEN, C.COMBINING, C.PREFIX})


def pair_glue(b: int, a: int, jl: float, jl_max: float = JL_MAX_EM) -> Glue:
    """Glue between a character of class ``b`` and a following character of class ``a``;
    ``jl`` the Japanese–Latin space, which justification widens to at most ``jl_max``."""
    nat = sh_word = sh_dot = sh_br = sh_jl = 0.0
    st_word = st_jl = st_inter = 0.0
    owner_b = True
    if b == C.WORD_SPACE:
        nat = WORD_SPACE_EM
        sh_word = WORD_SPACE_EM - WORD_SPACE_MIN_EM
        st_word = WORD_SPACE_MAX_EM - WORD_SPACE_EM
        return (nat, sh_word, sh_word, 0.0, 0.0, 0.0, st_word, 0.0, 0.0, 1.0, True)
    if a == C.WORD_SPACE or a == C.COMBINING or b == C.COMBINING:
        return (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, True)
    if a == C.OPEN:
        if b in (C.OPEN, C.IDEO_SPACE):
            pass
        elif b == C.MIDDLE_DOT:
            nat = sh_dot = 0.25
        elif b in (C.CLOSE, C.COMMA):
            nat = sh_br = 0.5
        elif b == C.FULL_STOP:
            nat = 0.5
        else:
            nat = sh_br = 0.5
            owner_b = False
    elif b in (C.CLOSE, C.FULL_STOP, C.COMMA):
        if a in (C.CLOSE, C.FULL_STOP, C.COMMA) or (b == C.CLOSE and a == C.IDEO_SPACE):
            pass
        elif a == C.MIDDLE_DOT:
            if b == C.CLOSE:
                nat = sh_dot = 0.25
            else:
                nat = 0.75
                sh_dot = 0.25
                if b == C.COMMA:
                    sh_br = 0.5
        else:
            nat = 0.5
            if b != C.FULL_STOP:
                sh_br = 0.5
    elif a == C.MIDDLE_DOT:
        if b == C.MIDDLE_DOT:
            nat = sh_dot = 0.5
        else:
            nat = sh_dot = 0.25
            owner_b = False
    elif b == C.MIDDLE_DOT:
        nat = sh_dot = 0.25
    elif (
        (b in C.JAPANESE or b == C.DIVIDING) and a in C.JL_SPACED_AFTER_JAPANESE
    ) or (b in C.JL_SPACED_BEFORE_JAPANESE and a in C.JAPANESE):
        nat = jl
        sh_jl = max(0.0, jl - JL_MIN_EM)
        st_jl = max(0.0, jl_max - jl)
        owner_b = b not in C.LATIN
    # expansion eligibility (Table 6)
    if a in _NO_STRETCH_AFTER_A or b in _NO_STRETCH_B:
        st_even = 0.0
        st_jl = 0.0
    elif (b in C.LATIN and a in C.LATIN) or b == a == C.INSEPARABLE:
        st_even = 0.0
    else:
        st_even = 1.0
        if b in _X3 and a in _X3:
            st_inter = INTER_MAX_EM
    shtot = sh_word + sh_dot + sh_br + sh_jl
    return (nat, shtot, sh_word, sh_dot, sh_br, sh_jl, st_word, st_jl, st_inter, st_even, owner_b)


@lru_cache(maxsize=16)
def glue_table(jl: float, jl_max: float = JL_MAX_EM) -> tuple[tuple[Glue, ...], ...]:
    """``glue_table(jl, jl_max)[b][a]`` is :func:`pair_glue` for every class pair (em)."""
    return tuple(
        tuple(pair_glue(b, a, jl, jl_max) for a in range(C.NCLASS)) for b in range(C.NCLASS)
    )


#: the glue before a text's first character: none (the last of :func:`scaled_glue_kinds`)
NO_GLUE = (0.0,) * 10


@lru_cache(maxsize=16)
def glue_kinds(jl: float, jl_max: float = JL_MAX_EM
               ) -> tuple[list[list[int]], tuple[tuple[float, ...], ...], tuple[bool, ...]]:
    """The table's distinct glues (a few dozen of the 2,304 class pairs): the kind of each
    pair, ``kinds[b][a]``, the glues (10 components), unscaled (em): ``glues[kind]``, and
    whether the kind's pairs are two kana/kanji (a glue between two kana/kanji is a kind
    apart from the same glue elsewhere: justification treats it apart, see justify.py).
    (The kinds are lists, not tuples: ``map`` reads a list's items a few times faster, and
    a row by class allocates no pair index; they are not to be changed.)"""
    kinds: dict[tuple[tuple[float, ...], bool], int] = {}
    jp = C.JAPANESE
    pair_kind = [[kinds.setdefault((g[:10], b in jp and a in jp), len(kinds))
                  for a, g in enumerate(row)] for b, row in enumerate(glue_table(jl, jl_max))]
    return pair_kind, tuple(g for g, _jp in kinds), tuple(k for _g, k in kinds)


class ScaledKinds(NamedTuple):
    """:func:`glue_kinds` in one em size (see :func:`scaled_glue_kinds`)."""

    #: ``pair_kind[b][a]``: the kind of the glue between classes b and a
    pair_kind: list[list[int]]
    #: by kind: the glue (10 components, pt); the last is :data:`NO_GLUE`
    glues: list[tuple[float, ...]]
    #: by kind: its gaps are between two kana/kanji and take step c (justify.stretch's
    #: ``locked``)
    locked: list[bool]
    #: by kind: what a gap takes without spreading (steps a–c, and d where not locked)
    tight: list[float]


@lru_cache(maxsize=64)
def scaled_glue_kinds(jl: float, size: float, jl_max: float = JL_MAX_EM) -> ScaledKinds:
    """:func:`glue_kinds` with each glue multiplied by one em size (pt), and after them
    :data:`NO_GLUE` (not between kana/kanji); with what justification makes of each kind.

    This is the fast path for single-size text: the glues of a text's gaps are looked up by
    their kinds and turned into the per-gap arrays, one per component, by one C-level
    transposition (``zip(*glues)``); a new size scales only the distinct glues.  ``locked``
    and ``tight`` are worked out per kind as they would be per gap (the same operations on
    the same values).  (Lists, to be read, not changed.)
    """
    pair_kind, em_glues, kana_kanji = glue_kinds(jl, jl_max)
    glues = [*(tuple(v * size for v in g) for g in em_glues), NO_GLUE]
    # (components: nat, shtot, sh_word, sh_dot, sh_br, sh_jl, st_word, st_jl, st_inter,
    # st_even)
    locked = [jp and g[8] > 0 for g, jp in zip(glues, [*kana_kanji, False], strict=True)]
    tight = [g[6] + g[7] + g[8] + (0.0 if lk else g[9] * EVEN_MAX_EM)
             for g, lk in zip(glues, locked, strict=True)]
    return ScaledKinds(pair_kind, glues, locked, tight)
