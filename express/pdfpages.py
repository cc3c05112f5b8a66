"""A built PDF's pages as pictures, through PDFium (pypdfium2): for the site's cover
thumbnails and for ``express proof``.

PDFium allows one call at a time in a process, even on different documents, and the site's
pictures are made by several threads: every use goes through :data:`PDFIUM`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PIL import Image

PDFIUM = threading.Lock()

# (page index, printed folio from the PDF's page labels — 表紙, 1, 2 … —, the page as RGB)
PageHandler = Callable[[int, str, Image.Image], None]


def render(pdf: Path, scale: float | Callable[[float], float], each: PageHandler, *,
           pages: int | None = None) -> int:
    """Render the first ``pages`` pages (all by default) of ``pdf`` at ``scale`` pixels per
    point (or a function of the page's width in points), handing each to ``each`` in
    order; returns how many were rendered."""
    import pypdfium2 as pdfium

    with PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            count = len(doc) if pages is None else min(pages, len(doc))
            for i in range(count):
                page = doc[i]
                factor = scale(page.get_width()) if callable(scale) else scale
                bitmap = page.render(scale=factor)
                image = bitmap.to_pil().convert("RGB")  # a copy: the bitmap can go
                bitmap.close()  # inside the lock, not whenever the collector gets to it
                page.close()
                each(i, doc.get_page_label(i) or str(i + 1), image)
        finally:
            doc.close()
    return count


def page_count(pdf: Path) -> int:
    """How many pages ``pdf`` has."""
    import pypdfium2 as pdfium

    with PDFIUM:
        doc = pdfium.PdfDocument(str(pdf))
        try:
            return len(doc)
        finally:
            doc.close()


def version() -> str:
    """PDFium's build, part of the key of every picture made from a PDF."""
    import pypdfium2

    return str(pypdfium2.version.PYPDFIUM_INFO)
