"""Back-issue fixtures: three PDFs made by other engines (makepdfs.py), and the samples'
project with those three added as back issues, built once per test worker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from express.backcatalogue import ocr
from tests.backissues import makepdfs
from tests.conftest import copy_project

# id → (maker, (cover, pages), extra issue.yaml lines)
BACK_ISSUES = {
    "2019-autumn": (makepdfs.fpdf_issue, makepdfs.AUTUMN_2019, ""),
    "2019-spring": (makepdfs.canvas_issue, makepdfs.SPRING_2019,
                    "headline: 地域をつなぐ相互接続\n"
                    "contents:\n"
                    "  - {title: 巻頭言, page: 2}\n"
                    "  - {title: 相互接続の現状, page: 3, kind: report}\n"
                    "  - {title: 部会報告, page: 4, kind: committee}\n"
                    "  - {title: みなと通信のご紹介, page: 5, kind: member}\n"),
    "2018-winter": (makepdfs.scanned_issue, makepdfs.WINTER_2018, ""),
}
DATES = {"2019-autumn": "2019-09-20", "2019-spring": "2019-04-25", "2018-winter": "2018-12-10"}


@dataclass
class Originals:
    """The three PDFs as made, by issue id, in a folder of their own."""

    folder: Path
    files: dict[str, Path]


def needs_ocr() -> None:
    if ocr.missing():
        pytest.skip(f"OCR is not installed ({ocr.missing()}; .ci/run installs it)")


@contextmanager
def without_tesseract(tmp_path: Path) -> Iterator[None]:
    """As on a machine without Tesseract: nothing on PATH."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("PATH", str(tmp_path / "empty-bin"))
        ocr.tesseract_version.cache_clear()
        try:
            yield
        finally:
            ocr.tesseract_version.cache_clear()


def make_pdfs(folder: Path) -> Originals:
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for issue_id, (make, (cover, pages), _extra) in BACK_ISSUES.items():
        path = folder / f"jaipa-express-{cover.number}.pdf"
        make(path, cover, pages)
        files[issue_id] = path
    return Originals(folder, files)


def add_back_issue(project_issues: Path, issue_id: str, pdf: Path, extra: str = "") -> Path:
    """An issue folder with ``pdf`` copied in and an issue.yaml naming it."""
    cover = BACK_ISSUES[issue_id][1][0] if issue_id in BACK_ISSUES else None
    folder = project_issues / issue_id
    folder.mkdir()
    shutil.copyfile(pdf, folder / pdf.name)
    number = cover.number if cover else 90
    season = cover.season if cover else "2010年春号"
    date = DATES.get(issue_id, "2010-04-01")
    (folder / "issue.yaml").write_text(
        f"number: {number}\ndate: {date}\nseason: {season}\npdf: {pdf.name}\n{extra}",
        encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def originals(tmp_path_factory) -> Originals:
    return make_pdfs(tmp_path_factory.mktemp("originals"))


@pytest.fixture(scope="session")
def back_built(tmp_path_factory, originals):
    """The samples plus the three back issues, built: (project, result)."""
    from express.build import build

    needs_ocr()
    project = copy_project(tmp_path_factory.mktemp("back-built"))
    for issue_id, (_make, _issue, extra) in BACK_ISSUES.items():
        add_back_issue(project.issues, issue_id, originals.files[issue_id], extra)
    result = build(project)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result
