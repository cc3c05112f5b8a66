"""A photo in the running text (or a logo in a cell): picture, caption, whole lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from express.model.articles import Image
from express.model.source import Text
from express.pdf.layout.blocks import Block, snap

if TYPE_CHECKING:
    from express.pdf.layout.parts import Parts


class PhotoBlock(Block):
    """A picture scaled to the column (or block) width, its caption below; whole lines.

    In running text it is a figure that ``floats``: when it does not fit at the foot of a
    column it moves to the top of the next one and the text goes on (Section._fill)."""

    floats = True

    def __init__(self, parts: Parts, image: Image, caption: Text | None, size: tuple[int, int],
                 max_height: float, crop: float = 0.0, in_text: bool = True,
                 gap_right: float = 0.0) -> None:
        super().__init__()
        self.floats = in_text  # a logo in a table cell stays where it is
        self.gap_right = gap_right  # kept free at the right (a logo beside its company)
        self.p = parts
        self.image = image
        self.caption_text = caption
        self.px = size
        self.max_height = max_height
        self.crop = crop  # points cut from the picture's height (top and bottom equally)
        self.source = image.pos
        t = parts.t
        self.caption = (parts.para(caption, "caption", colour=t.colours["muted"], snap=False,
                                   align="left") if caption else None)

    def _box(self, aw: float) -> tuple[float, float]:
        """The whole picture's size at width ``aw`` (before cropping)."""
        w, h = self.px
        aw -= self.gap_right
        bw, bh = aw, aw * h / w
        if bh > self.max_height:
            bh = self.max_height
            bw = bh * w / h
        return bw, bh

    def _pad(self) -> float:
        """Space above the picture when text stands above it (dropped at a column top)."""
        if not self.floats:
            return 0.0
        return self.p.t.space["figure_lines"] * self.p.pitch

    def _caption_box(self, aw: float) -> tuple[float, float]:
        """The caption's x and measure: under the picture, from its left edge (a picture
        narrower than the block, held by images.max_height, is centred)."""
        bw, _bh = self._box(aw)
        return (aw - self.gap_right - bw) / 2, bw

    def _extra(self, aw: float) -> float:
        """Height of the space above, the caption and the gaps around it."""
        cap = self.caption.wrap(self._caption_box(aw)[1], 1e6)[1] if self.caption else 0.0
        gap = self.p.t.space["caption_gap"]
        return self._pad() + gap + cap + max(gap, self._pad())  # as much space below

    def wrap(self, aw, ah):
        self.width = aw
        _bw, bh = self._box(aw)
        self.height = snap(bh - self.crop + self._extra(aw), self.p.pitch)
        return aw, self.height

    def split(self, aw, ah):
        return []

    def slack(self) -> float:
        """Below the caption's last line, or the picture."""
        top = self.height - (0 if getattr(self, "at_top", False) else self._pad())
        low = top - (self._box(self.width)[1] - self.crop)
        if self.caption is not None:
            ch = self.caption.wrap(self._caption_box(self.width)[1], 1e6)[1]
            low -= self.p.t.space["caption_gap"] + ch - self.caption.slack()
        return max(0.0, low)

    def trimmed(self, lines: int) -> PhotoBlock | None:
        """This photo ``lines`` grid lines shorter, its picture cropped top and bottom; None
        when that would cut more than the template's ``images.max_crop`` of the picture."""
        aw = getattr(self, "width", None) or self.p.t.grid.column_width
        _bw, bh = self._box(aw)
        height = snap(bh + self._extra(aw), self.p.pitch) - lines * self.p.pitch
        crop = bh + self._extra(aw) - height + 0.01
        if crop <= 0 or crop > self.p.t.max_crop * bh:
            return None
        return PhotoBlock(self.p, self.image, self.caption_text, self.px, self.max_height,
                          crop=crop)

    def sizes(self, aw: float) -> tuple[float, float]:
        """The least and the greatest height this photo takes at width ``aw`` (whole grid
        lines): cropped top and bottom by up to ``images.max_crop``, or whole."""
        _bw, bh = self._box(aw)
        most = snap(bh + self._extra(aw), self.p.pitch)
        least = snap(bh * (1 - self.p.t.max_crop) + self._extra(aw), self.p.pitch)
        return least, most

    def sized(self, aw: float, height: float) -> PhotoBlock:
        """This photo as a figure across ``aw`` (a whole section's width) taking ``height``
        (whole lines, within :meth:`sizes`): its picture cropped top and bottom to fit.  It
        stands at the top of its columns, not floating."""
        _bw, bh = self._box(aw)
        crop = max(0.0, bh + self._extra(aw) - height + 0.01)
        wide = PhotoBlock(self.p, self.image, self.caption_text, self.px, self.max_height,
                          crop=crop)
        wide.floats = False
        wide.at_top = True
        return wide

    def draw(self):
        bw, bh = self._box(self.width)
        # at the top of a column the picture aligns with the first text line beside it
        top = self.height - (0 if getattr(self, "at_top", False) else self._pad())
        x = (self.width - self.gap_right - bw) / 2
        shown = bh - self.crop
        c = self.canv
        c.saveState()
        if self.crop > 0:
            path = c.beginPath()
            path.rect(x, top - shown, bw, shown)
            c.clipPath(path, stroke=0, fill=0)
        self.p.pictures.draw(c, self.image, x, top - shown - self.crop / 2, bw, bh)
        c.restoreState()
        if self.caption:
            gap = self.p.t.space["caption_gap"]
            cx, cw = self._caption_box(self.width)
            ch = self.caption.wrap(cw, 1e6)[1]
            self.caption.drawOn(c, cx, top - shown - gap - ch)
