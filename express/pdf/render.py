"""``render_issue``: an issue and its layout template → the finished PDF bytes.

The story is: cover, contents and editorial, each article through its kind's renderer
(express/pdf/layout/kinds), colophon.  The page plan (express/pdf/document/plan.py) decides
what goes on each page; ReportLab draws the planned pages and writes the outline, page
labels, metadata, language and viewer preferences natively (express/post/document.py); the
only text-layer fix is express/post/tounicode.py.  Bad content never raises: it becomes
diagnostics, and the PDF is None when there are errors.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from express.diagnostics import Diagnostics
from express.model.articles import Article
from express.model.issue import Archive, Issue
from express.pdf.document import numbering
from express.pdf.document.book import Book
from express.pdf.document.canvas import make_canvas_class
from express.pdf.document.pages import MagazineDoc, Overflow
from express.pdf.document.plan import Plan, PlannedPage, Planner, Unit, empty_share
from express.pdf.layout.blocks import Stack
from express.pdf.layout.colophon import Colophon
from express.pdf.layout.contents import Contents, Entry, define_page_forms
from express.pdf.layout.cover import CoverFill, cover_painter, cover_text
from express.pdf.layout.kinds import IN_COLUMNS, RENDERERS
from express.pdf.layout.kinds.common import Context
from express.pdf.layout.names import names_in
from express.pdf.layout.parts import Parts
from express.pdf.layout.platypus import NextPageTemplate
from express.pdf.layout.text import TextKit
from express.pdf.paint.fonts import FontsMissing, font_set
from express.pdf.paint.images import Pictures
from express.pdf.paint.marks import Node
from express.pdf.template import Template, TemplateError, read_template
from express.post.document import document_meta, finish_canvas
from express.project import Project

EDITORIAL_LABEL = "巻頭言"
CONTENTS_LABEL = "目次"
# the parts of the issue in the tag tree, in order; the articles as in issue.yaml between
ORDER = {"cover": -3, "contents": -2, "editorial": -1}


def article_part(a: Article) -> Node:
    """An article's element in the tag tree, ordered as it is written in issue.yaml (the
    page plan may set it earlier, where it fills a page's foot)."""
    return Node("Art", order=a.pos.line if a.pos else 0)


def template_for(project: Project, issue: Issue, name: str | None) -> Template:
    """The issue's layout template; FileNotFoundError when there is none of that name."""
    path = project.pdf_template(name or issue.template)
    if not path.is_file():
        raise FileNotFoundError(path)
    return read_template(path)


def editorial(p: Parts, issue: Issue) -> list:
    if not issue.editorial:
        return []
    ks = p.t.kinds["editorial"]
    p.part = Node("Art", order=ORDER["editorial"])
    head = [p.anchor("editorial", EDITORIAL_LABEL, EDITORIAL_LABEL),
            p.band(EDITORIAL_LABEL, ks.colour, heading="H1"),
            p.space(p.t.space["after_band_lines"])]
    items = p.body(issue.editorial) + p.signature(issue.signature)
    items += p.link_notes()
    return [p.section(head, items, columns=ks.columns, source=issue.at("editorial"),
                      rule=True)]


def runs(articles: Sequence[Article]) -> list[list[Article]]:
    """The articles as the units the page plan moves: one each, but a run of kinds set in
    one set of columns (committees) together."""
    out: list[list[Article]] = []
    for a in articles:
        if out and a.kind in IN_COLUMNS and out[-1][-1].kind == a.kind:
            out[-1].append(a)
        else:
            out.append([a])
    return out


def article_unit(p: Parts, group: list[Article], previous: str | None) -> Unit:
    """One unit of the plan: an article (a run of committees) as set after an article of
    kind ``previous`` (its band shown when the kind changes or it starts a page)."""
    t = p.t
    a = group[0]
    ks = t.kinds[a.kind]

    def items(show_band: bool) -> list:
        ctx = Context(show_band=show_band, style=ks)
        if a.kind in IN_COLUMNS:
            run: list = []
            for b in group:
                p.part = article_part(b)
                run += RENDERERS[b.kind](p, b, ctx)
            run += p.link_notes()
            return p.sections([p.band(a.label, ks.colour),
                               p.space(t.space["after_band_lines"])], run,
                              columns=ks.columns, source=a.pos, rule=True)
        p.part = article_part(a)
        return RENDERERS[a.kind](p, a, ctx) + p.link_notes()

    shown = a.kind != previous or ks.new_page
    gap = t.space["between_articles_lines"] * p.pitch
    movable = not ks.new_page
    named = a.label if str(a.title) == a.label else f"{a.label}「{a.title}」"
    return Unit(a.id, a.label, named, a.pos, items(shown), gap=gap,
                new_page=ks.new_page, keep_together=ks.keep_together, movable=movable,
                alone=items(True) if movable and not shown else None,
                keys=tuple(b.id for b in group))


