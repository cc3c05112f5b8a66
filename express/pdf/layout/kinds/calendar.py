"""``kind: calendar`` — events in date order, as a table that splits with its header."""

from __future__ import annotations

from express.model.articles import Calendar
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row


@renders("calendar")
def render(p: Parts, a: Calendar, ctx: Context) -> list:
    muted = p.t.colours["muted"]
    rows = []
    for ev in a.in_date_order:
        title = p.para(ev.title, "table_strong", snap=False, align="left", phrases=True,
                       link=str(ev.url) if ev.url else None)
        rows.append(Row([p.text_cell(ev.dates_label, "table", phrases=True), p.cell(title),
                         p.text_cell(ev.place, "table", colour=muted)], source=ev.pos))
    table = p.table(p.t.table_columns["calendar"], rows, header=("日程", "行事", "開催地"),
                    source=a.pos)
    return [p.section(opener(p, a, ctx), [table], columns=ctx.style.columns, source=a.pos)]
