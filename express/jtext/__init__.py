"""Japanese line composer (JLREQ) for JAIPA Express.

Pure Python, no I/O and no reportlab: characters + font metrics + measure in, positioned lines
out. See :func:`compose` and the rulebook at /work/shared/reference/jlreq.md.

Modules: ``classes`` (JLREQ class of a character), ``breaking`` (break opportunities in tiers),
``spacing`` (Table 1 glue with Table 3/6 reduction and expansion amounts), ``justify`` (fit one
line), ``ruby`` (group-ruby geometry), ``composer`` (line filling, runs), ``model`` (public types).

Conventions the PDF layer relies on: Run.x is pt from the line's left edge and may be −½ em for
a full-width opening bracket that starts a wrapped line (tentsuki: its ink starts at 0); a
hanging 、。 (``hanging=True``) is drawn at or past the measure; ``Line.width`` is the right end of
the set content; ``Line.forced`` lines (ended by ``\n``) are set like last lines.
"""

from .composer import compose, natural_width
from .model import Line, Metrics, RubyRun, Run, Settings, Span, Style

__all__ = [
    "Line",
    "Metrics",
    "RubyRun",
    "Run",
    "Settings",
    "Span",
    "Style",
    "compose",
    "natural_width",
]
