"""Typographic checks on body lines read back from a PDF (see glyphs.py and layout.py).

The checks use their own character sets (JLREQ App. A as listed in
/work/shared/reference/jlreq.md), not the composer's class table, so that a wrong table in the
composer shows up here.  Each check returns a :class:`Result`: how many things it looked at and
a readable description of every violation.

Reading order.  Lines are grouped per page and column; a line's *continuation* is the next line
of the same paragraph: the line one pitch below in the same column, or the top line of a run
of lines in the next column (or in the first column of the next page), whose text joined to
this line's text occurs in one of the source paragraphs (whole lines, so a chance match is
practically impossible; the list marker ・ is not in the source, so a new item never joins).
A line without a continuation is paragraph-final (set like a last line).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .glyphs import Glyph, PLine, group_lines
from .layout import BodyStyle

# ---------------------------------------------------------------------------- classes
CL01 = "‘“（〔［｛〈《「『【｟〘〖«〝([{"
CL02 = "’”）〕］｝〉》」』】｠〙〗»〟〞)]}"
CL03 = "‐〜゠–～"
CL04 = "！？‼⁇⁈⁉!?"
CL05 = "・：；･:;"
CL06 = "。．｡."
CL07 = "、，､,"
CL09 = "ヽヾゝゞ々〻"
CL10 = "ーｰ"
CL11 = "ぁぃぅぇぉァィゥェォっゃゅょゎゕゖッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
#: no line may start with these at the default (strict) level
START_FORBIDDEN = frozenset(CL02 + CL03 + CL04 + CL05 + CL06 + CL07 + CL09 + CL10 + CL11)
END_FORBIDDEN = frozenset(CL01)
#: these may start a line inside a run of three or more of them (すごーーーっ, ァィゥェォ),
#: where JLREQ's loose level allows them and the strict break would leave the line loose
RUN_RELAXED = frozenset(CL03 + CL10 + CL11)
#: ASCII characters a URL or e-mail address may be broken before
URL_BREAK_BEFORE = frozenset(".-?#&=_~@%")

#: full-width punctuation drawn as a ½ em glyph plus glue (its advance box is 1 em)
HALF_LEFT = frozenset("‘“（〔［｛〈《「『【｟〘〖«〝")  # ink in the right half
HALF_RIGHT = frozenset("’”）〕］｝〉》」』】｠〙〗»〟、，。．")  # ink in the left half
MIDDLE = frozenset("・：；")  # ink in the middle half

PAIRS = ("。」", "」「", "、「", "）（")

LINE_TOL = 0.1  # pt, flush edges
Y_TOL = 0.05  # pt, baselines


def is_japanese(ch: str) -> bool:
    """Kana and kanji (cl-09/10/11/15/16/19 ideographs), not punctuation."""
    cp = ord(ch)
    return (
        0x3041 <= cp <= 0x3096
        or 0x309D <= cp <= 0x309F
        or 0x30A1 <= cp <= 0x30FA
        or 0x30FC <= cp <= 0x30FF
        or 0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or cp >= 0x20000
        or ch in "々〆〇〻"
    )


def is_latin_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def full_width(g: Glyph) -> bool:
    return g.adv >= 0.9 * g.size


def model_left(g: Glyph) -> float:
    """Left edge of the glyph's box in the JLREQ model (½ em brackets, ½ em middle dots)."""
    if full_width(g):
        if g.ch in HALF_LEFT:
            return g.x + g.adv / 2
        if g.ch in MIDDLE:
            return g.x + g.adv / 4
    return g.x


def right_candidates(g: Glyph) -> list[float]:
    """Where a line ending with ``g`` may end: its advance box, or for ½-em punctuation whose
    trailing glue was removed at the line end (JLREQ §3.8.3 step 2/3), its ½-em ink box."""
    out = [g.right]
    if full_width(g):
        if g.ch in HALF_RIGHT:
            out.append(g.x + g.adv / 2)
        elif g.ch in MIDDLE:
            out.append(g.x + 3 * g.adv / 4)
    return out


