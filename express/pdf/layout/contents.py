"""The contents (目次): runs of articles under their kind's label, titles and page numbers.

The page numbers are known only once every page is drawn, so each is a form XObject
filled in when the document is saved (``define_page_forms``): one layout pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from express.model.source import Pos
from express.pdf.document import numbering
from express.pdf.document.book import Book
from express.pdf.layout.blocks import Block, Para, snap
from express.pdf.layout.parts import Parts
from express.pdf.paint.marks import Node, content, element
from express.pdf.paint.text import ASCENT, add_goto


@dataclass
class Entry:
    key: str
    label: str
    title: str
    colour: str
    source: Pos | None


def groups(entries: Sequence[Entry]) -> list[list[int]]:
    """The entries' indices in runs of one kind: a run is one entry of the contents, its
    label shown once and its titles one under another (「部会・WG活動報告」 over eleven
    committees, not eleven times)."""
    out: list[list[int]] = []
    for i, e in enumerate(entries):
        if out and entries[out[-1][-1]].label == e.label:
            out[-1].append(i)
        else:
            out.append([i])
    return out


class Contents(Block):
    """目次: each run of one kind under its label, the titles one under another, each with
    its page number (a form filled in when the issue is saved) and a link to its article.
    An article titled as its kind (巻頭言, 行事一覧) is one title, set from the label's
    place, not 「巻頭言 … 巻頭言」.

    In the tag tree a ``TOC``: a ``TOCI`` per entry, a run's label its first entry's
    ``Lbl``, the title and page number a ``Link`` to the article (the parts of a split list
    are the same TOC)."""

    def __init__(self, p: Parts, entries: list[Entry], paras: list[Para] | None = None,
                 label_w: float | None = None, items: list[Node] | None = None) -> None:
        super().__init__()
        self.p = p
        self.entries = entries
        self.items = items if items is not None else [Node("TOC").child("TOCI")
                                                      for _ in entries]
        if items is None and self.items:  # one TOC for all the entries
            toc = self.items[0].parent
            for item in self.items[1:]:
                item.parent = toc
                toc.kids.append(item)
        self.groups = groups(entries)
        t = p.t
        c = t.contents
        if label_w is None:  # the template's column, widened to the longest label used
            labels = (p.kit.line(e.label, "contents_kind") for e in entries
                      if not self.spans(e))
            widest = max((line.width for line in labels if line), default=0.0)
            label_w = max(t.grid.width * c["label_column"],
                          c["label_indent"] + widest + c["label_gap"])
        self.label_w = label_w  # the parts of a split list keep it: titles line up
        self._at: dict[float, list[float]] = {}
        self.page_w = c["page_width"]
        # the parts of a split list keep their entries' paragraphs (and what they composed)
        self.paras = paras if paras is not None else [
            Para(p.kit, p.kit.spans(e.title, "contents_entry"), p.ink,
                 t.style("contents_entry").leading,
                 settings=p.kit.settings("left", 0.0, True), source=e.source)
            for e in entries]

    def spans(self, e: Entry) -> bool:
        """Whether entry ``e`` is set from the label's place (its title is its kind's)."""
        return e.title == e.label

    def _x(self, e: Entry) -> float:
        return self.p.t.contents["label_indent"] if self.spans(e) else self.label_w

    def _measure(self, aw: float, e: Entry) -> float:
        """A title's width: what its start and the page number's column leave."""
        return aw - self._x(e) - self.page_w - self.p.t.contents["page_gap"]

    def _space(self) -> float:
        """Added to each run's height, half above its first title and half below its last."""
        return self.p.t.contents["entry_space_lines"] * self.p.pitch

    def _heights(self, aw: float) -> list[float]:
        """Each title's height (measured once per width: the plan asks at every room)."""
        hs = self._at.get(aw)
        if hs is None:
            hs = self._at[aw] = [para.wrap(self._measure(aw, e), 1e6)[1]
                                 for e, para in zip(self.entries, self.paras, strict=True)]
        return hs

    def _rows(self, aw: float) -> list[float]:
        """Each run's height, in whole grid lines."""
        hs = self._heights(aw)
        return [snap(sum(hs[i] for i in g) + self._space(), self.p.pitch) for g in self.groups]

    def wrap(self, aw, ah):
        self.width = aw
        self.height = sum(self._rows(aw))
        return aw, self.height

    def slack(self) -> float:
        if not self.groups:
            return self.height
        hs = self._heights(self.width)
        last = self.groups[-1]
        used = sum(hs[i] for i in last) + self._space() / 2
        para = self.paras[last[-1]]
        para.wrap(self._measure(self.width, self.entries[last[-1]]), 1e6)  # (as drawn)
        return self._rows(self.width)[-1] - used + para.slack()

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
        n = self.groups[k][0]
        return [Contents(self.p, self.entries[:n], self.paras[:n], self.label_w,
                         self.items[:n]),
                Contents(self.p, self.entries[n:], self.paras[n:], self.label_w,
                         self.items[n:])]

    def draw(self):
        c = self.canv
        p, t = self.p, self.p.t
        kit = p.kit
        y = self.height
        lead = t.style("contents_entry").leading
        ct = t.contents
        inset = ct["bar_inset"]
        hs = self._heights(self.width)
        for group, gh in zip(self.groups, self._rows(self.width), strict=True):
            top = y - self._space() / 2
            first = self.entries[group[0]]
            c.setFillColor(first.colour)
            c.rect(0, top - lead + inset, ct["bar_width"], lead - 2 * inset, stroke=0, fill=1)
            label = None if self.spans(first) else kit.line(first.label, "contents_kind")
            with element(c, self.items[group[0]]), element(c, Node("Lbl") if label else None):
                self._label(label, top, first.colour)
            row_top = y
            for n, i in enumerate(group):
                entry, para, h = self.entries[i], self.paras[i], hs[i]
                link = self.items[i].child("Link")
                with element(c, self.items[i]), element(c, link):
                    para.wrap(self._measure(self.width, entry), 1e6)
                    para.drawOn(c, self._x(entry), top - para.height)
                    ps = t.style("contents_page")
                    base = top - (lead - ps.size) / 2 - ASCENT * ps.size
                    c.saveState()
                    c.translate(self.width, base)
                    with content(c, link):
                        c.doForm(page_form(entry.key))
                    c.restoreState()
                top -= h
                below = y - gh if n == len(group) - 1 else top
                c.setStrokeColor(t.colours["rule"])
                c.setLineWidth(t.rules["thin"])
                c.setDash([ct["rule_dash"], ct["rule_gap"]])
                c.line(self.label_w if n < len(group) - 1 else 0, below, self.width, below)
                c.setDash()
                add_goto(c, entry.key, (0, below, self.width, row_top), entry.title, link)
                row_top = below
            y -= gh

    def _label(self, label, top: float, colour: str) -> None:
        """A run's kind label, beside its first title."""
        t = self.p.t
        if label:
            ks = t.style("contents_kind")
            lead = t.style("contents_entry").leading
            es = t.style("contents_entry").size
            base = top - (lead - es) / 2 - ASCENT * es
            # the smaller label sits a little above the title's baseline (optically
            # centred on the title's line)
            self.p.kit.painter.draw_line(self.canv, label, t.contents["label_indent"],
                                         base + (es - ks.size) * 0.1, colour)


def page_form(key: str) -> str:
    return "pageno-" + "".join(ch if ch.isalnum() else "-" for ch in key)


def define_page_forms(p: Parts, book: Book, canv: Canvas) -> None:
    """Draw each contents entry's page number (known only now) into its form."""
    t, kit = p.t, p.kit
    for mark in book.marks.values():
        canv.beginForm(page_form(mark.key), lowerx=-200, lowery=-20, upperx=20, uppery=40)
        line = kit.line(str(numbering.folio(mark.page)) if mark.page is not None else "",
                        "contents_page")
        if line:
            kit.painter.draw_line(canv, line, -line.width, 0, t.colours["accent"])
        canv.endForm()
