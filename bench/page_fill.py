"""How full each page of a built PDF is, read from the PDF (``make bench`` prints it).

A page's fill is the share of its text block taken down to its lowest line or picture,
measured as a reader (and the page plan's warnings) measure emptiness at the foot: from the
text block's first baseline to the folio's baseline.  On the last page the colophon, which
stands at the foot, is left out: the fill there is what the issue's text takes.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

ASCENT = 0.88  # express.pdf.paint.text.ASCENT: where a baseline sits in its line


def page_fills(pdf: Path, template: Path, colophon_title: str) -> list[float]:
    """The fill of every page after the cover, in page order."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from express.pdf.template import read_template

    t = read_template(template)
    body, pitch, folio = t.grid.body, t.grid.line_pitch, t.folio["bottom"]
    first = t.bottom + t.grid.height - ((pitch - body.size) / 2 + ASCENT * body.size)
    doc = pdfium.PdfDocument(str(pdf))
    out = []
    try:
        for i in range(1, len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            ox, oy = ctypes.c_double(), ctypes.c_double()
            chars = []  # (character, baseline) in the text block, spaces left out
            for k in range(tp.count_chars()):
                ch = tp.get_text_range(k, 1)
                if ch and not ch.isspace():
                    raw.FPDFText_GetCharOrigin(tp.raw, k, ox, oy)
                    if t.bottom - 2 < oy.value < t.bottom + t.grid.height + 2:
                        chars.append((ch, oy.value))
            lows = [y for _, y in chars]
            lows += [o.get_bounds()[1] for o in page.get_objects(
                filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3) if o.get_bounds()[1] > t.bottom - 2]
            text = "".join(ch for ch, _ in chars)
            if i == len(doc) - 1 and colophon_title in text:
                title = chars[text.rindex(colophon_title)][1]
                # the colophon's rule stands a line above its title
                lows = [y for y in lows if y > title + 1.5 * pitch] or [first]
            low = min(lows) if lows else first
            out.append(1 - max(0.0, low - folio) / (first - folio))
    finally:
        doc.close()
    return out


def fill_line(issue_id: str, fills: list[float]) -> str:
    """``2020-winter  6 pages  p2 91%  p3 93% …  p6 33% (last)``: folios as printed (the
    cover is page 1, a self-cover booklet)."""
    cells = [f"p{n} {f:4.0%}" for n, f in enumerate(fills, start=2)]
    if cells:
        cells[-1] += " (last)"
    return f"{issue_id:18} {len(fills) + 1:2d} pages  " + "  ".join(cells)
