"""``kind: article`` — a column, notice or interview: title, byline, text and photos."""

from __future__ import annotations

from express.model.articles import Feature
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context, opener
from express.pdf.layout.parts import Parts


@renders("article")
def render(p: Parts, a: Feature, ctx: Context) -> list:
    head = opener(p, a, ctx, byline=a.byline)
    items = p.with_photos(p.body(a.body), a.photos)
    return p.sections(head, items, columns=ctx.style.columns, source=a.pos, rule=True)
