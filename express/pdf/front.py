"""The issue's own pages: cover, contents, editorial (巻頭言) and colophon (奥付)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from express.jtext import Line
from express.model.derive import format_date
from express.model.issue import Archive, Issue
from express.model.source import Pos
from express.pdf.doc import Book
from express.pdf.flowables import Block, Para, snap
from express.pdf.parts import Parts
from express.pdf.template import MM
from express.pdf.text import ASCENT


# ---------------------------------------------------------------------------- cover
@dataclass
class CoverText:
    headline: list[Line]
    lines: list[list[Line]]


def _cover_width(t) -> float:
    """The width of the headline and of the cover lines with their rules."""
    return min(t.cover["headline_width_mm"] * MM, t.page_width - 2 * t.left)


def cover_text_height(p: Parts, text: CoverText) -> float:
    """Height from the foot of the cover picture to the last cover line's rule."""
    t = p.t
    h = t.cover["bar_pt"] + t.cover["headline_gap_mm"] * MM
    h += len(text.headline) * t.style("cover_headline").leading
    h += t.cover["lines_gap_mm"] * MM
    h += sum(len(c) * t.style("cover_line").leading + t.cover["line_gap_pt"]
             for c in text.lines)
    return h


def cover_image_height(p: Parts, text: CoverText) -> float:
    """The cover picture's height: the template's, less what the headline and cover lines
    need so that they end above the reserved foot (the web address)."""
    t = p.t
    band_h = t.cover["band_mm"] * MM
    foot = t.cover["foot_mm"] * MM
    room = t.page_height - band_h - foot - cover_text_height(p, text)
    return min(t.cover["image_height_mm"] * MM, room)


def cover_text(p: Parts, issue: Issue) -> CoverText:
    """The cover's headline and cover lines, composed; errors when they do not fit."""
    t, kit = p.t, p.kit
    width = _cover_width(t)
    cover = issue.cover
    headline: list[Line] = []
    lines: list[list[Line]] = []
    if issue.season:  # one line on the cover band, right-aligned after the issue number
        number = kit.line(" ".join((issue.number_label, issue.season)), "cover_number")
        if number is not None and number.width > t.page_width - 2 * t.left:
            kit.diags.error(issue.at("season"), "lint.overflow",
                            detail="cover: the issue number and season, on one line")
    if cover is None:
        return _titles_as_cover_lines(p, issue, CoverText(headline, lines))
    if cover.headline:
        headline = kit.compose(kit.spans(cover.headline, "cover_headline"), width,
                               kit.settings("left", 0.0, True))
        most = int(t.cover["max_headline_lines"])
        if len(headline) > most:
            kit.diags.error(cover.at("headline"), "lint.overflow",
                            detail=f"cover headline: {len(headline)} lines, at most {most}")
    for text in cover.lines:
        composed = kit.compose(kit.spans(text, "cover_line"), width - t.cover["line_indent_pt"],
                               kit.settings("left", 0.0, True))
        lines.append(composed)
    most = int(t.cover["max_lines"])
    used = sum(len(c) for c in lines)
    if used > most:
        kit.diags.error(cover.at("lines"), "lint.overflow",
                        detail=f"cover lines: {used} lines, at most {most}")
    out = CoverText(headline, lines)
    least = t.cover["min_image_height_mm"] * MM
    fits = used <= most and len(headline) <= int(t.cover["max_headline_lines"])
    if fits and cover_image_height(p, out) < least:
        kit.diags.error(cover.at("lines"), "lint.overflow",
                        detail="cover headline and lines: they leave the cover picture "
                               f"less than {least / MM:.0f} mm above the foot")
    return out if lines else _titles_as_cover_lines(p, issue, out)


def _titles_as_cover_lines(p: Parts, issue: Issue, text: CoverText) -> CoverText:
    """An issue that names no cover lines gets its articles' titles instead, in order, as
    many whole titles as fit beside the picture (never an error: they are not the
    editor's), so that a cover without a picture or lines is not a blank page."""
    t, kit = p.t, p.kit
    width = _cover_width(t) - t.cover["line_indent_pt"]
    least = t.cover["min_image_height_mm"] * MM
    lines: list[list[Line]] = []
    used = 0
    for a in issue.articles:
        composed = kit.compose(kit.spans(str(a.title), "cover_line"), width,
                               kit.settings("left", 0.0, True))
        trial = CoverText(text.headline, [*lines, composed])
        if (used + len(composed) > t.cover["max_lines"]
                or cover_image_height(p, trial) < least):
            break
        lines.append(composed)
        used += len(composed)
    return CoverText(text.headline, lines)


