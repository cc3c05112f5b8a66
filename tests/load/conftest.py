"""Helpers for loader tests: write an issue into a fresh project and check it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from express.check import check
from express.project import Project

MINIMAL = """\
number: 1
date: 2020-12-15
articles:
  - kind: article
    title: 題
    body: |
      本文。
"""


class Checker:
    def __init__(self, project: Project) -> None:
        self.project = project

    def write(
        self, text: str, issue_id: str = "t1", encoding: str = "utf-8", raw: bytes | None = None
    ) -> Path:
        folder = self.project.issues / issue_id
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "issue.yaml"
        path.write_bytes(raw if raw is not None else textwrap.dedent(text).encode(encoding))
        return path

    def run(self, text: str | None = None, **kw):
        if text is not None:
            self.write(text, **kw)
        _archive, diags = check(self.project)
        return diags.sorted()

    def codes(self, text: str | None = None, **kw) -> list[tuple[int, int, str]]:
        """(line, col, code) of every diagnostic for ``issues/t1/issue.yaml``."""
        return [
            (d.pos.line, d.pos.col, d.code)
            for d in self.run(text, **kw)
            if d.pos and d.pos.path.endswith("t1/issue.yaml")
        ]


@pytest.fixture
def checker(empty_project: Project, monkeypatch: pytest.MonkeyPatch) -> Checker:
    monkeypatch.chdir(empty_project.root)
    return Checker(empty_project)
