"""From the model's text to composer spans, and composed lines onto the canvas.

Every character goes through :meth:`TextKit.spans`, which checks it against the role's font:
a character the font lacks is drawn from another role's font that has it, or printed as a
visible 〓, and reported once as ``lint.missing_glyph`` at its YAML position.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor

from express.diagnostics import Diagnostics
from express.jtext import Line, Settings, Span, Style, compose
from express.model.body import Inline
from express.model.source import Pos, Text
from express.pdf.fonts import FontSet
from express.pdf.template import Template, TextStyle


def _c(value):
    return colour(value) if isinstance(value, str) else value


_colours: dict[str, object] = {}


def colour(value: str):
    """A ReportLab colour for ``#rrggbb`` (parsed once)."""
    c = _colours.get(value)
    if c is None:
        c = _colours[value] = HexColor(value)
    return c


# The em box of the CJK fonts we use sits 0.88 em above and 0.12 em below the baseline.
ASCENT = 0.88


@dataclass(frozen=True)
class Ink:
    """A text style with its colour (a hex string from the template's colours)."""

    style: TextStyle
    colour: str


def base_size(lines: Iterable[Line]) -> float:
    """The text size that places a paragraph's lines in their line boxes: the size most of
    its characters are set in (the largest of those on a tie)."""
    count: dict[float, int] = {}
    for line in lines:
        for run in line.runs:
            count[run.style.size] = count.get(run.style.size, 0) + len(run.text)
    if not count:
        return max((ln.max_size for ln in lines), default=0.0)
    return max(count, key=lambda sz: (count[sz], sz))


