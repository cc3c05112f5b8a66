"""Bookmarks and contents entries: where each article begins, recorded as pages are drawn."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas


@dataclass
class Mark:
    key: str
    title: str
    label: str
    page: int | None = None  # 0-based physical page, once drawn


@dataclass
class Book:
    """Bookmarks and contents entries, in reading order; filled while pages are drawn.

    ``labels`` are the running heads' sections, one per body page, from the page plan (the
    article at the page's top, or the first begun on it)."""

    marks: dict[str, Mark] = field(default_factory=dict)
    outlined: set[str] = field(default_factory=set)  # bookmarks below an article's, placed
    labels: list[str] = field(default_factory=list)

    def add(self, key: str, title: str, label: str) -> Mark:
        mark = Mark(key, title, label)
        self.marks[key] = mark
        return mark

    def place(self, canv: Canvas, key: str, y: float) -> None:
        mark = self.marks[key]
        if mark.page is not None:
            return
        mark.page = canv.getPageNumber() - 1
        canv.bookmarkPage(key, fit="XYZ", top=y + 20, left=0)
        canv.addOutlineEntry(mark.title, key, level=0, closed=False)

    def outline(self, canv: Canvas, key: str, title: str, y: float) -> None:
        """A bookmark one level below the article being drawn (a subheading); not in the
        contents, and no start of a kind for the running head."""
        if key in self.outlined:
            return
        self.outlined.add(key)
        canv.bookmarkPage(key, fit="XYZ", top=y + 20, left=0)
        canv.addOutlineEntry(title, key, level=1, closed=False)

    def section(self, index: int) -> str:
        """The running head's section on body page ``index`` (0-based among body pages)."""
        return self.labels[index] if index < len(self.labels) else ""
