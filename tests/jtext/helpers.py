"""Small helpers for the unit tests: compose at 10 pt (1 em = 10 pt) and read glyph positions."""

from __future__ import annotations

from express.jtext import Settings, Span, Style, compose

from .metrics import real_metrics

EM = 10.0
STYLE = Style("mincho", EM)


def lay(text: str, em: float, **kw):
    """Compose ``text`` at ``em`` ems with 10 pt mincho; defaults: no indent."""
    kw.setdefault("indent_em", 0.0)
    return compose([Span(text, STYLE)], em * EM, real_metrics(), Settings(**kw))


def glyph_x(line) -> list[tuple[str, float]]:
    """(char, draw x) for every glyph of a line, computed from its runs."""
    m = real_metrics()
    out = []
    for run in line.runs:
        x = run.x
        for ch in run.text:
            out.append((ch, x))
            x += m.advance(run.style.font, ch) * run.style.size / 1000 + run.char_space
    return out


def xs(line) -> list[float]:
    return [x for _c, x in glyph_x(line)]
