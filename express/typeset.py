"""Typesetting several issues at once: one worker process per core.

Each issue's PDF is independent of every other's, and of what else a process typeset before
(the same bytes however the issues are spread over processes: a test holds it), so the
build hands issues to a process pool and collects ``(pdf, diagnostics)`` as they finish.
One issue, or one core, is set in this process: no pool to start.

On Linux the workers are forked once the renderer's modules, templates and fonts are
loaded, so they start with all of that in place.  Workers die with the build that started
them, however it ends (express/children.py).  A process with threads of its own (a
preview server watching files) does not fork, as a lock held by another thread would stay
locked in the child: its workers are spawned instead, which costs each of them the imports.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from express.children import die_with
from express.diagnostics import Diagnostics
from express.model.issue import Archive, Issue
from express.project import Project

OnPage = Callable[[str, int], None]  # (issue id, number of the page just laid out)
POLL = 0.1  # seconds between looks at the workers' page counts


@dataclass
class Typeset:
    issue: Issue
    pdf: bytes | None  # None when the issue has errors
    diags: Diagnostics
    pages: int


def available_cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit, if any)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def typeset(project: Project, archive: Archive, issues: list[Issue], template: str | None,
            *, jobs: int | None = None, on_page: OnPage | None = None,
            for_print: bool = False) -> Iterator[Typeset]:
    """Each issue's PDF and diagnostics, in the order they are finished, set by up to
    ``jobs`` processes at once (default: one per core); ``for_print``: the print
    editions."""
    jobs = min(jobs or available_cores(), len(issues))
    if jobs <= 1:
        for issue in issues:
            yield _typeset_one(project, archive, issue, template, on_page, for_print)
    else:
        yield from _typeset_in_pool(project, archive, issues, template, jobs, on_page,
                                    for_print)


_issues_here = 0  # issues this process has typeset


def _typeset_one(project: Project, archive: Archive, issue: Issue, template: str | None,
                 on_page: OnPage | None, for_print: bool = False) -> Typeset:
    from express.pdf.render import render_issue

    global _issues_here
    if _issues_here and not gc.isenabled():
        # what the issue before left in reference cycles, collected between issues (a
        # build collects nothing while it runs: express/build.py)
        gc.collect(0)
    _issues_here += 1
    pages = 0

    def page_done(number: int) -> None:
        nonlocal pages
        pages = number
        if on_page is not None:
            on_page(issue.id, number)

    pdf, diags = render_issue(issue, archive, project, template, on_page=page_done,
                              for_print=for_print)
    return Typeset(issue, pdf, diags, pages)


def _start_method() -> str:
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _typeset_in_pool(project: Project, archive: Archive, issues: list[Issue],
                     template: str | None, jobs: int, on_page: OnPage | None,
                     for_print: bool) -> Iterator[Typeset]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    method = _start_method()
    if method == "fork":
        warm_up(project, issues, template)
    ctx = multiprocessing.get_context(method)
    pages = ctx.SimpleQueue() if on_page is not None else None
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_start_worker,
                               initargs=(project, archive, template, pages, gc.isenabled(),
                                         for_print, os.getpid()))
    try:
        pending = {pool.submit(_work, issue.id): issue for issue in issues}
        while pending:
            done, _ = wait(pending, timeout=POLL, return_when=FIRST_COMPLETED)
            while pages is not None and not pages.empty():
                on_page(*pages.get())
            for future in done:
                issue = pending.pop(future)
                pdf, diags, count = future.result()
                yield Typeset(issue, pdf, diags, count)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if pages is not None:
            pages.close()


def warm_up(project: Project, issues: list[Issue], template: str | None) -> None:
    """Load the renderer, the templates and their fonts once: for forked workers to
    inherit (each would spend ~0.2 s on them otherwise), or for a preview's first save; a
    failure is left for the build to report."""
    from express.pdf.paint.fonts import FontsMissing, font_set
    from express.pdf.render import template_for
    from express.pdf.template import TemplateError

    for issue in {template or i.template: i for i in issues}.values():
        try:
            t = template_for(project, issue, template)
            font_set(project.root, t.fonts, t.latin)
        except (TemplateError, OSError, FontsMissing):
            continue


# ------------------------------------------------------------------ in the worker processes

_worker: tuple | None = None  # (project, archive, template, page queue, for_print)


def _start_worker(project: Project, archive: Archive, template: str | None, pages,
                  collect: bool, for_print: bool, parent: int) -> None:
    global _worker
    die_with(parent)  # killed, the build takes its workers with it
    if not collect:  # as the build set it (spawned workers start afresh)
        gc.disable()
    _worker = (project, archive, template, pages, for_print)


def _work(issue_id: str) -> tuple[bytes | None, Diagnostics, int]:
    project, archive, template, pages, for_print = _worker
    issue = next(i for i in archive.issues if i.id == issue_id)
    report = (lambda i, n: pages.put((i, n))) if pages is not None else None
    done = _typeset_one(project, archive, issue, template, report, for_print)
    return done.pdf, done.diags, done.pages
