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


def column_sections(page, mid: float) -> list[tuple[float, float]]:
    """(bottom, top) of each column section on ``page``: the rules drawn between its two
    columns, at the middle ``mid`` of the text block."""
    out = []
    for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_PATH]):
        x0, y0, x1, y1 = obj.get_bounds()
        if abs((x0 + x1) / 2 - mid) < 2 and x1 - x0 < 2 and y1 - y0 > 10:
            out.append((y0, y1))
    return sorted(out, key=lambda b: -b[1])


def body_text(path: Path, template: Path) -> str:
    """Text inside the template's text block of every page but the cover, page after page
    (running heads and folios left out, so text flowing over a page break is contiguous):
    first read across the whole block (full-width titles and tables), then again column
    by column (running text that goes on from the left column into the right one), and
    column by column in each section of ruled columns (text above a wide photo before the
    text below it)."""
    from express.pdf.template import read_template

    t = read_template(template)
    doc = pdfium.PdfDocument(str(path))
    bottom, top = t.bottom - 1, t.bottom + t.grid.height + 1
    left, right = t.left - 20, t.page_width - t.left + 20
    mid = t.left + t.grid.width / 2
    try:
        across, by_column, by_section = [], [], []
        for i in range(1, len(doc)):
            page = doc[i].get_textpage()
            across.append(page.get_text_bounded(left=left, bottom=bottom, right=right, top=top))
            if t.grid.columns > 1:
                by_column.append(page.get_text_bounded(left=left, bottom=bottom,
                                                       right=mid, top=top))
                by_column.append(page.get_text_bounded(left=mid, bottom=bottom,
                                                       right=right, top=top))
                for low, high in column_sections(doc[i], mid):
                    for x0, x1 in ((left, mid), (mid, right)):
                        by_section.append(page.get_text_bounded(
                            left=x0, bottom=low - 2, right=x1, top=high + 2))
        return "\n".join(("".join(across), "".join(by_column), "".join(by_section)))
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