# ---------------------------------------------------------------------------- document
@dataclass
class Result:
    name: str
    checked: int = 0
    violations: list[str] = field(default_factory=list)

    def fail(self, line: PLine, what: str) -> None:
        self.violations.append(f"p{line.page + 1} {line.column.name if line.column else '?'} "
                               f"y={line.y:.2f} {what}: {line.text!r}")

    def summary(self, limit: int = 12) -> str:
        head = f"{self.name}: {len(self.violations)} violations in {self.checked} checked"
        return "\n  ".join([head, *self.violations[:limit]])


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Doc:
    """Body lines of a PDF in reading order, with paragraph structure recovered."""

    style: BodyStyle
    lines: list[PLine]
    sources: list[str]  # the source paragraphs (as composed, before markup)
    outside: list[PLine] = field(default_factory=list)  # body text outside every column
    prev: dict[int, PLine] = field(default_factory=dict)  # id(line) -> previous line
    _squashed: str = ""

    def joined_in_source(self, a: PLine, b: PLine) -> bool:
        return (_squash(a.text) + _squash(b.text)) in self._squashed


def build_doc(pages: Sequence[Sequence[Glyph]], style: BodyStyle, sources: Iterable[str],
              columns_by_page: dict[int, list] | None = None) -> Doc:
    lines: list[PLine] = []
    outside: list[PLine] = []
    for pi, glyphs in enumerate(pages):
        cols = columns_by_page.get(pi, []) if columns_by_page is not None else style.columns
        body = [g for g in glyphs if style.is_body(g)]
        if not body:
            continue
        # smaller type set in a body line (a link's address printed after its text) is part
        # of the line: where it ends is where the line ends
        inline = {(ln.y, ln.col_index): ln for ln in group_lines(
            pi, [g for g in glyphs if not style.is_body(g)], cols)}
        for ln in group_lines(pi, body, cols):
            extra = inline.get((ln.y, ln.col_index))
            if extra is not None and ln.column is not None:
                ln.glyphs = sorted(ln.glyphs + extra.glyphs, key=lambda g: g.x)
            (lines if ln.column is not None else outside).append(ln)
    lines.sort(key=lambda ln: (ln.page, ln.col_index, -ln.y))
    doc = Doc(style, lines, list(sources), outside)
    doc._squashed = "\n".join(_squash(s) for s in doc.sources)
    _link(doc)
    return doc


def _link(doc: Doc) -> None:
    pitch = doc.style.pitch
    by_col: dict[tuple[int, int], list[PLine]] = {}
    for ln in doc.lines:
        by_col.setdefault((ln.page, ln.col_index), []).append(ln)
    run_heads: dict[tuple[int, int], list[PLine]] = {}
    for key, col_lines in by_col.items():
        heads = []
        for i, ln in enumerate(col_lines):
            if i == 0 or abs(col_lines[i - 1].y - ln.y - pitch) > Y_TOL:
                heads.append(ln)
        run_heads[key] = heads
    pages = sorted({ln.page for ln in doc.lines})
    for key, col_lines in by_col.items():
        page, ci = key
        for i, ln in enumerate(col_lines):
            nxt = None
            if i + 1 < len(col_lines) and abs(ln.y - col_lines[i + 1].y - pitch) <= Y_TOL:
                cand = col_lines[i + 1]
                if doc.joined_in_source(ln, cand):
                    nxt = cand
            else:
                # the bottom of a run: the paragraph may go on at the top of a run in the next
                # column, or in the first column of a following page
                cands = list(run_heads.get((page, ci + 1), []))
                later = [p for p in pages if p > page]
                if later:
                    cands += run_heads.get((later[0], 0), [])
                for cand in cands:
                    if doc.joined_in_source(ln, cand):
                        nxt = cand
                        break
            ln.next = nxt
            ln.final = nxt is None
            if nxt is not None:
                doc.prev[id(nxt)] = ln


