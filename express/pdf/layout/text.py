"""From the model's text to composer spans and composed lines (what the layout measures).

Every character goes through :meth:`TextKit.spans`, which checks it against the role's font:
a character the font lacks is drawn from another role's font that has it, or printed as a
visible 〓, and reported once as ``lint.missing_glyph`` at its YAML position.  A text that
reaches the page without a position (the running head, a contents entry: made by joining or
trimming the written texts) is reported only at the end of the render, by
:meth:`TextKit.report_unplaced`, at the places the character is written.  The lines are
drawn by the kit's :class:`~express.pdf.paint.text.TextPainter`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from express.diagnostics import Diagnostics
from express.jtext import Line, Settings, Span, Style, compose
from express.jtext.classes import is_variation_selector
from express.model.articles import Located
from express.model.body import Inline, LineBreak, Run
from express.model.source import Pos, Text
from express.model.walk import pieces
from express.pdf.paint.fonts import FontSet
from express.pdf.paint.marks import PRINTED
from express.pdf.paint.text import TextPainter
from express.pdf.template import Template, TextStyle

MAILTO = "mailto:"


def printed_address(text: str, link: str) -> str | None:
    """What a reader of paper needs printed of ``link`` beside ``text``: its address when
    the text does not already show it (「沖縄ICTフォーラムのページ」), else None; an e-mail
    link's address without ``mailto:``."""
    address = link[len(MAILTO):] if link.startswith(MAILTO) else link

    def bare(value: str) -> str:
        return re.sub(r"^(?:https?://|mailto:)", "", value.strip()).rstrip("/").lower()

    return None if bare(str(text)) == bare(address) else address


