"""The document: page templates (cover, body pages), page furniture, bookmarks and contents.

Page furniture (running head, folio ``12  JAIPA Express`` mirrored on left and right pages)
is drawn in the page template's ``onPage``.  Bookmarks are recorded as the flowables that
open articles are drawn; the contents page prints page numbers through form XObjects
defined when the document is saved, so the issue is laid out in one pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportlab import rl_config
from reportlab.lib.colors import toColor
from reportlab.pdfgen.canvas import Canvas

from express.model.source import Pos
from express.pdf.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate
from express.pdf.template import Template
from express.pdf.text import TextKit

# Streams are Flate-compressed binary: no ASCII85 layer (smaller, and much faster to write).
rl_config.useA85 = 0


class Overflow(Exception):
    def __init__(self, source: Pos | None, detail: str) -> None:
        super().__init__(detail)
        self.source, self.detail = source, detail


@dataclass
class Mark:
    key: str
    title: str
    label: str
    page: int | None = None  # 0-based physical page, once drawn


@dataclass
class Book:
    """Bookmarks and contents entries, in reading order; filled while pages are drawn."""

    marks: dict[str, Mark] = field(default_factory=dict)
    top_label: str = ""  # the kind going on at the top of the page being drawn
    starts: list[tuple[float, str]] = field(default_factory=list)  # (y, kind) on this page

    def add(self, key: str, title: str, label: str) -> Mark:
        mark = Mark(key, title, label)
        self.marks[key] = mark
        return mark

    def place(self, canv: Canvas, key: str, y: float) -> None:
        mark = self.marks[key]
        if mark.page is not None:
            return
        mark.page = canv.getPageNumber() - 1
        canv.bookmarkPage(key, fit="XYZ", top=y + 20, left=0)
        canv.addOutlineEntry(mark.title, key, level=0, closed=False)
        self.starts.append((y, mark.label))

    def page_label(self, top: float, bottom: float) -> str:
        """The running head's kind for the page being drawn (text block from ``top`` down to
        ``bottom``): the kind whose articles take the most of its height — not merely the
        last one begun, which may be a few lines at the foot — on a tie the one above."""
        height: dict[str, float] = {}
        y, label = top, self.top_label
        for start, next_label in sorted(self.starts, key=lambda s: -s[0]):
            height[label] = height.get(label, 0.0) + max(0.0, y - start)
            y, label = min(y, start), next_label
        height[label] = height.get(label, 0.0) + max(0.0, y - bottom)
        return max(height, key=lambda k: height[k])  # the first of equals: the one above

    def next_page(self) -> None:
        """The kind begun last goes on at the top of the next page."""
        if self.starts:
            self.top_label = self.starts[-1][1]
        self.starts = []


def folio_number(page_index: int) -> int:
    """The printed page number of physical page ``page_index`` (the cover is unnumbered)."""
    return page_index


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
            where = f"p. {folio_number(int(page[1]) - 1)}" if page else ""
            raise Overflow(src, where) from None

    def afterPage(self) -> None:
        if self.on_page is not None:
            self.on_page(self.page)

    # ------------------------------------------------------------------ furniture
    def _cover_page(self, canv: Canvas, doc) -> None:
        self.paint_cover(canv)

    def _fitted(self, text: str, width: float):
        """``text`` on one running-head line no wider than ``width``: cut, ending in …"""
        kit = self.kit
        line = kit.line(text, "running_head")
        if line is None or line.width <= width + 0.01:
            return line
        lo, hi = 0, len(text)
        while lo < hi:  # the longest start of the text that fits with the …
            mid = (lo + hi + 1) // 2
            cut = kit.line(text[:mid].rstrip() + "…", "running_head")
            if cut is not None and cut.width <= width + 0.01:
                lo = mid
            else:
                hi = mid - 1
        return kit.line(text[:lo].rstrip() + "…", "running_head")

    def _body_page(self, canv: Canvas, doc) -> None:
        t, kit = self.t, self.kit
        index = canv.getPageNumber() - 1
        number = folio_number(index)
        recto = number % 2 == 1  # odd pages are right-hand pages (left-bound magazine)
        colours = t.colours
        canv.saveState()
        # running head: a hairline over the text block, the issue on the outer side
        head = t.running_head
        y_rule = t.page_height - head["top"]
        canv.setStrokeColor(colours["accent"])
        canv.setLineWidth(head["rule"])
        canv.line(t.left, y_rule - head["rule_drop"], t.left + t.grid.width,
                  y_rule - head["rule_drop"])
        # the section label (inner side) first; the issue (outer side) gets the rest of the
        # measure, shortened with … if a long publication name would run into the label
        label = self._fitted(self.book.page_label(t.page_height - t.top, t.bottom),
                             t.grid.width / 2)
        self.book.next_page()
        room = t.grid.width - (label.width + t.style("running_head").size * head["gap_em"]
                               if label else 0)
        for line, outer in ((self._fitted(self.running, room), True), (label, False)):
            if line is None:
                continue
            right = recto == outer
            x = t.left + t.grid.width - line.width if right else t.left
            kit.draw_line(canv, line, x, y_rule, colours["muted"])
        # folio: the number on the outer edge, the publication name inside it
        num = kit.line(str(number), "folio")
        name = kit.line(self.publication, "folio_name")
        y = t.folio["bottom"]
        gap = t.folio["gap"]
        # the bar between them: centred in the gap, as tall as the number's size
        bar, bar_y = t.folio["bar_width"], y - t.folio["bar_drop"]
        if num is not None and name is not None:
            if recto:
                xn = t.left + t.grid.width - num.width
                kit.draw_line(canv, num, xn, y, colours["accent"])
                kit.draw_line(canv, name, xn - gap - name.width, y, colours["muted"])
                canv.setFillColor(colours["accent"])
                canv.rect(xn - gap / 2 - bar / 2, bar_y, bar, t.style("folio").size, 0, 1)
            else:
                kit.draw_line(canv, num, t.left, y, colours["accent"])
                kit.draw_line(canv, name, t.left + num.width + gap, y, colours["muted"])
                canv.setFillColor(colours["accent"])
                canv.rect(t.left + num.width + gap / 2 - bar / 2, bar_y, bar,
                          t.style("folio").size, 0, 1)
        canv.restoreState()



_colours: dict[str, object] = {}


def _parsed(value):
    """``value`` as ReportLab's ``toColor`` makes it, parsed once per string."""
    if not isinstance(value, str):
        return value
    c = _colours.get(value)
    if c is None:
        c = _colours[value] = toColor(value)
    return c


def make_canvas_class(before_save):
    """A Canvas that runs ``before_save(canvas)`` (defining the contents' forms) on save."""

    class MagazineCanvas(Canvas):
        def save(self):
            before_save(self)
            super().save()

        # Colours come as "#rrggbb" strings; ReportLab parses one on every call (~0.1 ms).
        def setFillColor(self, aColor, alpha=None):
            super().setFillColor(_parsed(aColor), alpha)

        def setStrokeColor(self, aColor, alpha=None):
            super().setStrokeColor(_parsed(aColor), alpha)

    return MagazineCanvas
