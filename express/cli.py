"""The ``express`` command: a thin shell over check, build and friends.

Each command parses its options, calls one function, and prints diagnostics as
``file:line:col: error: message`` in the editor's language.
"""

from __future__ import annotations

import datetime as dt
import errno
import gc
import os
import sys
from pathlib import Path

import click

from express import __version__
from express.diagnostics import Diagnostics, environment_error
from express.messages import message
from express.project import Project


def report(diags: Diagnostics) -> int:
    """Print every diagnostic to stderr, then a one-line count if there were any;
    returns the number of errors."""
    lines, errors = diags.rendered()
    for line in lines:
        click.echo(line, err=True)
    if lines:
        files = len({d.pos.path for d in diags if d.pos})
        click.echo(message("check.summary", errors=errors, warnings=len(lines) - errors,
                           files=files), err=True)
    return errors


class IdRule(click.ParamType):
    """A name from the command line that names files (an issue's id, a layout template),
    checked against the id rule before it is used: ``../x`` would lead out of
    ``build/proof``.  ``code`` is the message saying what is wrong, given the name."""

    def __init__(self, name: str, code: str, field: str) -> None:
        self.name, self.code, self.field = name, code, field

    def convert(self, value, param, ctx) -> str:
        from express.load import is_id

        if not is_id(value):
            self.fail(message(self.code, **{self.field: value}), param, ctx)
        return value


ISSUE_ID = IdRule("ID", "new.bad_id", "id")
TEMPLATE = IdRule("NAME", "issue.bad_template", "value")


