"""Bookmarks and contents entries, and which kind the running head names on each page."""

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
    """Bookmarks and contents entries, in reading order; filled while pages are drawn."""

    marks: dict[str, Mark] = field(default_factory=dict)
    outlined: set[str] = field(default_factory=set)  # bookmarks below an article's, placed
    top_label: str = ""  # the kind going on at the top of the page being drawn
    starts: list[tuple[float, str]] = field(default_factory=list)  # (y, kind) on this page

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
        self.starts.append((y, mark.label))

    def outline(self, canv: Canvas, key: str, title: str, y: float) -> None:
        """A bookmark one level below the article being drawn (a subheading); not in the
        contents, and no start of a kind for the running head."""
        if key in self.outlined:
            return
        self.outlined.add(key)
        canv.bookmarkPage(key, fit="XYZ", top=y + 20, left=0)
        canv.addOutlineEntry(title, key, level=1, closed=False)

    def page_label(self, top: float, bottom: float) -> str:
        """The running head's kind for the page being drawn (text block from ``top`` down to
        ``bottom``): the kind whose articles take the most of its height — not merely the
        last one begun, which may be a few lines at the foot — on a tie the one above."""
        height: dict[str, float] = {}
        y, label = top, self.top_label
        for start, next_label in sorted(self.starts, key=lambda s: -s[0]):
            height[label] = height.get(label, 0.0) + max(0.0, y - start)
            y, label = min(y, start), next_label
        height[label] = height.get(label, 0.0) + max(0.0, y - bottom)
        return max(height, key=lambda k: height[k])  # the first of equals: the one above

    def next_page(self) -> None:
        """The kind begun last goes on at the top of the next page."""
        if self.starts:
            self.top_label = self.starts[-1][1]
        self.starts = []
