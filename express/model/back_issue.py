"""A back issue: an issue made elsewhere (by earlier printers and DTP shops), kept as its PDF.

Its folder holds ``issue.yaml`` with ``pdf:`` instead of ``articles:``; the archive shows
it like any issue and serves the PDF exactly as given.  What the editor knows of its
contents (``contents:``) points at pages of that PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from express.model.articles import KIND_LABELS, Located
from express.model.source import Text


@dataclass
class ContentsEntry(Located):
    """One line of a back issue's contents: a title and the PDF page it starts on."""

    title: Text
    page: int  # 1 = the PDF's first page (the cover), as a PDF viewer counts
    kind: str | None = None  # an article kind (report, committee, …), for its label

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, "") if self.kind else ""


@dataclass
class BackIssue(Located):
    """The PDF of a back issue: ``ref`` as written in issue.yaml, ``path`` absolute."""

    ref: str
    path: str
    pages: int
    contents: list[ContentsEntry] = field(default_factory=list)

    def entry_for(self, page: int, contents: list[ContentsEntry] | None = None
                  ) -> ContentsEntry | None:
        """The contents entry ``page`` belongs to: the last one starting at or before it
        (entries are in page order), from ``contents`` if given, else the issue's own."""
        found = None
        for entry in self.contents if contents is None else contents:
            if entry.page > page:
                break
            found = entry
        return found
