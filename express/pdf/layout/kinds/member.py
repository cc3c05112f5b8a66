"""``kind: member`` — a member introduction as a profile box: logo, company, contact, text."""

from __future__ import annotations

from express.model.articles import Member
from express.pdf.layout.kinds import renders
from express.pdf.layout.kinds.common import Context
from express.pdf.layout.parts import Parts
from express.pdf.layout.table import Row


def contact_lines(p: Parts, a: Member) -> list:
    c = a.contact
    if c is None:
        return []
    muted = p.t.colours["muted"]
    out = []
    for label, value, link in (
        ("URL", c.url, str(c.url) if c.url else None),
        ("E-mail", c.email, f"mailto:{c.email}" if c.email else None),
        ("TEL", c.tel, None),
        ("住所", c.address, None),
    ):
        if value:
            spans = p.kit.spans(label + "　", "contact") + p.kit.spans(value, "contact",
                                                                       link=link)
            out.append(p.spans_para(spans, "contact", colour=muted, snap=False,
                                    align="left"))
    return out


@renders("member")
def render(p: Parts, a: Member, ctx: Context) -> list:
    t = p.t
    colour = ctx.style.colour
    head: list = [p.anchor(a.id, str(a.title), a.label)]
    if ctx.show_band:
        head += [p.band(a.label, colour), p.space(t.space["after_band_lines"])]
    name = p.para(a.company or a.title, "profile_name", colour=colour, align="left",
                  snap=False, phrases=True, source=a.at("company"), tag="H1")
    info = p.cell(name, *contact_lines(p, a))
    logo = None
    if a.logo is not None:
        size = p.pictures.size(a.logo)
        if size is not None:
            from express.pdf.layout.parts import PhotoBlock

            logo = PhotoBlock(p, a.logo, None, size, max_height=t.profile["logo_lines"] * p.pitch,
                              in_text=False, gap_right=t.profile["logo_gap"],
                              alt=f"{a.company or a.title}のロゴ")
    if logo is not None:
        row = Row([p.cell(logo), info])
        table = p.table(t.table_columns["member"], [row], zebra=False, rules=False,
                        layout=True)
    else:
        table = p.table([1.0], [Row([info])], zebra=False, rules=False, layout=True)
    table.padding = 0
    head += [table, p.rule(colour, t.rules["thin"], lines=0.5, at=0.5)]
    return p.sections(head, p.with_photos(p.body(a.body), a.photos),
                      columns=ctx.style.columns, source=a.pos, box=t.colours["rule"])
