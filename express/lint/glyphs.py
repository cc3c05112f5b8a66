"""Characters that no font of the layout can print, found before typesetting."""

from __future__ import annotations

from express.diagnostics import Diagnostics
from express.jtext.classes import is_variation_selector
from express.model.issue import Issue
from express.model.walk import pieces

# Layout characters the renderer handles itself (line breaks, spaces).
_IGNORED = frozenset(map(ord, "\n\r\t "))


def unprintable_characters(issue: Issue, covered: frozenset[int], font_names: str,
                           diags: Diagnostics) -> None:
    """Each character the fonts lack, at its place; a variation selector they lack is
    named as one, on its base character (the build prints the base in its ordinary form,
    and says the same)."""
    for piece in pieces(issue):
        text = piece.text
        for i, ch in enumerate(text):
            code = ord(ch)
            if code in covered or code in _IGNORED:
                continue
            base = text[i - 1] if (is_variation_selector(ch) and i
                                   and ord(text[i - 1]) in covered) else None
            diags.missing_glyph(piece.locate(i), ch, base, font_names)

