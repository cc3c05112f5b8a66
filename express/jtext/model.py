"""Public data types of the composer.

They are plain dataclasses so that the PDF layer (which owns fonts and drawing) and the composer
(which owns line breaking and spacing) can be developed and tested independently: the composer
never imports reportlab and never touches the file system; it only asks a :class:`Metrics` object
for advance widths.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

STRICTNESS_LEVELS = ("very_strict", "strict", "jlreq_strict", "loose", "very_loose")
ALIGNMENTS = ("justify", "left", "center", "right")
LINE_END_PUNCT = ("keep", "reduce", "solid")


@dataclass(frozen=True, slots=True)
class Style:
    """Font key (understood by the Metrics object) and em size in pt."""

    font: str
    size: float


class Metrics(Protocol):
    """Source of glyph advances; the PDF layer implements it with reportlab's TTFont widths."""

    def advance(self, font: str, ch: str) -> float:
        """Advance width of ``ch`` in ``font`` in 1/1000 em."""
        ...


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text in one style.

    ``ruby`` is a group-ruby reading for the whole ``text``; ``link``, ``source`` and
    ``actual`` are carried through untouched to the :class:`Run` objects drawing this span.
    ``actual``: what copying the span should give when it is not ``text`` (a character with a
    variation selector the font cannot show: only the base is drawn).
    """

    text: str
    style: Style
    ruby: str | None = None
    link: str | None = None
    source: object | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Composition settings.

    strictness (line-start/line-end prohibitions, JLREQ §3.1.7/§3.1.8 and App. C):
      * ``"strict"`` (default) and ``"very_strict"``: Table 2 applied as written (JLREQ App. C
        calls this level *very strict*). No line starts with 々 ー or small kana, but for a run
        of three or more ー, small kana or hyphens (すごーーーっ), which breaks where the loose
        level allows when the line before would otherwise be loose (breaking.RUN).
      * ``"jlreq_strict"``: JLREQ App. C *strict*: additionally allows 々, ー and small kana at the
        line start.
      * ``"loose"`` (magazines): also allows hyphens (cl-03), ・, splitting …… / ‥‥, 々, ー,
        small kana at the line start and a break before ％ after a numeral.
      * ``"very_loose"`` (newspapers, narrow columns): also allows cl-03/04/05/09/10/11 at the
        line start, splitting same-kind cl-08 pairs, a break after cl-12 and before cl-13.
      Breaking after an opening bracket and before a closing bracket, 。 or 、 is never allowed.

    jl_space: em between Japanese and Latin letters/digits (0.25; 0.125 allowed).
    jl_max: the most justification widens it to (JLREQ §3.8.4 b: ½ em, or ⅓ em; equal to
      ``jl_space`` keeps it fixed, as some publishers do, and a line is filled between its
      kana and kanji instead).
    hanging: let 、。，． hang past the measure (ぶら下げ) instead of pushing in/out.
    indent_em: first-line indent in em of the first character's size.
    align: justify (last line flush left) | left | center | right.
    phrase_breaks: break Japanese text only at BudouX phrase boundaries (headings); inside a
      phrase too long for the measure, preferably where the script changes (between words).
    balance: for ragged text (not ``justify``): set the lines to similar lengths, with no more
      lines than filling them one by one would give and no worse breaks (headings: no 1–2
      character last line when another phrase break can be had).
    line_end_punct: what happens to the ½ em after 」、。 at a line end:
      ``"reduce"`` removed (all or nothing) at JLREQ reduction step 2, when the line must shrink;
      ``"keep"`` removed only as the very last reduction step; ``"solid"`` always removed.
    ruby_scale: ruby size relative to the base size.
    keep: names not to be broken inside unless one is longer than the line (companies,
      affiliations, venues in table cells and headings); inside one that must break, after
      a space or between words first (see breaking.NAME).
    """

    strictness: str = "strict"
    jl_space: float = 0.25
    jl_max: float = 0.5
    hanging: bool = False
    indent_em: float = 1.0
    align: str = "justify"
    phrase_breaks: bool = False
    line_end_punct: str = "reduce"
    ruby_scale: float = 0.5
    balance: bool = False
    keep: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.strictness not in STRICTNESS_LEVELS:
            raise ValueError(f"strictness must be one of {STRICTNESS_LEVELS}: {self.strictness!r}")
        if self.align not in ALIGNMENTS:
            raise ValueError(f"align must be one of {ALIGNMENTS}: {self.align!r}")
        if self.jl_max < self.jl_space:
            raise ValueError(f"jl_max ({self.jl_max}) is less than jl_space ({self.jl_space})")
        if self.line_end_punct not in LINE_END_PUNCT:
            raise ValueError(
                f"line_end_punct must be one of {LINE_END_PUNCT}: {self.line_end_punct!r}"
            )


@dataclass(slots=True)
class Run:
    """A draw command: glyphs from ``x``; each next glyph at previous x + advance + char_space.

    ``x`` is in pt from the line's left edge. It is negative only when the line starts with a
    full-width opening bracket set tentsuki (the glyph's blank left half lies left of the edge;
    its ink starts at 0) or a full-width middle dot allowed at the line head by a loose level.
    """

    x: float
    text: str
    style: Style
    char_space: float = 0.0
    link: str | None = None
    source: object | None = None
    actual: str | None = None  # the span's (see :class:`Span`)
    ruby: str | None = None  # the span's reading: this run is (part of) a ruby's base


@dataclass(slots=True)
class RubyRun:
    """Ruby text drawn above the baseline by the PDF layer (same conventions as :class:`Run`)."""

    x: float
    text: str
    style: Style
    char_space: float = 0.0


@dataclass(slots=True)
class Line:
    """One composed line.

    ``width`` is the x of the right end of the set content (== measure for justified non-last
    lines); ``forced`` marks a line ended by a ``\\n`` in the input (set like a last line);
    ``emergency`` marks a line whose break violates a rule because nothing else fitted (an
    over-long Latin word broken without a hyphen, or a prohibited break as the last resort);
    ``spread`` is the widest gap between two kana/kanji of a justified line, in em, when it
    is over ¼ em (a letter-spaced line that no break could avoid; else 0), and
    ``spread_at`` where: (the source of its span, index in the span's text) of the character
    after the gap.
    """

    runs: list[Run]
    rubies: list[RubyRun]
    width: float
    measure: float
    last: bool
    text: str
    max_size: float
    forced: bool = False
    emergency: bool = False
    spread: float = 0.0
    spread_at: tuple[object, int] | None = None

    @property
    def has_ruby(self) -> bool:
        return bool(self.rubies)
