"""``express new ID``: a commented issue template showing every article kind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from express.load import is_id, issue_facts, issue_folders
from express.project import Project

SEASONS = {12: "冬", 1: "冬", 2: "冬", 3: "春", 4: "春", 5: "春", 6: "夏", 7: "夏", 8: "夏"}


def next_number(project: Project) -> int:
    """The number after the latest issue's (by date: a back number added later, or one
    numbered wrongly, does not count), else after the highest; 1 for the first issue."""
    facts = [f for f in map(issue_facts, issue_folders(project.issues)) if f is not None]
    dated = [(date, number) for number, _pos, date in facts if date is not None]
    if dated:
        return max(dated)[1] + 1
    return max((number for number, _pos, _date in facts), default=0) + 1


def create_issue(project: Project, issue_id: str, today: dt.date) -> Path:
    """Write ``issues/<id>/issue.yaml`` from the template; the caller checks the id."""
    if not is_id(issue_id):
        raise ValueError(issue_id)
    folder = project.issues / issue_id
    template = (project.templates / "new" / "issue.yaml").read_text(encoding="utf-8")
    season = f"{today.year}年{SEASONS.get(today.month, '秋')}号"
    text = (template.replace("@NUMBER@", str(next_number(project)))
            .replace("@DATE@", today.isoformat()).replace("@SEASON@", season)
            .replace("@ID@", issue_id))
    (folder / "images").mkdir(parents=True, exist_ok=True)
    publication = project.issues / "publication.yaml"
    if not publication.exists():
        publication.write_text((project.templates / "new" / "publication.yaml")
                               .read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / "issue.yaml"
    path.write_text(text, encoding="utf-8")
    return path
