"""The print edition's facing pages side by side, as the reader opens the booklet.

In a saddle-stitched booklet the first page (the cover) and the last stand alone; between
them pages 2–3, 4–5, … face each other.  Each spread is the two rendered sheets, marks and
all, next to each other: ``spread-02-03.png``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

SPREAD_FILE = "spread-{:02d}-{:02d}.png"


def facing(count: int) -> list[tuple[int, int]]:
    """The 0-based page pairs that face each other in a booklet of ``count`` pages."""
    return [(i, i + 1) for i in range(1, count - 2, 2)]


def write_spreads(pages: list[Path], out_dir: Path) -> list[Path]:
    """Write each spread of the rendered ``pages``; the old spreads are removed first."""
    for old in out_dir.glob("spread-*.png"):
        old.unlink()
    written = []
    for left, right in facing(len(pages)):
        with Image.open(pages[left]) as a, Image.open(pages[right]) as b:
            sheet = Image.new("RGB", (a.width + b.width, max(a.height, b.height)), "white")
            sheet.paste(a, (0, 0))
            sheet.paste(b, (a.width, 0))
        path = out_dir / SPREAD_FILE.format(left + 1, right + 1)
        sheet.save(path)
        written.append(path)
    return written
