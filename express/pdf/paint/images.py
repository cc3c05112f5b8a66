"""Pictures: checked once, then downsampled with Pillow to the template's resolution at the
size they are placed (the originals are never touched).

Decoding and resampling a photo costs 20-60 ms, so with a ``cache`` folder the outcome is
kept between runs (``.cache/images``): the pixel size of each file that decoded cleanly, and
the bytes to embed for each placed size, keyed by the file's SHA-256, the size, the JPEG
quality, ``CACHE_FORMAT`` and Pillow's version.  The embedded bytes are the same either way;
a JPEG found in the cache is embedded without Pillow being loaded at all (~20 ms).

A phone stores a photo as its sensor saw it and says in the EXIF Orientation tag how to
turn it; every size here is the upright one, and the embedded picture is turned upright.

For the print edition (``separation`` given) a colour picture is converted to the output
profile's CMYK (from its own embedded profile, else sRGB): a photo becomes a CMYK JPEG, a
logo with transparency CMYK with a soft mask; grey pictures stay grey (black ink alone).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import math
import zlib
from collections.abc import Iterator
from pathlib import Path

import PIL

from express.atomic import write_atomic
from express.diagnostics import Diagnostics
from express.model.articles import Image
from express.model.source import Pos

# 2: sizes are upright and a turned JPEG is never embedded as it is (1 held the stored size
# and could mark a turned JPEG "embed as it is", so a photo printed on its side); 16-bit
# grey is scaled to 8 bits (1 held it clipped to white)
CACHE_FORMAT = 2
ORIENTATION = 0x0112  # the EXIF tag
_TURNED = frozenset({5, 6, 7, 8})  # orientations that swap width and height

# Pillow's own limits against pictures that would take all the memory to decode (its
# MAX_IMAGE_PIXELS): a warning above LARGE_PIXELS, refused above twice that.  A photo that
# large prints no sharper (it is downsampled to the template's ppi) and an RGB one takes
# over 500 MB to decode in full, as the site does, in several threads at once.  Pillow can
# only say so as a raw Python warning or in its own words, and catching a warning is not
# thread-safe, so ``open_picture`` turns Pillow's check off and makes it itself, at the
# same point (on opening, before decoding), for a message that says what to do.
LARGE_PIXELS = 89_478_485
MAX_PIXELS = 2 * LARGE_PIXELS

class TooLarge(Exception):
    """A picture over ``MAX_PIXELS``: not decoded."""

    def __init__(self, pixels: int) -> None:
        super().__init__(f"{pixels} pixels")
        self.pixels = pixels


def open_picture(path: str):
    """``PIL.Image.open(path)``, refusing a picture over ``MAX_PIXELS`` with ``TooLarge``."""
    from PIL import Image as PILImage

    PILImage.MAX_IMAGE_PIXELS = None  # checked here instead: see LARGE_PIXELS
    im = PILImage.open(path)
    if im.width * im.height > MAX_PIXELS:
        im.close()
        raise TooLarge(im.width * im.height)
    return im


def megapixels(pixels: int, *, up: bool) -> int:
    """Whole megapixels, rounded ``up`` for a picture's size and down for a limit, so a
    picture over a limit never reads as equal to it."""
    return math.ceil(pixels / 1e6) if up else pixels // 1_000_000


def images_in(obj: object) -> Iterator[Image]:
    """Every picture an issue (or any part of it) refers to: the cover's, photos, logos."""
    if isinstance(obj, Image):
        yield obj
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from images_in(item)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from images_in(getattr(obj, f.name))