def story(p: Parts, issue: Issue, articles: Sequence[Article]) -> list[Unit]:
    """The issue as units of the page plan: the contents (and the editorial), then the
    articles in ``articles``' order."""
    t = p.t
    entries: list[Entry] = []
    if issue.editorial:
        entries.append(Entry("editorial", EDITORIAL_LABEL, EDITORIAL_LABEL,
                             t.kinds["editorial"].colour, issue.at("editorial")))
    for a in articles:
        entries.append(Entry(a.id, a.label, str(a.title), t.kinds[a.kind].colour, a.pos))
    heading = p.para(CONTENTS_LABEL, "contents_title", colour=t.colours["accent"], align="left",
                     snap=True, tag="H1")
    rule = p.rule(t.colours["accent"], t.rules["thick"], lines=0.5, at=0.0)
    front = [Stack([p.start(Node("Sect", order=ORDER["contents"])), heading, rule],
                   pitch=p.pitch), Contents(p, entries)]
    units = [Unit("contents", CONTENTS_LABEL, CONTENTS_LABEL, issue.pos, front)]
    if issue.editorial:
        ks = t.kinds["editorial"]
        units.append(Unit("editorial", EDITORIAL_LABEL, EDITORIAL_LABEL, issue.at("editorial"),
                          editorial(p, issue), gap=t.space["after_contents_lines"] * p.pitch,
                          keep_together=ks.keep_together, keys=("editorial",)))
    previous = "editorial" if issue.editorial else None
    for group in runs(articles):
        units.append(article_unit(p, group, previous))
        previous = group[-1].kind
    return units


def plan_issue(t: Template, kit: TextKit, pictures: Pictures, issue: Issue,
               archive: Archive) -> tuple[Parts, list[Unit], Plan]:
    """The issue's page plan: planned in the issue's order with articles free to move up
    into a page's foot; if any moved, the story is made again in the order found (the
    contents, the bands and the bookmarks follow it) and planned as it stands."""
    planner = Planner(t, width=t.grid.width, height=t.grid.height, pitch=t.grid.line_pitch)
    by_id = {a.id: a for a in issue.articles}
    order = list(issue.articles)
    for moves in (True, False):
        p = Parts(t, kit, pictures, Book())
        units = story(p, issue, order)
        plan = planner.plan(units, Colophon(p, issue, archive), moves=moves)
        found = [by_id[k] for k in plan.order if k in by_id]
        if found == order:
            break
        order = found
    return p, units, plan


def page_problems(t: Template, plan: Plan, units: list[Unit], diags: Diagnostics) -> None:
    """Warnings for what the plan could not fill (express/pdf/document/plan.py): a page
    more empty at the foot than ``plan.warn_empty`` (measured to the folio line, as a reader
    sees it) with the reason, a last page nearly empty, a colophon on its own."""
    pitch = t.grid.line_pitch
    pages = plan.pages
    for code, i, args in plan.problems:
        last = units[pages[i - 1].units[-1]] if i and pages[i - 1].units else units[-1]
        diags.warning(last.source, code, page=numbering.folio(numbering.COVER_PAGES + i), **args)
    for i, page in enumerate(pages):
        folio = numbering.folio(numbering.COVER_PAGES + i)
        lines = int(page.free / pitch + 1e-6)
        if i == len(pages) - 1:
            filled = 1 - page.free / t.grid.height
            if i and filled < t.plan["last_page_fill"]:
                ends = units[max(u for pg in pages for u in pg.units)]
                diags.warning(ends.source, "pdf.last_page_empty", page=folio,
                              share=f"{filled:.0%}", article=ends.title)
            continue
        empty = empty_share(t, page, t.grid.width)
        if empty <= t.plan["warn_empty"]:
            continue
        on = units[page.placed[-1].unit] if page.placed else units[0]
        blocked = units[page.blocked] if page.blocked is not None else on
        reason = {"break": "pdf.page_empty_new_page", "keep": "pdf.page_empty_keep",
                  "start": "pdf.page_empty_start", "split": "pdf.page_empty_split",
                  "carry": "pdf.page_empty_carry"}.get(page.stop, "pdf.page_empty_split")
        who = on if page.stop in ("split", "carry") else blocked
        diags.warning(who.source, reason, page=folio, share=f"{empty:.0%}", lines=lines,
                      article=who.title, min_lines=int(t.plan["min_page_lines"]),
                      rows=t.composition["table_min_rows"])


