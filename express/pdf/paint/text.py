"""Composed lines onto the canvas: text objects, fonts, colours, ruby and links.

What the layout composed (``express.jtext.Line``) is painted here and only here: the text
operators are written directly (see :meth:`TextPainter._text_out`), several blocks may
share one text object (:func:`one_text_object`), and a link's annotation is added where
its run is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import ShapedStr

from express.jtext import Line, Style
from express.pdf.paint.fonts import FontSet
from express.pdf.paint.marks import Annot, Node, TextMarks, marks_of, text_marks
from express.pdf.paint.subset_codes import SubsetCodes

_fill_ops: dict[str, str] = {}


def _fill(tx, value) -> None:
    """``tx.setFillColor(value)`` for an opaque ``#rrggbb`` (or a ReportLab colour): the
    same operator, without ReportLab's per-call type dispatch and alpha bookkeeping."""
    if not isinstance(value, str) or tx._enforceColorSpace:
        tx.setFillColor(colour(value) if isinstance(value, str) else value)
        return
    op = _fill_ops.get(value)
    if op is None:
        c = colour(value)
        op = _fill_ops[value] = f"{fp_str(c.red, c.green, c.blue)} rg"
    tx._code.append(op)
    tx._fillColorObj = colour(value)


_colours: dict[str, object] = {}


def colour(value: str):
    """A ReportLab colour for ``#rrggbb`` (parsed once)."""
    c = _colours.get(value)
    if c is None:
        c = _colours[value] = HexColor(value)
    return c


# The em box of the CJK fonts we use sits 0.88 em above and 0.12 em below the baseline.
ASCENT = 0.88


def most_used_size(pieces: Iterable[tuple[Style, str]]) -> float | None:
    """The text size most characters of ``pieces`` are set in (the largest of those on a
    tie): it places a paragraph's lines in their line boxes, so all its baselines sit one
    leading apart, on the grid.  None for no text."""
    count: dict[float, int] = {}
    for style, text in pieces:
        size = style.size
        count[size] = count.get(size, 0) + len(text)
    if len(count) == 1:  # (most text is set in one size)
        return next(iter(count))
    return max(count, key=lambda sz: (count[sz], sz)) if count else None


def base_size(lines: Iterable[Line]) -> float:
    """:func:`most_used_size` of composed ``lines``."""
    lines = list(lines)
    size = most_used_size((run.style, run.text) for line in lines for run in line.runs)
    return size if size is not None else max((ln.max_size for ln in lines), default=0.0)


