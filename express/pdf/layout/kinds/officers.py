"""``kind: officers`` — officers per role with the computed head counts (理事25名 監事3名).

One full-width table, 役職・氏名・所属: the company's column takes most of the measure, so a
company name stands on one line (in two half-width tables the names wrapped while the role
column stood mostly empty).  A role is printed on its group's first row; a group that goes
on in the next page says so (「理事（続き）」) and a rule separates the groups.
"""

from __future__ import annotations

from express.model.articles import Officers
from express.model.derive import format_date
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row


@renders("officers")
def render(p: Parts, a: Officers, ctx: Context) -> list:
    t = p.t
    colour = ctx.style.colour
    as_of = (f"（{format_date(a.as_of, weekday=t.weekdays['as_of'])}現在）" if a.as_of
             else "")
    head = opener(p, a, ctx, subtitle=a.head_count_line + as_of)
    rows = []
    for group in a.groups:
        cont = p.continued_cell(group.role, colour)  # one for the group: all say the same
        for i, person in enumerate(group.members):
            role = p.text_cell(group.role if i == 0 else None, "table_strong", colour=colour,
                               phrases=True)
            rows.append(Row([role, p.text_cell(person.name, "table_strong", phrases=True),
                             p.text_cell(person.company, "table", colour=t.colours["muted"],
                                         phrases=True)],
                            source=person.pos, cont=cont if i else None, group_start=i == 0))
    table = p.table(t.table_columns["officers"], rows, header=("役職", "氏名", "所属"),
                    source=a.pos, padding=t.space["list_cell_padding"], row_heads=True)
    # under the list, flush right: （敬称略・順不同）
    note = p.para(a.note, "caption", colour=t.colours["muted"], align="right")
    return [p.section(head, [table, note], columns=ctx.style.columns, source=a.pos, rule=True)]
