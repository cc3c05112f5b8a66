"""``express build``: check, render every PDF and the archive site, publish them together.

Nothing is written unless everything succeeded: PDFs are rendered in memory and written,
with the site, into a stage in ``build/``, which is published all at once
(express/publish.py), so a failed or killed build leaves the previous good output as it
was.  One build at a time writes a project's ``build/`` (express/lock.py).

What a build includes is one rule: the site is built from every issue, and from issues
that check clean only, so an error in any issue stops a build that publishes the site,
whether or not that issue was named; and every PDF the site publishes is brought up to
date with it.  A build without the site makes the PDFs of the issues named.

Outputs whose inputs did not change since they were made are not made again: each PDF and
the site has a key over the content of its inputs (express/buildcache), recorded when it
is written; ``force`` makes everything anew.  PDFs that need making are set in parallel,
one process per core (express/typeset.py).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from express.atomic import write_atomic
from express.buildcache import cache_dir
from express.buildcache.hashes import FileHashes
from express.buildcache.keys import Keys
from express.buildcache.manifest import Manifest, entry
from express.check import check
from express.diagnostics import Diagnostics
from express.load import is_id, issue_folders
from express.lock import Waiting, project_lock
from express.model.issue import Archive, Issue
from express.project import Project
from express.publish import PublishCut, Stage

if TYPE_CHECKING:  # (what serve keeps between builds; a build from the command line has none)
    from express.warm import Warm


@dataclass(frozen=True)
class Step:
    """What the build is doing, for a progress display (the CLI draws it, or not)."""

    stage: str  # "checking", "typesetting", "writing", "site" or "search index"
    issue: str | None = None  # the issue concerned, if the stage goes issue by issue
    pages: int = 0  # pages of ``issue`` laid out so far (typesetting)
    done: int = 0  # issues through this stage so far
    total: int = 0  # issues this stage has in all


Progress = Callable[[Step], None]


@dataclass
class BuildResult:
    diags: Diagnostics
    pdfs: dict[str, Path] = field(default_factory=dict)  # every issue's PDF
    site: Path | None = None
    typeset: set[str] = field(default_factory=set)  # issues whose PDF this build made
    pages: dict[str, int] = field(default_factory=dict)  # each PDF's pages, where known
    site_reused: bool = False  # the site was up to date and left as it was
    prints: dict[str, Path] = field(default_factory=dict)  # print editions asked for
    printed: set[str] = field(default_factory=set)  # those this build made

    @property
    def ok(self) -> bool:
        return not self.diags.has_errors

    @property
    def reused(self) -> set[str]:
        """Issues whose PDF was already there, up to date or not asked for."""
        return set(self.pdfs) - self.typeset


@contextmanager
def without_gc() -> Iterator[None]:
    """No cyclic garbage collection while building (turned back on afterwards).

    Typesetting an issue makes hundreds of thousands of objects that live until its PDF is
    written: every collection during a build examined them all to find almost nothing (at
    700 new objects a collection, ~220 runs an issue, ~0.1 s of a 1 s build; at 100,000,
    still 0.03-0.05 s).  What a build leaves in reference cycles is a few MB an issue; a
    process typesetting several issues collects it between them (express/typeset.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(project: Project, ids: list[str] | None = None, *, template: str | None = None,
          site: bool = True, progress: Progress | None = None, force: bool = False,
          jobs: int | None = None, waiting: Waiting | None = None,
          for_print: bool = False, warm: Warm | None = None) -> BuildResult:
    """Check, then make the PDFs of ``ids`` (all when None) and the site, as needed;
    ``for_print``: their print editions too (``build/print/<id>.pdf``).

    ``force`` makes every output anew; ``jobs`` caps the processes typesetting at once
    (default: one per core); ``waiting`` is told who holds the project's lock when this
    build must wait for it; ``warm`` is what a long-lived process keeps between builds
    (express/warm.py).
    """
    with without_gc(), project_lock(project, waiting):
        run = _Build(project, template, progress or (lambda step: None), force, jobs,
                     for_print, warm)
        return run.build(ids, site)


@dataclass
class _Made:
    """A PDF this build typeset."""

    issue: Issue
    key: str | None
    data: bytes
    diags: Diagnostics
    pages: int = 0

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class _Build:
    def __init__(self, project: Project, template: str | None, progress: Progress,
                 force: bool, jobs: int | None, for_print: bool = False,
                 warm: Warm | None = None) -> None:
        self.project, self.template, self.progress = project, template, progress
        self.force, self.jobs, self.for_print, self.warm = force, jobs, for_print, warm
        store = cache_dir(project.root)
        self.manifest_path = store / "manifest.json"
        self.hashes = FileHashes(store / "hashes.json")
        self.pdf_dir = project.build / "pdf"

    def build(self, ids: list[str] | None, site: bool) -> BuildResult:
        # before loading (see its docstring); without the site, of the issues named only
        self.keys = Keys(self.project, self.hashes, ids if ids and not site else None)
        self.progress(Step("checking", total=len(ids or issue_folders(self.project.issues))))
        # PDFs read no other issue: without the site, the others need not be loaded
        archive, diags = check(self.project, ids, whole=site,
                               memo=self.warm.issues if self.warm else None)
        result = BuildResult(diags)
        if archive is None or diags.has_errors:
            return result
        try:
            self._build(archive, ids, site, result)
        finally:
            self.hashes.save()
        return result

    def pdf_path(self, issue_id: str) -> Path:
        """Where an issue typeset here has its PDF (a back issue's is its own file)."""
        return self.pdf_dir / f"{issue_id}.pdf"

    def published(self, issue: Issue) -> Path:
        """The PDF the site publishes for ``issue``: typeset here, or a back issue's."""
        return Path(issue.back.path) if issue.back is not None else self.pdf_path(issue.id)

    def print_path(self, issue: Issue) -> Path:
        return self.project.build / "print" / f"{issue.id}.pdf"

    def _build(self, archive: Archive, ids: list[str] | None, site: bool,
               result: BuildResult) -> None:
        manifest = Manifest.load(self.manifest_path)
        diags = result.diags
        # the site publishes every issue's PDF: with it, every PDF is brought up to date;
        # a back issue's PDF is the file given: nothing to typeset
        named = [i for i in archive.issues if not ids or i.id in ids]
        scope = [i for i in archive.issues
                 if (site or not ids or i.id in ids) and i.back is None]
        wanted: list[tuple[Issue, str | None]] = []
        for issue in scope:
            key = self.keys.pdf(issue, self.template)
            old = manifest.pdfs.get(issue.id)
            digest = self.hashes.digest(self.pdf_path(issue.id))
            if not self.force and key is not None and old is not None and old.key == key \
                    and digest == old.digest:
                diags.extend(old.diagnostics())
                if old.pages:
                    result.pages[issue.id] = old.pages
            else:
                wanted.append((issue, key))
        made = self._typeset(archive, wanted, diags) if wanted else []
        to_print = [i for i in named if i.back is None] if self.for_print else []
        printed = self._print_editions(archive, to_print, manifest, diags) \
            if to_print and not diags.has_errors else []
        if diags.has_errors:
            return
        digests = self._kept(made)
        # what the site is keyed on: the PDFs of build/pdf and the back issues' own
        backs = {i.id: self.hashes.digest(self.published(i)) for i in archive.issues
                 if i.back is not None}
        site_key = self.keys.site(archive, {**digests, **backs}) if site else None
        old_site = manifest.site
        make_site = site and (self.force or site_key is None or old_site is None
                              or old_site.key != site_key
                              or not (self.project.build / "site" / "index.html").is_file())
        if site and not make_site:
            diags.extend(old_site.diagnostics())
        stale = {p.name for p in self._listing()} - {f"{i}.pdf" for i in digests}
        pdfs_change = bool(made) or bool(stale) or not self.pdf_dir.is_dir()
        if pdfs_change or make_site:
            site_diags = self._publish(archive, made, digests, pdfs_change, make_site)
            result.diags.extend(site_diags)
            if site_diags.has_errors:  # the site failed: nothing was published
                return
            if make_site:  # a site with warnings (no search index …) is made again next time
                manifest.site = entry(site_key, "", site_diags) \
                    if site_key and not site_diags else None
        for m in made:
            if m.key is not None:
                manifest.pdfs[m.issue.id] = entry(m.key, m.digest, m.diags, m.pages)
            else:
                manifest.pdfs.pop(m.issue.id, None)
            result.pages[m.issue.id] = m.pages
        for m in printed:  # (the print editions are not published: they go to the printer)
            path = self.print_path(m.issue)
            write_atomic(path, m.data)
            self.hashes.record(path, m.digest)
            if m.key is not None:
                manifest.prints[m.issue.id] = entry(m.key, m.digest, m.diags)
            else:
                manifest.prints.pop(m.issue.id, None)
        result.typeset = {m.issue.id for m in made}
        result.pdfs = {i.id: self.published(i) for i in archive.issues}
        if self.for_print:
            result.prints = {i.id: self.print_path(i) for i in to_print}
            result.printed = {m.issue.id for m in printed}
        if site:
            result.site, result.site_reused = self.project.build / "site", not make_site
        # only after the outputs are in place: the manifest never names what is not there
        manifest.pdfs = {k: e for k, e in manifest.pdfs.items() if k in digests}
        known = {f.name for f in issue_folders(self.project.issues)}
        manifest.prints = {k: e for k, e in manifest.prints.items() if k in known}
        manifest.save(self.manifest_path)

    def _listing(self) -> list[Path]:
        return list(self.pdf_dir.glob("*.pdf")) if self.pdf_dir.is_dir() else []

    def _kept(self, made: list[_Made]) -> dict[str, str]:
        """The PDFs build/pdf is to hold, by issue, with their digests: those just made,
        and those there that are still an issue's (an issue removed or renamed takes its
        PDF with it)."""
        ids = {f.name for f in issue_folders(self.project.issues) if is_id(f.name)}
        kept = {m.issue.id: m.digest for m in made}
        for path in self._listing():
            if path.stem in ids and path.stem not in kept:
                digest = self.hashes.digest(path)
                if digest is not None:
                    kept[path.stem] = digest
        return kept

    def _publish(self, archive: Archive, made: list[_Made], digests: dict[str, str],
                 pdfs_change: bool, make_site: bool) -> Diagnostics:
        """Write the PDFs (when they change) and the site (when it is made) into a stage
        and publish them together, unless the site has errors; the site's diagnostics."""
        stage = Stage(self.project.build)
        cut = False
        try:
            pdfs = {i: self.pdf_path(i) for i in digests}
            if pdfs_change:
                pdfs = self._stage_pdfs(stage.part("pdf"), made, pdfs)
            backs = {i.id: self.published(i) for i in archive.issues if i.back is not None}
            site_diags = self._site(archive, {**pdfs, **backs}, stage.part("site")) \
                if make_site else Diagnostics()
            if site_diags.has_errors:
                return site_diags
            stage.publish([part for part, publish in (("pdf", pdfs_change),
                                                      ("site", make_site)) if publish])
        except PublishCut:
            cut = True  # its journal and stage stay: the next command puts the rest in place
            raise
        finally:
            if not cut:
                stage.discard()
        if pdfs_change:  # linked or written: their times changed, not what they hold
            for issue_id, digest in digests.items():
                self.hashes.record(self.pdf_path(issue_id), digest)
        return site_diags

    def _stage_pdfs(self, folder: Path, made: list[_Made], pdfs: dict[str, Path]
                    ) -> dict[str, Path]:
        """build/pdf as it will be, in ``folder``: the PDFs just made, and links to the
        others of ``pdfs``; returns where each now is."""
        for n, m in enumerate(made, 1):
            self.progress(Step("writing", m.issue.id, done=n, total=len(made)))
            (folder / f"{m.issue.id}.pdf").write_bytes(m.data)
        new = {m.issue.id for m in made}
        for issue_id, path in pdfs.items():
            if issue_id not in new:
                _link_or_copy(path, folder / path.name)
        return {i: folder / f"{i}.pdf" for i in pdfs}

    def _print_editions(self, archive: Archive, issues: list[Issue], manifest: Manifest,
                        diags: Diagnostics) -> list[_Made]:
        """The print editions of ``issues`` that are not up to date, made."""
        wanted: list[tuple[Issue, str | None]] = []
        for issue in issues:
            key = self.keys.print_pdf(issue, self.template, archive)
            old = manifest.prints.get(issue.id)
            if not self.force and key is not None and old is not None and old.key == key \
                    and self.hashes.digest(self.print_path(issue)) == old.digest:
                diags.extend(old.diagnostics())
            else:
                wanted.append((issue, key))
        return self._typeset(archive, wanted, diags, for_print=True) if wanted else []

    def _typeset(self, archive: Archive, wanted: list[tuple[Issue, str | None]],
                 diags: Diagnostics, for_print: bool = False) -> list[_Made]:
        """The PDFs (or print editions) of ``wanted`` that could be made, in its order."""
        from express.typeset import typeset

        total = len(wanted)
        finished = 0

        def on_page(issue_id: str, page: int) -> None:
            self.progress(Step("typesetting", issue_id, pages=page, done=finished,
                               total=total))

        got: dict[str, tuple[bytes | None, Diagnostics, int]] = {}
        for done in typeset(self.project, archive, [i for i, _ in wanted], self.template,
                            jobs=self.jobs, on_page=on_page, for_print=for_print):
            finished += 1
            got[done.issue.id] = (done.pdf, done.diags, done.pages)
            self.progress(Step("typesetting", done.issue.id, pages=done.pages,
                               done=finished, total=total))
        made = []
        for issue, key in wanted:  # diagnostics in a fixed order, however issues finished
            pdf, issue_diags, pages = got[issue.id]
            diags.extend(issue_diags)
            if pdf is not None:
                made.append(_Made(issue, key, pdf, issue_diags, pages))
        return made

    def _site(self, archive: Archive, pdfs: dict[str, Path], out: Path) -> Diagnostics:
        """Render the site into ``out`` (a stage's) with these PDFs."""
        from express.site import render_site  # not imported for a site that is up to date

        total = len(archive.issues)
        self.progress(Step("site", total=total))
        return render_site(archive, self.project, pdfs, out,
                           stage=lambda name: self.progress(Step(name, total=total)),
                           warm=self.warm)


def _link_or_copy(source: Path, dest: Path) -> None:
    """``dest`` as a second name of ``source`` (no copy, same inode and times), or a copy
    where the file system has no hard links."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)
