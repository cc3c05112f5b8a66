"""``express build``: check, render every PDF and the archive site, write them atomically.

Nothing is written unless everything succeeded: PDFs are rendered in memory and the site
into a temporary folder, then moved into place, so a failed build leaves the previous good
output untouched.

Outputs whose inputs did not change since they were made are not made again: each PDF and
the site has a key over the content of its inputs (express/buildcache), recorded when it
is written; ``force`` makes everything anew.  PDFs that need making are set in parallel,
one process per core (express/typeset.py).
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from express.atomic import fresh_dir, write_atomic
from express.buildcache import cache_dir
from express.buildcache.hashes import FileHashes
from express.buildcache.keys import Keys
from express.buildcache.manifest import Manifest, entry
from express.check import check
from express.diagnostics import Diagnostics
from express.load import issue_folders
from express.model.issue import Archive, Issue
from express.project import Project


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


def replace_dir(staged: Path, target: Path) -> None:
    """Swap the finished ``staged`` folder in for ``target`` (two renames)."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(staged, target)
    if old.exists():
        shutil.rmtree(old)


# Python's cyclic collector runs every 700 new container objects; typesetting an issue makes
# hundreds of thousands that live until the PDF is written, so it ran ~220 times per issue
# (~0.1 s of a 1 s build) finding almost nothing to free.
GC_THRESHOLD = 100_000


