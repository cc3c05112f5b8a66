"""``kind: report`` — an event report: facts block, running text with photos, programme."""

from __future__ import annotations

from express.model.articles import Report, Slot
from express.model.derive import format_month_day
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts, pieces
from express.pdf.layout.table import Row


def facts(p: Parts, a: Report, colour: str):
    """The event facts as a two-column block: 日時, 会場, 主催 … 参加者."""
    ev = a.event
    if ev is None:
        return None
    t, kit = p.t, p.kit
    rows: list[Row] = []

    def row(label: str, *cells, source=None) -> None:
        items = [c for c in cells if c is not None]
        if items:
            rows.append(Row([p.text_cell(label, "facts_label", colour=colour),
                             p.cell(*items)], source=source))

    def text(*parts, link=None):
        spans = pieces(kit, "facts", *parts)
        if link:
            spans = kit.spans(link, "facts", link=link)
        return p.spans_para(spans, "facts", snap=False, align="left", phrases=True)

    row("日時", text(ev.dates_label), source=ev.pos)
    for side in ev.side_events:
        row("関連行事", text(format_month_day(side.date) + "　", side.title), source=side.pos)
    row("会場", text(ev.venue), text(ev.address), source=ev.at("venue"))
    row("主催", text(ev.organizer), source=ev.at("organizer"))
    if ev.sponsors:
        parts: list = []
        for i, s in enumerate(ev.sponsors):
            parts += ["、" if i else None, s]
        row("協賛", text(*parts), source=ev.at("sponsors"))
    row("参加資格", text(ev.eligibility), source=ev.at("eligibility"))
    row("参加費", text(ev.fee), source=ev.at("fee"))
    if ev.attendance is not None:
        row("参加者", text(ev.attendance.label), source=ev.attendance.pos)
    if a.url:
        row("URL", text(link=str(a.url)), source=a.at("url"))
    return p.table(t.table_columns["facts"], rows, zebra=False, rules=False,
                   background=t.colours["accent_light"], source=ev.pos, row_heads=True)


def slot_row(p: Parts, slot: Slot, colour: str) -> Row:
    t = p.t
    muted = t.colours["muted"]
    time_cell = p.cell(p.para(slot.time_label, "table_time", snap=False, align="left",
                              phrases=True),
                       p.para(f"({slot.duration})", "table", colour=muted, snap=False))
    if slot.is_break:
        return Row([time_cell, p.text_cell(slot.break_label, "table", colour=muted, span=2)],
                   source=slot.pos, fill=t.colours["accent_light"])
    if slot.access:
        time_cell.items.append(p.badge(str(slot.access),
                                       t.badges.get(str(slot.access), colour)))
    content = p.cell(p.para(slot.title, "table_strong", snap=False, align="left",
                            phrases=True),
                     *p.body(slot.abstract, "table_small", "table_strong", snap=False,
                             indent=1.0))
    speakers = p.cell()
    for sp in slot.speakers:
        # name, affiliation and position each on a line of its own, broken (when longer
        # than the column) between phrases and never inside a name
        speakers.items.append(p.para(sp.name, "table_strong", snap=False, align="left",
                                     phrases=True))
        for detail in (sp.affiliation, sp.position):
            speakers.items.append(p.para(detail, "table_small", colour=muted, snap=False,
                                         align="left", phrases=True))
    speakers.items = [i for i in speakers.items if i is not None]
    return Row([time_cell, content, speakers], source=slot.pos)


@renders("report")
def render(p: Parts, a: Report, ctx: Context) -> list:
    colour = ctx.style.colour
    space = p.t.space
    head = opener(p, a, ctx)
    head += [facts(p, a, colour), p.space(space["after_opener_lines"])]
    items = p.with_photos(p.body(a.body), a.photos)
    out = p.sections(head, items, columns=ctx.style.columns, source=a.pos, rule=True)
    if a.programme:
        prog: list = []
        for day in a.programme:
            if prog:  # between two days; after the last, the space between articles
                prog.append(p.space(space["programme_lines"]))
            # the day's heading is the table's title: a day that goes on overleaf says so
            # above its header (「…のプログラム（続き）」)
            heading = f"{day.label}のプログラム"
            title, cont = (p.para(text, "heading", colour=colour, align="left", phrases=True,
                                  source=day.pos, tag=tag)
                           for text, tag in ((heading, "H2"), (f"{heading}（続き）", None)))
            rows = [slot_row(p, s, colour) for s in day.slots]
            prog.append(p.table(p.t.programme_columns, rows, header=("時間", "内容", "講師"),
                                source=day.pos, title=title, title_cont=cont))
        out.append(p.space(space["programme_lines"]))
        out.append(p.section([p.band("プログラム", colour), p.space(space["after_band_lines"])],
                             prog, columns=1, source=a.at("programme")))
    return out
