"""Characters that no font of the layout can print, found before typesetting."""

from __future__ import annotations

from express.diagnostics import Diagnostics
from express.lint.walk import pieces
from express.model.issue import Issue

# Layout characters the renderer handles itself (line breaks, spaces).
_IGNORED = frozenset(map(ord, "\n\r\t "))


def unprintable_characters(issue: Issue, covered: frozenset[int], font_names: str,
                           diags: Diagnostics) -> None:
    for piece in pieces(issue):
        for i, ch in enumerate(piece.text):
            code = ord(ch)
            if code not in covered and code not in _IGNORED:
                diags.warning(piece.locate(i), "lint.missing_glyph", char=ch,
                              codepoint=f"{code:04X}", font=font_names)
