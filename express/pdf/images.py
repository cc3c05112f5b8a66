"""Pictures: checked once, then downsampled with Pillow to the template's resolution at the
size they are placed (the originals are never touched).

Decoding and resampling a photo costs 20-60 ms, so with a ``cache`` folder the outcome is
kept between runs (``.cache/images``): the pixel size of each file that decoded cleanly, and
the bytes to embed for each placed size, keyed by the file's SHA-256, the size, the JPEG
quality and Pillow's version.  The embedded bytes are the same either way.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
from pathlib import Path

from PIL import Image as PILImage
from reportlab.lib.utils import ImageReader

from express.atomic import write_atomic
from express.diagnostics import Diagnostics
from express.model.articles import Image


class Pictures:
    def __init__(self, ppi: float, quality: int, diags: Diagnostics,
                 cache: Path | None = None) -> None:
        self.ppi, self.quality, self.diags = ppi, quality, diags
        self.cache = cache
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._readers: dict[tuple[str, int, int], ImageReader] = {}
        self._digests: dict[str, str] = {}

    # ------------------------------------------------------------------ the cache
    def _key(self, path: str, what: str) -> Path | None:
        if self.cache is None:
            return None
        digest = self._digests.get(path)
        if digest is None:
            with open(path, "rb") as f:
                digest = self._digests[path] = hashlib.file_digest(f, "sha256").hexdigest()
        return self.cache / f"{digest}-{what}-pil{PILImage.__version__}"

    def _cached(self, key: Path | None) -> bytes | None:
        if key is None:
            return None
        try:
            return key.read_bytes()
        except OSError:
            return None

    def _store(self, key: Path | None, data: bytes) -> None:
        if key is None:
            return
        with contextlib.suppress(OSError):  # a cache that cannot be written is not used
            write_atomic(key, data)

    def size(self, img: Image) -> tuple[int, int] | None:
        """Pixel size of ``img``, or None (with an error) when Pillow cannot decode it."""
        if img.path not in self._sizes:
            try:
                key = self._key(img.path, "size")
            except OSError:
                key = None  # unreadable: Pillow says why below
            hit = self._cached(key)
            if hit is not None:
                w, h = hit.split()
                self._sizes[img.path] = (int(w), int(h))
                return self._sizes[img.path]
            try:
                with PILImage.open(img.path) as im:
                    size = im.size
                    if im.format == "JPEG":  # decode at 1/8 scale: enough to find damage
                        im.draft("RGB", (max(1, size[0] // 8), max(1, size[1] // 8)))
                    im.load()
                    self._sizes[img.path] = size
                self._store(key, f"{size[0]} {size[1]}".encode())
            except Exception as exc:  # any decoding problem is the editor's to fix
                self.diags.error(img.pos, "image.unreadable", ref=img.ref,
                                 reason=str(exc) or exc.__class__.__name__)
                self._sizes[img.path] = None
        return self._sizes[img.path]

    def draw(self, canv, img: Image, x: float, y: float, width: float, height: float) -> None:
        """Draw ``img`` into the ``width`` × ``height`` rectangle at (x, y)."""
        reader = self.reader(img, width, height)
        fh = reader.jpeg_fh()
        if fh is None:  # PNG (a logo, maybe with transparency): ReportLab's own way
            canv.drawImage(reader, x, y, width, height, mask="auto")
            return
        data = fh.read()
        fh.seek(0)
        _draw_jpeg(canv, reader, hashlib.md5(data).hexdigest(), x, y, width, height)

    def reader(self, img: Image, width_pt: float, height_pt: float) -> ImageReader:
        """The picture for a box of ``width_pt`` × ``height_pt``, at most ``ppi``."""
        tw = max(1, math.ceil(width_pt / 72 * self.ppi))
        th = max(1, math.ceil(height_pt / 72 * self.ppi))
        key = (img.path, tw, th)
        hit = self._readers.get(key)
        if hit is not None:
            return hit
        stored = self._key(img.path, f"{tw}x{th}-q{self.quality}")
        data = self._cached(stored)
        if data is not None:  # b"F": the file as it is, else the bytes to embed
            source = img.path if data == b"F" else io.BytesIO(data)
            reader = self._readers[key] = self._open(source)
            return reader
        reader = self._make(img, tw, th, stored)
        self._readers[key] = reader
        return reader

    @staticmethod
    def _open(source: str | io.BytesIO) -> ImageReader:
        if isinstance(source, str):
            with open(source, "rb") as f:
                return ImageReader(io.BytesIO(f.read()))
        return ImageReader(source)

    def _make(self, img: Image, tw: int, th: int, stored: Path | None) -> ImageReader:
        with PILImage.open(img.path) as im:
            if im.format == "JPEG":  # decode at a reduced scale when that is still enough
                im.draft("RGB", (tw, th))
            im.load()
            if im.width <= tw * 1.05 and im.format == "JPEG" and im.mode in ("RGB", "L"):
                self._store(stored, b"F")  # small enough: embed the JPEG as it is
                return self._open(img.path)
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
                self._store(stored, out.getvalue())
                out.seek(0)
                return ImageReader(out)


def _draw_jpeg(canv, reader: ImageReader, name: str, x: float, y: float, width: float,
               height: float) -> None:
    """What ``canv.drawImage(reader, …)`` writes for a JPEG, named by the JPEG's own bytes.

    ReportLab names an image by the MD5 of its decoded pixels, so every photo would be
    decoded (and hashed at full size) just to be named, though the JPEG is embedded as it
    is; that cost ~50 ms per issue."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    doc = canv._doc
    reg = doc.getXObjectName(name)
    if doc.idToObject.get(reg) is None:
        obj = PDFImageXObject(name, reader)
        canv._setXObjects(obj)
        doc.Reference(obj, reg)
        doc.addForm(name, obj)
    canv._currentPageHasImages = 1
    canv.saveState()
    canv.translate(x, y)
    canv.scale(width, height)
    canv._code.append(f"/{reg} Do")
    canv.restoreState()
    canv._formsinuse.append(name)
