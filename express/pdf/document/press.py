"""The print edition: the same story, set on the press sheet in the printer's inks.

What differs from the screen edition is all here and in the pieces it assembles: the page
is the trim on larger paper with bleed, トンボ and a slug (document/sheet.py); colours are the
template's CMYK (document/ink.py) and pictures are separated through the output profile
(paint/images.py ``Separation``); nothing on the page is clickable; the page count is
padded to a multiple of four (document/padding.py).  The layout itself is the screen
edition's: only artwork that touches the trim runs on into the bleed (the cover).  PDF/X
finishing and the pre-flight read the result back (express/post/pdfx.py, preflight.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.rl_accel import fp_str

from express.diagnostics import Diagnostics
from express.model.issue import Issue, Publication
from express.model.source import Pos
from express.pdf.document import numbering
from express.pdf.document.ink import Ink
from express.pdf.document.padding import NOTES_LABEL, PAD_TEMPLATES, Padding, paint_notes
from express.pdf.document.pages import MagazineDoc
from express.pdf.document.sheet import Sheet, paint_marks
from express.pdf.layout.parts import Parts
from express.pdf.layout.platypus import Frame, PageTemplate
from express.pdf.paint.images import Separation
from express.pdf.paint.marks import artifact
from express.pdf.template import MM, Template
from express.profiles import (
    CUSTOM_CONDITION,
    OutputProfile,
    ProfileError,
    chosen_name,
    find_profile,
    read_profile,
    search_dirs,
)
from express.project import Project


@dataclass
class PrintEdition:
    sheet: Sheet
    profile: OutputProfile
    separation: Separation
    padding: Padding

    @property
    def bleed(self) -> float:
        return self.sheet.spec.bleed


def print_edition(project: Project, publication: Publication, t: Template, issue: Issue,
                  diags: Diagnostics) -> PrintEdition | None:
    """The print edition's set-up for ``issue`` with template ``t``; None (with an error)
    when its output profile cannot be had."""
    profile = output_profile(project, publication, t, issue.pos, diags)
    if profile is None:
        return None
    spec = t.print
    return PrintEdition(Sheet(t.page_width, t.page_height, spec), profile,
                        Separation(profile.data, profile.digest, spec.intent),
                        Padding(spec.pad_with))


def output_profile(project: Project, publication: Publication, t: Template, issue_pos: Pos,
                   diags: Diagnostics) -> OutputProfile | None:
    """The printer's profile if ``publication.yaml`` names one, else the template's."""
    name = chosen_name(publication.print_profile, t.print.profile)
    if publication.print_profile is not None:
        where = publication.at("print_profile")
        condition = str(publication.print_condition or CUSTOM_CONDITION)
        why = f"print_profile in {where.path}"
    else:
        where, condition = issue_pos, t.print.condition
        why = f"print.profile in {t.path.name}"
    path = find_profile(project.root, name)
    if path is None:
        diags.error(where, "print.profile_missing", name=name,
                    folders=", ".join(str(d) for d in search_dirs(project.root)[:3]))
        return None
    try:
        return read_profile(path, condition, why)
    except ProfileError as exc:
        diags.error(where, "print.profile_unusable", name=name, path=str(path),
                    reason=str(exc))
        return None


def make_print_canvas_class(base: type, sheet: Sheet, paint_slug):
    """``base`` (the screen edition's canvas) on the press sheet: the origin at the trim's
    lower-left corner, the marks and the slug (``paint_slug(canvas)``) added to each page,
    the paper as large as the sheet, and no annotations."""
    margin = sheet.margin

    class PrintCanvas(base):
        def init_graphics_state(self):
            super().init_graphics_state()
            self._currentMatrix = (1.0, 0.0, 0.0, 1.0, margin, margin)

        def showPage(self):
            with artifact(self, "Pagination"):
                paint_marks(self, sheet)
                paint_slug(self)
            # the page's own content from the trim's corner (not in the preamble, which
            # ReportLab also puts into every form)
            self._code.insert(0, f"1 0 0 1 {fp_str(margin, margin)} cm")
            trim, self._pagesize = self._pagesize, sheet.media
            try:
                super().showPage()
            finally:
                self._pagesize = trim

        def _addAnnotation(self, annotation, name=None, addtopage=1):
            """A printed page has nothing to click (and PDF/X allows no link on it)."""

    return PrintCanvas


class PrintDoc(MagazineDoc):
    """The screen edition's document with the print edition's boxes, inks and the page
    templates of the pages that pad it to a multiple of four."""

    def __init__(self, buf, t: Template, kit, book, *, edition: PrintEdition, parts: Parts,
                 **kw) -> None:
        sheet = edition.sheet
        super().__init__(buf, t, kit, book, enforceColorSpace=Ink(t.print.cmyk),
                         trimBox=sheet.trim_box, bleedBox=sheet.bleed_box, **kw)
        frame = Frame(t.left, t.bottom, t.grid.width, t.grid.height, 0, 0, 0, 0, id="pad")
        self.addPageTemplates([
            PageTemplate(id=PAD_TEMPLATES["notes"], frames=[frame],
                         onPage=lambda canv, doc: notes_page(parts, canv),
                         onPageEnd=self._notes_page),
            PageTemplate(id=PAD_TEMPLATES["blank"], frames=[frame]),
        ])

    def _notes_page(self, canv, doc) -> None:
        # the running head names the page (the plan's sections end with the issue's pages)
        labels = self.book.labels
        at = canv.getPageNumber() - 1 - numbering.COVER_PAGES
        labels += [NOTES_LABEL] * (at + 1 - len(labels))
        self._body_page(canv, doc)


def notes_page(parts: Parts, canv) -> None:
    """A page padding the booklet to fours: ruled for notes, no content (an artifact)."""
    with artifact(canv, "Layout"):
        paint_notes(parts, canv)


def slug_painter(t: Template, kit, running: str):
    """The slug: the issue and the page's place in the booklet, below the trim between the
    corner and centre marks, where the printer reads it and the cut takes it away."""
    spec = t.print

    def paint(canv) -> None:
        index = canv.getPageNumber() - 1
        number = numbering.folio(index) if numbering.shows_folio(index) else None
        line = kit.line(f"{running}　{index + 1}" + (f"（ノンブル {number}）" if number else ""),
                        "folio_name")
        if line is not None:
            size = t.style("folio_name").size
            y = -spec.bleed - spec.mark_length / 2 - size * 0.35
            kit.painter.draw_line(canv, line, 5 * MM, y, t.colours["ink"])

    return paint
