"""``express build``: check, render every PDF and the archive site, write them atomically.

Nothing is written unless everything succeeded: PDFs are rendered in memory and the site
into a temporary folder, then moved into place, so a failed build leaves the previous good
output untouched.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from express.atomic import write_atomic
from express.check import check
from express.diagnostics import Diagnostics
from express.model.issue import Archive, Issue
from express.project import Project

Progress = Callable[[Issue, int], None]  # (issue just typeset, how many in all)


@dataclass
class BuildResult:
    diags: Diagnostics
    pdfs: dict[str, Path] = field(default_factory=dict)
    site: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.diags.has_errors


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


def render_pdfs(project: Project, archive: Archive, issues: list[Issue],
                template: str | None, diags: Diagnostics,
                progress: Progress | None = None) -> dict[str, bytes]:
    from express.pdf.render import render_issue

    out: dict[str, bytes] = {}
    for issue in issues:
        data, issue_diags = render_issue(issue, archive, project, template)
        diags.extend(issue_diags)
        if data is not None:
            out[issue.id] = data
        if progress:
            progress(issue, len(issues))
    return out


def build(project: Project, ids: list[str] | None = None, *, template: str | None = None,
          site: bool = True, progress: Progress | None = None) -> BuildResult:
    with relaxed_gc():
        return _build(project, ids, template=template, site=site, progress=progress)


def _build(project: Project, ids: list[str] | None, *, template: str | None, site: bool,
           progress: Progress | None) -> BuildResult:
    archive, diags = check(project, ids)
    result = BuildResult(diags)
    if archive is None or diags.has_errors:
        return result
    pdf_dir = project.build / "pdf"
    wanted = [i for i in archive.issues if not ids or i.id in ids]
    if site:  # the site needs every issue's PDF: build the missing ones too
        wanted += [i for i in archive.issues
                   if i not in wanted and not (pdf_dir / f"{i.id}.pdf").exists()]
    rendered = render_pdfs(project, archive, wanted, template, diags, progress)
    if diags.has_errors:
        return result
    for issue_id, data in rendered.items():
        write_atomic(pdf_dir / f"{issue_id}.pdf", data)
    result.pdfs = {i.id: pdf_dir / f"{i.id}.pdf" for i in archive.issues}
    if site:
        from express.site import render_site

        project.build.mkdir(parents=True, exist_ok=True)
        staged = Path(tempfile.mkdtemp(dir=project.build, prefix=".site-"))
        try:
            diags.extend(render_site(archive, project, result.pdfs, staged))
            if diags.has_errors:
                return result
            replace_dir(staged, project.build / "site")
            result.site = project.build / "site"
        finally:
            if staged.exists():
                shutil.rmtree(staged)
    return result
