"""A back issue in the archive: its page thumbnails, its contents, its pages in search.

A back issue has no article pages: its PDF is the issue.  The site shows a thumbnail of
each page linking into the PDF at that page (``…pdf#page=N``), its contents from
``contents:`` (else the PDF's outline), and gives the search index one record per page of
text — titled with the contents line the page belongs to — whose result opens the PDF at
that page.  Text read by OCR is marked as such: a hit there may be a misread word.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from express import pdfpages
from express.backcatalogue import BackText, TextCache
from express.diagnostics import Diagnostics
from express.model.back_issue import ContentsEntry
from express.model.issue import Issue
from express.model.source import Text
from express.site import media
from express.site.derived import DerivedFiles
from express.site.search import Record


@dataclass
class BackPages:
    """What the site shows of a back issue beyond its cover and PDF."""

    thumbs: list[media.Picture]  # one per page, in order
    text: BackText
    contents: list[ContentsEntry]  # from contents:, else from the PDF's outline
    from_outline: bool

    @property
    def ocr_pages(self) -> set[int]:
        return set(self.text.ocr_pages)


def prepare_back_issue(issue: Issue, pdf: Path, out: Path, derived: DerivedFiles,
                       texts: TextCache) -> tuple[BackPages, Diagnostics]:
    """Thumbnails of every page of ``pdf`` (the copy in the site) and its text."""
    assert issue.back is not None
    diags = Diagnostics()
    hrefs = [media.page_href(issue.id, n) for n in range(1, issue.back.pages + 1)]
    thumbs = derived.get(pdf, ["pages", media.PAGE_WIDTH, pdfpages.version()], out, hrefs,
                         lambda: media.render_pages(pdf, out, issue.id))
    text = texts.read(pdf)
    pages = ", ".join(map(str, text.unread))
    if text.install:
        diags.warning(issue.back.pos, "backissue.ocr_missing", ref=issue.back.ref,
                      pages=pages, install=text.install)
    elif text.failure:
        diags.warning(issue.back.pos, "backissue.ocr_failed", ref=issue.back.ref,
                      pages=pages, reason=text.failure)
    contents = issue.back.contents
    from_outline = not contents and bool(text.outline)
    if from_outline:
        contents = [ContentsEntry(issue.back.pos, title=Text(o.title, issue.back.pos),
                                  page=o.page)
                    for o in text.outline if 1 <= o.page <= issue.back.pages]
    return BackPages(thumbs, text, contents, from_outline), diags


def page_records(issue: Issue, pdf_href: str, back: BackPages) -> list[Record]:
    """One search record per page with text, opening the PDF at that page."""
    records = []
    for page in back.text.pages:
        if not page.text:
            continue
        entry = issue.back.entry_for(page.number, back.contents) if issue.back else None
        title = f"{entry.title}（{page.number}ページ）" if entry else f"{page.number}ページ"
        meta = {"title": title, "issue": issue.title, "page": str(page.number)}
        if page.ocr:
            meta["ocr"] = "1"
        records.append(Record(f"/{pdf_href}#page={page.number}", page.text, meta))
    return records
