"""The text-showing operators of a run of text in a subset TrueType font, made once.

ReportLab embeds a TrueType font as subsets of 256 glyphs and gives each character a code
the first time ``TTFont.splitString`` meets it; that function looks every character up in
a Python loop, for every run of text, and each chunk is then escaped for the page.  Runs
repeat — table labels, company types, names, dates — and once splitString has met a run,
every character of it has its code for good, so the same run always gives the same
operators: they are kept per run and document.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import escapePDF


class SubsetCodes:
    """What ``font`` shows for each distinct run of text in ``doc``."""

    def __init__(self, font, doc) -> None:
        self.font, self.doc = font, doc
        self._shows: dict[str, list[tuple[int, str]]] = {}
        # (font name, subset, size) → the Tf operator selecting it, kept by the painter
        self.selects: dict[tuple[str, int, float], str] = {}

    def shows(self, text: str) -> list[tuple[int, str]]:
        """``text`` as (subset, ``(codes) Tj``) pairs, each to be shown with that subset
        selected (shared between equal runs: not to be changed by the caller)."""
        shows = self._shows.get(text)
        if shows is None:
            shows = self._shows[text] = [(subset, f"({escapePDF(codes)}) Tj")
                                         for subset, codes in
                                         self.font.splitString(text, self.doc)]
        return shows