class PictureSizes:
    """The upright pixel size of each picture, found by decoding it once (so a damaged or
    too large one is reported at its YAML position) and kept in ``cache``.  ``express
    check`` measures with this alone, into the cache the build's ``Pictures`` reads."""

    def __init__(self, diags: Diagnostics, cache: Path | None = None) -> None:
        self.diags, self.cache = diags, cache
        self._sizes: dict[str, tuple[int, int] | None] = {}
        self._digests: dict[str, str] = {}

    # ------------------------------------------------------------------ the cache
    def _key(self, path: str, what: str) -> Path | None:
        if self.cache is None:
            return None
        digest = self._digests.get(path)
        if digest is None:
            with open(path, "rb") as f:
                digest = self._digests[path] = hashlib.file_digest(f, "sha256").hexdigest()
        return self.cache / f"{digest}-{what}-v{CACHE_FORMAT}-pil{PIL.__version__}"

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

    # ------------------------------------------------------------------ sizes
    def size(self, img: Image) -> tuple[int, int] | None:
        """Upright pixel size of ``img``, or None (with an error) when it cannot be used;
        a warning for a very large one (from the cached size too, so every build says
        so)."""
        if img.path not in self._sizes:
            size = self._sizes[img.path] = self._measure(img)
            if size is not None and size[0] * size[1] > LARGE_PIXELS:
                self.diags.warning(img.pos, "image.very_large", ref=img.ref,
                                   megapixels=megapixels(size[0] * size[1], up=True),
                                   limit=megapixels(LARGE_PIXELS, up=False))
        return self._sizes[img.path]

    def _measure(self, img: Image) -> tuple[int, int] | None:
        try:
            key = self._key(img.path, "size")
        except OSError:
            key = None  # unreadable: opening it says why below
        hit = self._cached(key)
        if hit is not None:
            w, h = hit.split()
            return int(w), int(h)
        try:
            with open_picture(img.path) as im:
                size = im.size
                if im.format == "JPEG":  # decode at 1/8 scale: enough to find damage
                    im.draft("RGB", (max(1, size[0] // 8), max(1, size[1] // 8)))
                im.load()
                if orientation(im) in _TURNED:
                    size = (size[1], size[0])
        except TooLarge as exc:
            self.diags.error(img.pos, "image.too_large", ref=img.ref,
                             megapixels=megapixels(exc.pixels, up=True),
                             limit=megapixels(MAX_PIXELS, up=False))
            return None
        except Exception as exc:  # Pillow raises several kinds for a damaged file
            if isinstance(exc, OSError) and exc.errno is not None:  # the file, not its data
                self.diags.error(img.pos, "image.unreadable", ref=img.ref,
                                 reason=exc.strerror or str(exc))
            else:
                self.diags.error(img.pos, "image.damaged", ref=img.ref)
            return None
        self._store(key, f"{size[0]} {size[1]}".encode())
        return size


class Separation:
    """How the print edition's pictures become CMYK: the output profile (ICC bytes) and the
    rendering intent (``relative``: relative colorimetric with black point compensation,
    what prepress applications do by default; or ``perceptual``)."""

    def __init__(self, profile: bytes, digest: str, intent: str) -> None:
        self.profile, self.digest, self.intent = profile, digest, intent
        self._transforms: dict[bytes, object] = {}

    @property
    def key(self) -> str:
        """What a cached picture made with this separation is known by."""
        return f"cmyk{self.digest[:16]}-{self.intent}"

    def to_cmyk(self, im):
        """``im`` (mode RGB) in the output profile's CMYK, from its own profile if it has
        one (sRGB otherwise)."""
        from PIL import ImageCms

        source = im.info.get("icc_profile") or b""
        transform = self._transforms.get(source)
        if transform is None:
            src = (ImageCms.ImageCmsProfile(io.BytesIO(source)) if source
                   else ImageCms.createProfile("sRGB"))
            intent = (ImageCms.Intent.PERCEPTUAL if self.intent == "perceptual"
                      else ImageCms.Intent.RELATIVE_COLORIMETRIC)
            transform = self._transforms[source] = ImageCms.buildTransform(
                src, ImageCms.ImageCmsProfile(io.BytesIO(self.profile)), "RGB", "CMYK",
                renderingIntent=intent, flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        return ImageCms.applyTransform(im, transform)


# A CMYK picture with transparency, as cached: this header; width, height and the length
# of the compressed CMYK (4 bytes each); the CMYK, then the alpha bytes, Flate-compressed.
_CMYKA = b"JXCMYKA1"


class Pictures(PictureSizes):
    """The build's pictures: measured, then downsampled to ``ppi`` at their placed size;
    a picture placed at under ``min_ppi`` (the template's ``images.min_ppi``: coarser, it
    prints blurred or blocky) is warned of.  With a ``separation``, in CMYK for print."""

    def __init__(self, ppi: float, quality: int, diags: Diagnostics,
                 cache: Path | None = None, min_ppi: float = 0.0,
                 separation: Separation | None = None) -> None:
        super().__init__(diags, cache)
        self.ppi, self.quality = ppi, quality
        self.min_ppi = min_ppi
        self.separation = separation
        self._placed: dict[tuple[str, int, int], bytes] = {}
        self._coarse: set[tuple[str, Pos]] = set()  # pictures warned of, once each

    def draw(self, canv, img: Image, x: float, y: float, width: float, height: float) -> None:
        """Draw ``img`` into the ``width`` × ``height`` rectangle at (x, y)."""
        self._check_resolution(img, width)
        data = self.placed(img, width, height)
        if data.startswith(b"\xff\xd8"):  # a JPEG: embedded as it is
            _draw_jpeg(canv, data, hashlib.md5(data).hexdigest(), x, y, width, height)
            return
        if data.startswith(_CMYKA):
            _draw_cmyka(canv, data, x, y, width, height)
            return
        from reportlab.lib.utils import ImageReader  # PNG (a logo, maybe transparent)

        canv.drawImage(ImageReader(io.BytesIO(data)), x, y, width, height, mask="auto")

    def _check_resolution(self, img: Image, width_pt: float) -> None:
        """Warn, once per picture, when ``img`` drawn ``width_pt`` wide is under
        ``min_ppi``."""
        size = self.size(img)
        if size is None or width_pt <= 0 or (img.path, img.pos) in self._coarse:
            return
        if low_resolution(self.diags, img, size[0], width_pt, self.ppi, self.min_ppi):
            self._coarse.add((img.path, img.pos))

    def placed(self, img: Image, width_pt: float, height_pt: float) -> bytes:
        """The bytes to embed (JPEG or PNG) for a box of ``width_pt`` × ``height_pt``, at
        most ``ppi``."""
        tw = max(1, math.ceil(width_pt / 72 * self.ppi))
        th = max(1, math.ceil(height_pt / 72 * self.ppi))
        key = (img.path, tw, th)
        data = self._placed.get(key)
        if data is not None:
            return data
        what = f"{tw}x{th}-q{self.quality}"
        if self.separation is not None:
            what += f"-{self.separation.key}"
        stored = self._key(img.path, what)
        data = self._cached(stored)  # b"F": the file as it is, else the bytes to embed
        if data == b"F":
            data = Path(img.path).read_bytes()
        elif data is None:
            data = self._make(img, tw, th, stored)
        self._placed[key] = data
        return data

    def _make(self, img: Image, tw: int, th: int, stored: Path | None) -> bytes:
        from PIL import Image as PILImage

        with open_picture(img.path) as im:
            turn = orientation(im)
            if im.format == "JPEG":  # decode at a reduced scale when that is still enough
                im.draft("RGB", (th, tw) if turn in _TURNED else (tw, th))
            im.load()
            # (for print, only a grey or CMYK JPEG: a colour one is separated below)
            same = ("RGB", "L") if self.separation is None else ("L", "CMYK")
            if turn == 1 and im.width <= tw * 1.05 and im.format == "JPEG" \
                    and im.mode in same:
                self._store(stored, b"F")  # small enough: embed the JPEG as it is
                return Path(img.path).read_bytes()
            im = eight_bit(upright(im, turn))
            keep = ("RGB", "RGBA", "L", "LA") if self.separation is None \
                else ("RGB", "RGBA", "L", "LA", "CMYK")
            if im.mode not in keep:
                im = im.convert("RGBA" if "transparency" in im.info else "RGB")
            if im.width > tw:
                im = im.resize((tw, max(1, round(im.height * tw / im.width))),
                               PILImage.Resampling.LANCZOS, reducing_gap=2.0)
            if self.separation is not None:
                data = self._separated(im)
                self._store(stored, data)
                return data
            out = io.BytesIO()
            if im.mode in ("RGBA", "LA"):
                im.save(out, "PNG", optimize=False)
            else:
                im.save(out, "JPEG", quality=self.quality, optimize=False)
            self._store(stored, out.getvalue())
            return out.getvalue()


    def _separated(self, im) -> bytes:
        """The bytes to embed for print: CMYK (or grey) JPEG, or CMYK with transparency."""
        alpha = None
        if im.mode in ("RGBA", "LA"):
            alpha = im.getchannel("A")
            im = im.convert(im.mode[:-1])
        if im.mode == "RGB":
            im = self.separation.to_cmyk(im)
        if alpha is None or alpha.getextrema() == (255, 255):
            out = io.BytesIO()
            im.save(out, "JPEG", quality=self.quality, optimize=False)
            return out.getvalue()
        if im.mode == "L":
            im = im.convert("CMYK")  # (grey in black ink alone)
        colour = zlib.compress(im.tobytes())
        return b"".join((_CMYKA, *(n.to_bytes(4, "big") for n in (im.width, im.height,
                                                                   len(colour))),
                         colour, zlib.compress(alpha.tobytes())))


def low_resolution(diags: Diagnostics, img: Image, pixels: int, width_pt: float, ppi: float,
                   min_ppi: float) -> bool:
    """Warn that ``img`` (``pixels`` wide) printed ``width_pt`` wide is under ``min_ppi``;
    whether it is.  One wording for ``express check`` and the build."""
    placed = pixels / (width_pt / 72)
    if placed >= min_ppi:
        return False
    diags.warning(img.pos, "image.low_resolution", ref=img.ref, pixels=pixels,
                  mm=round(width_pt / 72 * 25.4), ppi=below(placed, min_ppi),
                  min_ppi=f"{min_ppi:g}", need=math.ceil(width_pt / 72 * ppi))
    return True


def below(value: float, limit: float) -> str:
    """``value`` (under ``limit``) written with the fewest decimals that still read as under
    it: 99.6 ppi against 100 is "99.6", not "100"."""
    for decimals in range(4):
        scale = 10 ** decimals
        shown = math.floor(value * scale) / scale
        if shown < limit and (decimals or round(value) < limit):
            return f"{shown:.{decimals}f}"
    return f"{value:.4f}"


def orientation(im) -> int:
    """The EXIF orientation of an opened picture: 1 (as stored) when it has none."""
    value = im.getexif().get(ORIENTATION, 1)
    return value if value in range(1, 9) else 1


def upright(im, turn: int):
    """``im`` turned as its EXIF ``turn`` (``orientation(im)``) says; itself when 1."""
    if turn == 1:
        return im
    from PIL import ImageOps

    return ImageOps.exif_transpose(im)  # a copy without the tag


def eight_bit(im):
    """``im`` with 16- or 32-bit integer grey values scaled to 8 bits (mode L); other
    modes as they are.  Pillow's own conversion clips every value above 255, so a 16-bit
    PNG would print white."""
    if im.mode not in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        return im
    if im.mode != "I":
        im = im.convert("I")
    low, high = im.getextrema()
    if low >= 0 and high <= 65535:  # 16-bit values (PNG's deepest grey)
        low, high = 0, 65535
    span = max(1, high - low)
    return im.point(lambda v: (v - low) * 255 / span).convert("L")


def _draw_jpeg(canv, data: bytes, name: str, x: float, y: float, width: float,
               height: float) -> None:
    """What ``canv.drawImage(ImageReader(data), …)`` writes for a JPEG, named by the JPEG's
    own bytes.

    ReportLab names an image by the MD5 of its decoded pixels, so every photo would be
    decoded (and hashed at full size) just to be named, though the JPEG is embedded as it
    is; that cost ~50 ms per issue.  The XObject reads the JPEG's header itself, as
    ReportLab's does for a JPEG, so Pillow is not needed."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    doc = canv._doc
    reg = doc.getXObjectName(name)
    if doc.idToObject.get(reg) is None:
        obj = PDFImageXObject(name)
        obj.loadImageFromJPEG(io.BytesIO(data))
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


def _draw_cmyka(canv, data: bytes, x: float, y: float, width: float, height: float) -> None:
    """A CMYK picture with a soft mask (see ``_CMYKA``), as ``drawImage`` would draw an
    RGBA one."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    name = hashlib.md5(data).hexdigest()
    doc = canv._doc
    reg = doc.getXObjectName(name)
    if doc.idToObject.get(reg) is None:
        w, h, n = (int.from_bytes(data[i:i + 4], "big") for i in (8, 12, 16))
        obj, mask = PDFImageXObject(name), PDFImageXObject(f"{name}-mask")
        for o, space, stream in ((obj, "DeviceCMYK", data[20:20 + n]),
                                 (mask, "DeviceGray", data[20 + n:])):
            o.width, o.height, o.bitsPerComponent = w, h, 8
            o.colorSpace, o._filters, o.streamContent, o.mask = space, ("FlateDecode",), \
                stream, None
        mask_reg = doc.getXObjectName(mask.name)
        canv._setXObjects(mask)
        obj.smask = doc.Reference(mask, mask_reg)
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