# ---------------------------------------------------------------------------- checks
def _url_context(doc: Doc, prev: PLine, ln: PLine) -> bool:
    """True if the break before ``ln`` falls inside a URL or e-mail address (its ASCII run,
    followed back over the lines it spans, has a scheme, www. or an @ domain)."""
    tail = ""
    cur: PLine | None = prev
    for _ in range(50):
        if cur is None:
            break
        part = re.search(r"[!-~]*$", cur.text).group()
        tail = part + tail
        if len(part) < len(cur.text):
            break
        cur = doc.prev.get(id(cur))
    head = re.match(r"[!-~]*", ln.text).group()
    word = tail + head
    return bool(re.search(r"(https?://|ftp://|www\.|mailto:)", word) or re.fullmatch(
        r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+[.,;:!?)\]]*", word))


def _in_long_run(before: str, after: str) -> bool:
    """Whether a line starting ``after`` (after ``before``) starts inside a run of three or
    more cl-03/10/11 characters."""
    if not after or after[0] not in RUN_RELAXED:
        return False
    n = len(after) - len(after.lstrip("".join(RUN_RELAXED)))
    return n + len(before) - len(before.rstrip("".join(RUN_RELAXED))) >= 3


def check_kinsoku(doc: Doc) -> Result:
    """No line starts with cl-02..07/09..11 and no line ends with cl-01 (strict level), but
    for a line starting inside a run of three or more cl-03/10/11 characters.

    Only lines inside a paragraph count: a paragraph's first line may start with anything
    and its last line may end with anything."""
    r = Result("line-start/line-end prohibitions")
    for ln in doc.lines:
        prev = doc.prev.get(id(ln))
        if prev is not None:
            r.checked += 1
            first = ln.text[0]
            if first in START_FORBIDDEN and not (
                first in URL_BREAK_BEFORE and _url_context(doc, prev, ln)
            ) and not _in_long_run(prev.text, ln.text):
                r.fail(ln, f"line starts with {first!r}")
        if ln.next is not None:
            r.checked += 1
            last = ln.text[-1]
            if last in END_FORBIDDEN:
                r.fail(ln, f"line ends with {last!r}")
    return r


def check_split_words(doc: Doc) -> Result:
    """No word or number broken across lines (a break at a space is fine; so is a URL broken
    at one of its legal points, which never falls between two letters or digits)."""
    r = Result("split words and numbers")
    src = "\n".join(doc.sources)
    for ln in doc.lines:
        nxt = ln.next
        if nxt is None:
            continue
        a, b = ln.text[-1], nxt.text[0]
        if not (is_latin_alnum(a) and is_latin_alnum(b)):
            continue
        r.checked += 1
        tail = re.search(r"[A-Za-z0-9]+$", ln.text).group()
        head = re.match(r"[A-Za-z0-9]+", nxt.text).group()
        if re.search(re.escape(tail) + r"[ \t\u00a0]+" + re.escape(head), src):
            continue  # broken at a word space
        r.fail(ln, f"{tail}|{head} split (next line {nxt.text[:12]!r})")
    return r


