"""Break opportunities (JLREQ §3.1.7–§3.1.10, App. C Table 2 and its strictness levels).

A break *before* character k is given a tier; the composer first tries tier-0 breaks only and
falls back to higher tiers for a line only when nothing at the lower tiers fits:

* ``OK`` (0): an ordinary break opportunity.
* ``WORD`` (1): ordinary, not at a BudouX phrase boundary but where the script changes inside
  the phrase (ゲーム・|エンタメ, NW|接続性, 課題検討|ワーキンググループ), so between words of a
  compound (used only with phrase_breaks).
* ``PHRASE`` (2): ordinary, but inside a phrase and a word (used only with phrase_breaks).
* ``URL`` (3): inside a URL or e-mail address, at one of its natural points (see
  :func:`url_break_points`); the composer takes one only when the ordinary breaks would leave
  the line loose (more to fill than its kana/kanji, Japanese–Latin and word spaces take by
  JLREQ expansion steps a–c) or when the address is longer than the line. No hyphen is added.
* ``RUN`` (4): before a ー, small kana or cl-03 hyphen inside a run of three or more of them
  (すごーーーっ, ぁっっっ, ええ〜〜〜) that the level keeps off the line head and JLREQ's loose
  rules let through (App. C); taken like a URL break, only when the strict breaks would leave
  the line loose or nothing else fits, so that a drawn-out exclamation is not pushed to the next
  line whole, leaving the line before spread. A word's own ー and small kana come at most two
  in a row (コンピューター, ちょっと): no break inside a word.
* ``NAME`` (5): inside a name the text is asked to keep whole (``Settings.keep``: a company,
  an affiliation, a venue …) after one of its spaces (総務省 | 総合通信基盤局); taken only when
  the name is longer than the line.
* ``NAME_WORD`` (6): inside such a name between two words (where the script changes, or
  between BudouX phrases with phrase_breaks: コミュニケーションズ|株式会社).
* ``EMERGENCY`` (7): inside a Latin word or number (breaking an over-long word, no hyphen), or
  inside a word of a name kept whole.
* ``LAST_RESORT`` (8): forbidden by a prohibition rule; used only if a line cannot be filled
  otherwise (e.g. a run of ー longer than the measure); also before a ``.`` ``-`` ``:`` …
  inside an address, where a break comes after it instead.
* ``NEVER`` (9): before a combining mark, inside a ruby group.

The tiers for a class pair come from a table built once per strictness level; a few rules need
the characters themselves (same-kind cl-08 pairs, full-width numbers, URL and e-mail break
points, loose-level exceptions for 々 ・ ％ …) and are patched in with regular expressions that
run only when such characters are present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from operator import getitem

from . import classes as C

OK, WORD, PHRASE, URL, RUN, NAME, NAME_WORD, EMERGENCY, LAST_RESORT, NEVER = range(10)

_ALWAYS_START = frozenset(
    {C.CLOSE, C.FULL_STOP, C.COMMA, C.LAT_CLOSE, C.LAT_FULL_STOP, C.LAT_COMMA, C.LAT_DIVIDING,
     C.LAT_MIDDLE_DOT}
)
_START_FORBIDDEN = {
    "very_strict": _ALWAYS_START
    | {C.HYPHEN, C.DIVIDING, C.MIDDLE_DOT, C.ITERATION, C.PROLONGED, C.SMALL_KANA},
    "strict": _ALWAYS_START
    | {C.HYPHEN, C.DIVIDING, C.MIDDLE_DOT, C.ITERATION, C.PROLONGED, C.SMALL_KANA},
    "jlreq_strict": _ALWAYS_START | {C.HYPHEN, C.DIVIDING, C.MIDDLE_DOT, C.ITERATION},
    "loose": _ALWAYS_START | {C.DIVIDING, C.MIDDLE_DOT, C.ITERATION},
    "very_loose": _ALWAYS_START,
}
_END_FORBIDDEN = {
    "very_strict": frozenset({C.OPEN, C.LAT_OPEN, C.PREFIX}),
    "strict": frozenset({C.OPEN, C.LAT_OPEN, C.PREFIX}),
    "jlreq_strict": frozenset({C.OPEN, C.LAT_OPEN, C.PREFIX}),
    "loose": frozenset({C.OPEN, C.LAT_OPEN, C.PREFIX}),
    "very_loose": frozenset({C.OPEN, C.LAT_OPEN}),
}
#: characters that a level lets through although their class is prohibited: they are given
#: the break class of an ideograph (JLREQ: "treated as cl-19").
_BREAK_CLASS_OVERRIDE = {
    "very_strict": {},
    "strict": {},
    "jlreq_strict": {"々": C.IDEOGRAPHIC},
    "loose": {"々": C.IDEOGRAPHIC, "・": C.IDEOGRAPHIC, "･": C.IDEOGRAPHIC, "％": C.IDEOGRAPHIC},
    "very_loose": {},
}
#: levels that allow splitting …… and ‥‥ (loose) or any same-kind cl-08 pair (very loose)
_SPLIT_LEADERS = {"loose": "…‥", "very_loose": "…‥—―〳〴〵"}
#: classes a level keeps off the line head that the loose level lets through (RUN breaks)
_RELAXABLE = {
    level: _START_FORBIDDEN[level] - _START_FORBIDDEN["loose"]
    for level in ("very_strict", "strict", "jlreq_strict")
}
_RUN_MIN = 3  # a run this long is a drawn-out sound, not a word's ュー or ょっ
_FORBIDDEN_RUN = re.compile(b"%c{%d,}" % (LAST_RESORT, _RUN_MIN))


def _tier(b: int, a: int, level: str) -> int:
    if a == C.COMBINING:
        return NEVER
    if b in C.LATIN and a in C.LATIN:
        return EMERGENCY
    start = _START_FORBIDDEN[level]
    if b == C.WORD_SPACE:
        return LAST_RESORT if a == C.WORD_SPACE or a in start else OK
    if a == C.WORD_SPACE:
        return LAST_RESORT
    if a in start or b in _END_FORBIDDEN[level]:
        return LAST_RESORT
    if b == a == C.INSEPARABLE:
        return OK if level == "very_loose" else LAST_RESORT
    if b == C.NUMERAL and a == C.POSTFIX and level != "very_loose":
        return LAST_RESORT
    if b == C.IDEO_SPACE and a == C.IDEO_SPACE:
        return LAST_RESORT
    if b == C.DIVIDING and a == C.IDEO_SPACE:
        return LAST_RESORT  # keep the 1 em after ！？ on the line (it is dropped at the end)
    return OK


@lru_cache(maxsize=8)
def tier_table(level: str) -> tuple[tuple[int, ...], ...]:
    """``tier_table(level)[b][a]``: the tier of a break between classes b and a."""
    return tuple(tuple(_tier(b, a, level) for a in range(C.NCLASS)) for b in range(C.NCLASS))


@lru_cache(maxsize=8)
def tier_rows(level: str) -> list[list[int]]:
    """:func:`tier_table` as lists (``map`` reads a list's items a few times faster than a
    tuple's; not to be changed)."""
    return [list(row) for row in tier_table(level)]


_URL = re.compile(
    r"(?:https?://|ftp://|www\.)[!-~]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
_URL_TRAIL = ".,;:!?)]}'\""
#: an address breaks after these (and after a ``/`` or the ``//`` of a scheme), so that no
#: line starts with a ``.`` or ``-``: JLREQ keeps full stops and hyphens (cl-06, cl-03) off
#: the line head, and a dot there reads as a stray full stop; the trailing one at the line
#: end cannot be taken for the sentence's end in Japanese, which ends with 。
_BREAK_AFTER = frozenset("/.-?#&=_@")
_FW_NUMBER = re.compile(r"[０-９]+(?:[，．][０-９]+)*")
_SPACES = re.compile(r"[^ ] +")
_LEADERS = re.compile(r"[—―…‥〳〴〵]{2,}")


def url_break_points(text: str) -> list[tuple[int, int, list[int]]]:
    """(start, end, positions) of URLs and e-mail addresses in ``text``.

    Positions are indices k (a break before text[k]) after one of ``/ . - ? # & = _ @`` (a
    ``//`` counts as one) and before a ``%`` escape (%E3|%81: the only points of a URL in
    Japanese), always with a letter or digit after the break, never within two characters
    of either end.
    """
    out = []
    for m in _URL.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in _URL_TRAIL:
            end -= 1
        pts = []
        for k in range(start + 2, end - 1):
            p, c = text[k - 1], text[k]
            if (p in _BREAK_AFTER and c.isalnum()) or (c == "%" and p.isalnum()):
                pts.append(k)
        out.append((start, end, pts))
    return out


def break_tiers(text: str, cls: list[int], level: str) -> list[int]:
    """Tier of a break before each character; index 0 (before the text) is NEVER.

    The returned list has len(text) + 1 entries; the last one (the end of the text) is OK.
    """
    n = len(text)
    if n == 0:
        return [OK]
    table = tier_table(level)
    override = _BREAK_CLASS_OVERRIDE[level]
    if override and any(ch in text for ch in override):
        bcls = [override.get(ch, c) for ch, c in zip(text, cls, strict=True)]
    else:
        bcls = cls
    tiers = [NEVER]
    tiers += map(getitem, map(tier_rows(level).__getitem__, bcls), bcls[1:])
    tiers.append(OK)
    if "…" in text or "—" in text or "‥" in text or "―" in text or "〵" in text:
        allowed = _SPLIT_LEADERS.get(level, "")
        for m in _LEADERS.finditer(text):
            for k in range(m.start() + 1, m.end()):
                p, c = text[k - 1], text[k]
                same = p == c or (p in "—―" and c in "—―") or c == "〵"
                if not same:
                    if tiers[k] == LAST_RESORT and table[bcls[k - 1]][C.IDEOGRAPHIC] == OK:
                        tiers[k] = OK
                elif p in allowed and tiers[k] == LAST_RESORT:
                    tiers[k] = OK
    if "/" in text or "@" in text or "www." in text:
        for start, end, pts in url_break_points(text):
            for k in pts:
                if tiers[k] == EMERGENCY:
                    tiers[k] = URL
            for k in range(start + 1, end):
                if tiers[k] == EMERGENCY and not text[k].isalnum():
                    tiers[k] = LAST_RESORT  # no line starts with an address's . - : / …
    if " " in text:
        # a space does not open a break after a character that may not end a line
        end = _END_FORBIDDEN[level]
        for m in _SPACES.finditer(text):
            if bcls[m.start()] in end:
                tiers[m.end()] = max(tiers[m.end()], LAST_RESORT)
    if _FW_NUMBER.search(text):
        for m in _FW_NUMBER.finditer(text):
            for k in range(m.start() + 1, m.end()):
                tiers[k] = max(tiers[k], LAST_RESORT)
    relax = _RELAXABLE.get(level)
    if relax and n >= _RUN_MIN:
        _relax_runs(tiers, cls, relax)
    return tiers


def _relax_runs(tiers: list[int], cls: list[int], relax: frozenset[int]) -> None:
    """Breaks before the characters of a run of ``_RUN_MIN`` or more of ``relax`` classes
    become ``RUN`` where the loose level allows them. Runs of forbidden breaks are found in
    the tiers as bytes (C speed: ordinary text has none of three or more)."""
    loose = tier_table("loose")
    n = len(cls)
    for m in _FORBIDDEN_RUN.finditer(bytes(tiers)):
        k, end = m.start(), min(m.end(), n)  # (the end of the text may be forbidden too)
        while k < end:
            if cls[k] not in relax:
                k += 1
                continue
            j = k
            while j < end and cls[j] in relax:
                j += 1
            if j - k >= _RUN_MIN:
                for i in range(k, j):
                    if loose[cls[i - 1]][cls[i]] == OK:
                        tiers[i] = RUN
            k = j


def script(ch: str, cls: int) -> str:
    """The writing system of a character, for word boundaries inside a phrase: ``kanji``,
    ``kana`` (hiragana), ``kata`` (katakana with ー), ``latin``, ``dot`` (・) or ``other``."""
    if cls in C.LATIN:
        return "latin"
    o = ord(ch)
    if (0x30A0 <= o <= 0x30FF and ch != "・") or 0xFF66 <= o <= 0xFF9F:
        return "kata"
    if ch == "・":
        return "dot"
    if 0x3040 <= o <= 0x309F:
        return "kana"
    if cls in (C.IDEOGRAPHIC, C.ITERATION) or ch in "々〆ヶ":
        return "kanji"
    return "other"


#: script changes inside a phrase that fall between two words of a compound; kanji → kana
#: (okurigana, particles) and katakana → kana are not among them
_WORD_CHANGES = frozenset({
    ("dot", "kanji"), ("dot", "kata"), ("dot", "kana"), ("dot", "latin"),
    ("latin", "kanji"), ("latin", "kata"), ("latin", "kana"),
    ("kanji", "latin"), ("kata", "latin"), ("kana", "latin"),
    ("kanji", "kata"), ("kata", "kanji"), ("kana", "kanji"), ("kana", "kata"),
})


def apply_phrases(text: str, cls: list[int], tiers: list[int]) -> None:
    """Demote ordinary breaks between two Japanese characters that are not BudouX phrase
    boundaries: to ``WORD`` where the script changes (a word boundary inside the phrase),
    else to ``PHRASE``."""
    starts = phrase_starts()
    n = len(text)
    latin = C.LATIN
    for k in range(1, n):
        if tiers[k] == OK:
            b, a = cls[k - 1], cls[k]
            if (b != C.WORD_SPACE and a != C.WORD_SPACE and not (b in latin and a in latin)
                    and not starts(text, k, 0, n)):
                change = (script(text[k - 1], b), script(text[k], a))
                tiers[k] = WORD if change in _WORD_CHANGES else PHRASE


def apply_names(text: str, cls: list[int], tiers: list[int], names: tuple[str, ...],
                phrases: bool) -> None:
    """Demote the breaks inside each of ``names`` found in ``text`` (see ``NAME``): after a
    space to ``NAME``, between words (a script change; with ``phrases``, the BudouX phrase
    boundaries :func:`apply_phrases` left) to ``NAME_WORD``, else to ``EMERGENCY``; a break
    the rules forbid stays forbidden."""
    pattern = _names_pattern(names)
    if pattern is None:
        return
    latin = C.LATIN
    for m in pattern.finditer(text):
        for k in range(m.start() + 1, m.end()):
            t = tiers[k]
            if t > PHRASE:
                continue
            b, a = cls[k - 1], cls[k]
            if b == C.WORD_SPACE:
                tiers[k] = NAME
            elif t == WORD or (t == OK and (phrases or (
                    b not in latin and a not in latin
                    and (script(text[k - 1], b), script(text[k], a)) in _WORD_CHANGES))):
                tiers[k] = NAME_WORD
            else:
                tiers[k] = EMERGENCY


@lru_cache(maxsize=16)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    """One pattern for all ``names``, the longest first (so a name within another is found
    as part of it)."""
    names = tuple(n for n in names if len(n) > 1)
    if not names:
        return None
    return re.compile("|".join(map(re.escape, sorted(set(names), key=len, reverse=True))))


#: BudouX's features of the break before text[k]: the characters at k−3 … k+2 alone, the
#: pairs starting at k−2 … k, the triples starting at k−3 … k (the model's keys)
_FEATURES = ("UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3",
             "TW1", "TW2", "TW3", "TW4")
_STARTS: Callable[[str, int, int, int], bool] | None = None


def phrase_starts() -> Callable[[str, int, int, int], bool]:
    """``starts(text, k, lo, hi)``: whether a BudouX phrase starts at ``text[k]`` when the
    text ``text[lo:hi]`` is parsed (lo < k < hi), by the default Japanese model (loaded once).

    This is what ``budoux``'s parser decides (tests/jtext/test_phrase.py holds it to that),
    asked of one position: the composer wants the phrase boundaries at the breaks it weighs
    (finishing.py: a few of a window of lines), not the phrases of a whole text, and a
    feature reaching outside ``lo:hi`` is left out as the parser leaves out one reaching
    outside its text.  A position is a boundary when the weights of the features present
    outweigh those of the features absent (the model's integer weights: exact)."""
    global _STARTS
    if _STARTS is None:
        import budoux

        model = budoux.load_default_japanese_parser().model
        uw1, uw2, uw3, uw4, uw5, uw6, bw1, bw2, bw3, tw1, tw2, tw3, tw4 = (
            model.get(f, {}).get for f in _FEATURES)
        total = sum(sum(weights.values()) for weights in model.values())

        def starts(text: str, k: int, lo: int, hi: int) -> bool:
            w = uw3(text[k - 1], 0) + uw4(text[k], 0) + bw2(text[k - 1:k + 1], 0)
            if k - 2 >= lo:
                w += uw2(text[k - 2], 0) + bw1(text[k - 2:k], 0) + tw2(text[k - 2:k + 1], 0)
                if k - 3 >= lo:
                    w += uw1(text[k - 3], 0) + tw1(text[k - 3:k], 0)
            if k + 1 < hi:
                w += uw5(text[k + 1], 0) + bw3(text[k:k + 2], 0) + tw3(text[k - 1:k + 2], 0)
                if k + 2 < hi:
                    w += uw6(text[k + 2], 0) + tw4(text[k:k + 3], 0)
            return 2 * w > total

        _STARTS = starts
    return _STARTS
