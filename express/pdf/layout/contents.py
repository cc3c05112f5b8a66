"""The contents (目次): entries with their kind label, title and page number.

The page numbers are known only once every page is drawn, so each is a form XObject
filled in when the document is saved (``define_page_forms``): one layout pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from express.model.source import Pos
from express.pdf.document.book import Book
from express.pdf.layout.blocks import Block, Para, snap
from express.pdf.layout.parts import Parts
from express.pdf.paint.text import ASCENT


@dataclass
class Entry:
    key: str
    label: str
    title: str
    colour: str
    source: Pos | None


class Contents(Block):
    """目次: kind label, title, page number (a form filled in when the issue is saved);
    each entry links to its article."""

    def __init__(self, p: Parts, entries: list[Entry], paras: list[Para] | None = None,
                 label_w: float | None = None) -> None:
        super().__init__()
        self.p = p
        self.entries = entries
        t = p.t
        c = t.contents
        if label_w is None:  # the template's column, widened to the longest label used
            labels = (p.kit.line(e.label, "contents_kind") for e in entries)
            widest = max((line.width for line in labels if line), default=0.0)
            label_w = max(t.grid.width * c["label_column"],
                          c["label_indent"] + widest + c["label_gap"])
        self.label_w = label_w  # the parts of a split list keep it: titles line up
        self.page_w = c["page_width"]
        # the parts of a split list keep their entries' paragraphs (and what they composed)
        self.paras = paras if paras is not None else [
            Para(p.kit, p.kit.spans(e.title, "contents_entry"), p.ink,
                 t.style("contents_entry").leading,
                 settings=p.kit.settings("left", 0.0, True), source=e.source)
            for e in entries]

    def _measure(self, aw: float) -> float:
        """The titles' width: what the label column and the page number's column leave."""
        return aw - self.label_w - self.page_w - self.p.t.contents["page_gap"]

    def _space(self) -> float:
        """Added to each entry's height, half above its title and half below."""
        return self.p.t.contents["entry_space_lines"] * self.p.pitch

    def _rows(self, aw: float) -> list[float]:
        w, space, pitch = self._measure(aw), self._space(), self.p.pitch
        return [snap(para.wrap(w, 1e6)[1] + space, pitch) for para in self.paras]

    def wrap(self, aw, ah):
        self.width = aw
        self.height = sum(self._rows(aw))
        return aw, self.height

    def split(self, aw, ah):
        rows = self._rows(aw)
        k, used = 0, 0.0
        for h in rows:
            if used + h > ah + 0.01:
                break
            used += h
            k += 1
        if k == 0:
            return []
        if k == len(rows):
            return [self]
        return [Contents(self.p, self.entries[:k], self.paras[:k], self.label_w),
                Contents(self.p, self.entries[k:], self.paras[k:], self.label_w)]

    def draw(self):
        c = self.canv
        p, t = self.p, self.p.t
        kit = p.kit
        y = self.height
        lead = t.style("contents_entry").leading
        ct = t.contents
        inset = ct["bar_inset"]
        for entry, para, h in zip(self.entries, self.paras, self._rows(self.width),
                                  strict=True):
            top = y - self._space() / 2
            label = kit.line(entry.label, "contents_kind")
            if label:
                ks = t.style("contents_kind")
                c.setFillColor(entry.colour)
                c.rect(0, top - lead + inset, ct["bar_width"], lead - 2 * inset, stroke=0,
                       fill=1)
                es = t.style("contents_entry").size
                base = top - (lead - es) / 2 - ASCENT * es
                # the smaller label sits a little above the title's baseline (optically
                # centred on the title's line)
                kit.painter.draw_line(c, label, ct["label_indent"], base + (es - ks.size) * 0.1,
                              entry.colour)
            para.wrap(self._measure(self.width), 1e6)
            para.drawOn(c, self.label_w, top - para.height)
            ps = t.style("contents_page")
            base = top - (lead - ps.size) / 2 - ASCENT * ps.size
            c.saveState()
            c.translate(self.width, base)
            c.doForm(page_form(entry.key))
            c.restoreState()
            y -= h
            c.setStrokeColor(t.colours["rule"])
            c.setLineWidth(t.rules["thin"])
            c.setDash([ct["rule_dash"], ct["rule_gap"]])
            c.line(0, y, self.width, y)
            c.setDash()
            c.linkRect("", entry.key, (0, y, self.width, y + h), relative=1, thickness=0)


def page_form(key: str) -> str:
    return "pageno-" + "".join(ch if ch.isalnum() else "-" for ch in key)


def define_page_forms(p: Parts, book: Book, canv: Canvas) -> None:
    """Draw each contents entry's page number (known only now) into its form."""
    t, kit = p.t, p.kit
    for mark in book.marks.values():
        canv.beginForm(page_form(mark.key), lowerx=-200, lowery=-20, upperx=20, uppery=40)
        line = kit.line(str(mark.page if mark.page is not None else ""), "contents_page")
        if line:
            kit.painter.draw_line(canv, line, -line.width, 0, t.colours["accent"])
        canv.endForm()
