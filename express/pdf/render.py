"""``render_issue``: an issue and its layout template → the finished PDF bytes.

The story is: cover, contents and editorial, each article through its kind's renderer
(express/pdf/layout/kinds), colophon.  ReportLab lays it out in one pass and writes the outline,
page labels, metadata, language and viewer preferences natively (express/post/document.py);
the only text-layer fix is express/post/tounicode.py.  Bad content never raises: it becomes
diagnostics, and the PDF is None when there are errors.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from express.diagnostics import Diagnostics
from express.model.issue import Archive, Issue
from express.pdf.document.book import Book
from express.pdf.document.canvas import make_canvas_class
from express.pdf.document.pages import MagazineDoc, Overflow
from express.pdf.document.press import (
    PrintDoc,
    make_print_canvas_class,
    print_edition,
    slug_painter,
)
from express.pdf.layout.blocks import GridSpace, Stack
from express.pdf.layout.colophon import Colophon
from express.pdf.layout.contents import Contents, Entry, define_page_forms
from express.pdf.layout.cover import CoverFill, cover_painter, cover_text
from express.pdf.layout.kinds import IN_COLUMNS, RENDERERS
from express.pdf.layout.kinds.common import Context
from express.pdf.layout.parts import Parts
from express.pdf.layout.platypus import NextPageTemplate, PageBreakIfNotEmpty
from express.pdf.layout.text import TextKit
from express.pdf.paint.fonts import FontsMissing, font_set
from express.pdf.paint.images import Pictures
from express.pdf.template import Template, TemplateError, read_template
from express.post.document import document_meta, finish_canvas
from express.post.pdfx import finish_print
from express.project import Project

EDITORIAL_LABEL = "巻頭言"
CONTENTS_LABEL = "目次"

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
    head = [p.anchor("editorial", EDITORIAL_LABEL, EDITORIAL_LABEL),
            p.band(EDITORIAL_LABEL, ks.colour), p.space(p.t.space["after_band_lines"])]
    items = p.body(issue.editorial) + p.signature(issue.signature)
    return [p.section(head, items, columns=ks.columns, source=issue.at("editorial"),
                      rule=True)]


def story(p: Parts, issue: Issue, archive: Archive, book: Book) -> list:
    t = p.t
    entries: list[Entry] = []
    if issue.editorial:
        entries.append(Entry("editorial", EDITORIAL_LABEL, EDITORIAL_LABEL,
                             t.kinds["editorial"].colour, issue.at("editorial")))
    for a in issue.articles:
        entries.append(Entry(a.id, a.label, str(a.title), t.kinds[a.kind].colour, a.pos))
    out: list = [NextPageTemplate("body"), CoverFill()]
    heading = p.para(CONTENTS_LABEL, "contents_title", colour=t.colours["accent"], align="left",
                     snap=True)
    rule = p.rule(t.colours["accent"], t.rules["thick"], lines=0.5, at=0.0)
    out += [Stack([heading, rule], pitch=p.pitch), Contents(p, entries),
            p.space(t.space["after_contents_lines"])]
    out += editorial(p, issue)
    previous = "editorial" if issue.editorial else None
    gap = t.space["between_articles_lines"]
    run: list = []  # column items of a run of IN_COLUMNS articles (committees)
    for i, a in enumerate(issue.articles):
        ks = t.kinds[a.kind]
        first_of_run = a.kind != previous
        if first_of_run or a.kind not in IN_COLUMNS:
            if ks.new_page:
                out.append(PageBreakIfNotEmpty())
            elif out:
                out.append(GridSpace(gap * p.pitch))
        ctx = Context(show_band=first_of_run or ks.new_page, style=ks)
        if a.kind in IN_COLUMNS:
            run += RENDERERS[a.kind](p, a, ctx)
            nxt = issue.articles[i + 1].kind if i + 1 < len(issue.articles) else None
            if nxt != a.kind:
                out += p.sections([p.band(a.label, ks.colour)], run, columns=ks.columns,
                                  source=a.pos, rule=True)
                run = []
        else:
            out += RENDERERS[a.kind](p, a, ctx)
        previous = a.kind
    out.append(Colophon(p, issue, archive))
    return out


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
        fonts = font_set(project.root, t.fonts)
    except FontsMissing as exc:
        diags.error(issue_pos, "pdf.fonts_missing", problems="; ".join(exc.problems))
        return None, diags
    kit = TextKit(t, fonts, diags)
    book = Book(top_label=CONTENTS_LABEL)  # the first body page opens with the contents
    pub = archive.publication
    press = print_edition(project, pub, t, issue, diags) if for_print else None
    if for_print and press is None:
        return None, diags
    pictures = Pictures(press.sheet.spec.ppi if press else t.ppi, t.jpeg_quality, diags,
                        cache=project.root / ".cache" / "images",
                        min_ppi=press.sheet.spec.min_ppi if press else t.min_ppi,
                        separation=press.separation if press else None)
    p = Parts(t, kit, pictures, book)
    cover = cover_text(p, issue)
    flowables = story(p, issue, archive, book)
    if diags.has_errors:  # unreadable pictures, a cover that does not fit …
        return None, diags
    buf = io.BytesIO()
    running = f"{pub.name} {issue.title}"
    paint_cover = cover_painter(p, issue, archive, cover, bleed=press.bleed if press else 0.0)
    meta = document_meta(issue, archive)
    if press:
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
        return finish_print(buf.getvalue(), press, issue, archive, t, diags)
    return buf.getvalue(), diags
