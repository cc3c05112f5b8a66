"""JLREQ character classes (App. A) as small integers.

Every rule of the composer (prohibitions, spacing, expansion) is a function of the classes of two
neighbouring characters, so the class is looked up once per character (cached) and the rules are
pre-computed as class-pair tables.

Proportional (ASCII/Latin) punctuation gets its own codes 41–47: it breaks like its JLREQ
counterpart at the edge of a Latin word but is spaced like a Western character (JLREQ cl-27: no
½ em of glue around it, and the Japanese–Latin space on its outer side next to kana/kanji, as in
「と (ABC) と」 and 「1.5% 日本」). The full-width forms U+FF01–FF5E take the class of their
base character in Japanese use (e.g. （ FF08 is cl-01, ！ FF01 cl-04, ０ FF10 cl-19).
"""

from __future__ import annotations

import unicodedata

OPEN = 1  # cl-01 opening brackets
CLOSE = 2  # cl-02 closing brackets
HYPHEN = 3  # cl-03
DIVIDING = 4  # cl-04 ？！
MIDDLE_DOT = 5  # cl-05 ・：；
FULL_STOP = 6  # cl-06 。．
COMMA = 7  # cl-07 、，
INSEPARABLE = 8  # cl-08 —…‥
ITERATION = 9  # cl-09 々ゝ
PROLONGED = 10  # cl-10 ー
SMALL_KANA = 11  # cl-11
PREFIX = 12  # cl-12 ￥＄
POSTFIX = 13  # cl-13 ％℃
IDEO_SPACE = 14  # cl-14 U+3000
HIRAGANA = 15  # cl-15
KATAKANA = 16  # cl-16
MATH_REL = 17  # cl-17
MATH_OP = 18  # cl-18
IDEOGRAPHIC = 19  # cl-19
NUMERAL = 24  # cl-24 (ASCII digits)
WORD_SPACE = 26  # cl-26 U+0020
WESTERN = 27  # cl-27 Latin letters and other proportional characters
COMBINING = 32  # combining marks / variation selectors: glued to the preceding character
# proportional punctuation (part of Latin words; see module docstring)
LAT_OPEN = 41
LAT_CLOSE = 42
LAT_OTHER = 43
LAT_DIVIDING = 44
LAT_MIDDLE_DOT = 45
LAT_FULL_STOP = 46
LAT_COMMA = 47
# solidi, set solid to what stands beside them (no Japanese–Latin space: 「abuse/セキュリティ」,
# 「ICT／IoT」): the full-width ／ (an ideograph otherwise) and the proportional /
SOLIDUS = 48
LAT_SOLIDUS = 49

NCLASS = 50

#: classes whose characters form Latin words (no break inside except as an emergency)
LATIN = frozenset(
    {NUMERAL, WESTERN, LAT_OPEN, LAT_CLOSE, LAT_OTHER, LAT_DIVIDING, LAT_MIDDLE_DOT,
     LAT_FULL_STOP, LAT_COMMA, LAT_SOLIDUS}
)
#: proportional (cl-27) characters that take the Japanese–Latin ¼ em after kana/kanji: all but
#: those that close or end (a space before ``)`` ``.`` ``,`` ``!`` ``:`` would split them
#: from what they close; JLREQ §3.1.11 adds no space before cl-02/04/05/06/07)
JL_SPACED_AFTER_JAPANESE = frozenset({NUMERAL, WESTERN, LAT_OPEN, LAT_OTHER})
#: cl-27 characters that take it before kana/kanji: all but an opening bracket (no space
#: after cl-01, §3.1.11)
JL_SPACED_BEFORE_JAPANESE = frozenset(
    {NUMERAL, WESTERN, LAT_CLOSE, LAT_OTHER, LAT_DIVIDING, LAT_MIDDLE_DOT, LAT_FULL_STOP,
     LAT_COMMA}
)
#: kana/kanji-like classes that take the Japanese–Latin space
JAPANESE = frozenset({ITERATION, PROLONGED, SMALL_KANA, HIRAGANA, KATAKANA, IDEOGRAPHIC})
#: classes modelled as a ½ em ink box plus glue when the glyph is full width (rule 4)
HALF_WIDTH_PUNCT = frozenset({OPEN, CLOSE, MIDDLE_DOT, FULL_STOP, COMMA})
#: what a full-width punctuation class becomes when the font gives it a narrow glyph
PROPORTIONAL_FORM = {
    OPEN: LAT_OPEN, CLOSE: LAT_CLOSE, MIDDLE_DOT: LAT_MIDDLE_DOT, FULL_STOP: LAT_FULL_STOP,
    COMMA: LAT_COMMA,
}


def _chars(spec: str) -> list[int]:
    return [int(h, 16) for h in spec.split()]


_EXPLICIT: dict[int, int] = {}


def _put(cls: int, codes: list[int]) -> None:
    for c in codes:
        _EXPLICIT[c] = cls


