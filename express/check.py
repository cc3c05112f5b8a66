"""``express check``: load, validate and lint issues, returning every diagnostic."""

from __future__ import annotations

from express.diagnostics import Diagnostic, Diagnostics, Severity
from express.lint import lint_issue
from express.lint.rules import load_rules
from express.load import load_archive, shown_path
from express.load.memo import IssueMemo
from express.model.issue import Archive, Issue
from express.project import Project


def check(project: Project, ids: list[str] | None = None, *, glyphs: bool = False,
          pictures: bool = False, strict: bool = False, whole: bool = True,
          for_print: bool = False, memo: IssueMemo | None = None
          ) -> tuple[Archive | None, Diagnostics]:
    """Load and lint; ``glyphs`` also looks for characters no font can print, ``pictures``
    decodes every picture (the PDF build reports both itself, so only ``express check``
    asks for them); ``for_print`` pre-flights the print edition (:func:`preflight`);
    ``strict`` makes every warning an error; ``memo`` keeps issues loaded before (express
    serve).  With ``ids`` and not ``whole`` the archive
    holds only those issues (the others are read for their numbers alone: see
    ``load_archive``)."""
    archive, diags = load_archive(project.issues, ids or None, whole=whole, memo=memo)
    if archive is not None:
        path = project.templates / "lint" / "hyouki.yaml"
        rules = load_rules(path, shown_path(path), diags)
        fonts: dict[str | None, tuple[frozenset[int], str] | None] = {}  # per template
        for issue in archive.issues:
            _template_exists(project, issue, diags)
            if not ids or issue.id in ids:
                lint_issue(issue, diags, rules)
                if glyphs and not issue.is_back:  # a back issue is not typeset here
                    if issue.template not in fonts:
                        fonts[issue.template] = _coverage(project, issue.template)
                    _glyphs(issue, fonts[issue.template], diags)
                if pictures:
                    _pictures(project, issue, diags)
        if for_print and not diags.has_errors:
            preflight(project, archive, ids, diags)
    if strict:
        diags = Diagnostics(Diagnostic(Severity.ERROR, d.pos, d.code, d.args) for d in diags)
    return archive, diags


def _template_exists(project: Project, issue: Issue, diags: Diagnostics) -> None:
    """The layout template the issue names is one of those in ``templates/pdf/``."""
    if issue.template is not None and not project.pdf_template(issue.template).is_file():
        folder = project.templates / "pdf"
        diags.error(issue.at("template"), "pdf.template_missing", name=issue.template,
                    folder=shown_path(folder),
                    available=", ".join(sorted(p.stem for p in folder.glob("*.yaml"))) or "-")


def _coverage(project: Project, template: str | None) -> tuple[frozenset[int], str] | None:
    """The code points the fonts of ``template`` can print, and the fonts' names (None
    when the template or its fonts are missing: the build reports that).  Read from the
    fonts as the PDF renderer loads them, so both agree on what is printable."""
    from express.pdf.paint.fonts import FontsMissing, font_set
    from express.pdf.template import font_candidates

    path = project.pdf_template(template)
    if not path.exists():
        return None
    try:
        fonts = font_set(project.root, font_candidates(path))
    except FontsMissing:
        return None
    names = ", ".join(sorted({p.stem for p in fonts.paths.values()}))
    return fonts.codepoints(), names


def _glyphs(issue: Issue, fonts: tuple[frozenset[int], str] | None, diags: Diagnostics
            ) -> None:
    from express.lint.glyphs import unprintable_characters

    if fonts is not None:
        unprintable_characters(issue, *fonts, diags)


def _pictures(project: Project, issue: Issue, diags: Diagnostics) -> None:
    """Measure each picture as the build does, into its cache (one decoding per file), and
    warn of one too coarse for the width the layout template prints it at."""
    from express.pdf.layout.placement import picture_widths
    from express.pdf.paint.images import PictureSizes, images_in, low_resolution
    from express.pdf.template import TemplateError, read_template

    sizes = PictureSizes(diags, project.root / ".cache" / "images")
    for image in images_in(issue):
        sizes.size(image)
    try:
        t = read_template(project.pdf_template(issue.template))
    except (TemplateError, OSError):
        return  # no template to measure against: the build says why
    warned: set[tuple[str, object]] = set()
    for image, width in picture_widths(t, issue, sizes.size):
        px = sizes.size(image)
        if px is not None and (image.path, image.pos) not in warned and low_resolution(
                diags, image, px[0], width, t.ppi, t.min_ppi):
            warned.add((image.path, image.pos))


def preflight(project: Project, archive: Archive, ids: list[str] | None,
              diags: Diagnostics) -> None:
    """``express check --print``: each issue's print edition set in memory (nothing is
    written) and what its pre-flight finds added to ``diags``."""
    from express.typeset import typeset

    issues = [i for i in archive.issues if not ids or i.id in ids]
    for done in typeset(project, archive, issues, None, for_print=True):
        diags.extend(done.diags)
