"""``kind: opinions`` — opinions submitted, newest first, as a table with a header."""

from __future__ import annotations

from express.model.articles import Opinions
from express.model.derive import format_date
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row


@renders("opinions")
def render(p: Parts, a: Opinions, ctx: Context) -> list:
    rows = [Row([p.text_cell(format_date(o.date), "table"),
                 p.text_cell(o.title, "table", link=str(o.url) if o.url else None)],
                source=o.pos) for o in a.newest_first]
    table = p.table(p.t.table_columns["opinions"], rows, header=("提出日", "件名"), source=a.pos)
    return [p.section(opener(p, a, ctx), [table], columns=ctx.style.columns, source=a.pos)]
