"""Line composer: spans + metrics + measure in, positioned lines out (JLREQ horizontal text).

Design (why it looks the way it does):

* Everything is kept in parallel arrays indexed by character (class, advance, ink-box width,
  draw offset, line-end glue) and by gap (glue before character j: natural width, reducible and
  expandable amounts per JLREQ step). No per-character objects, so a paragraph costs a handful of
  C-level passes (a gap's glue is one of a few dozen kinds, looked up and transposed into the
  arrays) plus one short loop per line.  Break opportunities are worked out only for a text
  that does not fit on its first line (most headings and table cells do).
* Prefix sums of widths and of total shrink give the natural and minimum width of any candidate
  line in O(1); the break for a line is found by bisection, then the best of *push-out* (next
  character to the next line, expand this one) and *push-in* (pull it onto this line, reduce) is
  chosen by the smaller adjustment, reduction winning ties (JLREQ §3.8.2).
* Break opportunities come in tiers (see breaking.py); a line falls back to a higher tier only if
  nothing fits at the lower ones (phrase → ordinary → URL → run of ー/small kana → emergency
  inside words → last resort), or, for the URL and run tiers (the *relaxed* breaks), if the
  ordinary breaks leave the line loose.
* Full-width punctuation of cl-01/02/05/06/07 is a ½ em ink box plus glue; the glyph is drawn
  shifted (−½ em for opening brackets, −¼ em for middle dots) so its blank half overlaps glue.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import add, and_, getitem, gt, mul, not_, sub, truediv

from . import breaking as B
from . import classes as C
from .finishing import finish
from .justify import EVEN_MAX_EM, fit
from .model import Line, Metrics, RubyRun, Run, Settings, Span, Style
from .ruby import base_spread, edge_spread, ruby_placement
from .spacing import NO_GLUE, ScaledKinds, glue_table, scaled_glue_kinds

EPS = 1e-6
#: the widest gap (em) between two kana/kanji of a justified line that is not letter-spacing
SPREAD_EM = 0.25
_DEFAULT = Settings()
_HALF = C.HALF_WIDTH_PUNCT
_HANGABLE = frozenset({C.FULL_STOP, C.COMMA})
#: by class pair, ``[b][a]``: both kana/kanji (see _Segment.locked)
_KANA_KANJI_PAIR = [[b in C.JAPANESE and a in C.JAPANESE for a in range(C.NCLASS)]
                    for b in range(C.NCLASS)]
#: what a gap's even expansion (JLREQ step d) is multiplied by, by whether it is locked
_EVEN_WEIGHT = [EVEN_MAX_EM, 0.0]


class _FontInfo(dict):
    """ch -> (class, advance pt, box pt, draw offset pt, line-end glue pt) for one font and size."""

    __slots__ = ("font", "metrics", "size")

    def __init__(self, metrics: Metrics, font: str, size: float) -> None:
        super().__init__()
        self.metrics = metrics
        self.font = font
        self.size = size

    def __missing__(self, ch: str) -> tuple[int, float, float, float, float]:
        cls = C.char_class(ch)
        adv = self.metrics.advance(self.font, ch) / 1000.0
        box, off, endg = adv, 0.0, 0.0
        if cls in _HALF:
            if adv >= 0.9:
                box = adv / 2
                if cls == C.OPEN:
                    off = -adv / 2
                elif cls == C.MIDDLE_DOT:
                    off = -adv / 4
                    endg = 0.25
                else:
                    endg = 0.5
            else:
                cls = C.PROPORTIONAL_FORM[cls]
        elif cls == C.WORD_SPACE:
            box = 0.0
        s = self.size
        info = (cls, adv * s, box * s, off * s, endg * s)
        self[ch] = info
        return info


_INFO: dict[tuple[int, str, float], tuple[Metrics, _FontInfo]] = {}


def _font_info(metrics: Metrics, font: str, size: float) -> _FontInfo:
    key = (id(metrics), font, size)
    hit = _INFO.get(key)
    if hit is not None and hit[0] is metrics:
        return hit[1]
    if len(_INFO) > 256:
        _INFO.clear()
    info = _FontInfo(metrics, font, size)
    _INFO[key] = (metrics, info)  # keeps metrics alive so its id cannot be reused
    return info


def _segments(spans: Sequence[Span]) -> list[list[tuple[int, str, int]]]:
    """Split the spans at forced line breaks (``\\n``) into lists of (span index, text,
    where the text starts in the span's)."""
    segs: list[list[tuple[int, str, int]]] = [[]]
    for i, sp in enumerate(spans):
        at = 0
        for j, part in enumerate(sp.text.split("\n")):
            if j:
                segs.append([])
            if part:
                segs[-1].append((i, part, at))
            at += len(part) + 1
    return segs


class _Segment:
    """The per-character and per-gap arrays of one text segment (between forced breaks)."""

    def __init__(
        self,
        spans: Sequence[Span],
        pieces: list[tuple[int, str, int]],
        metrics: Metrics,
        settings: Settings,
        breaks: bool = True,
        room: tuple[float, float] | None = None,
    ) -> None:
        """``breaks=False``: the widths only, for measuring (no break opportunities).
        ``room``: (measure, first-line indent) of the lines, the most a ruby group may take
        (a ruby longer than that is set smaller)."""
        self.text = text = (pieces[0][1] if len(pieces) == 1
                            else "".join(t for _, t, _at in pieces))
        n = self.n = len(text)
        cls: Sequence[int] = []
        adv: Sequence[float] = []
        box: Sequence[float] = []
        off: Sequence[float] = []
        endg: Sequence[float] = []
        span_of: list[int] = []
        sizes: list[float] = []
        rubies: list[tuple[int, int, int]] = []
        pos = 0
        if len(pieces) == 1:  # the common case: one span between forced breaks
            si, t, _at = pieces[0]
            st = spans[si].style
            d = _font_info(metrics, st.font, st.size)
            # (tuples: ruby groups make lists of those they change, see _writable)
            cls, adv, box, off, endg = zip(*map(d.__getitem__, t), strict=True)
            span_of = [si] * n
            sizes.append(st.size)
            if spans[si].ruby:
                rubies.append((0, n, si))
        else:
            for si, t, _at in pieces:
                st = spans[si].style
                d = _font_info(metrics, st.font, st.size)
                c_, a_, b_, o_, e_ = zip(*map(d.__getitem__, t), strict=True)
                cls += c_
                adv += a_
                box += b_
                off += o_
                endg += e_
                span_of += [si] * len(t)
                sizes.append(st.size)
                if spans[si].ruby:
                    rubies.append((pos, pos + len(t), si))
                pos += len(t)
        self.cls, self.adv, self.box, self.off, self.endg = cls, adv, box, off, endg
        self.span_of = span_of
        self.single_span = len(pieces) == 1
        #: span index -> (where its text starts in this segment, and in the span's text)
        self.piece_at: dict[int, tuple[int, int]] = {}
        at = 0
        for si, t, off in pieces:
            self.piece_at.setdefault(si, (at, off))
            at += len(t)
        jl = settings.jl_space
        single = min(sizes) == max(sizes) if sizes else True
        #: the gaps' glue kinds, and the kinds of their size (spacing.scaled_glue_kinds),
        #: while the glue arrays are as the kinds give them
        self._kinds: tuple[list[int], ScaledKinds] | None = None
        if single:
            kk = scaled_glue_kinds(jl, sizes[0] if sizes else 1.0, settings.jl_max)
            kinds = [len(kk.glues) - 1,  # (no glue before the first character)
                     *map(getitem, map(kk.pair_kind.__getitem__, cls), cls[1:])]
            cols = zip(*map(kk.glues.__getitem__, kinds), strict=True)
            self._kinds = kinds, kk
        else:
            # the gaps inside a piece are in its size; one between two pieces in the size
            # of the character that owns the glue
            em = glue_table(jl, settings.jl_max)
            rows: list[tuple[float, ...]] = [NO_GLUE]
            at, before = 0, 0.0
            for si, t, _at in pieces:
                size = spans[si].style.size
                kk = scaled_glue_kinds(jl, size, settings.jl_max)
                if at:
                    g = em[cls[at - 1]][cls[at]]
                    rows.append(tuple(v * (before if g[10] else size) for v in g[:10]))
                pc = cls[at:at + len(t)]
                rows += map(kk.glues.__getitem__, map(getitem, map(kk.pair_kind.__getitem__,
                                                                   pc), pc[1:]))
                at, before = at + len(t), size
            cols = zip(*rows, strict=True)
        (self.nat, self.shtot, self.sh_word, self.sh_dot, self.sh_br, self.sh_jl,
         self.st_word, self.st_jl, self.st_inter, self.st_even) = cols
        self._breaks, self._settings = breaks, settings
        #: ruby groups' bases (start, end): no break inside (see tiers)
        self._unbroken: list[tuple[int, int]] = []
        self.ruby_groups: list[tuple[int, int, str, Style, float]] = []
        # groups whose ruby is wider than the base: start -> (end, base padding at each edge)
        self.ruby_head: dict[int, tuple[int, float]] = {}
        self.ruby_tail: dict[int, tuple[int, float]] = {}  # end (exclusive) -> (start, pad)
        if rubies:
            self._writable()
        for i0, i1, si in rubies:
            limit = None if room is None else room[0] - (room[1] if i0 == 0 else 0.0)
            self._setup_ruby(i0, i1, spans[si], metrics, settings, limit)
        # the 1 em (U+3000) after a sentence-final ！？ is dropped at a line end (JLREQ §3.1.6,
        # Table 2 n.4): index -> its width with the glue before it, taken off the line
        # (not one inside a ruby group's base: the group is set whole, its ruby over it)
        self.drop: dict[int, float] = {}
        if "\u3000" in text:
            for j in range(1, n):
                if text[j] == "\u3000" and cls[j - 1] == C.DIVIDING \
                        and not any(i0 <= j < i1 for i0, i1, _si in rubies):
                    self.drop[j] = self.nat[j] + self.box[j]
        self.C = list(accumulate(map(add, self.nat, self.box), initial=0.0))
        self.T = list(accumulate(self.shtot, initial=0.0))
        #: the text has a URL or e-mail address, with breaks at its points (only a text that
        #: looks as if it might has its tiers worked out here)
        self.has_url = (breaks and ("/" in text or "@" in text or "www." in text)
                        and B.URL in self.tiers)
        if self.has_url:
            # the gaps inside an address take part in even expansion (JLREQ step d; Table 6
            # n.11 leaves cl-27 letter spacing to the implementation): a line ending inside
            # one is filled by all its gaps, not by ½ em at each of its few kana/kanji
            self._writable()
            st_even = self.st_even
            for start, end, _pts in B.url_break_points(text):
                for j in range(start + 1, end):
                    if not st_even[j]:
                        st_even[j] = spans[span_of[j]].style.size

    @cached_property
    def tiers(self) -> list[int]:
        """The tier of a break before each character (breaking.py; [] for measuring), worked
        out when a line is to be broken: a text that fits on its first line (most headings
        and table cells) does not ask for them, nor for their BudouX phrases."""
        if not self._breaks:
            return []
        text, cls, settings = self.text, self.cls, self._settings
        tiers = B.break_tiers(text, cls, settings.strictness)
        if settings.phrase_breaks and self.n > 1:
            B.apply_phrases(text, cls, tiers)
        if settings.keep and self.n > 1:
            B.apply_names(text, cls, tiers, settings.keep, settings.phrase_breaks)
        for i0, i1 in self._unbroken:  # (the steps above leave a NEVER as it is)
            tiers[i0 + 1:i1] = [B.NEVER] * (i1 - i0 - 1)
        return tiers

    @cached_property
    def has_run(self) -> bool:
        return B.RUN in self.tiers

    @property
    def relaxed(self) -> bool:
        """The segment has a break at a relaxed tier (URL, RUN), taken when a line is
        loose."""
        return self.has_url or self.has_run

    def _writable(self) -> None:
        """Make lists of the arrays that ruby groups and addresses change (built as tuples,
        the common case, where nothing changes them)."""
        for name in ("box", "off", "nat", "shtot", "sh_word", "sh_dot", "sh_br", "sh_jl",
                     "st_word", "st_jl", "st_inter", "st_even"):
            setattr(self, name, list(getattr(self, name)))
        self._kinds = None

    @cached_property
    def locked(self) -> list[bool]:
        """The gaps between two kana/kanji (not inside a ruby group's base): justification
        widens them by JLREQ step c only (¼ em), unless nothing else can fill a line.
        (Justified text only asks.)"""
        if self._kinds is not None:
            kinds, kk = self._kinds
            return list(map(kk.locked.__getitem__, kinds))
        cls = self.cls
        return [False, *map(and_, map(getitem, map(_KANA_KANJI_PAIR.__getitem__, cls), cls[1:]),
                            map(gt, self.st_inter[1:], repeat(0.0)))]

    def expansion_prefix(self) -> list[float]:
        """Prefix sums of the gaps' capacity in JLREQ expansion steps a–c."""
        return list(accumulate(map(add, map(add, self.st_word, self.st_jl), self.st_inter),
                               initial=0.0))

    def tight_prefix(self) -> list[float]:
        """Prefix sums of what the gaps can take without spreading the line (JLREQ
        expansion steps a–c, and step d at the places that are not between kana/kanji)."""
        if self._kinds is not None:
            kinds, kk = self._kinds
            return list(accumulate(map(kk.tight.__getitem__, kinds), initial=0.0))
        even = map(mul, self.st_even, map(_EVEN_WEIGHT.__getitem__, self.locked))
        return list(accumulate(map(add, map(add, map(add, self.st_word, self.st_jl),
                                                 self.st_inter), even), initial=0.0))

    def source_at(self, spans: Sequence[Span], j: int) -> tuple[object, int]:
        """(the span's ``source``, index in the span's text) of character ``j``."""
        si = self.span_of[j]
        start, off = self.piece_at[si]
        return spans[si].source, off + j - start

    def _setup_ruby(
        self, i0: int, i1: int, span: Span, metrics: Metrics, settings: Settings,
        limit: float | None,
    ) -> None:
        rstyle = Style(span.style.font, span.style.size * settings.ruby_scale)
        ruby = span.ruby or ""
        em = sum(metrics.advance(rstyle.font, ch) for ch in ruby) / 1000.0
        rw = em * rstyle.size
        bw = sum(self.box[i0:i1]) + sum(self.nat[i0 + 1 : i1])
        if limit is not None and rw > max(limit, bw) > 0:
            # a ruby longer than a line would push its group past the measure: set smaller
            rw = max(limit, bw)
            rstyle = Style(rstyle.font, rw / em)
        pad, between = base_spread(bw, rw, i1 - i0)
        if pad:
            self.box[i0] += pad
            self.off[i0] += pad
            self.box[i1 - 1] += pad
            self.ruby_head[i0] = (i1, pad)
            self.ruby_tail[i1] = (i0, pad)
        for j in range(i0 + 1, i1):
            self.nat[j] += between
            for arr in (self.shtot, self.sh_word, self.sh_dot, self.sh_br, self.sh_jl,
                        self.st_word, self.st_jl, self.st_inter, self.st_even):
                arr[j] = 0.0
        self._unbroken.append((i0, i1))
        self.ruby_groups.append((i0, i1, ruby, rstyle, rw))


def _compose_segment(
    spans: Sequence[Span],
    seg: _Segment,
    measure: float,
    settings: Settings,
    first_segment: bool,
    final_segment: bool,
) -> list[Line]:
    n = seg.n
    Cs, T, nat, endg, cls = seg.C, seg.T, seg.nat, seg.endg, seg.cls
    justify = settings.align == "justify"
    end_mode = settings.line_end_punct if justify else "solid"
    solid_end = end_mode == "solid"
    hanging = settings.hanging
    cand_by_tier: dict[int, list[int]] = {}

    def candidates(tier: int) -> list[int]:
        cl = cand_by_tier.get(tier)
        if cl is None:
            if tier == B.OK:
                cl = list(compress(range(n + 1), map(not_, tiers)))
            else:
                cl = [k for k in range(1, n + 1) if tiers[k] <= tier]
            cand_by_tier[tier] = cl
        return cl

    drop = seg.drop

    def endw(k: int) -> float:
        if drop and k - 1 in drop:
            return -drop[k - 1]  # a U+3000 after ！？ that vanishes at the line end
        return 0.0 if (k >= n or solid_end) else endg[k - 1]

    indent = 0.0
    if first_segment and settings.indent_em and n:
        indent = settings.indent_em * spans[seg.span_of[0]].style.size

    # A text that fits on its first line is that line whatever its breaks (most headings and
    # table cells): _choose's first test, made before the breaks are worked out.  (Spaces at
    # its end may forbid the break there: those go the long way.)
    avail = measure - indent
    base = Cs[0] + nat[0]
    w = Cs[n] - base + endw(n)
    if (seg.text[-1] != " " and bisect_right(Cs, base + avail + EPS) - 1 == n
            and w <= avail + EPS):
        return [_emit(spans, seg, 0, n, w, False, avail, indent, measure, settings,
                      final_segment, not final_segment, False, justify, solid_end)]
    tiers = seg.tiers

    # URLs and e-mail addresses, and runs of ー and small kana, break inside at the relaxed
    # tiers (URL, RUN), if the ordinary breaks leave a line loose: more to fill than JLREQ
    # expansion steps a–c (word spaces, Japanese–Latin spaces, kana/kanji gaps) take;
    # SA[k]: those steps' capacity of the gaps before k
    SA = seg.expansion_prefix() if justify and seg.relaxed else None

    def excess(s: int, k: int, w: float, avail: float) -> float:
        """What a line s..k of natural width w leaves to fill beyond expansion steps a–c."""
        if k >= n or SA is None:
            return 0.0
        return max(0.0, avail - w - (SA[k] - SA[s + 1] if k > s + 1 else 0.0))

    def choose_relaxed(s: int, avail: float) -> tuple[int, float, bool]:
        """:func:`_choose`, then the ordinary break it set aside for a relaxed break if that
        is no tighter."""
        res = _choose(s, avail)
        if loose[0] is not None:
            if excess(s, res[0], res[1], avail) >= loose[1] - EPS:
                res = loose[0]
            loose[0] = None
        return res

    # the best ordinary break, kept while relaxed breaks are tried: (k, w, hangs), its excess
    loose: list = [None, 0.0]

    def _choose(s: int, avail: float) -> tuple[int, float, bool]:
        """Best break for a line starting at s: (end k, natural width, last char hangs)."""
        base = Cs[s] + nat[s]
        kpos = bisect_right(Cs, base + avail + EPS) - 1
        lonely = None
        fill = False  # the word after the best break is wider than a line: break inside it
        for tier in (B.OK, B.WORD, B.PHRASE, B.URL, B.RUN, B.NAME, B.NAME_WORD, B.EMERGENCY,
                     B.LAST_RESORT):
            if tier in (B.WORD, B.PHRASE) and (fill or not settings.phrase_breaks):
                continue
            if (tier == B.URL and not seg.has_url) or (tier == B.RUN and not seg.has_run):
                continue
            if lonely is not None and tier > B.EMERGENCY:
                return lonely
            if loose[0] is not None and tier > B.RUN and lonely is None:
                return loose[0]  # no word is broken to make a loose line tight
            cl = candidates(tier)
            i0 = bisect_right(cl, s)
            if i0 >= len(cl):
                break
            idx = bisect_right(cl, kpos, i0) - 1
            out = None
            while idx >= i0:
                k = cl[idx]
                w = Cs[k] - base + endw(k)
                if w <= avail + EPS:
                    out = (k, w)
                    break
                idx -= 1
            nxt = idx + 1 if out else i0
            while nxt < len(cl):  # end glue can make a later candidate fit
                k = cl[nxt]
                w = Cs[k] - base + endw(k)
                if w > avail + EPS:
                    break
                out = (k, w)
                nxt += 1
            inn = None
            hang = None
            if nxt < len(cl):
                k = cl[nxt]
                w = Cs[k] - base + endw(k)
                cap = (T[k] - T[s + 1] if k > s + 1 else 0.0) + max(endw(k), 0.0)
                if w - cap <= avail + EPS:
                    inn = (k, w)
                if hanging and k - 1 > s and cls[k - 1] in _HANGABLE and k < n:
                    wc = Cs[k - 1] - base
                    if wc <= avail + EPS:
                        hang = (k, wc)
            if out and out[0] == n:
                return n, out[1], False
            if hang and (not inn or avail - hang[1] <= inn[1] - avail + EPS) and (
                not out or avail - hang[1] <= avail - out[1] + EPS
            ):
                return hang[0], hang[1], True
            if inn and (not out or inn[1] - avail <= avail - out[1] + EPS):
                return inn[0], inn[1], False
            if out:
                if tier < B.EMERGENCY and lonely is not None and out[0] == lonely[0]:
                    continue  # no point inside the unit that had to be broken: go on
                if tier == B.URL and seg.has_run and loose[0] is not None and (
                        out[0] == loose[0][0]):
                    continue  # no URL break makes the line tighter: try the run breaks
                if (justify and lonely is None and nxt < len(cl) and tier < B.EMERGENCY
                        and measure >= _FILL_MIN_EM * spans[seg.span_of[s]].style.size):
                    # A URL or Latin word longer than the measure has to be broken anyway:
                    # break it on this line and fill the line, rather than end the line
                    # before it and spread what is left letter by letter.  (Only at text
                    # measures: in a few-em cell the unit may be a bracketed short word.)
                    o, k2 = out[0], cl[nxt]
                    if seg.has_url and tier < B.URL:  # the unit ends at an address's point
                        ul = candidates(B.URL)
                        k2 = ul[bisect_right(ul, o)]
                    bo = Cs[o] + nat[o]
                    wo = (Cs[k2] - bo + min(endw(k2), 0.0)
                          - (T[k2] - T[o + 1] if k2 > o + 1 else 0.0))
                    if wo > measure + EPS:
                        lonely, fill = (out[0], out[1], False), True
                        continue
                if out[0] == s + 1 and justify and lonely is None and nxt < len(cl):
                    # a one-glyph line cannot be justified; an over-long Latin word that has to
                    # be broken anyway may keep it company
                    k2 = cl[nxt]
                    b2 = Cs[s + 1] + nat[s + 1]
                    w2 = Cs[k2] - b2 + endw(k2) - (T[k2] - T[s + 2] if k2 > s + 2 else 0.0)
                    if w2 > measure + EPS:
                        lonely = (out[0], out[1], False)
                        continue
                if SA is not None and tier < B.URL and loose[0] is None:
                    x = excess(s, out[0], out[1], avail)
                    if x > EPS:
                        loose[0], loose[1] = (out[0], out[1], False), x
                        continue
                return out[0], out[1], False
        if lonely is not None:
            return lonely
        if loose[0] is not None:
            return loose[0]
        k = s + 1
        while k < n and tiers[k] >= B.NEVER:
            k += 1
        return k, Cs[k] - base + endw(k), False

    choose = _choose if SA is None else choose_relaxed

    # decisions: (start, end, natural width, hangs, available width, indent)
    decisions: list[tuple[int, int, float, bool, float, float]] = []
    retried: set[int] = set()
    s = 0
    while s < n:
        ind = indent if not decisions else 0.0
        avail = measure - ind
        k, w, hung = choose(s, avail)
        if k == s + 1 and k < n and not hung and decisions and s not in retried and justify:
            # A one-glyph line cannot be justified: end the previous line one opportunity
            # earlier so that this line gets company (one step of look-back, O(1) per line).
            retried.add(s)
            ps, _pk, _pw, _ph, pavail, pind = decisions[-1]
            cl = candidates(B.OK)
            j = bisect_right(cl, s - 1) - 1
            if j >= 0 and cl[j] > ps + 1:
                k2 = cl[j]
                w2 = Cs[k2] - Cs[ps] - nat[ps] + endw(k2)
                if w2 <= pavail + EPS:
                    decisions[-1] = (ps, k2, w2, False, pavail, pind)
                    s = k2
                    continue
        decisions.append((s, k, w, hung, avail, ind))
        s = k
    if settings.balance and not justify and len(decisions) > 1 and n <= _BALANCE_MAX:
        decisions = _balanced(seg, decisions, endw, indent, measure) or decisions
    elif justify and len(decisions) > 1:
        decisions = finish(seg, decisions, endw, measure, indent)
    lines: list[Line] = []
    for s, k, w, hung, avail, ind in decisions:
        last = k >= n
        lines.append(
            _emit(spans, seg, s, k, w, hung, avail, ind, measure, settings,
                  last and final_segment, last and not final_segment,
                  tiers[k] >= B.EMERGENCY, justify, solid_end)
        )
    return lines


#: measures (in ems) from which an over-long word is broken to fill the line before it
_FILL_MIN_EM = 12
_BALANCE_MAX = 400  # characters: longer texts are not headings; they keep the greedy fill
#: cost of a break by its tier when balancing: phrase boundaries first, then word boundaries
_TIER_COST = {B.OK: 0, B.WORD: 1, B.PHRASE: 4, B.URL: 8, B.RUN: 8, B.NAME: 10,
              B.NAME_WORD: 12, B.EMERGENCY: 16, B.LAST_RESORT: 64}
_SHORT_LAST = 2  # a last line of this many characters or fewer costs like a word break + 1


def _balanced(seg: _Segment, greedy: list, endw, indent: float, measure: float
              ) -> list | None:
    """Breaks for ragged lines of similar length (a heading), or None to keep ``greedy``.

    Among the breaks no worse than the worst the greedy fill used, in at most as many lines:
    least total break cost (tiers, and a 1–2 character last line), then least sum of squared
    slack over all lines, the last one included (so the lines come out even)."""
    n, Cs, nat, tiers = seg.n, seg.C, seg.nat, seg.tiers
    if any(h for _s, _k, _w, h, _a, _i in greedy):
        return None
    worst = max(tiers[k] for _s, k, *_ in greedy if k < n)
    if worst > B.PHRASE:
        return None  # a forced break inside a word: keep what the greedy fill found
    cands = [k for k in range(1, n) if tiers[k] <= worst] + [n]
    most = len(greedy)
    memo: dict[tuple[int, int], tuple[float, float, int] | None] = {}

    def best(s: int, i: int) -> tuple[float, float, int] | None:
        """(break cost, slack cost, end of this line) for the text from ``s`` on line i."""
        key = (s, i)
        if key in memo:
            return memo[key]
        out = None
        if i < most:
            avail = measure - (indent if i == 0 else 0.0)
            base = Cs[s] + nat[s]
            for k in cands:
                if k <= s:
                    continue
                if Cs[k] - base > avail + measure:
                    break
                w = Cs[k] - base + endw(k)
                if w > avail + EPS:
                    continue
                slack = ((avail - w) / measure) ** 2
                if k == n:
                    cost = (_TIER_COST[B.WORD] + 1 if i > 0 and k - s <= _SHORT_LAST else 0.0,
                            slack, k)
                else:
                    rest = best(k, i + 1)
                    if rest is None:
                        continue
                    cost = (_TIER_COST[tiers[k]] + rest[0], slack + rest[1], k)
                if out is None or cost[:2] < out[:2]:
                    out = cost
        memo[key] = out
        return out

    if best(0, 0) is None:
        return None
    decisions = []
    s, i = 0, 0
    while s < n:
        k = best(s, i)[2]
        avail = measure - (indent if i == 0 else 0.0)
        decisions.append((s, k, Cs[k] - Cs[s] - nat[s] + endw(k), False, avail,
                          indent if i == 0 else 0.0))
        s, i = k, i + 1
    return decisions


def _emit(
    spans: Sequence[Span],
    seg: _Segment,
    s: int,
    k: int,
    w: float,
    hung: bool,
    avail: float,
    indent: float,
    measure: float,
    settings: Settings,
    last: bool,
    forced: bool,
    emergency: bool,
    justify: bool,
    solid_end: bool,
) -> Line:
    text = seg.text
    n = seg.n
    e = k - 1 if hung else k  # content end (exclusive)
    # trailing spaces are dropped from the line (their box is 0, the glue after them is not ours)
    while e > s + 1 and text[e - 1] == " " and not hung:
        e -= 1
    if e < k and not hung:  # and so is the room they took in ``w``
        w -= seg.C[k] - seg.C[e]
    if seg.drop and e - 1 in seg.drop and e > s + 1 and not hung:
        e -= 1  # its width was already taken off w by choose()
    te = e
    end_glue = 0.0 if (k >= n or solid_end or hung) else seg.endg[k - 1]
    # a ruby group wider than its base at the line head (end): its base is set flush with the
    # edge, the group keeping its width (see ruby.edge_spread)
    head = seg.ruby_head.get(s) if seg.ruby_head else None
    tail = seg.ruby_tail.get(e) if seg.ruby_tail and not hung else None
    # interior gaps s+1 .. e-1
    g0, g1 = s + 1, e
    nat = seg.nat[g0:g1]
    need = avail - w
    spread, spread_at = 0.0, None
    if ((last or forced or not justify) and need >= 0) or -EPS < need < EPS:
        act, kept = nat, end_glue
    else:
        shrinks = (seg.sh_word[g0:g1], seg.sh_dot[g0:g1], seg.sh_br[g0:g1], seg.sh_jl[g0:g1])
        stretches = (
            seg.st_word[g0:g1], seg.st_jl[g0:g1], seg.st_inter[g0:g1], seg.st_even[g0:g1]
        )
        locked = seg.locked[g0:g1]
        act, kept, _ok = fit(
            nat, shrinks, stretches, need, end_glue,
            seg.cls[e - 1] == C.MIDDLE_DOT, settings.line_end_punct == "keep", locked,
        )
        if need > 0 and any(locked):
            spread, spread_at = _spread(spans, seg, g0, act, locked)
    box = seg.box
    widths = list(map(add, box[s:e], act))
    widths.append(box[e - 1] if e > s else 0.0)
    # a group at the line head or end: (shift of its first glyph, change of its right edge)
    edge: dict[int, tuple[float, float]] = {}
    if head is not None:
        i1, pad = head
        _respread(widths, s, s, i1, pad, edge_spread(pad, i1 - s, True, i1 == e and not hung),
                  edge)
    if tail is not None and tail[0] != s:  # (a group filling the line is done above)
        i0, pad = tail
        _respread(widths, s, i0, e, pad, edge_spread(pad, e - i0, False, True), edge)
    content = sum(widths) + kept if e > s else 0.0
    x0 = indent
    if not justify or last or forced:
        align = settings.align
        if align == "center":
            x0 += (avail - content) / 2
        elif align == "right":
            x0 += avail - content
    xs = list(accumulate(widths, initial=x0))
    width = x0 + content
    off = seg.off
    gx = list(map(add, xs, off[s:e]))
    for i0, (dx, _dr) in edge.items():
        gx[i0 - s] += dx
    if hung:
        gx.append(xs[e - s] + seg.nat[e] + off[e])
        te = k
    runs = _runs(spans, seg, s, te, gx)
    rubies: list[RubyRun] = []
    for i0, i1, rtext, rstyle, rw in seg.ruby_groups:
        if i0 >= s and i1 <= e:
            left = xs[i0 - s]
            right = xs[i1 - 1 - s] + box[i1 - 1]
            fix = edge.get(i0)
            if fix:
                right += fix[1] + (fix[0] if i1 - i0 == 1 else 0.0)
            rx, rcs = ruby_placement(left, right - left, rw, len(rtext))
            rubies.append(RubyRun(rx, rtext, rstyle, rcs))
    if seg.single_span:
        sizes = {spans[seg.span_of[s]].style.size} if te > s else set()
    else:
        sizes = {spans[si].style.size for si in set(seg.span_of[s:te])} if te > s else set()
    return Line(
        runs=runs,
        rubies=rubies,
        width=width,
        measure=measure,
        last=last,
        text=text[s:te],
        max_size=max(sizes) if sizes else 0.0,
        forced=forced,
        emergency=emergency,
        spread=spread,
        spread_at=spread_at,
    )


def _spread(spans: Sequence[Span], seg: _Segment, g0: int, act: list[float],
            locked: list[bool]) -> tuple[float, tuple[object, int] | None]:
    """The widest gap between two kana/kanji of a justified line, in em, when it is wider
    than JLREQ's ¼ em (else 0), and where it is (see :attr:`Line.spread_at`)."""
    nat, span_of = seg.nat, seg.span_of
    if seg.single_span:  # (most lines are not spread: the widest gap first, at C speed)
        size = spans[span_of[g0]].style.size
        most = max(map(truediv, map(sub, compress(act, locked),
                                    compress(nat[g0:g0 + len(locked)], locked)),
                       repeat(size)), default=0.0)
        if most <= SPREAD_EM + EPS:
            return 0.0, None
    widest, at = 0.0, -1
    for i, lk in enumerate(locked):
        if lk:
            j = g0 + i
            em = (act[i] - nat[j]) / spans[span_of[j]].style.size
            if em > widest:
                widest, at = em, j
    if widest <= SPREAD_EM + EPS:
        return 0.0, None
    return widest, seg.source_at(spans, at)


def _respread(widths: list[float], s: int, i0: int, i1: int, pad: float,
              spread: tuple[float, float, float], edge: dict[int, tuple[float, float]]) -> None:
    """Give the group i0..i1 on the line from s the base ``spread`` (before, between, after)
    instead of the 1:2:1 one (``pad``, 2 ``pad``, ``pad``) its boxes and gaps hold."""
    h, mid, t = spread
    a, b = i0 - s, i1 - s
    widths[a] += h - pad
    d = mid - 2 * pad
    for m in range(a, b - 1):
        widths[m] += d
    widths[b - 1] += t - pad
    edge[i0] = (h - pad, t - pad)


def _runs(spans: Sequence[Span], seg: _Segment, s: int, e: int, gx: list[float]) -> list[Run]:
    """Group glyphs with one span and a uniform gap into draw runs."""
    if e <= s:
        return []
    text = seg.text
    # d[i]: char_space needed between glyph s+i and s+i+1
    d = list(map(sub, map(sub, gx[1 : e - s], gx), seg.adv[s : e - 1]))
    runs: list[Run] = []
    append = runs.append
    start = 0
    m = e - s
    if seg.single_span:
        span = spans[seg.span_of[s]]
        style, link, source, actual = span.style, span.link, span.source, span.actual
        ruby = span.ruby
        i = 0
        while i < m - 1:
            cs = d[i]
            j = i + 1
            while j < m - 1 and -1e-6 < d[j] - cs < 1e-6:
                j += 1
            # glyphs start..j share cs (d[start..j-1] == cs)
            append(Run(gx[start], text[s + start : s + j + 1], style, cs, link, source,
                       actual, ruby))
            start = i = j + 1
        if start < m:
            append(Run(gx[start], text[s + start : e], style, 0.0, link, source, actual,
                       ruby))
        return runs
    sp = seg.span_of[s:e]
    i = 0
    while i < m - 1:
        cur = sp[i]
        if sp[i + 1] != cur:
            span = spans[cur]
            append(Run(gx[start], text[s + start : s + i + 1], span.style, 0.0, span.link,
                       span.source, span.actual, span.ruby))
            start = i = i + 1
            continue
        cs = d[i]
        j = i + 1
        while j < m - 1 and sp[j + 1] == cur and -1e-6 < d[j] - cs < 1e-6:
            j += 1
        span = spans[cur]
        append(Run(gx[start], text[s + start : s + j + 1], span.style, cs, span.link,
                   span.source, span.actual, span.ruby))
        start = i = j + 1
    if start < m:
        span = spans[sp[start]]
        append(Run(gx[start], text[s + start : e], span.style, 0.0, span.link, span.source,
                   span.actual, span.ruby))
    return runs


def compose(
    spans: Sequence[Span],
    measure: float,
    metrics: Metrics,
    settings: Settings = _DEFAULT,
) -> list[Line]:
    """Compose ``spans`` into lines of ``measure`` pt following JLREQ (see the package docs)."""
    segs = _segments(spans)
    if not any(segs):
        return []
    lines: list[Line] = []
    last_i = len(segs) - 1
    for i, pieces in enumerate(segs):
        final = i == last_i
        if not pieces:
            size = max((sp.style.size for sp in spans), default=0.0)
            lines.append(Line([], [], 0.0, measure, final, "", size, forced=not final))
            continue
        indent = settings.indent_em * spans[pieces[0][0]].style.size if i == 0 else 0.0
        seg = _Segment(spans, pieces, metrics, settings, room=(measure, indent))
        lines.extend(_compose_segment(spans, seg, measure, settings, i == 0, final))
    return lines


def natural_width(
    spans: Sequence[Span], metrics: Metrics, settings: Settings = _DEFAULT
) -> float:
    """Width of the text set on one line without breaking (the widest forced-break segment)."""
    best = 0.0
    for i, pieces in enumerate(_segments(spans)):
        if not pieces:
            continue
        seg = _Segment(spans, pieces, metrics, settings, breaks=False)
        w = seg.C[seg.n] - seg.nat[0]
        if i == 0 and settings.indent_em:
            w += settings.indent_em * spans[pieces[0][0]].style.size
        best = max(best, w)
    return best
