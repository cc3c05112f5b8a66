"""A photo in the running text (or a logo in a cell): picture, credit, caption, whole lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from express.model.articles import Image
from express.model.source import Text
from express.pdf.layout.blocks import Block, snap
from express.pdf.paint.marks import Node, content

if TYPE_CHECKING:
    from express.pdf.layout.parts import Parts
    from express.pdf.template import Template

HALF = 0.5  # of the width a half-size photo's picture takes (its caption the rest)


def picture_box(px: tuple[int, int], room: float, max_height: float) -> tuple[float, float]:
    """The size a picture of ``px`` pixels is drawn at in ``room`` points across: as wide
    as the room, unless that makes it taller than ``max_height``."""
    w, h = px
    bw, bh = room, room * h / w
    if bh > max_height:
        bh = max_height
        bw = bh * w / h
    return bw, bh


def picture_room(t: Template, aw: float, *, half: bool = False, gap_right: float = 0.0
                 ) -> float:
    """The room across for a picture in a block ``aw`` wide (a half-size photo: its half,
    less half the gap to the caption beside it)."""
    aw -= gap_right
    return aw * HALF - t.space["caption_side_gap"] / 2 if half else aw


class PhotoBlock(Block):
    """A picture scaled to the column (or block) width, its credit and caption below;
    whole lines.

    In running text it is a figure that ``floats``: when it does not fit at the foot of a
    column it moves to the top of the next one and the text goes on (Section._fill).
    ``half``: the picture takes half the width, its caption set beside it.  ``wide``: it
    spans the columns (``Parts.sections`` sets it outside them).  In the tag tree the
    picture is a ``Figure`` that a reader announces by ``alt``, the credit and caption
    its ``Caption``; a cropped or widened copy is the same figure."""

    floats = True

    def __init__(self, parts: Parts, image: Image, caption: Text | None, size: tuple[int, int],
                 max_height: float, crop: float = 0.0, in_text: bool = True,
                 gap_right: float = 0.0, *, credit: Text | None = None, half: bool = False,
                 wide: bool = False, alt: str = "") -> None:
        super().__init__()
        self.floats = in_text  # a logo in a table cell stays where it is
        self.gap_right = gap_right  # kept free at the right (a logo beside its company)
        self.p = parts
        self.image = image
        self.caption_text, self.credit_text = caption, credit
        self.half, self.wide = half, wide
        self.px = size
        self.max_height = max_height
        self.crop = crop  # points cut from the picture's height (top and bottom equally)
        self.source = image.pos
        t = parts.t
        self.caption = (parts.para(caption, "caption", colour=t.colours["muted"], snap=False,
                                   align="left", phrases=True, tag=None) if caption else None)
        self.credit = (parts.para(credit, "credit", colour=t.colours["muted"], snap=False,
                                  align="right", phrases=True, tag=None) if credit else None)
        self.figure = Node("Figure", alt=alt)
        self.tagged(self.figure, Node("Caption"))
        self._trims: dict[tuple[float, int], PhotoBlock | None] = {}  # by (width, lines)

    def tagged(self, figure: Node, caption: Node) -> PhotoBlock:
        """This photo as the tag tree's ``figure`` with its ``caption``."""
        self.figure = figure
        for para in (self.credit, self.caption):
            if para is not None:
                para.tag = caption
        return self

    def _picture_width(self, aw: float) -> float:
        """The room for the picture across ``aw``."""
        return picture_room(self.p.t, aw, half=self.half, gap_right=self.gap_right)

    def _box(self, aw: float) -> tuple[float, float]:
        """The whole picture's size at width ``aw`` (before cropping)."""
        return picture_box(self.px, self._picture_width(aw), self.max_height)

    def _pad(self) -> float:
        """Space above the picture when text stands above it (dropped at a column top)."""
        if not self.floats:
            return 0.0
        return self.p.t.space["figure_lines"] * self.p.pitch

    def _credit_height(self, aw: float) -> float:
        if self.credit is None:
            return 0.0
        return self.p.t.space["caption_gap"] + self.credit.wrap(self._box(aw)[0], 1e6)[1]

    def _caption_width(self, aw: float) -> float:
        """Beside a half-size picture, the rest of the width; else the picture's width
        (a picture narrower than the column, held to the greatest height, has its caption
        under it, not beyond its edges)."""
        if self.half:
            return aw - self.gap_right - self._picture_width(aw) - \
                self.p.t.space["caption_side_gap"]
        return self._box(aw)[0]

    def _extra(self, aw: float, bh: float) -> float:
        """Height of the space above, the credit, the caption and the gaps around them,
        beyond the picture's ``bh``."""
        cap = self.caption.wrap(self._caption_width(aw), 1e6)[1] if self.caption else 0.0
        gap = self.p.t.space["caption_gap"]
        below = max(gap, self._pad())  # as much space below
        if self.half:  # the caption beside the picture, their feet aligned
            return self._pad() + max(self._credit_height(aw), cap - bh) + below
        return self._pad() + self._credit_height(aw) + gap + cap + below

    def wrap(self, aw, ah):
        self.width = aw
        _bw, bh = self._box(aw)
        self.height = snap(bh - self.crop + self._extra(aw, bh - self.crop), self.p.pitch)
        return aw, self.height

    def split(self, aw, ah):
        return []

    def slack(self) -> float:
        """Below the caption's last line, or the credit, or the picture (as ``draw`` sets
        them)."""
        bw, bh = self._box(self.width)
        top = self.height - (0 if getattr(self, "at_top", False) else self._pad())
        shown = bh - self.crop
        gap = self.p.t.space["caption_gap"]
        low = top - shown
        if self.credit is not None:
            low -= gap + self.credit.wrap(bw, 1e6)[1]
        if self.caption is not None:
            if self.half:
                ch = self.caption.wrap(self._caption_width(self.width), 1e6)[1]
                foot = top - shown if ch <= shown else top - ch
                low = min(low, foot + self.caption.slack())
            else:
                ch = self.caption.wrap(bw, 1e6)[1]
                low -= gap + ch - self.caption.slack()
        return max(0.0, low)

    def trimmed(self, lines: int) -> PhotoBlock | None:
        """This photo ``lines`` grid lines shorter, its picture cropped top and bottom; None
        when that would cut more than the template's ``images.max_crop`` of the picture.
        Made once per width and ``lines`` (the columns try the same trims at every room)."""
        aw = getattr(self, "width", None) or self.p.t.grid.column_width
        key = (aw, lines)
        if key not in self._trims:
            self._trims[key] = self._trimmed(aw, lines)
        return self._trims[key]

    def _trimmed(self, aw: float, lines: int) -> PhotoBlock | None:
        _bw, bh = self._box(aw)
        height = snap(bh + self._extra(aw, bh), self.p.pitch) - lines * self.p.pitch
        crop = bh + self._extra(aw, bh) - height + 0.01
        if crop <= 0 or crop > self.p.t.max_crop * bh:
            return None
        return self._cropped(crop, half=self.half, wide=self.wide)

    def _cropped(self, crop: float, *, half: bool, wide: bool) -> PhotoBlock:
        """This photo with ``crop`` cut from its picture: the same figure, its credit and
        caption the same paragraphs (composed once)."""
        copy = PhotoBlock(self.p, self.image, None, self.px, self.max_height, crop=crop,
                          half=half, wide=wide)
        copy.caption_text, copy.credit_text = self.caption_text, self.credit_text
        copy.caption, copy.credit = self.caption, self.credit
        return copy.tagged(self.figure, self._caption_tag())

    def sizes(self, aw: float) -> tuple[float, float]:
        """The least and the greatest height this photo takes at width ``aw`` (whole grid
        lines): cropped top and bottom by up to ``images.max_crop``, or whole."""
        _bw, bh = self._box(aw)
        most = snap(bh + self._extra(aw, bh), self.p.pitch)
        least_bh = bh * (1 - self.p.t.max_crop)
        least = snap(least_bh + self._extra(aw, least_bh), self.p.pitch)
        return least, most

    def sharp_at(self, aw: float) -> bool:
        """Whether the picture set across ``aw`` still has the pixels the build asks for
        (``images.min_ppi``, or the print edition's): an enlargement must not blur it."""
        width = self._box(aw)[0]
        return width <= 0 or self.px[0] / (width / 72) >= self.p.pictures.min_ppi

    def sized(self, aw: float, height: float) -> PhotoBlock:
        """This photo as a figure across ``aw`` (a whole section's width) taking ``height``
        (whole lines, within :meth:`sizes`): its picture cropped top and bottom to fit.  It
        stands at the top of its columns, not floating."""
        _bw, bh = self._box(aw)
        crop = max(0.0, bh + self._extra(aw, bh) - height + 0.01)
        wide = self._cropped(crop, half=False, wide=False)
        wide.floats = False
        wide.at_top = True
        return wide

    def _caption_tag(self) -> Node:
        para = self.credit or self.caption
        return para.tag if para is not None and para.tag is not None else Node("Caption")

    def draw(self):
        bw, bh = self._box(self.width)
        # at the top of a column the picture aligns with the first text line beside it
        top = self.height - (0 if getattr(self, "at_top", False) else self._pad())
        x = 0.0 if self.half else (self.width - self.gap_right - bw) / 2  # half: flush left
        shown = bh - self.crop
        c = self.canv
        c.saveState()
        if self.crop > 0:
            path = c.beginPath()
            path.rect(x, top - shown, bw, shown)
            c.clipPath(path, stroke=0, fill=0)
        with content(c, self.figure):
            self.p.pictures.draw(c, self.image, x, top - shown - self.crop / 2, bw, bh)
        c.restoreState()
        gap = self.p.t.space["caption_gap"]
        y = top - shown
        if self.credit is not None:
            ch = self.credit.wrap(bw, 1e6)[1]
            y -= gap + ch
            self.credit.drawOn(c, x, y)
        if self.caption:
            if self.half:  # beside the picture, its last line at the picture's foot
                ch = self.caption.wrap(self._caption_width(self.width), 1e6)[1]
                cx = self._picture_width(self.width) + self.p.t.space["caption_side_gap"]
                self.caption.drawOn(c, cx, top - shown if ch <= shown else top - ch)
            else:
                ch = self.caption.wrap(bw, 1e6)[1]
                self.caption.drawOn(c, x, y - gap - ch)
