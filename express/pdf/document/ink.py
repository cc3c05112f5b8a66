"""Inks: every colour the layout paints, as the template says it is printed in CMYK.

The layout speaks in the template's ``#rrggbb`` colours; the print canvas hands each one
to :class:`Ink`, which answers with the CMYK of ``print.cmyk`` (black text: K alone).  A
colour the template does not list cannot reach the print edition: a grey becomes black
ink alone, anything else stops the build (it would be a colour painted from Python).
"""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color, toColor


class UnprintedColour(Exception):
    """A colour with no CMYK in the template's ``print.cmyk``."""


class Ink:
    """ReportLab's ``enforceColorSpace`` hook for the print canvas: colour → CMYK."""

    def __init__(self, cmyk: dict[str, tuple[float, float, float, float]]) -> None:
        self._cmyk = {rgb: CMYKColor(*value) for rgb, value in cmyk.items()}

    def __call__(self, colour) -> CMYKColor:
        if isinstance(colour, CMYKColor):  # the marks' registration colour, …
            return colour
        c = toColor(colour)
        if isinstance(c, CMYKColor):
            return c
        rgb = f"#{c.hexval()[2:].lower()}"
        got = self._cmyk.get(rgb)
        if got is not None:
            return got
        if isinstance(c, Color) and c.red == c.green == c.blue:
            return CMYKColor(0, 0, 0, 1 - c.red)
        raise UnprintedColour(f"{rgb} has no CMYK in the template's print.cmyk")
