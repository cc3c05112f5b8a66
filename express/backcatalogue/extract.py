"""What PDFium reads from a back issue's PDF: each page's text layer and the outline.

A page whose text layer is empty is a picture of a page (a scan): it is handed to OCR,
keyed by what it shows (``page_key``), so the same page in a re-saved or re-ordered PDF is
never recognised twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from express.pdfpages import PDFIUM

MAX_OUTLINE = 300  # bookmarks read at most (a broken outline can loop or be huge)
KEY_SCALE = 100 / 72  # the page picture a scanned page is keyed on: 100 dpi, grey


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int  # 1-based


@dataclass
class Layer:
    """The text layer of every page (raw, as PDFium gives it) and the outline."""

    pages: list[str]
    outline: list[OutlineEntry]


def read_layer(pdf: Path) -> Layer:
    """Every page's text and the top level of the outline (the level below when the top
    holds only the document's title)."""
    import pypdfium2 as pdfium

    with PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            texts = []
            for i in range(len(doc)):
                page = doc[i]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            marks = []
            for n, mark in enumerate(doc.get_toc(max_depth=2)):
                if n >= MAX_OUTLINE:
                    break
                dest = mark.get_dest()
                index = dest.get_index() if dest is not None else None
                if index is not None and mark.get_title().strip():
                    marks.append((mark.level, mark.get_title().strip(), index + 1))
        finally:
            doc.close()
    top = [m for m in marks if m[0] == 0]
    if len(top) < 2:
        top = [m for m in marks if m[0] == 1] or top
    return Layer(texts, [OutlineEntry(title, page) for _level, title, page in top])


def page_layer(pdf: Path, index: int) -> str:
    """The text layer of page ``index`` alone (a cover, for ``express import``)."""
    import pypdfium2 as pdfium

    with PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            page = doc[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
        finally:
            doc.close()
    return text


def page_key(pdf: Path, index: int) -> str:
    """A digest of what page ``index`` shows (its picture at 100 dpi, grey, and size)."""
    import pypdfium2 as pdfium

    with PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            page = doc[index]
            bitmap = page.render(scale=KEY_SCALE, grayscale=True)
            h = hashlib.sha256(f"{bitmap.width}x{bitmap.height}\n".encode())
            h.update(bytes(bitmap.buffer))
            bitmap.close()
            page.close()
        finally:
            doc.close()
    return h.hexdigest()
