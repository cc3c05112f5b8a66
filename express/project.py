"""Where a project's parts are: issues, templates, fonts, build output.

One object hands these to every stage, so tests can point the whole pipeline at a
temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_TEMPLATE = "a4-magazine"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def issues(self) -> Path:
        return self.root / "issues"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def build(self) -> Path:
        return self.root / "build"

    def pdf_template(self, name: str | None = None) -> Path:
        return self.templates / "pdf" / f"{name or DEFAULT_TEMPLATE}.yaml"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above ``start`` that has ``issues/`` (else ``start``)."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "issues").is_dir():
                return cls(folder)
        return cls(here)