def render_issue(issue: Issue, archive: Archive, project: Project,
                 template_name: str | None = None, *,
                 on_page: Callable[[int], None] | None = None, for_print: bool = False
                 ) -> tuple[bytes | None, Diagnostics]:
    """The issue's PDF (or None when there are errors) and the diagnostics of typesetting;
    ``on_page`` hears each page's number as it is laid out.  ``for_print``: the print
    edition (express/pdf/document/press.py), PDF/X-4 with its pre-flight's findings.

    Of the ``archive`` only ``archive.publication`` is read: the build cache
    (express/buildcache/keys.py) relies on that, so reading more (another issue's facts)
    means adding it to the PDF's key there.
    """
    diags = Diagnostics()
    issue_pos = issue.pos
    try:
        t = template_for(project, issue, template_name)
    except TemplateError as exc:
        diags.error(issue.at("template") if issue.template else issue_pos,
                    "pdf.template_invalid", path=str(exc.path), key=exc.key,
                    problem=exc.problem)
        return None, diags
    except FileNotFoundError:
        folder = project.templates / "pdf"
        # a name given on the command line is no fault of the issue's file
        where = None if template_name else issue.at("template") if issue.template else issue_pos
        diags.error(where, "pdf.template_missing", name=template_name or issue.template or "",
                    folder=str(folder),
                    available=", ".join(sorted(p.stem for p in folder.glob("*.yaml"))) or "-")
        return None, diags
    try:
        fonts = font_set(project.root, t.fonts, t.latin)
    except FontsMissing as exc:
        diags.error(issue_pos, "pdf.fonts_missing", problems="; ".join(exc.problems))
        return None, diags
    kit = TextKit(t, fonts, diags)
    pub = archive.publication
    kit.keep_whole(names_in(issue, pub))
    press = None
    if for_print:  # (the print edition's modules are loaded only for it)
        from express.pdf.document.press import print_edition

        press = print_edition(project, pub, t, issue, diags)
        if press is None:
            return None, diags
    pictures = Pictures(press.sheet.spec.ppi if press else t.ppi, t.jpeg_quality, diags,
                        cache=project.root / ".cache" / "images",
                        min_ppi=press.sheet.spec.min_ppi if press else t.min_ppi,
                        separation=press.separation if press else None)
    try:
        p, units, plan = plan_issue(t, kit, pictures, issue, archive)
    except Overflow as exc:
        index = int(exc.detail) if exc.detail.isdigit() else 0
        diags.error(exc.source or issue_pos, "pdf.too_large",
                    detail=f"p. {numbering.folio(numbering.COVER_PAGES + index)}")
        return None, diags
    cover = cover_text(p, issue)
    if diags.has_errors:  # unreadable pictures, a cover that does not fit …
        return None, diags
    page_problems(t, plan, units, diags)
    book = p.book
    book.labels = [page.label for page in plan.pages]
    flowables: list = [NextPageTemplate("body"), CoverFill()]
    last = len(plan.pages) - 1
    flowables += [PlannedPage(page, plan.colophon if i == last else None)
                  for i, page in enumerate(plan.pages)]
    buf = io.BytesIO()
    running = f"{pub.name} {issue.title}"
    paint_cover = cover_painter(p, issue, archive, cover, bleed=press.bleed if press else 0.0,
                                order=ORDER["cover"])
    meta = document_meta(issue, archive)
    if press:
        from express.pdf.document.press import PrintDoc, make_print_canvas_class, slug_painter

        flowables.append(press.padding)
        doc = PrintDoc(buf, t, kit, book, edition=press, parts=p, publication=str(pub.name),
                       running=running, paint_cover=paint_cover, on_page=on_page, **meta)
    else:
        doc = MagazineDoc(buf, t, kit, book, publication=str(pub.name), running=running,
                          paint_cover=paint_cover, on_page=on_page, **meta)

    def before_save(canv) -> None:
        define_page_forms(p, book, canv)
        finish_canvas(canv, issue, book)

    canvas = make_canvas_class(before_save)
    if press:
        canvas = make_print_canvas_class(canvas, press.sheet, slug_painter(t, kit, running))
    try:
        doc.build(flowables, canvasmaker=canvas)
    except Overflow as exc:
        diags.error(exc.source or issue_pos, "pdf.too_large", detail=exc.detail)
        return None, diags
    finally:
        kit.report_unplaced(issue, pub)  # the running head, contents: texts reused
    if diags.has_errors:
        return None, diags
    if press:
        from express.post.pdfx import finish_print

        return finish_print(buf.getvalue(), press, issue, archive, t, diags)
    return buf.getvalue(), diags
