"""How wide each picture of an issue is printed, worked out from the layout template alone.

``express check`` warns of a picture too coarse for its size on the page, as the build
does when it draws it, without laying the issue out: a photo's width follows from its
kind's columns and its ``size``, a logo's from the member profile, the cover's from the
paper.  The layout uses the same functions (``picture_box``, ``frame_padding``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from express.model.articles import Image, Member
from express.model.issue import Issue
from express.pdf.layout.photo import picture_box, picture_room
from express.pdf.template import Template

Size = Callable[[Image], tuple[int, int] | None]
FRAMED = {"member"}  # kinds set in a framed section (their photos in narrower columns)


def frame_padding(t: Template) -> float:
    """The padding inside a member profile's frame, left and right: at least
    ``profile.padding_em``, and as much more as makes each of its columns a whole number
    of body characters (a measure of whole 字 sets a line of kana and kanji solid, so
    what justification adds or takes is even from line to line)."""
    em = t.style("body").size
    columns = min(t.kinds["member"].columns, t.grid.columns)
    gutters = (columns - 1) * t.grid.gutter
    least = t.profile["padding_em"] * em
    column = (t.grid.width - 2 * least - gutters) / columns
    whole = math.floor(column / em + 1e-6) * em
    return (t.grid.width - gutters - columns * whole) / 2


def _columns_width(t: Template, columns: int, framed: bool) -> tuple[float, float]:
    """(one column's width, the whole width) of a section of ``columns`` columns."""
    inner = t.grid.width - (2 * frame_padding(t) if framed else 0.0)
    return (inner - (columns - 1) * t.grid.gutter) / columns, inner


def picture_widths(t: Template, issue: Issue, size: Size) -> Iterator[tuple[Image, float]]:
    """Each picture of ``issue`` with the width in points it is printed at (the cover's:
    at least the paper's, the least it may be); ``size`` gives a picture's pixels (None:
    unusable, left out)."""
    max_height = t.grid.height * t.max_photo_height
    for article in issue.articles:
        framed = article.kind in FRAMED
        columns = t.kinds[article.kind].columns
        column, whole = _columns_width(t, columns, framed)
        for photo in getattr(article, "photos", ()):
            px = size(photo.image)
            if px is not None:
                room = whole if photo.size == "wide" and columns > 1 else column
                room = picture_room(t, room, half=photo.size == "half")
                yield photo.image, picture_box(px, room, max_height)[0]
        if isinstance(article, Member) and article.logo is not None:
            px = size(article.logo)
            if px is not None:
                cell = whole * t.table_columns["member"][0]
                room = picture_room(t, cell, gap_right=t.profile["logo_gap"])
                yield article.logo, picture_box(px, room, t.profile["logo_lines"]
                                                * t.grid.line_pitch)[0]
    cover = issue.cover.image if issue.cover is not None else None
    if cover is not None and size(cover) is not None:
        yield cover, t.page_width
