"""``kind: providers`` — providers grouped by prefecture in national order, in columns."""

from __future__ import annotations

from express.model.articles import Providers
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row


@renders("providers")
def render(p: Parts, a: Providers, ctx: Context) -> list:
    colour = ctx.style.colour
    rows = []
    for prefecture, entries in a.by_prefecture:
        cont = p.continued_cell(prefecture, colour)  # one for the prefecture's rows
        for i, e in enumerate(entries):
            pref = p.text_cell(prefecture if i == 0 else None, "table_strong", colour=colour)
            rows.append(Row([pref, p.text_cell(e.name, "table",
                                               link=str(e.url) if e.url else None)],
                            source=e.pos, cont=cont if i else None))
    table = p.table(p.t.table_columns["providers"], rows, header=("都道府県", "事業者名"),
                    source=a.pos, row_heads=True)
    return [p.section(opener(p, a, ctx), [table], columns=ctx.style.columns, source=a.pos,
                      rule=True)]
