"""The document: page templates (cover, body pages) and what an overflow reports.

The cover page is painted by its template's ``onPage``; body pages get their furniture
(express/pdf/document/furniture.py) once their content is drawn.  Bookmarks are recorded
as the blocks that open articles are drawn (document/book.py); the contents page prints
page numbers through form XObjects defined when the document is saved, so the issue is
laid out in one pass.
"""

from __future__ import annotations

import re

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from express.model.source import Pos
from express.pdf.document import numbering
from express.pdf.document.book import Book
from express.pdf.document.furniture import paint_furniture
from express.pdf.layout.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate
from express.pdf.layout.text import TextKit
from express.pdf.paint.marks import artifact
from express.pdf.template import Template

# Streams are Flate-compressed binary: no ASCII85 layer (smaller, and much faster to write).
rl_config.useA85 = 0


class Overflow(Exception):
    def __init__(self, source: Pos | None, detail: str) -> None:
        super().__init__(detail)
        self.source, self.detail = source, detail


class MagazineDoc(BaseDocTemplate):
    def __init__(self, buf, t: Template, kit: TextKit, book: Book, *, publication: str,
                 running: str, paint_cover, on_page=None, **meta) -> None:
        super().__init__(buf, pagesize=(t.page_width, t.page_height), invariant=1,
                         leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0,
                         displayDocTitle=True, lang="ja", pageCompression=1,
                         initialFontName=kit.fonts.name(t.grid.body.font),
                         initialFontSize=t.grid.body.size, **meta)
        self.t, self.kit, self.book = t, kit, book
        self.publication = publication
        self.running = running
        self.paint_cover = paint_cover
        self.on_page = on_page  # called with each page's number once it is laid out
        cover = Frame(0, 0, t.page_width, t.page_height, 0, 0, 0, 0, id="cover")
        body = Frame(t.left, t.bottom, t.grid.width, t.grid.height, 0, 0, 0, 0, id="body")
        self.addPageTemplates([
            PageTemplate(id="cover", frames=[cover], onPage=self._cover_page),
            PageTemplate(id="body", frames=[body], onPageEnd=self._body_page),
        ])

    # ------------------------------------------------------------------ overflow
    def handle_flowable(self, flowables):
        f = flowables[0] if flowables else None
        frame = getattr(self, "frame", None)
        if (getattr(f, "discardable", False) and frame is not None
                and getattr(frame, "_atTop", 0)):
            del flowables[0]  # space between blocks is dropped at the top of a page
            return
        try:
            return super().handle_flowable(flowables)
        except LayoutError as exc:
            src = getattr(f, "stuck_source", None) or getattr(f, "source", None)
            # ReportLab's message names the flowable by its memory address and repr: editors
            # get the page instead (and the diagnostic is the same from one run to the next)
            page = re.search(r"on page (\d+)", str(exc))
            where = f"p. {numbering.folio(int(page[1]) - 1)}" if page else ""
            raise Overflow(src, where) from None

    def afterPage(self) -> None:
        if self.on_page is not None:
            self.on_page(self.page)

    def _cover_page(self, canv: Canvas, doc) -> None:
        self.paint_cover(canv)

    def _body_page(self, canv: Canvas, doc) -> None:
        with artifact(canv, "Pagination"):  # never read as text (the tag tree)
            paint_furniture(canv, self.t, self.kit, self.book, running=self.running,
                            publication=self.publication)
