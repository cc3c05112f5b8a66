"""What a save means for the preview: rebuild some issues, rebuild everything, or reload.

A save inside ``issues/<id>/`` rebuilds that issue (and the site); ``publication.yaml``,
templates and fonts touch every page, so they rebuild everything; the preview's own files
in ``templates/serve/`` only reload the open pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from express.load import issue_folders
from express.project import Project

PREVIEW_FILES = ("templates", "serve")


@dataclass(frozen=True)
class Plan:
    ids: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False
    reload: bool = False  # only the preview's own files changed: reload the pages

    def __or__(self, other: Plan) -> Plan:
        return Plan(self.ids | other.ids, self.everything or other.everything,
                    self.reload or other.reload)

    @property
    def builds(self) -> bool:
        return self.everything or bool(self.ids)

    def build_ids(self) -> list[str] | None:
        """The ``ids`` argument of ``build()``: None builds every issue."""
        return None if self.everything else sorted(self.ids)


EVERYTHING = Plan(everything=True)


def plan_for(project: Project, paths: Iterable[Path]) -> Plan:
    issues = {p.name for p in issue_folders(project.issues)}
    plan = Plan()
    for path in paths:
        plan |= _one(project, path, issues)
    return plan


def _one(project: Project, path: Path, issues: set[str]) -> Plan:
    try:
        parts = path.resolve().relative_to(project.root.resolve()).parts
    except ValueError:
        return EVERYTHING
    if parts[:2] == PREVIEW_FILES:
        return Plan(reload=True)
    if len(parts) > 2 and parts[0] == "issues" and parts[1] in issues:
        return Plan(ids=frozenset({parts[1]}))
    return EVERYTHING
