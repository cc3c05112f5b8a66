"""Pictures for the site: cover thumbnails from the PDFs (and a back issue's pages), photos
and logos downscaled.

Every picture is written with its pixel size so pages can give ``width``/``height`` and
never shift while loading.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from PIL import Image as PILImage

from express.pdf.paint.images import eight_bit, open_picture, orientation, upright
from express.pdfpages import render

THUMB_WIDTH = 480  # the cover grid shows covers at up to 240 CSS px: 2x for sharp screens
OG_WIDTH = 600  # og:image: JPEG, as some share previews still refuse WebP
PHOTO_MAX = 1200
LOGO_BOX = (480, 240)  # logos show at up to 6rem high: 2x that, and never wider than this
PAGE_WIDTH = 240  # a back issue's page thumbnails show at up to 120 CSS px: 2x that


@dataclass(frozen=True)
class Picture:
    """A picture written into the site: its file's path relative to the site root, pixel
    size."""

    path: str
    width: int
    height: int

    @property
    def href(self) -> str:
        """The path as an address: a file name's ``#``, ``?``, ``%`` or space would end or
        change the address as written, so every such character is percent-encoded."""
        return quote(self.path)


def render_cover(pdf: Path, site: Path, folder: str) -> tuple[Picture, Picture]:
    """The PDF's first page as the grid thumbnail (WebP) and the share image (JPEG)."""
    first: list[PILImage.Image] = []
    render(pdf, lambda width_pt: THUMB_WIDTH / width_pt,
           lambda _i, _label, image: first.append(image), pages=1)
    image = first[0]
    out = site / folder
    out.mkdir(parents=True, exist_ok=True)
    image.save(out / "cover.webp", "WEBP", quality=80, method=6)
    thumb = Picture(f"{folder}/cover.webp", image.width, image.height)
    og = (
        image.resize(
            (OG_WIDTH, round(image.height * OG_WIDTH / image.width)), PILImage.Resampling.LANCZOS
        )
        if image.width != OG_WIDTH
        else image
    )
    og.save(out / "cover.jpg", "JPEG", quality=82, optimize=True, progressive=True)
    return thumb, Picture(f"{folder}/cover.jpg", og.width, og.height)


def render_pages(pdf: Path, site: Path, folder: str) -> list[Picture]:
    """Every page of ``pdf`` as a small WebP (a back issue's page thumbnails), in
    ``folder/pages/``."""
    out = site / folder / "pages"
    out.mkdir(parents=True, exist_ok=True)
    made: list[Picture] = []

    def keep(index: int, _label: str, image: PILImage.Image) -> None:
        href = page_href(folder, index + 1)
        image.save(site / href, "WEBP", quality=75, method=4)
        made.append(Picture(href, image.width, image.height))

    render(pdf, lambda width_pt: PAGE_WIDTH / width_pt, keep)
    return made


def page_href(folder: str, number: int) -> str:
    return f"{folder}/pages/{number:03d}.webp"


def copy_picture(
    src: str, site: Path, path: str, max_width: int, max_height: int | None = None
) -> Picture:
    """Copy ``src`` to ``site/path``, downscaled to fit and turned upright as its EXIF
    orientation says; JPEG stays JPEG, PNG stays PNG."""
    dest = site / path
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open_picture(src) as im:
        turn = orientation(im)
        im = upright(im, turn)
        fmt = "PNG" if path.lower().endswith(".png") else "JPEG"
        scale = min(1.0, max_width / im.width, (max_height or im.height) / im.height)
        if scale == 1.0 and fmt == "PNG" and turn == 1:
            shutil.copyfile(src, dest)
            return Picture(path, im.width, im.height)
        im = eight_bit(im)  # a 16-bit grey PNG would come out white
        if scale < 1.0:
            size = (round(im.width * scale), round(im.height * scale))
            im = im.resize(size, PILImage.Resampling.LANCZOS)
        if fmt == "JPEG":
            im.convert("RGB").save(dest, "JPEG", quality=82, optimize=True, progressive=True)
        else:
            im.save(dest, "PNG", optimize=True)
        return Picture(path, im.width, im.height)


def size_label(n_bytes: int) -> str:
    """``PDF 1.2 MB``-style size: kB below a megabyte, one decimal above."""
    if n_bytes < 1000 * 1000:
        return f"{max(1, round(n_bytes / 1000))} kB"
    return f"{n_bytes / 1000 / 1000:.1f} MB"
