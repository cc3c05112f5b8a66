"""Text read from a PDF page made ready for search.

PDF text comes as the page was drawn, not as it was written: PDFium puts a line break at
every line end (``帯域\\n制御``), spaces where characters were spread out one by one
(``部 会 報 告``) or set in separate runs (``第 34 号``), and old DTP fonts map some kanji
to look-alike code points (Kangxi radicals ``⾏`` for ``行``, compatibility ideographs).
A word split by any of these would not be found.  So the text is brought to NFKC (which
maps those look-alikes, full-width Latin and half-width kana to their usual forms), and
whitespace is dropped where Japanese is set solid: at a line end next to Japanese, and
between two Japanese characters or a Japanese character and a digit.  The space between
Japanese and a Latin word (``ISPの集い in 松山``) and between Latin words stays, as one
space.  ``assets/site.js`` compares a query with the text ignoring whitespace next to
Japanese, so a query typed either way matches.
"""

from __future__ import annotations

import re
import unicodedata

# kana, kanji (with extensions and compatibility forms), CJK symbols and punctuation,
# full-width forms that NFKC keeps (。「」 and friends live in the symbols block)
JAPANESE = re.compile("[\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
                      "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_WHITESPACE = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _solid(before: str, after: str, line_end: bool) -> bool:
    """Whether whitespace between ``before`` and ``after`` is an artefact to drop."""
    jb, ja = bool(JAPANESE.match(before)), bool(JAPANESE.match(after))
    if line_end:
        return jb or ja
    return (jb and ja) or (jb and after.isdigit()) or (ja and before.isdigit())


def normalise(text: str) -> str:
    """``text`` as one line of searchable text (see the module docstring)."""
    text = _CONTROLS.sub("", unicodedata.normalize("NFKC", text)).strip()

    def space(m: re.Match[str]) -> str:
        before, after = text[m.start() - 1], text[m.end()]
        return "" if _solid(before, after, "\n" in m.group() or "\r" in m.group()) else " "

    return _WHITESPACE.sub(space, text)