class TextKit:
    """Spans, settings and composed lines for one render (holds fonts, template, diagnostics)."""

    def __init__(self, template: Template, fonts: FontSet, diags: Diagnostics) -> None:
        self.t = template
        self.fonts = fonts
        self.diags = diags
        comp = template.composition
        self._base = dict(
            strictness=str(comp.get("strictness", "strict")),
            jl_space=float(comp.get("jl_space", 0.25)),
            jl_max=float(comp.get("jl_space_max", 0.5)),
            hanging=bool(comp.get("hanging", False)),
        )
        self.body_indent = float(comp.get("indent_em", 1.0))
        self._names: tuple[str, ...] = ()  # kept whole outside running text (keep_whole)
        self._settings: dict[tuple, Settings] = {}
        self._warned: set[tuple] = set()
        # missing characters met in texts without a position: (char, text) -> (font role,
        # the base character when the character is a variation selector on it)
        self._unplaced: dict[tuple[str, str], tuple[str, str | None]] = {}
        self._lines: dict[tuple[str, str, str], Line | None] = {}
        self._composed: dict[tuple, list[Line]] = {}
        # links.addresses: notes — the addresses marked ※1, ※2 … since the last take_notes()
        self.notes: list[tuple[str, str]] = []
        self.painter = TextPainter(fonts)  # how what is composed here is drawn

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
            keep = self._names if align != "justify" else ()
            s = Settings(align=align, indent_em=indent, phrase_breaks=phrases,
                         balance=balance, keep=keep, **self._base)
            self._settings[key] = s
        return s

    def keep_whole(self, names: tuple[str, ...]) -> None:
        """Names not to break inside in text that is not running text (express/pdf/layout/
        names.py): headings, titles, cells, captions are set ragged, so a name there moves
        to the next line whole unless it is longer than the line."""
        self._names = names
        self._settings.clear()

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
        """``text`` as spans in ``style``, with missing glyphs substituted and reported.

        A ``link`` is printed for paper too: its address after the text (or as a note),
        when the text does not show it; ``mailto:`` is never printed."""
        if not text:
            return []
        if link is None:
            return self._spans(text, style, ruby=ruby, source=source, font=font)
        if str(text).startswith(MAILTO) and str(text) == link:
            text = str(text)[len(MAILTO):]  # (a bare address written with its scheme)
        out = self._spans(text, style, link=link, ruby=ruby, source=source, font=font)
        address = printed_address(text, link)
        if address is not None and out:
            out += self._address(address, link)
        return out

    def _address(self, address: str, link: str) -> list[Span]:
        """The printed address of a link: after its text in small type, or a note mark."""
        if self.t.link_addresses == "notes":
            self.notes.append((f"※{len(self.notes) + 1}", address))
            return self._spans(self.notes[-1][0], "link_note", link=link, source=PRINTED)
        return self._spans(f"（{address}）", "link_address", link=link, source=PRINTED)

    def take_notes(self) -> list[tuple[str, str]]:
        """The link notes marked since the last call (for the end of an article)."""
        notes, self.notes = self.notes, []
        return notes

    def _spans(self, text: str, style: TextStyle | str, *, link: str | None = None,
               ruby: str | None = None, source: object = None,
               font: str | None = None) -> list[Span]:
        st = self.t.style(style) if isinstance(style, str) else style
        role = font or st.font
        base = Style(role, st.size)
        plain = str(text).replace("\t", " ")  # a tab is a space on paper (no glyph: a box)
        if self.fonts.covers(role, plain) and (not ruby or self.fonts.covers(role, ruby)):
            # nothing to substitute (the common case): the whole text is one span
            return [Span(plain, base, ruby=ruby, link=link, source=source)]
        out: list[Span] = []
        chunk_role = role
        buf: list[str] = []
        if ruby and not self.fonts.covers(role, ruby):
            for j, ch in enumerate(ruby):
                if self.fonts.substitute(role, ch) is not None:
                    vs = is_variation_selector(ch)
                    if not vs or j:
                        self._report(ruby, source, 0, ch, role, ruby[j - 1] if vs else None)
            ruby = "".join(ch for ch in ruby if not (
                is_variation_selector(ch) and self.fonts.substitute(role, ch) is not None))

        def style_of(r: str) -> Style:
            return base if r == role else Style(r, st.size)

        def flush(r: str) -> None:
            if buf:
                out.append(Span("".join(buf), style_of(r), ruby=ruby, link=link,
                                source=source))
                buf.clear()

        for i, ch in enumerate(plain):
            sub = self.fonts.substitute(role, ch)
            if sub is None:
                r, c = role, ch
            elif is_variation_selector(ch):
                # the base is drawn in its ordinary form (the selector would print as a box);
                # a copy of it gives both, where the reader honours ActualText; a selector
                # after no base or after a missing one is only dropped
                if i and buf and buf[-1] == plain[i - 1]:
                    self._report(text, source, i, ch, role, plain[i - 1])
                    if not ruby:  # (a ruby group cannot be split)
                        b = buf.pop()
                        flush(chunk_role)
                        out.append(Span(b, style_of(chunk_role), link=link, source=source,
                                        actual=b + ch))
                continue
            else:
                r, c = sub
                self._report(text, source, i, ch, role)
            if r != chunk_role:
                flush(chunk_role)
                chunk_role = r
            buf.append(c)
        flush(chunk_role)
        return out

    def _report(self, text: str, source: object, index: int, ch: str, role: str,
                base: str | None = None) -> None:
        """Report ``ch`` missing from ``role``'s font; ``base``: ``ch`` is a variation
        selector on that character."""
        pos = self._locate(text, source, index)
        if pos is None:
            self._unplaced.setdefault((ch, str(text)), (role, base))
            return
        self._warn(pos, ch, role, base)

    def _warn(self, pos: Pos, ch: str, role: str, base: str | None) -> None:
        key = (pos, ch)
        if key in self._warned:
            return
        self._warned.add(key)
        self.diags.missing_glyph(pos, ch, base, self.fonts.family(role))

    def report_unplaced(self, issue: Located, *others: object) -> None:
        """Report the missing characters met in texts without a position, once the whole
        render has reported those it could place: at each place in ``issue`` (or
        ``others``, e.g. the publication) where a text the positionless one was made of
        is written, never twice at one place; a character already reported elsewhere and
        not found is a reuse, left alone; one never reported goes to the issue file, so
        that no warning is without a place."""
        if not self._unplaced:
            return
        written = [p for root in (issue, *others) for p in pieces(root)]
        warned = {c for _pos, c in self._warned}  # characters reported with a place
        for (ch, text), (role, base) in self._unplaced.items():
            places = [p.locate(i) for p in written
                      if ch in p.text and (p.text in text or text in p.text)
                      for i, c in enumerate(p.text) if c == ch]
            places = [pos for pos in places if pos is not None]
            if not places and ch not in warned:
                places = [issue.pos]
            for pos in places:
                self._warn(pos, ch, role, base)
                warned.add(ch)
        self._unplaced.clear()

    def inline_spans(self, inlines: Iterable[Run], style: str = "body",
                     strong: str = "strong") -> list[Span]:
        """Spans of body-text runs; a line break is a ``\\n`` (the composer ends the line)."""
        out: list[Span] = []
        for inl in inlines:
            if isinstance(inl, LineBreak):
                st = self.t.style(style)
                out.append(Span("\n", Style(st.font, st.size), source=inl))
                continue
            st = strong if inl.strong else style
            out += self.spans(inl.text, st, link=inl.href, ruby=inl.ruby, source=inl)
        return out

    # ------------------------------------------------------------------ composing
    def compose(self, spans: Sequence[Span], measure: float,
                settings: Settings | None = None) -> list[Line]:
        """``spans`` composed at ``measure``; the same text (equal spans from the same
        sources) at the same measure is composed once per render: table cells repeat their
        labels, and paragraphs are laid out again when a block moves or is trimmed."""
        if not spans:
            return []
        settings = settings or self.settings()
        try:
            key = (tuple(spans), tuple(id(sp.source) for sp in spans), measure, settings)
            lines = self._composed.get(key)
        except TypeError:  # a span whose source cannot be hashed
            return compose(spans, measure, self.fonts, settings)
        if lines is None:
            lines = self._composed[key] = compose(spans, measure, self.fonts, settings)
        return list(lines)

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
