"""Writing a small issue in a test and reading back what the editorial checks say."""

from __future__ import annotations

import textwrap

from express.check import check
from express.diagnostics import Diagnostics
from express.project import Project

HEAD = """\
number: 1
date: {date}
"""


def lint(project: Project, text: str, *, date: str = "2020-12-15") -> Diagnostics:
    """Check one issue whose ``issue.yaml`` is ``HEAD`` (lines 1–2) + ``text``."""
    folder = project.issues / "2031-autumn"
    folder.mkdir(exist_ok=True)
    body = HEAD.format(date=date) + textwrap.dedent(text).lstrip("\n")
    (folder / "issue.yaml").write_text(body, encoding="utf-8")
    _archive, diags = check(project)
    assert not diags.has_errors, [d.render("en") for d in diags]
    return diags


def found(diags: Diagnostics, code: str) -> list[tuple[int, int]]:
    """(line, col) of each diagnostic with ``code``, in file order."""
    hits = [d for d in diags.sorted() if d.code == code]
    assert all(d.pos and d.pos.path.endswith("2031-autumn/issue.yaml") for d in hits)
    return [(d.pos.line, d.pos.col) for d in hits]


def codes(diags: Diagnostics) -> list[str]:
    return [d.code for d in diags.sorted()]