def check_flush(doc: Doc) -> Result:
    """Lines that are not paragraph-final start at the column's left edge (or the first-line
    indent) and end at its right edge, within 0.1 pt."""
    r = Result("non-final lines flush")
    em = doc.style.size
    for ln in doc.lines:
        col = ln.column
        first = doc.prev.get(id(ln)) is None
        g0, g1 = ln.glyphs[0], ln.glyphs[-1]
        number = _number_marker(ln)
        if first:
            # the first line of a paragraph: at the edge, at the indent, or a list marker
            lefts = [L + d for L in col.lefts for d in (0.0, doc.style.indent)]
            if g0.ch in "・•":
                lefts += [L + k * em - (g0.adv / 4 if full_width(g0) else 0)
                          for L in col.lefts for k in range(4)]
            if number:  # "1." set flush right before the item's text, which starts on
                # a half em of the hang (at least the bullet's one em)
                g0 = ln.glyphs[number]
                lefts = [L + k * em / 2 for L in col.lefts for k in range(2, 9)]
        else:
            lefts = list(col.lefts)
            head = _paragraph_head(doc, ln)
            if head is not None and head.glyphs[0].ch in "・•" and len(head.glyphs) > 1:
                lefts.append(head.glyphs[1].x)  # list item: lines align with its text
            elif head is not None and (n := _number_marker(head)):
                lefts.append(head.glyphs[n].x)  # numbered item: lines align with its text
        if ln.final:
            r.checked += 1
            left = model_left(g0) if not first or g0.ch not in "・•" else g0.x
            if not any(abs(left - L) <= LINE_TOL for L in lefts):
                r.fail(ln, f"last line starts at {left:.2f}, not at the column edge")
            continue
        r.checked += 1
        left = model_left(g0) if not (first and g0.ch in "・•") else g0.x
        if not any(abs(left - L) <= LINE_TOL for L in lefts):
            r.fail(ln, f"starts at {left:.2f}, column edges {[round(v, 2) for v in lefts]}")
        rights = right_candidates(g1)
        if not any(abs(x - R) <= LINE_TOL for x in rights for R in col.rights):
            r.fail(ln, f"ends at {max(rights):.2f}, column right edge "
                       f"{[round(v, 2) for v in col.rights]}")
    return r


def _number_marker(ln: PLine) -> int:
    """The number of glyphs of a numbered list item's marker (``12.``) opening ``ln``;
    0 when it opens with none."""
    m = re.match(r"\d{1,9}[.)]", "".join(g.ch for g in ln.glyphs[:11]))
    return m.end() if m and len(ln.glyphs) > m.end() else 0


def _paragraph_head(doc: Doc, ln: PLine) -> PLine | None:
    seen = 0
    cur = ln
    while seen < 10_000:
        p = doc.prev.get(id(cur))
        if p is None:
            return cur
        cur = p
        seen += 1
    return None


def _pairs(ln: PLine):
    gs = ln.glyphs
    for i in range(len(gs) - 1):
        yield gs[i], gs[i + 1]


def check_jl_space(doc: Doc) -> Result:
    """Japanese–Latin space: exactly jl_space em (± 0.05 em) on lines not adjusted by
    justification (lines that end short of the measure: paragraph-final lines, or any line
    of a paragraph not set justified); on every line at least the ⅛ em JLREQ allows after
    reduction."""
    r = Result("Japanese-Latin space")
    jl = doc.style.jl_space
    for ln in doc.lines:
        natural = all(
            x < R - LINE_TOL for x in right_candidates(ln.glyphs[-1]) for R in ln.column.rights
        )
        for a, b in _pairs(ln):
            if not ((is_japanese(a.ch) and is_latin_alnum(b.ch))
                    or (is_latin_alnum(a.ch) and is_japanese(b.ch))):
                continue
            em = b.size if is_japanese(b.ch) else a.size
            gap = (b.x - a.right) / em
            r.checked += 1
            if natural and abs(gap - jl) > 0.05:
                r.fail(ln, f"{a.ch}{b.ch} gap {gap:.3f} em on an unjustified line, "
                           f"template jl_space {jl}")
            elif gap < 0.125 - 0.05:
                r.fail(ln, f"{a.ch}{b.ch} gap {gap:.3f} em (less than ⅛ em)")
    return r


def _line_stretch(ln: PLine) -> float:
    """The largest extra space between two kana/kanji on the line (justification stretch)."""
    best = 0.0
    for a, b in _pairs(ln):
        if is_japanese(a.ch) and is_japanese(b.ch):
            best = max(best, b.x - a.right)
    return best