_put(OPEN, _chars("2018 201C 3014 3008 300A 300C 300E 3010 2985 3018 3016 00AB 301D FF5F"))
_put(CLOSE, _chars("2019 201D 3015 3009 300B 300D 300F 3011 2986 3019 3017 00BB 301F 301E FF60"))
_put(HYPHEN, _chars("2010 301C 30A0 2013 FF5E"))
_put(DIVIDING, _chars("203C 2047 2048 2049"))
_put(MIDDLE_DOT, _chars("30FB FF65"))
_put(FULL_STOP, _chars("3002 FF61"))
_put(COMMA, _chars("3001 FF64"))
_put(INSEPARABLE, _chars("2014 2015 2026 2025 3033 3034 3035"))
_put(ITERATION, _chars("30FD 30FE 309D 309E 3005 303B"))
_put(PROLONGED, _chars("30FC FF70"))
_put(SMALL_KANA, _chars(
    "3041 3043 3045 3047 3049 30A1 30A3 30A5 30A7 30A9 3063 3083 3085 3087 308E 3095 3096 "
    "30C3 30E3 30E5 30E7 30EE 30F5 30F6"
))
_put(SMALL_KANA, list(range(0x31F0, 0x3200)))
# 〒 too: it prefixes a postal code as № a number, set solid to it and never left at a line
# end without it (JLREQ lists it with the ideographs, cl-19, whose ¼ em before Latin would
# open 「〒 151-0053」)
_put(PREFIX, _chars("00A5 00A3 20AC 2116 FFE5 FFE1 3012"))
_put(POSTFIX, _chars(
    "00B0 2032 2033 2103 00A2 2030 33CB 2113 3303 330D 3314 3318 3322 3323 3326 3327 332B "
    "3336 333B 3349 334A 334D 3351 3357 338E 338F 339C 339D 339E 33A1 33C4 FFE0"
))
_put(IDEO_SPACE, [0x3000])
_put(MATH_REL, _chars(
    "2260 2252 2243 2245 2248 2261 2262 2266 2267 226A 226B 2276 2277 22DA 22DB 2227 2228 "
    "2305 2306 2282 2283 2284 2285 2286 2287 228A 228B 2208 220B 2209 222A 2229 2225 2226 "
    "21D2 21D4 2194 223D 221D 22A5 2295 2297"
))
_put(MATH_OP, _chars("2212 00D7 00F7 00B1 2213"))
_put(
    IDEOGRAPHIC,
    _chars("3003 3006 3007 3013 3020 303C 303D 309F 30FF 4EDD 00A7 00A9 00AE 00B6"),
)
_put(SOLIDUS, [0xFF0F])

# Class of ASCII characters when used in Japanese context (i.e. of their full-width forms).
_FULLWIDTH_BASE = {
    "(": OPEN, "[": OPEN, "{": OPEN, ")": CLOSE, "]": CLOSE, "}": CLOSE,
    "!": DIVIDING, "?": DIVIDING, ":": MIDDLE_DOT, ";": MIDDLE_DOT, ".": FULL_STOP,
    ",": COMMA, "$": PREFIX, "#": PREFIX, "%": POSTFIX, "=": MATH_REL, "<": MATH_REL,
    ">": MATH_REL, "+": MATH_OP, "-": MATH_OP, "~": HYPHEN,
}
# Class of ASCII characters as themselves (proportional, part of Latin words).
_ASCII_PUNCT = {
    "(": LAT_OPEN, "[": LAT_OPEN, "{": LAT_OPEN, ")": LAT_CLOSE, "]": LAT_CLOSE,
    "}": LAT_CLOSE, "!": LAT_DIVIDING, "?": LAT_DIVIDING, ":": LAT_MIDDLE_DOT,
    ";": LAT_MIDDLE_DOT, ".": LAT_FULL_STOP, ",": LAT_COMMA, "/": LAT_SOLIDUS,
}


def _compute(ch: str) -> int:
    cp = ord(ch)
    if cp in _EXPLICIT:
        return _EXPLICIT[cp]
    if cp < 0x80:
        if ch == " ":
            return WORD_SPACE
        if ch.isdigit():
            return NUMERAL
        if ch.isalpha():
            return WESTERN
        return _ASCII_PUNCT.get(ch, LAT_OTHER)
    if 0xFF01 <= cp <= 0xFF5E:
        base = chr(cp - 0xFEE0)
        return _FULLWIDTH_BASE.get(base, IDEOGRAPHIC)
    if 0x3041 <= cp <= 0x3096:
        return HIRAGANA
    if 0x30A1 <= cp <= 0x30FA:
        return KATAKANA
    if 0xFF66 <= cp <= 0xFF9D:
        return KATAKANA  # half-width katakana; rare, treated as kana for breaking
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me") or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return COMBINING
    if cp == 0x3099 or cp == 0x309A or cp == 0x200D:
        return COMBINING
    if (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x2E80 <= cp <= 0x2FDF
        or 0x31C0 <= cp <= 0x31EF
    ):
        return IDEOGRAPHIC
    if cat == "Zs":
        return WORD_SPACE
    eaw = unicodedata.east_asian_width(ch)
    if eaw in ("W", "F") or (eaw == "A" and cp >= 0x2000):
        return IDEOGRAPHIC
    if cat.startswith("P"):
        return LAT_OTHER
    return WESTERN


_CACHE: dict[str, int] = {}


def char_class(ch: str) -> int:
    """JLREQ class code of ``ch`` (cached)."""
    try:
        return _CACHE[ch]
    except KeyError:
        c = _CACHE[ch] = _compute(ch)
        return c


def is_variation_selector(ch: str) -> bool:
    """A variation selector (U+FE00–FE0F, or ideographic: U+E0100–E01EF): an invisible
    mark asking for a variant form of the character before it."""
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"