@contextmanager
def relaxed_gc() -> Iterator[None]:
    """Collect less often while building (the thresholds are restored afterwards)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def build(project: Project, ids: list[str] | None = None, *, template: str | None = None,
          site: bool = True, progress: Progress | None = None, force: bool = False,
          jobs: int | None = None, for_print: bool = False) -> BuildResult:
    """Check, then make the PDFs of ``ids`` (all when None) and the site, as needed;
    ``for_print``: their print editions too (``build/print/<id>.pdf``).

    ``force`` makes every output anew; ``jobs`` caps the processes typesetting at once
    (default: one per core).
    """
    with relaxed_gc():
        run = _Build(project, template, progress or (lambda step: None), force, jobs,
                     for_print)
        return run.build(ids, site)


class _Build:
    def __init__(self, project: Project, template: str | None, progress: Progress,
                 force: bool, jobs: int | None, for_print: bool = False) -> None:
        self.project, self.template, self.progress = project, template, progress
        self.force, self.jobs = force, jobs
        store = cache_dir(project.root)
        self.manifest_path = store / "manifest.json"
        self.hashes = FileHashes(store / "hashes.json")
        self.keys = Keys(project, self.hashes)  # before loading: see its docstring
        self.pdf_dir = project.build / "pdf"
        self.for_print = for_print

    def build(self, ids: list[str] | None, site: bool) -> BuildResult:
        self.progress(Step("checking", total=len(ids or issue_folders(self.project.issues))))
        # PDFs read no other issue: without the site, the others need not be loaded
        archive, diags = check(self.project, ids, whole=site)
        result = BuildResult(diags)
        if archive is None or diags.has_errors:
            return result
        try:
            self._build(archive, ids, site, result)
        finally:
            self.hashes.save()
        return result

    def pdf_path(self, issue: Issue) -> Path:
        """Where the issue's PDF is: made here, or a back issue's own file."""
        if issue.back is not None:
            return Path(issue.back.path)
        return self.pdf_dir / f"{issue.id}.pdf"

    def print_path(self, issue: Issue) -> Path:
        return self.project.build / "print" / f"{issue.id}.pdf"

    def _build(self, archive: Archive, ids: list[str] | None, site: bool,
               result: BuildResult) -> None:
        manifest = Manifest.load(self.manifest_path)
        diags = result.diags
        # a back issue's PDF is the file given: nothing to typeset
        named = [i for i in archive.issues if (not ids or i.id in ids) and i.back is None]
        wanted: list[tuple[Issue, str | None]] = []
        for issue in named:
            key = self.keys.pdf(issue, self.template)
            old = manifest.pdfs.get(issue.id)
            if not self.force and key is not None and old is not None and old.key == key \
                    and self.hashes.digest(self.pdf_path(issue)) == old.digest:
                diags.extend(old.diagnostics())
                if old.pages:
                    result.pages[issue.id] = old.pages
            else:
                wanted.append((issue, key))
        if site:  # the site needs every issue's PDF: make the missing ones too
            named_ids = {i.id for i in named}
            wanted += [(i, self.keys.pdf(i, self.template)) for i in archive.issues
                       if i.id not in named_ids and i.back is None
                       and not self.pdf_path(i).exists()]
        made = self._typeset(archive, wanted, diags) if wanted else []
        printed = self._print_editions(archive, named, manifest, diags) \
            if self.for_print and not diags.has_errors else []
        if diags.has_errors:
            return
        for n, (issue, key, data, issue_diags, pages) in enumerate(made, 1):
            self.progress(Step("writing", issue.id, done=n, total=len(made)))
            path = self.pdf_path(issue)
            write_atomic(path, data)
            digest = self.hashes.record(path, data)
            if key is not None:
                manifest.pdfs[issue.id] = entry(key, digest, issue_diags, pages)
            else:
                manifest.pdfs.pop(issue.id, None)
            result.pages[issue.id] = pages
        for issue, key, data, issue_diags, _pages in printed:
            path = self.print_path(issue)
            write_atomic(path, data)
            digest = self.hashes.record(path, data)
            if key is not None:
                manifest.prints[issue.id] = entry(key, digest, issue_diags)
            else:
                manifest.prints.pop(issue.id, None)
        result.typeset = {issue.id for issue, *_ in made}
        result.pdfs = {i.id: self.pdf_path(i) for i in archive.issues}
        if self.for_print:
            result.prints = {i.id: self.print_path(i) for i in named}
            result.printed = {issue.id for issue, *_ in printed}
        if site:
            self._site(archive, manifest, result)
        # only after the outputs are in place: the manifest never names what is not there
        known = {f.name for f in issue_folders(self.project.issues)}
        manifest.pdfs = {k: e for k, e in manifest.pdfs.items() if k in known}
        manifest.prints = {k: e for k, e in manifest.prints.items() if k in known}
        manifest.save(self.manifest_path)

    def _print_editions(self, archive: Archive, named: list[Issue], manifest: Manifest,
                        diags: Diagnostics
                        ) -> list[tuple[Issue, str | None, bytes, Diagnostics, int]]:
        """The print editions of ``named`` that are not up to date, made."""
        wanted: list[tuple[Issue, str | None]] = []
        for issue in named:
            key = self.keys.print_pdf(issue, self.template, archive)
            old = manifest.prints.get(issue.id)
            if not self.force and key is not None and old is not None and old.key == key \
                    and self.hashes.digest(self.print_path(issue)) == old.digest:
                diags.extend(old.diagnostics())
            else:
                wanted.append((issue, key))
        return self._typeset(archive, wanted, diags, for_print=True) if wanted else []

    def _typeset(self, archive: Archive, wanted: list[tuple[Issue, str | None]],
                 diags: Diagnostics, for_print: bool = False
                 ) -> list[tuple[Issue, str | None, bytes, Diagnostics, int]]:
        """The PDFs of ``wanted``, in its order: (issue, key, bytes, diagnostics, pages)."""
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
                made.append((issue, key, pdf, issue_diags, pages))
        return made

    def _site(self, archive: Archive, manifest: Manifest, result: BuildResult) -> None:
        """Make the site unless it is up to date (a failed one leaves the old in place)."""
        out = self.project.build / "site"
        key = self.keys.site(archive, result.pdfs)
        old = manifest.site
        if not self.force and key is not None and old is not None and old.key == key \
                and (out / "index.html").is_file():
            result.diags.extend(old.diagnostics())
            result.site, result.site_reused = out, True
            return
        from express.site import render_site  # not imported for a site that is up to date

        total = len(archive.issues)
        self.progress(Step("site", total=total))
        self.project.build.mkdir(parents=True, exist_ok=True)
        staged = fresh_dir(self.project.build, ".site-")
        try:
            site_diags = render_site(archive, self.project, result.pdfs, staged,
                                     stage=lambda name: self.progress(Step(name, total=total)))
            result.diags.extend(site_diags)
            if site_diags.has_errors:
                return
            replace_dir(staged, out)
        finally:
            if staged.exists():
                shutil.rmtree(staged)
        result.site = out
        # a site with warnings (no search index …) is made again next time
        manifest.site = entry(key, "", site_diags) if key and not site_diags else None
