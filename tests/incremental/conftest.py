"""Build-cache helpers: small issues that typeset in a moment, and what a build left on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from express.project import Project
from tests.pdf.conftest import write_issue

SMALL = ("2031-autumn", "2031-winter")


@pytest.fixture
def small_project(empty_project: Project) -> Project:
    """Two one-page issues (distinct numbers), quick to typeset."""
    for n, issue_id in enumerate(SMALL):
        path = write_issue(empty_project, issue_id, body=f"{issue_id} の本文です。")
        path.write_text(path.read_text(encoding="utf-8").replace("number: 91",
                                                                 f"number: {91 + n}"),
                        encoding="utf-8")
    return empty_project


def stamp(path: Path) -> tuple[int, int]:
    """(inode, mtime_ns): a file rewritten, even with the same bytes, gets new ones."""
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns
