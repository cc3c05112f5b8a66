"""``kind: committee`` — a committee or working-group update: name, chair, text.

Consecutive committees run on in one set of columns under one kind band (like the
association's printed 部会・WG活動報告 pages): this renderer returns column items, and the
story wraps a run of them into one section (``in_columns``).
"""

from __future__ import annotations

from express.model.articles import Committee
from express.pdf.layout.blocks import Stack
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context
from express.pdf.layout.parts import Parts


@renders("committee", in_columns=True)
def render(p: Parts, a: Committee, ctx: Context) -> list:
    t = p.t
    colour = ctx.style.colour
    head = [p.anchor(a.id, str(a.title), a.label),
            # the title the contents and the bookmark show (the name, unless one is given)
            p.para(a.title, "heading", colour=colour, align="left", phrases=True, snap=False,
                   tag="H1")]
    if a.chair is not None:
        spans = p.kit.spans(a.chair_label + "　", "byline") + p.kit.spans(a.chair.name, "byline")
        if a.chair.company:
            spans += (p.kit.spans("（", "byline") + p.kit.spans(a.chair.company, "byline")
                      + p.kit.spans("）", "byline"))
        head.append(p.spans_para(spans, "byline", colour=t.colours["muted"], align="left",
                                 snap=False, phrases=True))
    head.append(p.rule(colour, t.rules["thin"], lines=0.3, at=0.3))
    block = Stack([h for h in head if h is not None], pitch=p.pitch, keep_with_next=True,
                  source=a.pos)
    return [p.space(t.space["between_committees_lines"]), block,
            *p.with_photos(p.body(a.body), a.photos)]
