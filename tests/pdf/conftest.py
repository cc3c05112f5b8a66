"""PDF test helpers: the built sample PDFs read back with pypdf and pypdfium2."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from express.project import Project

SAMPLES = ("2020-winter", "2022-spring")


def squash(text: str) -> str:
    """Text without whitespace: extractors add spaces for the composer's JIS-Latin gaps."""
    return re.sub(r"\s+", "", text)


def pypdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(p.extract_text() or "" for p in reader.pages)


def pdfium_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def body_text(path: Path, template: Path) -> str:
    """Text inside the template's text block of every page but the cover, page after page
    (running heads and folios left out, so text flowing over a page break is contiguous):
    first read across the whole block (full-width titles and tables), then again column
    by column (running text that goes on from the left column into the right one)."""
    from express.pdf.template import read_template

    t = read_template(template)
    doc = pdfium.PdfDocument(str(path))
    bottom, top = t.bottom - 1, t.bottom + t.grid.height + 1
    mid = t.left + t.grid.width / 2
    try:
        across, by_column = [], []
        for i in range(1, len(doc)):
            page = doc[i].get_textpage()
            across.append(page.get_text_bounded(left=t.left - 20, bottom=bottom,
                                                right=t.page_width - t.left + 20, top=top))
            if t.grid.columns > 1:
                by_column.append(page.get_text_bounded(left=t.left - 20, bottom=bottom,
                                                       right=mid, top=top))
                by_column.append(page.get_text_bounded(left=mid, bottom=bottom,
                                                       right=t.page_width - t.left + 20,
                                                       top=top))
        return "".join(across) + "\n" + "".join(by_column)
    finally:
        doc.close()


@pytest.fixture(scope="session")
def body_texts(built, pdfs) -> dict[str, str]:
    project, _ = built
    return {i: squash(body_text(p, project.pdf_template())) for i, p in pdfs.items()}


@pytest.fixture(scope="session")
def pdfs(built) -> dict[str, Path]:
    _project, result = built
    return {i: result.pdfs[i] for i in SAMPLES}


@pytest.fixture(scope="session")
def texts(pdfs) -> dict[str, str]:
    """Whitespace-free text of each sample as pypdf extracts it."""
    return {i: squash(pypdf_text(p)) for i, p in pdfs.items()}


@pytest.fixture(scope="session")
def pdfium_texts(pdfs) -> dict[str, str]:
    return {i: squash(pdfium_text(p)) for i, p in pdfs.items()}


ISSUE = """\
number: 91
date: 2031-10-01
season: 2031年秋号
cover:
  headline: {headline}
articles:
  - kind: article
    title: テスト記事
    body: |
{body}
{extra}
"""


def write_issue(project: Project, issue_id: str = "2031-autumn", *, headline: str = "見出し",
                body: str = "本文です。", extra: str = "") -> Path:
    folder = project.issues / issue_id
    folder.mkdir(parents=True, exist_ok=True)
    text = ISSUE.format(headline=headline, body=textwrap.indent(body, " " * 6),
                        extra=extra)
    path = folder / "issue.yaml"
    path.write_text(text, encoding="utf-8")
    return path
