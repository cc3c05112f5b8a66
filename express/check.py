"""``express check``: load, validate and lint issues, returning every diagnostic."""

from __future__ import annotations

from express.diagnostics import Diagnostics
from express.lint import lint_issue
from express.load import load_archive
from express.model.issue import Archive
from express.project import Project


def check(project: Project, ids: list[str] | None = None) -> tuple[Archive | None, Diagnostics]:
    archive, diags = load_archive(project.issues, ids or None)
    if archive is not None:
        for issue in archive.issues:
            if not ids or issue.id in ids:
                lint_issue(issue, diags)
    return archive, diags
