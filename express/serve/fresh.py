"""The page first: a saved issue's pages set from memory, before its PDF and the site.

After a save the preview renders what the save can change on the site — the issue's
page, the page of each article whose content (or whose neighbours' titles) changed, the
index, and the pages of the issues next to it — from the issue as just loaded and the
facts of the last site written (express/warm.py), and serves them in place of
build/site's (express/serve/server.py) until the site is made again.  Nothing is written:
build/ stays what a build made.  What only the site brings (the PDF's size and cover, a
photo just added, search) follows with it; the PDF itself is served from build/pdf as
soon as it is typeset.
"""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from pathlib import Path

from express.diagnostics import Diagnostics
from express.model.issue import Archive, Issue
from express.project import Project
from express.warm import Warm

SKIPPED = ("pos", "where")  # where a value was written does not show on a page


def content(value: object) -> object:
    """``value`` as plain data, without source positions: equal for what looks the same."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__,
                tuple((f.name, content(getattr(value, f.name)))
                      for f in dataclasses.fields(value) if f.name not in SKIPPED))
    if isinstance(value, str):
        return str(value)
    if isinstance(value, list | tuple):
        return tuple(content(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), content(v)) for k, v in value.items()))
    return value


def fingerprint(*parts: object) -> str:
    return hashlib.sha256(repr(content(parts)).encode()).hexdigest()


class Fresh:
    """Pages (text) and files (a path) served over build/site, each with the save it
    came from; dropped once a site made from that save or a later one is in place."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[str, tuple[int, str | Path, str]] = {}

    def get(self, path: str) -> str | Path | None:
        entry = self._entries.get(path)
        return entry[1] if entry else None

    def fingerprint(self, path: str) -> str | None:
        entry = self._entries.get(path)
        return entry[2] if entry else None

    def put(self, save: int, path: str, value: str | Path, print_: str = "") -> None:
        with self._lock:
            self._entries[path] = (save, value, print_)

    def differs(self, site: Path, upto: int) -> bool:
        """Whether a page set by save ``upto`` or earlier reads otherwise in ``site`` (the
        site made since: a PDF's size, a photo), or its issue's cover changed: what an
        open page would show anew."""
        with self._lock:
            entries = [(k, v) for k, v in self._entries.items() if v[0] <= upto]
        for path, (_save, value, _print) in entries:
            if isinstance(value, str):
                try:
                    if (site / path).read_text(encoding="utf-8") != value:
                        return True
                except OSError:
                    return True
        return False

    def issues(self) -> set[str]:
        """The issues with pages set here."""
        return {k.split("/")[0] for k in self._entries if "/" in k}

    def drop(self, upto: int) -> None:
        """The site of save ``upto`` is published: what earlier saves set is in it."""
        with self._lock:
            self._entries = {k: v for k, v in self._entries.items() if v[0] > upto}


def refresh(project: Project, warm: Warm, fresh: Fresh, save: int, ids: list[str]
            ) -> Diagnostics | None:
    """Check the issues ``ids`` and set their pages in ``fresh``; their diagnostics, or
    None when there is no site in memory to set them from (a new issue, a back issue,
    or nothing built by this preview yet): then the site is awaited."""
    from express.check import check

    old = warm.archive
    if old is None or any(i not in warm.pages or warm.pages[i].back is not None
                          for i in ids):
        return None
    archive, diags = check(project, ids, whole=False, memo=warm.issues)
    if archive is None or diags.has_errors:
        return diags
    saved = {i.id: i for i in archive.issues if i.id in ids}
    if len(saved) != len(ids) or any(i.back is not None for i in saved.values()):
        return None
    issues = [saved.get(i.id, i) for i in old.issues]
    issues.sort(key=lambda i: (i.date, i.number), reverse=True)
    new = Archive(archive.publication, issues)
    pages = {k: dataclasses.replace(p, issue=saved[k]) if k in saved else p
             for k, p in warm.pages.items()}
    neighbours = {n.id for i in ids for a in (old, new)
                  for n in a.neighbours(_issue(a, i)) if n is not None}
    _render(project, fresh, save, new, pages, set(ids), neighbours,
            _served(project, warm, fresh, old, set(ids)))
    return diags


def _issue(archive: Archive, issue_id: str) -> Issue:
    return next(i for i in archive.issues if i.id == issue_id)


def _article_print(job) -> str:
    c = job.context
    issue = dataclasses.replace(c["issue"], articles=[])
    return fingerprint(issue, c["article"], [(a.id, a.title) for a in (c["prev"], c["next"])
                                             if a is not None],
                       [p.path for _photo, p in c["photos"]], c["logo"])


def _served(project: Project, warm: Warm, fresh: Fresh, old: Archive, ids: set[str]
            ) -> dict[str, str]:
    """The fingerprint of each article page of ``ids`` as it is served now."""
    from express.site.render import Site

    served = {}
    for job in Site(old, project, warm.pages, Path()).jobs():
        if job.article is not None and job.issue in ids:
            served[job.path] = fresh.fingerprint(job.path) or _article_print(job)
    return served


def _render(project: Project, fresh: Fresh, save: int, archive: Archive, pages: dict,
            ids: set[str], neighbours: set[str], served: dict[str, str]) -> None:
    from express.site.render import Site

    site = Site(archive, project, pages, Path())
    for job in site.jobs():
        if job.article is not None:
            if job.issue not in ids:
                continue
            print_ = _article_print(job)
            if served.get(job.path) == print_:
                continue
        elif not (job.path == "index.html" or job.issue in ids or job.issue in neighbours):
            continue
        else:
            print_ = ""
        fresh.put(save, job.path, site.render(job.template, job.path, **job.context), print_)


def prime(project: Project, warm: Warm) -> None:
    """Load what a save's pages are set from, when the site in build/ is up to date and
    was not made by this process: the archive, and its pages' facts (measured on copies
    in a folder of .cache, removed after)."""
    import tempfile

    from express.check import check
    from express.site.derived import DerivedFiles
    from express.site.render import prepare_pages

    archive, diags = check(project, None, memo=warm.issues)
    if archive is None or diags.has_errors:
        return
    pdfs = {i.id: Path(i.back.path) if i.back is not None
            else project.build / "pdf" / f"{i.id}.pdf" for i in archive.issues}
    cache = project.root / ".cache"
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="serve-", dir=cache) as out:
        pages, diags = prepare_pages(archive, project, pdfs, Path(out),
                                     DerivedFiles(cache / "site"))
    if not diags.has_errors:
        warm.archive, warm.pages = archive, pages
