"""The contact sheet: every page of a proof as a thumbnail, labelled with its folio.

Pages changed since the previous proof get a coloured frame and a coloured label, so an
editor sees at a glance which pages to reread.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from express.messages import message
from express.proof.style import SheetStyle

LINE = 1.6  # label line height, in label sizes


def _thumb_height(page_size: tuple[int, int], style: SheetStyle) -> int:
    w, h = page_size
    return round(style.thumb_width * h / w)


def sheet_size(pages: int, page_size: tuple[int, int], style: SheetStyle) -> tuple[int, int]:
    """Pixel size of the sheet for ``pages`` pages of ``page_size`` (width, height)."""
    columns = max(1, min(style.columns, pages))
    rows = -(-pages // columns)
    cell_h = _thumb_height(page_size, style) + round(style.label_size * LINE)
    return (style.gap + columns * (style.thumb_width + style.gap),
            style.gap + rows * (cell_h + style.gap))


def thumbnail(image: Image.Image, style: SheetStyle) -> Image.Image:
    """A page (RGB) as it stands on the sheet."""
    return image.resize((style.thumb_width, _thumb_height(image.size, style)), Image.LANCZOS)


def write_contact_sheet(thumbs: list[Image.Image], page_size: tuple[int, int],
                        labels: list[str], changed: set[int], out: Path, style: SheetStyle,
                        font: Path | None) -> Path:
    """Draw the sheet of ``thumbs`` (pages of ``page_size``) into ``out``; ``changed``
    holds the indices of changed pages."""
    sheet = Image.new("RGB", sheet_size(len(thumbs), page_size, style), style.background)
    draw = ImageDraw.Draw(sheet)
    label_font = (ImageFont.truetype(str(font), style.label_size) if font
                  else ImageFont.load_default(style.label_size))
    thumb_h = _thumb_height(page_size, style)
    cell_h = thumb_h + round(style.label_size * LINE)
    columns = max(1, min(style.columns, len(thumbs)))
    mark = message("proof.sheet_changed")
    for i, (thumb, label) in enumerate(zip(thumbs, labels, strict=True)):
        x = style.gap + (i % columns) * (style.thumb_width + style.gap)
        y = style.gap + (i // columns) * (cell_h + style.gap)
        sheet.paste(thumb, (x, y))
        text, colour = label, style.label_colour
        if i in changed:
            f = style.changed_frame
            draw.rectangle([x - f, y - f, x + style.thumb_width + f - 1, y + thumb_h + f - 1],
                           outline=style.changed_colour, width=f)
            text, colour = f"{label}  {mark}", style.changed_colour
        draw.text((x + style.thumb_width / 2, y + thumb_h + style.label_size * LINE / 2),
                  text, fill=colour, font=label_font, anchor="mm")
    sheet.save(out)
    return out
