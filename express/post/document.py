"""Document-level properties, written natively by ReportLab.

* metadata: Title ``JAIPA Express 第91号 2031年秋号``, Author = publisher, Subject,
  Keywords, Creator; CreationDate/ModDate = the issue date (so the file is deterministic);
* ``/Lang (ja)`` and ViewerPreferences ``DisplayDocTitle true`` (via MagazineDoc);
* page labels matching the printed folios (express/pdf/document/numbering.py: a self-cover
  booklet): the cover, page 1 with its folio hidden, is 「表紙」, then 2, 3, 4 …;
* the outline (one bookmark per article, added as the articles are drawn) shown on open;
* XMP metadata agreeing with the Info dictionary, claiming PDF/UA-1 (express/post/xmp.py).
"""

from __future__ import annotations

import uuid

from reportlab.pdfbase.pdfdoc import PDFObject, PDFPageLabel

from express import __version__
from express.model.issue import Archive, Issue
from express.pdf.document import numbering
from express.post.xmp import packet


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
    info = canv._doc.info
    home = f"{info.title}#{issue.id}"  # the same for every build of the issue
    canv._doc.Catalog.Metadata = _Metadata(packet(
        title=info.title, author=info.author, subject=info.subject, keywords=info.keywords,
        creator=info.creator, producer=info.producer, created=stamp, modified=stamp,
        doc_id=f"uuid:{uuid.uuid5(uuid.NAMESPACE_URL, home)}").encode())


class _Metadata(PDFObject):
    """The XMP packet as a metadata stream, uncompressed (as XMP readers expect)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document) -> bytes:
        return (f"<< /Length {len(self.data)} /Subtype /XML /Type /Metadata >>\nstream\n"
                .encode() + self.data + b"\nendstream")
