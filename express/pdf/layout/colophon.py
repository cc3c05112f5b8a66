"""The colophon (奥付), set by the page plan at the foot of the last page."""

from __future__ import annotations

from express.model.derive import format_date
from express.model.issue import Archive, Issue
from express.pdf.layout.blocks import Block, snap
from express.pdf.layout.parts import Parts
from express.pdf.paint.marks import Node, begin, element
from express.pdf.paint.text import base_size

ORDER = 1e9  # in the tag tree, after every article


class Colophon(Block):
    """奥付: the title, the date, 発行 (publisher), 編集 (editor), 印刷 (printer), the
    publisher's address and contacts, and the notice (本誌掲載記事の無断転載を禁じます),
    each from issues/publication.yaml when given.  The page plan puts it at the foot of the
    last page and never on a page by itself.  In the tag tree a ``Sect`` after the
    articles: the title and each line a ``P``."""

    def __init__(self, p: Parts, issue: Issue, archive: Archive) -> None:
        super().__init__()
        self.p = p
        pub = archive.publication
        kit = p.kit
        width = p.t.grid.width
        # the title may be long (a long publication name): it goes on on the next line too
        title = " ".join(v for v in (str(pub.name), issue.number_label, issue.season or "")
                         if v)
        self.titles = kit.compose(kit.spans(title, "colophon_title"), width,
                                  kit.settings("left"))
        issued = format_date(issue.date, weekday=p.t.weekdays["issued"])
        rows: list[list] = [kit.spans(f"{issued}発行", "colophon")]
        for label, value in (("発行", pub.publisher), ("編集", pub.editor),
                             ("印刷", pub.printer)):
            if value:
                rows.append(kit.spans(f"{label}　", "colophon") + kit.spans(value, "colophon"))
        if pub.address:
            rows.append(kit.spans(pub.address, "colophon"))
        tel = []
        if pub.tel:
            tel += kit.spans("TEL ", "colophon") + kit.spans(pub.tel, "colophon")
        if pub.fax:
            tel += kit.spans("　FAX ", "colophon") + kit.spans(pub.fax, "colophon")
        if tel:
            rows.append(tel)
        net = []
        if pub.email:
            net += kit.spans("E-mail ", "colophon") + kit.spans(
                pub.email, "colophon", link=f"mailto:{pub.email}")
        if pub.url:
            net += kit.spans("　URL ", "colophon") + kit.spans(pub.url, "colophon",
                                                                link=str(pub.url))
        if net:
            rows.append(net)
        # every line of every row: a row longer than the text block goes on on the next
        # line (nothing is dropped)
        self.lines = [line for r in rows
                      for line in kit.compose(r, width, kit.settings("left"))]
        self.notice = (kit.compose(kit.spans(pub.notice, "colophon"), width,
                                   kit.settings("left")) if pub.notice else [])
        st = p.t.style("colophon")
        gap = p.t.colophon["row_gap"] if self.notice else 0.0
        self.need = snap(max(len(self.titles), 1) * p.t.style("colophon_title").leading
                         + (len(self.lines) + len(self.notice)) * st.leading + gap
                         + p.pitch, p.pitch)

    def wrap(self, aw, ah):
        self.width = aw
        self.height = self.need
        return aw, self.height

    def split(self, aw, ah):
        return []

    def draw(self):
        c = self.canv
        begin(c, Node("Sect", order=ORDER))
        p, t = self.p, self.p.t
        top = self.need - p.pitch / 2
        c.setStrokeColor(t.colours["accent"])
        c.setLineWidth(t.colophon["rule"])
        c.line(0, top, self.width, top)
        ts = t.style("colophon_title")
        title_top = top - t.colophon["title_gap"]
        if self.titles:
            with element(c, Node("P")):
                p.kit.painter.draw_lines(c, self.titles, 0, title_top, ts.leading,
                                         t.colours["accent"])
        st = t.style("colophon")
        below = title_top - max(len(self.titles), 1) * ts.leading
        size = base_size(self.lines)  # (as if drawn at once: one row a paragraph)
        for i, line in enumerate(self.lines):
            with element(c, Node("P")):
                p.kit.painter.draw_lines(c, [line], 0, below - i * st.leading, st.leading,
                                         t.colours["ink"], t.colours["link"], size=size)
        if self.notice:
            below -= len(self.lines) * st.leading + t.colophon["row_gap"]
            with element(c, Node("P")):
                p.kit.painter.draw_lines(c, self.notice, 0, below, st.leading,
                                         t.colours["muted"])
