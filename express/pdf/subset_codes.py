"""A subset TrueType font's character codes, looked up in C.

ReportLab embeds a TrueType font as subsets of 256 glyphs and gives each character a code
the first time ``TTFont.splitString`` meets it; that function then looks every character
up in a Python loop, for every run of text.  A justified page has a few hundred runs, so
here the codes already given are kept as ``str.translate`` tables: a run whose characters
all have codes is encoded without a Python loop, and only a run with a new character goes
through ``splitString`` (which gives the codes, as ever).  The bytes are the same.
"""

from __future__ import annotations

import re

# subset numbers ride in a translated string as characters from here on (private use)
_SUBSET_BASE = 0xE000
_SAME_SUBSET = re.compile(r"(.)\1*", re.S)


class SubsetCodes:
    """The codes ``font`` has given in ``doc``: :meth:`split` is ``font.splitString``."""

    def __init__(self, font, doc) -> None:
        self.font, self.doc = font, doc
        self._known: set[str] = set()
        self._byte: dict[int, int] = {}  # code point → its code in its subset
        self._subset: dict[int, int] = {}  # code point → _SUBSET_BASE + its subset

    def split(self, text: str) -> list[tuple[int, bytes]]:
        """``text`` as (subset, codes) chunks, exactly as ``splitString`` returns them."""
        if not self._known.issuperset(text):
            chunks = self.font.splitString(text, self.doc)
            self._learn(text)
            return chunks
        codes = text.translate(self._byte).encode("latin-1")
        subsets = text.translate(self._subset)
        first = subsets[0]
        if subsets.count(first) == len(subsets):
            return [(ord(first) - _SUBSET_BASE, codes)]
        return [(ord(m[1]) - _SUBSET_BASE, codes[m.start():m.end()])
                for m in _SAME_SUBSET.finditer(subsets)]

    def _learn(self, text: str) -> None:
        """Take over the codes ``splitString`` has given to the characters of ``text``
        (a character the font lacks gets none: it goes through splitString each time)."""
        assigned = self.font.state[self.doc].assignments
        for ch in set(text):
            point = ord(ch)
            n = assigned.get(32 if point == 0xA0 else point)  # splitString prints NBSP as space
            if n is not None:
                self._known.add(ch)
                self._byte[point] = n & 0xFF
                self._subset[point] = _SUBSET_BASE + (n >> 8)
