"""Pictures: checked once, then downsampled with Pillow to the template's resolution at the
size they are placed (the originals are never touched)."""

from __future__ import annotations

import io
import math

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader

from express.diagnostics import Diagnostics
from express.model.articles import Image


class Pictures:
    def __init__(self, ppi: float, quality: int, diags: Diagnostics) -> None:
        self.ppi, self.quality, self.diags = ppi, quality, diags
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._readers: dict[tuple[str, int, int], ImageReader] = {}

    def size(self, img: Image) -> tuple[int, int] | None:
        """Pixel size of ``img``, or None (with an error) when Pillow cannot decode it."""
        if img.path not in self._sizes:
            try:
                with PILImage.open(img.path) as im:
                    size = im.size
                    if im.format == "JPEG":  # decode at 1/8 scale: enough to find damage
                        im.draft("RGB", (max(1, size[0] // 8), max(1, size[1] // 8)))
                    im.load()
                    self._sizes[img.path] = size
            except Exception as exc:  # any decoding problem is the editor's to fix
                self.diags.error(img.pos, "image.unreadable", ref=img.ref,
                                 reason=str(exc) or exc.__class__.__name__)
                self._sizes[img.path] = None
        return self._sizes[img.path]

    def reader(self, img: Image, width_pt: float, height_pt: float) -> ImageReader:
        """The picture for a box of ``width_pt`` × ``height_pt``, at most ``ppi``."""
        tw = max(1, math.ceil(width_pt / 72 * self.ppi))
        th = max(1, math.ceil(height_pt / 72 * self.ppi))
        key = (img.path, tw, th)
        hit = self._readers.get(key)
        if hit is not None:
            return hit
        with PILImage.open(img.path) as im:
            if im.format == "JPEG":  # decode at a reduced scale when that is still enough
                im.draft("RGB", (tw, th))
            im.load()
            if im.width <= tw * 1.05 and im.format == "JPEG" and im.mode in ("RGB", "L"):
                with open(img.path, "rb") as f:  # small enough: embed the JPEG as it is
                    reader = ImageReader(io.BytesIO(f.read()))
            else:
                if im.mode not in ("RGB", "RGBA", "L", "LA"):
                    im = im.convert("RGBA" if "transparency" in im.info else "RGB")
                if im.width > tw:
                    im = im.resize((tw, max(1, round(im.height * tw / im.width))),
                                   PILImage.Resampling.LANCZOS, reducing_gap=2.0)
                out = io.BytesIO()
                if im.mode in ("RGBA", "LA"):
                    im.save(out, "PNG", optimize=False)
                else:
                    im.save(out, "JPEG", quality=self.quality, optimize=False)
                out.seek(0)
                reader = ImageReader(out)
        self._readers[key] = reader
        return reader