class TextPainter:
    """Draws composed lines for one render (holds the fonts and the per-document codes)."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self._codes: dict[str, SubsetCodes | None] = {}  # per ReportLab font name

    def _codes_in(self, name: str, canv) -> SubsetCodes | None:
        """The codes of font ``name`` in ``canv``'s document; None where ReportLab shows
        the text itself (not a subsetted TrueType font, or a top-down canvas)."""
        font = getFont(name)
        if not getattr(font, "_dynamicFont", False) or not canv.bottomup:
            self._codes.pop(name, None)
            return None
        codes = self._codes[name] = SubsetCodes(font, canv._doc)
        return codes

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
        shared = canv.__dict__.get(_SHARED)
        tx, links = shared or (canv.beginText(), [])
        _fill(tx, colour)
        placed = []
        drop = (pitch - size) / 2 + ASCENT * size
        marks = text_marks(canv)
        for i, line in enumerate(lines):
            base = top - i * pitch - drop
            lx = x + (dx[i] if i < len(dx) else 0.0)
            self._line_into(tx, line, lx, base, colour, link_colour, links, rubies=False,
                            marks=marks, number=i)
            placed.append((line, lx, base))
        # rubies after the whole paragraph, so copied text is not interleaved with readings
        for line, lx, base in placed:
            self._rubies_into(tx, line, lx, base, marks)
        if marks is not None:
            marks.close(tx._code)
        if not shared:
            _end_text(canv, tx)
            for url, rect, node in links:
                add_link(canv, url, rect, node)

    def draw_line(self, canv, line: Line, x: float, baseline: float, colour: str,
                  link_colour: str | None = None, stroke: float = 0.0) -> None:
        """Draw ``line`` on ``baseline``; ``stroke``: its glyphs also outlined in their
        colour, this wide (pt), for a heavier weight (a logotype; the caller keeps the
        line width and stroke colour it sets inside a saveState)."""
        shared = canv.__dict__.get(_SHARED)
        tx, links = shared or (canv.beginText(), [])
        _fill(tx, colour)
        if stroke:
            tx.setStrokeColor(HexColor(colour))
            tx._code.append(f"{fp_str(stroke)} w 2 Tr")
        marks = text_marks(canv)
        self._line_into(tx, line, x, baseline, colour, link_colour, links, marks=marks)
        if stroke:
            tx._code.append("0 Tr")
        if marks is not None:
            marks.close(tx._code)
        if not shared:
            _end_text(canv, tx)
            for url, rect, node in links:
                add_link(canv, url, rect, node)

    def _line_into(self, tx, line: Line, x: float, base: float, colour: str,
                   link_colour: str | None, links: list, rubies: bool = True,
                   marks: TextMarks | None = None, number: int = 0) -> None:
        fonts = self.fonts
        current = colour
        node = None
        for run in line.runs:
            if not run.text:
                continue
            if marks is not None:
                node = marks.run(tx._code, run, number)
            want = (link_colour or colour) if run.link else colour
            if want != current:
                _fill(tx, want)
                current = want
            if run.actual:
                tx._code.append(_actual_text(run.actual))
            self._text_out(tx, run.style, run.char_space, x + run.x, base, run.text)
            if run.actual:
                tx._code.append("EMC")
            if run.link:
                n = len(run.text)
                w = (fonts.width(run.style.font, run.text, run.style.size)
                     + run.char_space * n)
                s = run.style.size
                rect = (x + run.x, base - 0.15 * s, x + run.x + w, base + ASCENT * s)
                last = links[-1] if links else None
                if (last is not None and last[0] == run.link and last[2] is node
                        and abs(last[1][2] - rect[0]) < 0.5 * s
                        and last[1][1] - 0.5 * s < rect[1] < last[1][3]):
                    # the same link going on in the line (another spacing, its address):
                    # one annotation over both
                    r = last[1]
                    links[-1] = (run.link, (r[0], min(r[1], rect[1]), rect[2],
                                            max(r[3], rect[3])), node)
                else:
                    links.append((run.link, rect, node))
        if current != colour:
            _fill(tx, colour)
        if rubies:
            self._rubies_into(tx, line, x, base, marks)

    def _rubies_into(self, tx, line: Line, x: float, base: float,
                     marks: TextMarks | None = None) -> None:
        for rb in line.rubies:
            if marks is not None:
                marks.reading(tx._code)
            size = line.max_size
            self._text_out(tx, rb.style, rb.char_space, x + rb.x,
                           base + ASCENT * size + 0.15 * rb.style.size, rb.text)

    def _text_out(self, tx, style: Style, char_space: float, x: float, y: float,
                  text: str) -> None:
        """``text`` in ``style`` at (x, y), each glyph ``char_space`` after the one before:
        the Latin of a role with a Latin face in that face (at its size, on its baseline),
        the rest in the role's own font, one after the other as the composer measured
        them (:meth:`FontSet.advance`)."""
        fonts = self.fonts
        role, size = style.font, style.size
        pieces = fonts.latin_pieces(role, text)
        if pieces is None:
            self._show(tx, fonts.name(role), size, char_space, x, y, text)
            return
        face = fonts.latin[role]
        latin = False
        shown = None  # the piece shown last: its width moves x on to the next one
        for piece in pieces:
            if piece:
                if shown is not None:
                    x += fonts.width(role, shown, size) + char_space * len(shown)
                if latin:
                    self._show(tx, fonts.name(face.font), size * face.size, char_space, x,
                               y + face.baseline * size, piece)
                else:
                    self._show(tx, fonts.name(role), size, char_space, x, y, piece)
                shown = piece
            latin = not latin

    def _show(self, tx, name: str, size: float, char_space: float, x: float, y: float,
              text: str) -> None:
        """``text`` in font ``name`` at (x, y): what ``tx.setFont(name, size)``,
        ``tx.setCharSpace(cs)``, ``tx.setTextOrigin(x, y)`` and ``tx.textOut(text)`` write,
        without their bookkeeping
        (one run of a line costs ReportLab ~40 µs, most of it measuring the string for a
        text cursor we never use) and without repeating a ``Tc`` or ``Tf`` the text object
        has already set: a justified page has thousands of runs, mostly in one font.

        Only for a subsetted TrueType font on a bottom-up canvas (ours); otherwise, or for
        text ReportLab would shape, those calls are made as they are."""
        canv = tx._canvas
        doc = canv._doc
        codes = self._codes.get(name)
        if codes is None or codes.doc is not doc:
            codes = self._codes_in(name, canv)
        if codes is None or isinstance(text, ShapedStr):
            tx.setFont(name, size)
            tx.setCharSpace(char_space)
            tx.setTextOrigin(x, y)
            tx.textOut(text)
            tx.__dict__[_STATE] = (char_space, None)  # ReportLab set its own Tf
            return
        code = tx._code
        state = tx.__dict__
        # every text object starts at Tc 0: each one of ours ends by setting it back to 0
        spacing, selected = state.get(_STATE, _FRESH)
        if char_space != spacing:
            code.append(f"{fp_str(char_space)} Tc")
        code.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        selects = codes.selects
        for subset, show in codes.shows(text):
            key = (name, subset, size)
            if key != selected:
                tf = selects.get(key)
                if tf is None:
                    tf = selects[key] = (f"{codes.font.getSubsetInternalName(subset, doc)} "
                                         f"{fp_str(size)} Tf")
                code.append(tf)
                selected = key
            code.append(show)
        state[_STATE] = (char_space, selected)
        # the text object's state as those calls leave it (the cursor only roughly: no one
        # reads it, every run sets its own origin)
        tx._fontname, tx._fontsize, tx._leading = name, size, size * 1.2
        tx._curSubset = selected[1] if selected else -1
        tx._charSpace = char_space
        tx._x0 = tx._x = x
        tx._y0 = tx._y = y


def _actual_text(text: str) -> str:
    """The marked-content operator that makes a copy of the glyphs up to the next ``EMC``
    give ``text`` (PDF 14.9.4: ActualText, a UTF-16BE text string)."""
    return f"/Span <</ActualText <FEFF{text.encode('utf-16-be').hex().upper()}>>> BDC"


class _URILink(PDFObject):
    """A link annotation as ``canv.linkURL(url, rect, thickness=0)`` makes it, formatted
    directly: ReportLab builds and formats about 25 PDF objects per link, and a providers
    table has hundreds of links."""

    struct_parent: int | None = None  # its key in the parent tree, once tagged

    def __init__(self, url: str, rect: tuple[float, float, float, float]) -> None:
        self.url, self.rect = url, rect

    def format(self, document) -> bytes:
        uri = PDFString(self.url).format(document)
        return (b"<<\n/A << /S /URI /Type /Action /URI " + uri + b" >> /Border [ 0 0 0 ] "
                b"/Contents " + uri + b" /Rect [ " + fp_str(*self.rect).encode() + b" ]"
                + _struct_parent(self) + b" /Subtype /Link /Type /Annot\n>>")


class _GoToLink(PDFObject):
    """A link to a bookmark (a contents entry to its article), described by ``contents``
    (what a screen reader says of it)."""

    struct_parent: int | None = None

    def __init__(self, dest, contents: str, rect: tuple[float, float, float, float]) -> None:
        self.dest, self.contents, self.rect = dest, contents, rect

    def format(self, document) -> bytes:
        return (b"<<\n/Border [ 0 0 0 ] /Contents " + PDFString(self.contents).format(document)
                + b" /Dest " + self.dest.format(document) + b" /Rect [ "
                + fp_str(*self.rect).encode() + b" ]" + _struct_parent(self)
                + b" /Subtype /Link /Type /Annot\n>>")


def _struct_parent(annot) -> bytes:
    key = annot.struct_parent
    return b"" if key is None else f" /StructParent {key}".encode()


def add_link(canv, url: str, rect: tuple[float, float, float, float],
             node: Node | None = None) -> None:
    """A clickable ``url`` over ``rect`` (in the current coordinates) on the current page;
    ``node``: the ``Link`` element of the tag tree it belongs to."""
    _annotate(canv, _URILink(url, canv._absRect(rect, 1)), node)


def add_goto(canv, key: str, rect: tuple[float, float, float, float], contents: str,
             node: Node | None = None) -> None:
    """A link over ``rect`` (current coordinates) to bookmark ``key``, described by
    ``contents``; ``node``: its ``Link`` element."""
    _annotate(canv, _GoToLink(canv._bookmarkReference(key), contents,
                              canv._absRect(rect, 1)), node)


def _annotate(canv, annot: PDFObject, node: Node | None) -> None:
    refs = canv._annotationrefs
    before = len(refs)
    canv._addAnnotation(annot)
    marks = marks_of(canv)
    if node is not None and marks is not None and len(refs) > before:  # (print: none)
        kid = Annot(refs[-1], canv._pageNumber - 1, annot)
        marks.place(node)
        node.kids.append(kid)
        marks.annots.append((kid, node))


# Tc and Tf as the current text object last set them (see TextKit._text_out); a new one's
_STATE = "_jx_state"
_FRESH = (0.0, None)
# The text object and links that draw_lines and draw_line add to (see one_text_object).
_SHARED = "_jx_shared_text"


@contextmanager
def one_text_object(canv) -> Iterator[None]:
    """Every line drawn inside goes into one text object, put on the page at the end with
    its links: a table draws a paragraph per cell, and a text object each costs ReportLab
    ~20 µs.  Graphics drawn inside (cell fills, rules) reach the page first, so the text
    lies above them.  Inside, text must be drawn by coordinates, never under a
    ``translate`` of its own (the shared text object is put down outside it)."""
    if _SHARED in canv.__dict__:  # already inside one
        yield
        return
    tx = canv.beginText()
    links: list[tuple[str, tuple[float, float, float, float], Node | None]] = []
    canv.__dict__[_SHARED] = (tx, links)
    try:
        yield
    finally:
        del canv.__dict__[_SHARED]
        canv._code.append("q")  # the colours the text sets end with it
        _end_text(canv, tx)
        canv._code.append("Q")
        for url, rect, node in links:
            add_link(canv, url, rect, node)


def shares_text_object(canv) -> bool:
    """Whether lines drawn on ``canv`` now go into a :func:`one_text_object`."""
    return _SHARED in canv.__dict__


def _end_text(canv, tx) -> None:
    """Close ``tx`` onto the canvas, leaving character spacing at 0 as ReportLab expects
    (Tc is graphics state: it outlives the text object)."""
    spacing, _selected = tx.__dict__.get(_STATE, (0, None))
    if spacing:
        tx._code.append("0 Tc")
    canv.drawText(tx)
