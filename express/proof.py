"""``express proof ID [--grid]``: every page of a built PDF as PNG, optionally over the grid.

The pages are rendered with pypdfium2 into ``build/proof/<id>/page-NN.png``; ``--grid``
draws the template's text block, columns and line boxes over each body page so editors
(and designers) can see what sits on the grid.
"""

from __future__ import annotations

from pathlib import Path

from express.pdf.template import Template


def render_pages(pdf: Path, out_dir: Path, *, scale: float = 1.5,
                 template: Template | None = None) -> list[Path]:
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("page-*.png"):
        old.unlink()
    doc = pdfium.PdfDocument(str(pdf))
    written: list[Path] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            image = page.render(scale=scale).to_pil().convert("RGB")
            if template is not None and i > 0:
                draw = ImageDraw.Draw(image, "RGBA")
                _grid(draw, template, scale)
            path = out_dir / f"page-{i + 1:02d}.png"
            image.save(path)
            written.append(path)
    finally:
        doc.close()
    return written


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
