"""Glyph positions read back from a built PDF with pypdfium2, grouped into lines and columns.

Nothing here knows about the composer: every glyph comes from the PDF's text layer (origin =
pen position on the baseline, font size, font name, loose box = the advance box), and the
column geometry comes from the layout template (or, for the probe PDF, from its generator).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: body-line baselines are compared with this tolerance (pt)
Y_TOL = 0.02


@dataclass(frozen=True)
class Glyph:
    ch: str
    x: float  # origin (pen position) on the baseline
    y: float  # baseline
    size: float  # font size in pt
    font: str  # base font name without subset prefix
    right: float  # right edge of the advance box (loose box)

    @property
    def adv(self) -> float:
        return self.right - self.x


@dataclass
class Column:
    """A column slot on the page: the left and right edges its lines may be flush with.

    A slot has several edges when sections of different geometry share it (the 2-column body
    and the boxed 2-column member profile share the inner edges but not the outer ones).
    """

    lefts: tuple[float, ...]
    rights: tuple[float, ...]
    name: str = ""

    @property
    def left(self) -> float:
        return min(self.lefts)

    @property
    def right(self) -> float:
        return max(self.rights)


@dataclass
class PLine:
    """A line of glyphs read from the PDF (one baseline inside one column)."""

    page: int
    y: float
    glyphs: list[Glyph]
    column: Column | None = None
    col_index: int = -1
    final: bool | None = None  # paragraph-final (set by the checks' reading-order pass)
    next: PLine | None = field(default=None, repr=False)  # next line of the same paragraph

    @property
    def text(self) -> str:
        return "".join(g.ch for g in self.glyphs)

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)

    def __repr__(self) -> str:
        return f"PLine(p{self.page + 1} y={self.y:.2f} {self.text!r})"


def _font_name(tp, i: int, buf) -> str:
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(tp.raw, i, buf, len(buf), flags)
    name = buf.value.decode("latin-1", "replace")
    if len(name) > 7 and name[6] == "+":
        name = name[7:]
    return name


def read_glyphs(path: Path | str) -> list[list[Glyph]]:
    """Every drawn glyph of every page (characters pdfium generates itself are left out)."""
    doc = pdfium.PdfDocument(str(path))
    pages: list[list[Glyph]] = []
    buf = ctypes.create_string_buffer(256)
    x = ctypes.c_double()
    y = ctypes.c_double()
    try:
        for pi in range(len(doc)):
            page = doc[pi]
            tp = page.get_textpage()
            out: list[Glyph] = []
            for i in range(tp.count_chars()):
                if pdfium_c.FPDFText_IsGenerated(tp.raw, i):
                    continue
                ch = tp.get_text_range(i, 1)
                if not ch or ch in "\r\n":
                    continue
                pdfium_c.FPDFText_GetCharOrigin(tp.raw, i, x, y)
                size = pdfium_c.FPDFText_GetFontSize(tp.raw, i)
                left, _bottom, right, _top = tp.get_charbox(i, loose=True)
                out.append(Glyph(ch, x.value, y.value, round(size, 3), _font_name(tp, i, buf),
                                 right if right > left else x.value))
            pages.append(out)
            tp.close()
            page.close()
    finally:
        doc.close()
    return pages


def group_lines(page: int, glyphs: Iterable[Glyph], columns: Sequence[Column]) -> list[PLine]:
    """Glyphs on one baseline, split by column (a glyph belongs to the column holding its
    origin, with a tolerance of ½ em to the left for a tentsuki opening bracket)."""
    rows: dict[float, list[Glyph]] = {}
    for g in glyphs:
        key = round(g.y / Y_TOL) * Y_TOL
        rows.setdefault(key, []).append(g)
    lines: list[PLine] = []
    for y, gs in rows.items():
        gs.sort(key=lambda g: g.x)
        by_col: dict[int, list[Glyph]] = {}
        for g in gs:
            for ci, col in enumerate(columns):
                if col.left - 0.55 * g.size - 0.01 <= g.x < col.right - 0.01:
                    by_col.setdefault(ci, []).append(g)
                    break
            else:
                by_col.setdefault(-1, []).append(g)
        for ci, cgs in by_col.items():
            ln = PLine(page, y, cgs, columns[ci] if ci >= 0 else None, ci)
            lines.append(ln)
    lines.sort(key=lambda ln: (ln.col_index, -ln.y))
    return lines