def check_compressed_pairs(doc: Doc) -> Result:
    """。」 」「 、「 ）（ are set with ½ em between the two pen positions (plus at most the
    line's justification stretch), i.e. the punctuation is not set full width."""
    r = Result("compressed punctuation pairs")
    for ln in doc.lines:
        stretch = None
        for a, b in _pairs(ln):
            if a.ch + b.ch not in PAIRS:
                continue
            if stretch is None:
                stretch = _line_stretch(ln)
            r.checked += 1
            em = a.size
            adv = b.x - a.x
            if adv > 0.5 * em + stretch + 0.01:
                r.fail(ln, f"{a.ch}{b.ch} advances {adv / em:.3f} em "
                           f"(stretch on the line {stretch / em:.3f} em)")
    return r


def _phase(y: float, ref: float, pitch: float) -> float:
    d = (ref - y) % pitch
    return min(d, pitch - d)


def check_columns_grid(doc: Doc) -> Result:
    """Neighbouring columns share one grid: every body baseline with a body baseline in the
    neighbouring column less than a pitch away is a whole number of pitches from it."""
    r = Result("neighbouring columns on one grid")
    pitch = doc.style.pitch
    by_col: dict[tuple[int, int], list[float]] = {}
    for ln in doc.lines:
        by_col.setdefault((ln.page, ln.col_index), []).append(ln.y)
    for ln in doc.lines:
        other = by_col.get((ln.page, ln.col_index + 1), [])
        near = [y for y in other if abs(y - ln.y) < pitch - Y_TOL]
        for y in near:
            r.checked += 1
            if _phase(y, ln.y, pitch) > Y_TOL:
                r.fail(ln, f"baseline {ln.y:.2f} vs {y:.2f} in the next column")
    return r


def check_page_grid(doc: Doc) -> Result:
    """Body baselines lie on the template's text grid (first baseline ``grid_top``)."""
    r = Result("baselines on the page grid")
    ref = doc.style.grid_top
    pitch = doc.style.pitch
    for ln in doc.lines:
        r.checked += 1
        off = _phase(ln.y, ref, pitch)
        if off > Y_TOL:
            r.fail(ln, f"baseline {off:.2f} pt off the grid")
    return r


def check_inside_columns(doc: Doc) -> Result:
    r = Result("body text inside the columns")
    r.checked = len(doc.lines) + len(doc.outside)
    for ln in doc.outside:
        r.fail(ln, "body line outside every column")
    return r


ALL_CHECKS = (check_kinsoku, check_split_words, check_flush, check_jl_space,
              check_compressed_pairs, check_columns_grid, check_page_grid, check_inside_columns)


def text_of(obj) -> list[str]:
    """Paragraph texts of a model object (anything with ``blocks`` of inline runs), walked
    recursively through dataclass fields, lists and tuples."""
    out: list[str] = []
    seen: set[int] = set()

    def walk(o, depth=0):
        if depth > 12 or id(o) in seen:
            return
        seen.add(id(o))
        if isinstance(o, str):
            out.append(unicodedata.normalize("NFC", o))
            return
        if isinstance(o, list | tuple):
            for v in o:
                walk(v, depth + 1)
            return
        if isinstance(o, dict):
            for v in o.values():
                walk(v, depth + 1)
            return
        if hasattr(o, "inlines"):  # a line break ends a line as a paragraph's end does
            number = getattr(o, "number", None)  # a list item is printed after its mark
            marker = (f"{number}." if number is not None
                      else "・" if hasattr(o, "level") else "")
            out.extend((marker + "".join(i.text for i in o.inlines)).split("\n"))
            return
        fields = getattr(o, "__dataclass_fields__", None)
        if fields:
            for name in fields:
                walk(getattr(o, name, None), depth + 1)

    walk(obj)
    return out