class _Guarded(click.Group):
    """Turns an unexpected exception into one clear line instead of a traceback.

    Bad input never gets here (stages report it as diagnostics).  What the system refuses
    (permissions, a full disk) is said as such, with what to do; anything else is a bug,
    and the editor learns what to send to the developers.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit,
                KeyboardInterrupt):
            raise
        except OSError as exc:
            if os.environ.get("EXPRESS_DEBUG") or exc.errno is None:
                raise
            click.echo(environment_error(exc).render(), err=True)
            sys.exit(74)  # EX_IOERR
        except Exception as exc:
            if os.environ.get("EXPRESS_DEBUG"):
                raise
            click.echo(message("internal.error", kind=type(exc).__name__, detail=str(exc)),
                       err=True)
            sys.exit(70)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="express")
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Project folder (default: the nearest folder with issues/).")
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """JAIPA Express: typeset the newsletter from YAML into a PDF magazine and a web archive.

    \b
    Typical use:
      express new 2031-autumn     start an issue from a commented template
      express check               find mistakes in every issue (file:line:col)
      express build               write build/pdf/<id>.pdf and the site in build/site/
      express fonts               show which font files are used, and why
      express serve               preview the archive at http://127.0.0.1:8000/, live
      express import OLD/*.pdf    make back-issue folders from PDFs made elsewhere
      express proof ID --diff     page images and the pages changed since the last proof
    """
    from express.lock import settle_if_free

    ctx.obj = Project(project_dir.resolve()) if project_dir else Project.find()
    settle_if_free(ctx.obj)  # what a killed run left in build/ (express/publish.py)


@main.command()
@click.argument("ids", nargs=-1, type=ISSUE_ID)
@click.option("--strict", is_flag=True,
              help="Treat editorial warnings (weekdays, repeats, 表記ゆれ, …) as errors.")
@click.option("--print", "for_print", is_flag=True,
              help="Also pre-flight the print edition: set it in memory and report text "
                   "outside the safe area, pictures under resolution, RGB, fonts.")
@click.pass_obj
def check(project: Project, ids: tuple[str, ...], strict: bool, for_print: bool) -> None:
    """Check issues for mistakes before anything is typeset.

    Checks the issues named by IDS (folder names under issues/), or all of them. Every
    problem is printed at once as file:line:col with what to write instead. Exit status
    is 1 when there are errors; warnings alone do not fail, unless --strict is given.
    With --print the print edition is set (nothing is written) and pre-flighted.
    """
    from express.check import check as run_check

    archive, diags = run_check(project, list(ids), glyphs=True, pictures=True, strict=strict,
                               whole=False, for_print=for_print)
    errors = report(diags)
    if not diags:
        count = len(ids) if ids else len(archive.issues) if archive else 0
        click.echo(message("check.ok", issues=count))
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("issue_id", metavar="ID", type=ISSUE_ID)
@click.option("--date", "date_", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Publication date (default: today).")
@click.pass_obj
def new(project: Project, issue_id: str, date_: dt.datetime | None) -> None:
    """Start a new issue ID (e.g. 2031-autumn) from a commented template.

    The template shows every article kind with example values; it passes
    `express check` as written, so you can fill it in one part at a time.
    """
    from express.new_issue import create_issue

    folder = project.issues / issue_id
    if folder.exists() or folder.is_symlink():  # a link to nothing is there too
        click.echo(message("new.exists", path=folder), err=True)
        sys.exit(1)
    today = date_.date() if date_ else dt.date.today()
    path = create_issue(project, issue_id, today)
    click.echo(message("new.created", path=path, id=issue_id))


@main.command()
@click.option("--provision", is_flag=True,
              help="Fetch the default fonts (BIZ UD Mincho/Gothic) if any role has none.")
@click.option("--template", type=TEMPLATE, default=None,
              help="Layout template whose fonts to show.")
@click.pass_obj
def fonts(project: Project, provision: bool, template: str | None) -> None:
    """Show which font file is used for each role, and why.

    Lookup order: fonts/<role>.ttf in the project, then the template's candidate
    file names in fonts/, $EXPRESS_FONT_PATH, .cache/fonts and the system's fonts.
    """
    from express.fonts import find_fonts
    from express.fonts.provision import ProvisionError
    from express.fonts.provision import provision as fetch
    from express.pdf.template import font_candidates

    candidates = font_candidates(project.pdf_template(template))
    chosen, problems = find_fonts(project.root, candidates)
    if provision and len(chosen) < len(candidates):
        try:
            fetch(project.root)
        except ProvisionError as exc:
            click.echo(f"express fonts: {exc}", err=True)
            sys.exit(1)
        from express.fonts.discovery import forget

        forget()
        chosen, problems = find_fonts(project.root, candidates)
    w = max(map(len, candidates), default=0)
    for role in candidates:
        if role in chosen:
            c = chosen[role]
            click.echo(f"{role:{w}} {c.path}\n{'':{w}} ({c.why})")
    for p in problems:
        if p.role not in chosen:
            click.echo(f"{p.role:{w}} MISSING: {p.reason}", err=True)
    sys.exit(0 if len(chosen) == len(candidates) else 1)


@main.command()
@click.argument("ids", nargs=-1, type=ISSUE_ID)
@click.option("--template", type=TEMPLATE, default=None,
              help="PDF layout template under templates/pdf/ (default: each issue's own "
                   "`template:` key, else a4-magazine).")
@click.option("--no-site", is_flag=True, help="Write the PDFs only, not the archive site.")
@click.option("--force", is_flag=True,
              help="Make everything anew, even outputs whose inputs did not change.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Issues typeset at once (default: one per core).")
@click.option("--print", "for_print", is_flag=True,
              help="Also write the print edition for the printing company: "
                   "build/print/<id>.pdf (PDF/X-4, CMYK, bleed and trim marks).")
@click.pass_obj
def build(project: Project, ids: tuple[str, ...], template: str | None, no_site: bool,
          force: bool, jobs: int | None, for_print: bool) -> None:
    """Build PDFs (build/pdf/<id>.pdf) and the archive site (build/site/).

    Builds the issues named by IDS, or all of them. Issues are checked first; if anything
    is wrong nothing is written and the previous output stays as it was. Outputs whose
    inputs (issue files, templates, fonts, express itself) did not change since the last
    build are kept as they are; --force makes them anew. With --print the print editions
    are written too (build/print/<id>.pdf), pre-flighted; see docs/print.md.
    """
    from express.build import build as run_build
    from express.progress import StatusLine
    from express.publish import PublishCut

    status = StatusLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        result = run_build(project, list(ids), template=template, site=not no_site,
                           progress=status, force=force, jobs=jobs, waiting=_waiting,
                           for_print=for_print)
    except OSError as exc:
        if exc.errno is None:
            raise
        click.echo(environment_error(exc).render(), err=True)
        if isinstance(exc, PublishCut):
            click.echo(message("build.publish_cut", parts=", ".join(
                f"build/{p}/" for p in exc.replaced)), err=True)
        else:  # the stage was never published
            click.echo(message("build.environment"), err=True)
        sys.exit(74)
    finally:
        if status is not None:
            status.clear()
    if report(result.diags):
        # say it outright: the errors above may name one issue among several built
        failing = sorted({Path(d.pos.path).parent.name for d in result.diags
                          if d.is_error and d.pos is not None})
        click.echo(message("build.nothing_written", issues=", ".join(failing) or "-"),
                   err=True)
        sys.exit(1)
    for issue_id, path in sorted(result.pdfs.items()):
        shown = os.path.relpath(path)
        pages = result.pages.get(issue_id)
        made = issue_id in result.typeset
        if pages:
            click.echo(message("build.pages" if made else "build.unchanged_pages",
                               path=shown, pages=pages))
        else:
            click.echo(shown if made else message("build.unchanged", path=shown))
    for issue_id, path in sorted(result.prints.items()):
        shown = message("build.print_written", path=os.path.relpath(path))
        click.echo(shown if issue_id in result.printed
                   else message("build.unchanged", path=shown))
    if result.site:
        index = f"{os.path.relpath(result.site)}/index.html"
        click.echo(message("build.unchanged", path=index) if result.site_reused else index)


def _waiting(holder: str) -> None:
    click.echo(message("build.waiting", holder=holder), err=True)


@main.command("import")
@click.argument("pdfs", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to make the issue folders in (default: issues/).")
@click.pass_obj
def import_(project: Project, pdfs: tuple[Path, ...], to: Path | None) -> None:
    """Make a back-issue folder for each PDF (issues made elsewhere, kept as PDFs).

    Reads number, season and date from each cover (第37号, 2021年冬号, 2021年12月15日 発行;
    a scanned cover by OCR), names the folder after the season (2021-winter), copies the
    PDF in unchanged and writes issue.yaml. Says what it read and what it could not (left
    for you to fill in); never overwrites an existing folder. Exit status 1 when a PDF
    could not be imported.
    """
    from express.importer import import_pdfs

    results = import_pdfs(project, list(pdfs), to.resolve() if to else None)
    for r in results:
        if r.folder is None:
            click.echo(message(r.problem, **r.args), err=True)
            continue
        yaml_path = os.path.relpath(r.folder / "issue.yaml")
        click.echo(message("import.made", folder=os.path.relpath(r.folder),
                           source=os.path.relpath(r.source)))
        if r.read:
            f = r.facts
            shown = [f"第{f.number}号" if f.number else "", f.season or "",
                     f.date.isoformat() if f.date else ""]
            code = "import.read_ocr" if r.by_ocr else "import.read"
            click.echo(message(code, facts=", ".join(x for x in shown if x)))
        if r.unread:
            code = "import.unread_no_ocr" if r.install else "import.unread"
            click.echo(message(code, keys=", ".join(r.unread), path=yaml_path,
                               install=r.install))
        if r.number_used_by:
            click.echo(message("import.number_used", number=r.facts.number,
                               other=r.number_used_by))
    made = [r for r in results if r.folder is not None]
    if made:
        click.echo(message("import.next", ids=" ".join(r.folder.name for r in made)))
    sys.exit(0 if len(made) == len(results) else 1)


@main.command()
@click.option("--provision", is_flag=True,
              help="Make the default output profile (FOGRA39) if it is not there yet.")
@click.option("--template", default=None, help="Layout template whose profile to show.")
@click.pass_obj
def profiles(project: Project, provision: bool, template: str | None) -> None:
    """Show which output profile (ICC) the print edition uses, and why.

    The printer's, when issues/publication.yaml names one (print_profile:), else the
    layout template's (print.profile); looked up in profiles/, $EXPRESS_PROFILE_PATH,
    .cache/profiles and the system's colour folders. --provision makes the default
    from Debian's FOGRA39 data with ArgyllCMS (about 20 s, once).
    """
    from express.load import load_publication
    from express.pdf.template import read_template
    from express.profiles import ProfileError, chosen_name, find_profile, read_profile
    from express.profiles.provision import ProvisionError
    from express.profiles.provision import provision as make_default

    if provision:
        try:
            make_default(project.root)
        except ProvisionError as exc:
            click.echo(f"express profiles: {exc}", err=True)
            sys.exit(1)
    t = read_template(project.pdf_template(template))
    diags = Diagnostics()
    pub = load_publication(project.issues, diags) if project.issues.is_dir() else None
    printer = pub.print_profile if pub is not None else None
    name = chosen_name(printer, t.print.profile)
    why = "print_profile in publication.yaml" if printer is not None \
        else f"print.profile in {t.path.name}"
    path = find_profile(project.root, name)
    if path is None:
        click.echo(f"{name}: MISSING ({why}); run `express profiles --provision` or put "
                   "it into profiles/", err=True)
        sys.exit(1)
    try:
        found = read_profile(path, "", why)
    except ProfileError as exc:
        click.echo(f"{name}: {path}: {exc}", err=True)
        sys.exit(1)
    click.echo(f"{found.description}\n  {path}\n  ({why})")


@main.command()
@click.argument("issue_id", metavar="ID", type=ISSUE_ID)
@click.option("--diff", is_flag=True,
              help="Compare with the previous proof: list and frame the pages that changed.")
@click.option("--grid", is_flag=True, help="Draw the template's text grid over the pages.")
@click.option("--template", type=TEMPLATE, default=None,
              help="Layout template whose grid to draw (default: the issue's, else a4-magazine).")
@click.option("--scale", default=1.5, show_default=True, help="Pixels per point.")
@click.option("--no-build", is_flag=True,
              help="Proof build/pdf/ID.pdf as it is, without building it first.")
@click.option("--print", "for_print", is_flag=True,
              help="Proof the print edition (build/print/ID.pdf), marks and all, into "
                   "build/proof/ID-print/, with each spread as spread-NN-NN.png.")
@click.pass_obj
def proof(project: Project, issue_id: str, diff: bool, grid: bool, template: str | None,
          scale: float, no_build: bool, for_print: bool) -> None:
    """Render each page of issue ID's PDF to build/proof/ID/page-NN.png.

    The PDF is built first when its inputs changed (as `express build ID --no-site`).
    Also writes contact.png, every page as a thumbnail labelled with its folio. The last
    proof's pages are kept in previous/; with --diff the pages that changed since then are
    listed, framed on the contact sheet and shown in page-NN.diff.png. With --grid the
    template's text grid is drawn over the pages. With --print the print edition is
    proofed instead, and its facing pages are put side by side (spread-NN-NN.png).
    """
    from express.lock import project_lock
    from express.pdf.template import read_template
    from express.proof import label_font, make_proof, read_style, write_spreads

    pdf = project.build / ("print" if for_print else "pdf") / f"{issue_id}.pdf"
    if not no_build:
        from express.build import build as run_build

        result = run_build(project, [issue_id], template=template, site=False,
                           waiting=_waiting, for_print=for_print)
        if report(result.diags):
            sys.exit(1)
        if not for_print:
            pdf = result.pdfs.get(issue_id, pdf)  # a back issue's is its own file
    if not pdf.exists():
        click.echo(message("proof.no_pdf", id=issue_id, path=os.path.relpath(pdf)), err=True)
        sys.exit(1)
    layout = None
    if grid and not for_print:  # (the grid is drawn on the screen edition's page)
        if template is None:
            from express.load import load_archive

            archive, _ = load_archive(project.issues, [issue_id], whole=False)
            issue = next((i for i in archive.issues if i.id == issue_id), None) if archive \
                else None
            template = issue.template if issue else None
        layout = read_template(project.pdf_template(template))
    style = read_style(project.templates / "proof" / "contact-sheet.yaml")
    out = project.build / "proof" / (f"{issue_id}-print" if for_print else issue_id)
    with project_lock(project, _waiting):  # build/proof is build/ too
        result = make_proof(pdf, out, style,
                            font=label_font(project, style.font_role, template),
                            scale=scale, template=layout, diff=diff)
    click.echo(message("proof.written", count=len(result.pages), path=os.path.relpath(out),
                       sheet=os.path.relpath(result.sheet)))
    if for_print:
        spreads = write_spreads(result.pages, out)
        click.echo(message("proof.spreads", count=len(spreads), path=os.path.relpath(out)))
    if result.changed is None:
        return
    total = len(result.pages)
    if result.previous_count is None:
        click.echo(message("proof.no_previous", total=total))
        return
    if result.previous_count != total:
        click.echo(message("proof.page_count", before=result.previous_count, after=total))
    if result.changed:
        click.echo(message("proof.changed", pages=", ".join(result.names(result.changed)),
                           count=len(result.changed), total=total))
    else:
        click.echo(message("proof.unchanged", total=total))


@main.command()
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--no-build", is_flag=True,
              help="Serve build/site as it is: no build, no watching.")
@click.pass_obj
def serve(project: Project, port: int, no_build: bool) -> None:
    """Preview the archive site at http://127.0.0.1:PORT/, rebuilt on every save.

    Builds first when an issue or template changed since the last build, then watches
    issues/, templates/ and fonts/: each save rebuilds what it touches and the open pages
    reload. A save that cannot be built shows its errors in the terminal and on the pages,
    which keep showing the last good build. Press Ctrl+C to stop.
    """
    from express.serve import Preview
    from express.serve.watch import watched_folders

    gc.enable()  # a preview lives on: its garbage is collected (express/__main__.py)
    preview = Preview(project, click.echo)
    try:
        url = preview.bind(port)
    except OSError as exc:
        code = {errno.EADDRINUSE: "serve.port_busy", errno.EACCES: "serve.port_denied"}
        click.echo(message(code.get(exc.errno, "serve.port_failed"), port=port,
                           reason=exc.strerror or str(exc)), err=True)
        sys.exit(1)
    if not no_build:
        folders = ", ".join(f"{p.name}/" for p in watched_folders(project))
        click.echo(message("serve.watching", folders=folders))
    preview.run(url, watch=not no_build)
