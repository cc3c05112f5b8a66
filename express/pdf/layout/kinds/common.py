"""What every article opener shares: bookmark, kind band, title."""

from __future__ import annotations

from dataclasses import dataclass

from express.model.articles import Article
from express.pdf.layout.parts import Parts
from express.pdf.layout.platypus import Flowable
from express.pdf.template import KindStyle


@dataclass
class Context:
    """Where the article stands in the issue."""

    show_band: bool  # the first article of a run of one kind shows the kind band (unless
    # its title is the kind's label)
    style: KindStyle


def opener(p: Parts, a: Article, ctx: Context, *, subtitle: str | None = None,
           byline: str | None = None) -> list[Flowable | None]:
    """Anchor (bookmark), kind band, title and byline: the head of an article's section."""
    t = p.t
    out: list[Flowable | None] = [p.anchor(a.id, str(a.title), a.label)]
    # no band that repeats the title (「行事一覧」 over 「行事一覧」): the title says it
    if ctx.show_band and str(a.title) != a.label:
        out.append(p.band(a.label, ctx.style.colour))
        out.append(p.space(t.space["after_band_lines"]))
    out.append(p.para(a.title, "title", align="left", phrases=True, snap=False, tag="H1"))
    if subtitle:
        out.append(p.para(subtitle, "subtitle", colour=ctx.style.colour, align="left",
                          snap=False))
    if byline:
        out.append(p.para(byline, "byline", colour=t.colours["muted"], align="left",
                          snap=False))
    out.append(p.rule(ctx.style.colour, t.rules["thick"], lines=1, at=0.5))
    return out
