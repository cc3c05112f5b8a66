"""The template's font roles as ReportLab fonts, their metrics, and glyph coverage.

Each role (mincho, gothic, gothic-bold …) is registered once per font file as a ReportLab
``TTFont`` (embedded and subset by ReportLab).  :class:`FontSet` is also the composer's
``Metrics``: advances come from the font's ``hmtx`` as ReportLab reads it, in 1/1000 em.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.post.tounicode import install as install_tounicode_fix

# Printed instead of a character that no font of the template has (geta mark, JIS's own
# "character missing" sign); used only if the role's font has it, else "?".
FALLBACK_CHARS = ("〓", "?")

_loaded: dict[Path, TTFont] = {}


def _ttfont(path: Path) -> TTFont:
    font = _loaded.get(path)
    if font is None:
        name = "jx-" + hashlib.sha1(str(path).encode()).hexdigest()[:10]
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        _loaded[path] = font
    return font


class FontsMissing(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class FontSet:
    """Role → ReportLab font; implements the composer's Metrics protocol."""

    def __init__(self, project_root: Path, candidates: dict[str, list[str]]) -> None:
        install_tounicode_fix()
        chosen, problems = find_fonts(project_root, candidates)
        missing = [p for p in problems if p.role not in chosen]
        if missing:
            raise FontsMissing([f"{p.role}: {p.reason}" for p in missing])
        self.paths = {role: c.path for role, c in chosen.items()}
        self.fonts = {role: _ttfont(path) for role, path in self.paths.items()}
        self._widths = {role: f.face.charWidths for role, f in self.fonts.items()}
        self._default = {role: f.face.defaultWidth for role, f in self.fonts.items()}
        self._cmap = {role: f.face.charToGlyph for role, f in self.fonts.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def name(self, role: str) -> str:
        """The ReportLab font name to ``setFont`` for ``role``."""
        return self.fonts[role].fontName

    def family(self, role: str) -> str:
        """The font's own family name (for messages)."""
        return self.paths[role].stem

    def has(self, role: str, ch: str) -> bool:
        return ord(ch) in self._cmap[role]

    def advance(self, font: str, ch: str) -> float:
        """Advance width of ``ch`` in role ``font``, 1/1000 em (the composer's Metrics)."""
        key = (font, ch)
        w = self._cache.get(key)
        if w is None:
            w = self._widths[font].get(ord(ch), self._default[font])
            self._cache[key] = w
        return w

    def width(self, role: str, text: str, size: float) -> float:
        return sum(self.advance(role, ch) for ch in text) * size / 1000

    def substitute(self, role: str, ch: str) -> tuple[str, str] | None:
        """(role, char) to print for ``ch`` when ``role`` lacks it; None when it has it.

        Another role's font is used when it has the character; otherwise a visible
        fallback mark from ``role`` itself.
        """
        if ord(ch) in self._cmap[role] or ch in "\n\t ":
            return None
        for other in self.fonts:
            if other != role and ord(ch) in self._cmap[other]:
                return other, ch
        for mark in FALLBACK_CHARS:
            if ord(mark) in self._cmap[role]:
                return role, mark
        return role, "?"
