"""Document-level properties, written natively by ReportLab.

* metadata: Title ``JAIPA Express 第91号 2031年秋号``, Author = publisher, Subject,
  Keywords, Creator; CreationDate/ModDate = the issue date (so the file is deterministic);
* ``/Lang (ja)`` and ViewerPreferences ``DisplayDocTitle true`` (via MagazineDoc);
* page labels matching the printed folios (express/pdf/document/numbering.py: a self-cover
  booklet): the cover, page 1 with its folio hidden, is 「表紙」, then 2, 3, 4 …;
* the outline (one bookmark per article, added as the articles are drawn) shown on open.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFPageLabel

from express import __version__
from express.model.issue import Archive, Issue
from express.pdf.document import numbering


def document_meta(issue: Issue, archive: Archive) -> dict[str, str]:
    pub = archive.publication
    kinds = []
    for a in issue.articles:
        if a.label not in kinds:
            kinds.append(a.label)
    return {
        "title": f"{pub.name} {issue.title}",
        "author": str(pub.publisher),
        "subject": issue.headline or f"{pub.name} {issue.title}",
        "keywords": ", ".join([str(pub.name), issue.number_label, *kinds]),
        "creator": f"JAIPA Express {__version__}",
    }


def pdf_date(issue: Issue) -> str:
    d = issue.date
    return f"D:{d.year:04d}{d.month:02d}{d.day:02d}000000+09'00'"


def finish_canvas(canv, issue: Issue, book) -> None:
    """Called just before the canvas is saved."""
    stamp = pdf_date(issue)
    canv.setDateFormatter(lambda *_: stamp)
    canv.addPageLabel(0, prefix=numbering.COVER_LABEL)
    first = numbering.COVER_PAGES
    canv.addPageLabel(first, style=PDFPageLabel.ARABIC, start=numbering.folio(first))
    canv.showOutline()
