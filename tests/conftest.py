"""Shared fixtures: a throw-away copy of the project, and one real build of the samples.

The build fixture runs the real pipeline (real fonts, real PDFs, real site) once per test
worker; PDF and site tests read its output.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from express.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _fonts_from_checkout() -> None:
    """Copies of the project find the fonts (and the print edition's output profile)
    provisioned in the checkout's .cache."""
    os.environ["EXPRESS_FONT_PATH"] = str(ROOT / ".cache" / "fonts")
    os.environ["EXPRESS_PROFILE_PATH"] = str(ROOT / ".cache" / "profiles")
    os.environ.setdefault("LANG", "C.UTF-8")


def copy_project(dest: Path, issues: bool = True) -> Project:
    """A project at ``dest`` with the checkout's templates and (optionally) sample issues."""
    shutil.copytree(ROOT / "templates", dest / "templates")
    if issues:
        shutil.copytree(ROOT / "issues", dest / "issues",
                        ignore=shutil.ignore_patterns("*.py", "README.md"))
    else:
        (dest / "issues").mkdir()
        shutil.copy(ROOT / "issues" / "publication.yaml", dest / "issues")
    return Project(dest)


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in ``path``, as an editor saves; returns its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path)


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    """Publication only, no issues: tests add their own issue folders."""
    return copy_project(tmp_path, issues=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The sample issues built once: (project, BuildResult)."""
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("built"))
    result = build(project)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result
