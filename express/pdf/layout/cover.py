"""The cover (表紙): headline and cover lines composed to fit, then painted on its page."""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas

from express.jtext import Line
from express.model.derive import format_date
from express.model.issue import Archive, Issue
from express.pdf.layout.blocks import Block
from express.pdf.layout.parts import Parts
from express.pdf.paint.marks import Node, begin, content, element
from express.pdf.paint.text import ASCENT
from express.pdf.template import MM

COVER_ALT = "表紙の写真"  # the cover picture's Alt (the issue gives none)


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


def logotype(p: Parts, name: str) -> Line | None:
    """The publication's name as the masthead: one line in ``cover_name`` type (bold, its
    Latin in the proportional face), letter-spaced by ``cover.name_tracking_em`` of its
    size between every two characters, as a logotype is."""
    line = p.kit.line(name, "cover_name")
    track = p.t.cover["name_tracking_em"] * p.t.style("cover_name").size
    if line is None or not track:
        return line
    runs, shift = [], 0.0
    for run in line.runs:
        runs.append(replace(run, x=run.x + shift, char_space=run.char_space + track))
        shift += track * len(run.text)
    return replace(line, runs=runs, width=line.width + shift - track)


def cover_painter(p: Parts, issue: Issue, archive: Archive, text: CoverText, *,
                  bleed: float = 0.0, order: float = 0.0):
    """The cover's painter; what touches the paper's edge (band, picture, bar) runs on
    ``bleed`` past it (the print edition's 塗り足し).  In the tag tree the cover is a
    ``Sect`` of paragraphs (each line of text) and the picture's ``Figure``."""
    t, kit = p.t, p.kit
    c = t.colours
    pub = archive.publication

    def paint(canv: Canvas) -> None:
        begin(canv, Node("Sect", order=order))
        pw, ph = t.page_width, t.page_height
        band_h = t.cover["band_mm"] * MM
        img_h = cover_image_height(p, text)  # gives way to the text above the foot
        x = t.left
        x0, full = 0.0 - bleed, pw + 2 * bleed  # edge to edge, bleed and all
        canv.saveState()
        canv.setFillColor(c["cover_band"])
        canv.rect(x0, ph - band_h, full, band_h + bleed, stroke=0, fill=1)
        name = logotype(p, str(pub.name))
        top_gap = t.cover["name_top_mm"] * MM
        x_name = x - t.cover["name_outdent_pt"]
        if name:
            size = t.style("cover_name").size
            # a publication name wider than the page is set smaller (scaled about its
            # baseline's start) rather than cut off at the page edge
            y_name = ph - top_gap - ASCENT * size
            scale = min(1.0, (pw - 2 * x) / name.width if name.width else 1.0)
            with element(canv, Node("P")):
                canv.saveState()
                canv.translate(x_name, y_name)
                canv.scale(scale, scale)
                kit.painter.draw_line(canv, name, 0, 0, c["cover_text"],
                                      stroke=t.cover["name_stroke_em"] * size)
                canv.restoreState()
        # issue number, season and date on the band's right, one leading apart upwards
        right = pw - t.left
        y = y_band = ph - band_h + t.cover["band_baseline_pt"]
        for value, style in ((f"{format_date(issue.date, weekday=False)}発行", "cover_date"),
                             (" ".join(v for v in (issue.number_label, issue.season) if v),
                              "cover_number")):
            line = kit.line(value, style)
            if line:
                with element(canv, Node("P")):
                    kit.painter.draw_line(canv, line, right - line.width, y, c["cover_text"])
                y += t.style(style).leading
        pub_line = kit.line(str(pub.publisher), "cover_publisher")
        if pub_line:
            with element(canv, Node("P")):
                kit.painter.draw_line(canv, pub_line, x, y_band, c["cover_text"])
        # the picture, full bleed, cropped to fill its box
        top = ph - band_h
        cover = issue.cover
        size = p.pictures.size(cover.image) if cover and cover.image else None
        if size is not None:
            iw, ih = size
            scale = max(full / iw, img_h / ih)
            dw, dh = iw * scale, ih * scale
            path = canv.beginPath()
            path.rect(x0, top - img_h, full, img_h)
            canv.clipPath(path, stroke=0, fill=0)
            with content(canv, Node("Figure", alt=COVER_ALT)):
                p.pictures.draw(canv, cover.image, x0 + (full - dw) / 2,
                                top - img_h - (dh - img_h) / 2, dw, dh)
            canv.restoreState()
            canv.saveState()
        else:  # no picture: its box in the light accent colour, so the cover has a shape
            canv.setFillColor(c["accent_light"])
            canv.rect(x0, top - img_h, full, img_h, stroke=0, fill=1)
        top -= img_h
        bar = t.cover["bar_pt"]
        canv.setFillColor(c["accent"])
        canv.rect(x0, top - bar, full, bar, stroke=0, fill=1)
        top -= bar + t.cover["headline_gap_mm"] * MM
        hs = t.style("cover_headline")
        with element(canv, Node("P")):
            kit.painter.draw_lines(canv, text.headline, x, top, hs.leading, c["ink"])
        top -= len(text.headline) * hs.leading + t.cover["lines_gap_mm"] * MM
        ls = t.style("cover_line")
        for composed in text.lines:
            canv.setFillColor(c["accent"])
            mark = ls.size * t.cover["line_mark_em"]
            canv.rect(x, top - ls.leading / 2 - mark / 2, mark, mark, stroke=0, fill=1)
            with element(canv, Node("P")):
                kit.painter.draw_lines(canv, composed, x + t.cover["line_indent_pt"], top,
                                       ls.leading, c["ink"])
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
                with element(canv, Node("P")):
                    kit.painter.draw_line(canv, line, pw - t.left - line.width,
                                          t.cover["url_bottom_mm"] * MM, c["muted"])
        canv.restoreState()

    return paint


class CoverFill(Block):
    """Takes the whole cover page (the page template paints it)."""

    def wrap(self, aw, ah):
        return aw, ah

    def draw(self):
        pass