def cover_painter(p: Parts, issue: Issue, archive: Archive, text: CoverText):
    t, kit = p.t, p.kit
    c = t.colours
    pub = archive.publication

    def paint(canv: Canvas) -> None:
        pw, ph = t.page_width, t.page_height
        band_h = t.cover["band_mm"] * MM
        img_h = cover_image_height(p, text)  # gives way to the text above the foot
        x = t.left
        canv.saveState()
        canv.setFillColor(c["cover_band"])
        canv.rect(0, ph - band_h, pw, band_h, stroke=0, fill=1)
        name = kit.line(str(pub.name), "cover_name")
        top_gap = t.cover["name_top_mm"] * MM
        x_name = x - t.cover["name_outdent_pt"]
        if name:
            size = t.style("cover_name").size
            # a publication name wider than the page is set smaller (scaled about its
            # baseline's start) rather than cut off at the page edge
            y_name = ph - top_gap - ASCENT * size
            scale = (pw - 2 * x) / name.width if name.width else 1.0
            if scale >= 1.0:
                kit.draw_line(canv, name, x_name, y_name, c["cover_text"])
            else:
                canv.saveState()
                canv.translate(x_name, y_name)
                canv.scale(scale, scale)
                kit.draw_line(canv, name, 0, 0, c["cover_text"])
                canv.restoreState()
        # issue number, season and date on the band's right, one leading apart upwards
        right = pw - t.left
        y = y_band = ph - band_h + t.cover["band_baseline_pt"]
        for value, style in ((f"{format_date(issue.date, weekday=False)}発行", "cover_date"),
                             (" ".join(v for v in (issue.number_label, issue.season) if v),
                              "cover_number")):
            line = kit.line(value, style)
            if line:
                kit.draw_line(canv, line, right - line.width, y, c["cover_text"])
                y += t.style(style).leading
        pub_line = kit.line(str(pub.publisher), "cover_publisher")
        if pub_line:
            kit.draw_line(canv, pub_line, x, y_band, c["cover_text"])
        # the picture, full bleed, cropped to fill its box
        top = ph - band_h
        cover = issue.cover
        size = p.pictures.size(cover.image) if cover and cover.image else None
        if size is not None:
            iw, ih = size
            scale = max(pw / iw, img_h / ih)
            dw, dh = iw * scale, ih * scale
            path = canv.beginPath()
            path.rect(0, top - img_h, pw, img_h)
            canv.clipPath(path, stroke=0, fill=0)
            p.pictures.draw(canv, cover.image, (pw - dw) / 2, top - img_h - (dh - img_h) / 2,
                            dw, dh)
            canv.restoreState()
            canv.saveState()
        else:  # no picture: its box in the light accent colour, so the cover has a shape
            canv.setFillColor(c["accent_light"])
            canv.rect(0, top - img_h, pw, img_h, stroke=0, fill=1)
        top -= img_h
        bar = t.cover["bar_pt"]
        canv.setFillColor(c["accent"])
        canv.rect(0, top - bar, pw, bar, stroke=0, fill=1)
        top -= bar + t.cover["headline_gap_mm"] * MM
        hs = t.style("cover_headline")
        kit.draw_lines(canv, text.headline, x, top, hs.leading, c["ink"])
        top -= len(text.headline) * hs.leading + t.cover["lines_gap_mm"] * MM
        ls = t.style("cover_line")
        for composed in text.lines:
            canv.setFillColor(c["accent"])
            mark = ls.size * t.cover["line_mark_em"]
            canv.rect(x, top - ls.leading / 2 - mark / 2, mark, mark, stroke=0, fill=1)
            kit.draw_lines(canv, composed, x + t.cover["line_indent_pt"], top, ls.leading,
                           c["ink"])
            top -= len(composed) * ls.leading
            canv.setStrokeColor(c["rule"])
            canv.setLineWidth(t.rules["thin"])
            y_rule = top - t.cover["line_rule_drop_pt"]
            canv.line(x, y_rule, x + _cover_width(t), y_rule)
            top -= t.cover["line_gap_pt"]
        # foot: the publisher's web address
        if pub.url:
            line = kit.line(str(pub.url), "cover_publisher")
            if line:
                kit.draw_line(canv, line, pw - t.left - line.width,
                              t.cover["url_bottom_mm"] * MM, c["muted"])
        canv.restoreState()

    return paint


class CoverFill(Block):
    """Takes the whole cover page (the page template paints it)."""

    def wrap(self, aw, ah):
        return aw, ah

    def draw(self):
        pass


# ---------------------------------------------------------------------------- contents
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
                kit.draw_line(c, label, ct["label_indent"], base + (es - ks.size) * 0.1,
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
            kit.draw_line(canv, line, -line.width, 0, t.colours["accent"])
        canv.endForm()


# ---------------------------------------------------------------------------- colophon
class Colophon(Block):
    """奥付: at the foot of the last page (takes the rest of the page)."""

    def __init__(self, p: Parts, issue: Issue, archive: Archive) -> None:
        super().__init__()
        self.p = p
        pub = archive.publication
        kit = p.kit
        # the title may be long (a long publication name): it goes on on the next line too
        title = " ".join(v for v in (str(pub.name), issue.number_label, issue.season or "")
                         if v)
        self.titles = kit.compose(kit.spans(title, "colophon_title"), p.t.grid.width,
                                  kit.settings("left"))
        rows: list[list] = [
            kit.spans(f"{format_date(issue.date)}発行", "colophon"),
            kit.spans("発行　", "colophon") + kit.spans(pub.publisher, "colophon"),
        ]
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
                      for line in kit.compose(r, p.t.grid.width, kit.settings("left"))]
        st = p.t.style("colophon")
        self.need = snap(max(len(self.titles), 1) * p.t.style("colophon_title").leading
                         + len(self.lines) * st.leading
                         + p.pitch, p.pitch)

    def wrap(self, aw, ah):
        self.width = aw
        self.height = ah if ah >= self.need else self.need
        return aw, self.height

    def split(self, aw, ah):
        return []

    def draw(self):
        c = self.canv
        p, t = self.p, self.p.t
        top = self.need - p.pitch / 2
        c.setStrokeColor(t.colours["accent"])
        c.setLineWidth(t.colophon["rule"])
        c.line(0, top, self.width, top)
        ts = t.style("colophon_title")
        title_top = top - t.colophon["title_gap"]
        if self.titles:
            p.kit.draw_lines(c, self.titles, 0, title_top, ts.leading, t.colours["accent"])
        st = t.style("colophon")
        below = title_top - max(len(self.titles), 1) * ts.leading
        p.kit.draw_lines(c, self.lines, 0, below, st.leading, t.colours["ink"],
                         t.colours["link"])
