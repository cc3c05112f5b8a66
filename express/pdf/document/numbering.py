"""The page-numbering convention, in one place: a self-cover booklet.

JAIPA Express is a short newsletter (8–16 pages) printed on one paper and saddle-stitched:
the cover is the booklet's first page, not a separate wrap.  So

- the cover is page 1, a right-hand page, its folio hidden; the contents are page 2, a
  left-hand page; odd pages are right-hand pages (left-bound, horizontal writing);
- physical page ``i`` (0-based, as the PDF counts) carries folio ``i + 1``: the printed
  folios, the contents' page numbers, the PDF's page labels and the print edition's
  imposition (pages in fours, cover included) all count the same pages;
- the PDF labels the cover 「表紙」 and every other page with its folio.

A cover wrap (表1–表4 apart, the body numbered from 1 on a right-hand page) would suit a
thicker magazine on a heavier cover stock; an association newsletter with nothing to put on
表2 and 表3 is a self-cover booklet.  Everything that numbers or sides pages asks here.
"""

from __future__ import annotations

COVER_LABEL = "表紙"
COVER_PAGES = 1  # physical pages before the first page with a folio (the cover)


def folio(index: int) -> int:
    """The page number of physical page ``index`` (0-based): the cover is page 1."""
    return index + 1


def is_recto(index: int) -> bool:
    """Whether physical page ``index`` is a right-hand page (odd folios)."""
    return folio(index) % 2 == 1


def shows_folio(index: int) -> bool:
    """Whether the page prints its folio (the cover's is hidden)."""
    return index >= COVER_PAGES


def label(index: int) -> str:
    """The PDF page label of physical page ``index``."""
    return COVER_LABEL if index < COVER_PAGES else str(folio(index))
