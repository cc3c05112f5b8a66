"""Which pages changed since the previous proof, and where, so an editor rereads only those.

Each run keeps the last proof's pages in ``previous/``; pages are compared pixel by pixel
(pypdfium2 renders the same PDF to the same pixels), and each changed page gets a
``page-NN.diff.png`` with the changed regions painted over a faded copy of the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter

from express.proof.render import page_files
from express.proof.style import SheetStyle

PREVIOUS = "previous"


def keep_previous(out_dir: Path) -> list[Path]:
    """Move the last proof's pages into ``previous/`` (replacing the older set) and drop
    its diff images; returns the kept pages, or those already there when none were new."""
    previous = out_dir / PREVIOUS
    current = page_files(out_dir) if out_dir.is_dir() else []
    if current:
        if previous.exists():
            shutil.rmtree(previous)
        previous.mkdir(parents=True)
        for page in current:
            page.rename(previous / page.name)
    for stale in out_dir.glob("page-*.diff.png"):
        stale.unlink()
    return page_files(previous) if previous.is_dir() else []


def changed_mask(before: Path, after: Image.Image) -> Image.Image | None:
    """White where the previous rendering and ``after`` differ, or None when identical."""
    with Image.open(before) as a:
        if a.size != after.size:
            return Image.new("L", after.size, 255)
        diff = ImageChops.difference(a.convert("RGB"), after)
    if diff.getbbox() is None:
        return None
    return diff.convert("L").point(lambda v: 255 if v else 0)


def write_diff_image(page: Path, image: Image.Image, mask: Image.Image,
                     style: SheetStyle) -> Path:
    """``page-NN.diff.png`` beside ``page`` (whose rendering is ``image``): the page faded,
    its changed regions at full strength, tinted."""
    out = page.with_name(f"{page.stem}.diff.png")
    faded = Image.blend(image, Image.new("RGB", image.size, "white"), style.diff_fade)
    tinted = Image.blend(image, Image.new("RGB", image.size, style.diff_colour),
                           style.diff_tint)
    faded.paste(tinted, mask=mask.filter(ImageFilter.MaxFilter(style.diff_spread)))
    faded.save(out)
    return out
