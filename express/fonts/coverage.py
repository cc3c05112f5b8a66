"""Which characters the project's fonts can print, read from their cmap tables.

``express check`` uses this to warn editors about characters no font has (a rare kanji,
an emoji) before anything is typeset; the PDF renderer reports them again at build time.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path


@cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True, fontNumber=0)
    return frozenset(font.getBestCmap() or ())


def covered(paths: Iterable[Path]) -> frozenset[int]:
    """Code points at least one of ``paths`` has a glyph for."""
    out: frozenset[int] = frozenset()
    for path in paths:
        out |= _cmap(path)
    return out
