"""Every page of a built PDF as PNG, optionally over the layout grid, and the pages' folios.

The pages are rendered with pypdfium2 into ``page-NN.png``; with a template the text block,
columns and line boxes are drawn over each body page so editors (and designers) can see
what sits on the grid.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from express import pdfpages
from express.pdf.template import Template

PAGE_FILE = re.compile(r"page-\d+\.png")


# what make_proof does with each page as it is written: (index, PNG path, folio, image)
PageWritten = Callable[[int, Path, str, Image.Image], None]


def render_pages(pdf: Path, out_dir: Path, *, scale: float = 1.5,
                 template: Template | None = None,
                 each: PageWritten | None = None) -> list[Path]:
    """Write every page of ``pdf`` to ``out_dir/page-NN.png`` (over the grid with a
    ``template``); ``each`` sees each page while it is still in memory."""
    from PIL import ImageDraw

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in page_files(out_dir):
        old.unlink()
    written: list[Path] = []

    def write(i: int, label: str, image: Image.Image) -> None:
        if template is not None and i > 0:
            _grid(ImageDraw.Draw(image, "RGBA"), template, scale)
        path = out_dir / f"page-{i + 1:02d}.png"
        image.save(path)
        written.append(path)
        if each is not None:
            each(i, path, label, image)

    pdfpages.render(pdf, scale, write)
    return written


def page_files(folder: Path) -> list[Path]:
    """The rendered pages in ``folder`` in page order (not their diff images)."""
    pages = [p for p in folder.glob("page-*.png") if PAGE_FILE.fullmatch(p.name)]
    return sorted(pages, key=lambda p: int(p.stem.removeprefix("page-")))


def _grid(draw, t: Template, scale: float) -> None:
    g = t.grid

    def y(v: float) -> float:  # PDF y (from the bottom) → image y
        return (t.page_height - v) * scale

    top = t.bottom + g.height
    for c in range(g.columns):
        x0 = t.column_x(c) * scale
        x1 = x0 + g.column_width * scale
        for n in range(g.lines):
            ya = y(top - n * g.line_pitch)
            yb = y(top - (n + 1) * g.line_pitch)
            fill = (0, 120, 255, 18) if n % 2 == 0 else (0, 120, 255, 8)
            draw.rectangle([x0, ya, x1, yb], fill=fill)
            base = top - n * g.line_pitch - (g.line_pitch - g.body.size) / 2 \
                - 0.88 * g.body.size
            draw.line([x0, y(base), x1, y(base)], fill=(255, 0, 80, 60), width=1)
        draw.rectangle([x0, y(top), x1, y(t.bottom)], outline=(0, 120, 255, 140), width=1)
