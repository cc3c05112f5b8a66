"""Metrics for the composer tests.

Prefers the real BIZ UD fonts (so widths are real); falls back to a synthetic table with the same
shape (full-width CJK = 1000, ASCII = 500) when the font cache is absent.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

# where `make setup` unpacks the default fonts in this checkout
FONT_DIR = str(Path(__file__).resolve().parents[2] / ".cache/fonts/x/usr/share/fonts/truetype")
FONT_FILES = {
    "mincho": "bizud-mincho/BIZUDMincho-Regular.ttf",
    "gothic": "bizud-gothic/BIZUDGothic-Regular.ttf",
    "gothic-bold": "bizud-gothic/BIZUDGothic-Bold.ttf",
}


class FontMetrics:
    """Metrics backed by reportlab TTFont faces (or synthetic widths)."""

    def __init__(self, faces: dict | None) -> None:
        self.faces = faces or {}
        self.calls = 0

    def advance(self, font: str, ch: str) -> float:
        self.calls += 1
        face = self.faces.get(font)
        if face is not None:
            w = face.charWidths.get(ord(ch))
            if w is not None:
                return float(w)
            return float(face.defaultWidth)
        return synthetic_advance(ch)


def synthetic_advance(ch: str) -> float:
    if ord(ch) < 0x80 or unicodedata.east_asian_width(ch) in ("Na", "H"):
        return 500.0
    return 1000.0


_REAL: FontMetrics | None = None


def real_metrics() -> FontMetrics:
    global _REAL
    if _REAL is None:
        faces = {}
        if os.path.isdir(FONT_DIR):
            from reportlab.pdfbase.ttfonts import TTFont

            for key, rel in FONT_FILES.items():
                faces[key] = TTFont(key, os.path.join(FONT_DIR, rel)).face
        _REAL = FontMetrics(faces)
    return _REAL


def synthetic_metrics() -> FontMetrics:
    return FontMetrics(None)