class TextKit:
    """Spans, settings and line drawing for one render (holds fonts, template, diagnostics)."""

    def __init__(self, template: Template, fonts: FontSet, diags: Diagnostics) -> None:
        self.t = template
        self.fonts = fonts
        self.diags = diags
        comp = template.composition
        self._base = dict(
            strictness=str(comp.get("strictness", "strict")),
            jl_space=float(comp.get("jl_space", 0.25)),
            hanging=bool(comp.get("hanging", False)),
        )
        self.body_indent = float(comp.get("indent_em", 1.0))
        self._settings: dict[tuple, Settings] = {}
        self._warned: set[tuple] = set()
        self._lines: dict[tuple[str, str, str], Line | None] = {}

    # ------------------------------------------------------------------ settings
    def settings(self, align: str = "justify", indent: float = 0.0,
                 phrases: bool = False, balance: bool | None = None) -> Settings:
        """Composition settings; text broken between phrases (headings, titles) that is not
        justified is also balanced (lines of similar length) unless ``balance`` says no."""
        if balance is None:
            balance = phrases and align != "justify"
        key = (align, indent, phrases, balance)
        s = self._settings.get(key)
        if s is None:
            s = Settings(align=align, indent_em=indent, phrase_breaks=phrases,
                         balance=balance, **self._base)
            self._settings[key] = s
        return s

    # ------------------------------------------------------------------ spans
    def _locate(self, text: str, source: object, index: int) -> Pos | None:
        if isinstance(source, Inline):
            return source.locate(index)
        if isinstance(text, Text):
            return text.locate(index)
        if isinstance(source, Pos):
            return source
        return None

    def spans(self, text: str | None, style: TextStyle | str, *, link: str | None = None,
              ruby: str | None = None, source: object = None,
              font: str | None = None) -> list[Span]:
        """``text`` as spans in ``style``, with missing glyphs substituted and reported."""
        if not text:
            return []
        st = self.t.style(style) if isinstance(style, str) else style
        role = font or st.font
        base = Style(role, st.size)
        out: list[Span] = []
        chunk_role = role
        buf: list[str] = []

        def flush(r: str) -> None:
            if buf:
                out.append(Span("".join(buf), base if r == role else Style(r, st.size),
                                ruby=ruby, link=link, source=source))
                buf.clear()

        for i, ch in enumerate(str(text)):
            sub = self.fonts.substitute(role, ch)
            if sub is None:
                r, c = role, ch
            else:
                r, c = sub
                self._report(text, source, i, ch, role)
            if r != chunk_role:
                flush(chunk_role)
                chunk_role = r
            buf.append(c)
        flush(chunk_role)
        if ruby:
            for ch in ruby:
                if self.fonts.substitute(role, ch) is not None:
                    self._report(ruby, source, 0, ch, role)
        return out

    def _report(self, text: str, source: object, index: int, ch: str, role: str) -> None:
        pos = self._locate(text, source, index)
        key = (pos, ch)
        if key in self._warned:
            return
        self._warned.add(key)
        self.diags.warning(pos, "lint.missing_glyph", char=ch, codepoint=f"{ord(ch):04X}",
                           font=self.fonts.family(role))

    def inline_spans(self, inlines: Iterable[Inline], style: str = "body",
                     strong: str = "strong") -> list[Span]:
        out: list[Span] = []
        for inl in inlines:
            st = strong if inl.strong else style
            out += self.spans(inl.text, st, link=inl.href, ruby=inl.ruby, source=inl)
        return out

    # ------------------------------------------------------------------ composing
    def compose(self, spans: Sequence[Span], measure: float,
                settings: Settings | None = None) -> list[Line]:
        if not spans:
            return []
        return compose(spans, measure, self.fonts, settings or self.settings())

    def line(self, text: str, style: str, *, align: str = "left") -> Line | None:
        """``text`` set on one line (never broken: measure is its natural width)."""
        key = (str(text), style, align)
        if key in self._lines and not isinstance(text, Text):
            return self._lines[key]
        spans = self.spans(text, style)
        line = None
        if spans:
            width = self.natural(spans) + 1
            lines = compose(spans, width, self.fonts, self.settings(align))
            line = lines[0] if lines else None
        self._lines[key] = line
        return line

    def natural(self, spans: Sequence[Span]) -> float:
        from express.jtext import natural_width

        return natural_width(spans, self.fonts, self.settings("left"))

    # ------------------------------------------------------------------ drawing
    def draw_lines(self, canv, lines: Sequence[Line], x: float, top: float, pitch: float,
                   colour: str, link_colour: str | None = None, dx: Sequence[float] = (),
                   size: float | None = None) -> None:
        """Draw ``lines`` with their line boxes' tops at ``top``, ``top - pitch`` …

        Every baseline is ``pitch`` below the one before: all lines are placed in their line
        boxes by one ``size`` (the paragraph's, by default its most used text size), never by
        a line's own largest size, so a line with a larger word stays on the grid."""
        if not lines:
            return
        if size is None:
            size = base_size(lines)
        tx = canv.beginText()
        tx.setFillColor(_c(colour))
        links: list[tuple[str, tuple[float, float, float, float]]] = []
        placed = []
        drop = (pitch - size) / 2 + ASCENT * size
        for i, line in enumerate(lines):
            base = top - i * pitch - drop
            lx = x + (dx[i] if i < len(dx) else 0.0)
            self._line_into(tx, line, lx, base, colour, link_colour, links, rubies=False)
            placed.append((line, lx, base))
        # rubies after the whole paragraph, so copied text is not interleaved with readings
        for line, lx, base in placed:
            self._rubies_into(tx, line, lx, base)
        canv.drawText(tx)
        for url, rect in links:
            canv.linkURL(url, rect, relative=1, thickness=0)

    def draw_line(self, canv, line: Line, x: float, baseline: float, colour: str,
                  link_colour: str | None = None) -> None:
        tx = canv.beginText()
        tx.setFillColor(_c(colour))
        links: list = []
        self._line_into(tx, line, x, baseline, colour, link_colour, links)
        canv.drawText(tx)
        for url, rect in links:
            canv.linkURL(url, rect, relative=1, thickness=0)

    def _line_into(self, tx, line: Line, x: float, base: float, colour: str,
                   link_colour: str | None, links: list, rubies: bool = True) -> None:
        fonts = self.fonts
        current = colour
        for run in line.runs:
            if not run.text:
                continue
            want = (link_colour or colour) if run.link else colour
            if want != current:
                tx.setFillColor(_c(want))
                current = want
            tx.setFont(fonts.name(run.style.font), run.style.size)
            tx.setCharSpace(run.char_space)
            tx.setTextOrigin(x + run.x, base)
            tx.textOut(run.text)
            if run.link:
                n = len(run.text)
                w = (fonts.width(run.style.font, run.text, run.style.size)
                     + run.char_space * n)
                s = run.style.size
                links.append((run.link, (x + run.x, base - 0.15 * s, x + run.x + w,
                                         base + ASCENT * s)))
        if current != colour:
            tx.setFillColor(_c(colour))
        if rubies:
            self._rubies_into(tx, line, x, base)
        tx.setCharSpace(0)

    def _rubies_into(self, tx, line: Line, x: float, base: float) -> None:
        fonts = self.fonts
        for rb in line.rubies:
            tx.setFont(fonts.name(rb.style.font), rb.style.size)
            tx.setCharSpace(rb.char_space)
            size = line.max_size
            tx.setTextOrigin(x + rb.x, base + ASCENT * size + 0.15 * rb.style.size)
            tx.textOut(rb.text)
        tx.setCharSpace(0)
