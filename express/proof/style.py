"""The look of the contact sheet and diff images, read from templates/proof/contact-sheet.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from express.libyaml import safe_load


@dataclass(frozen=True)
class SheetStyle:
    columns: int
    thumb_width: int
    gap: int
    label_size: int
    font_role: str
    background: str
    label_colour: str
    changed_colour: str
    changed_frame: int
    diff_colour: str
    diff_fade: float
    diff_tint: float
    diff_spread: int


def read_style(path: Path) -> SheetStyle:
    with open(path, encoding="utf-8") as f:
        return SheetStyle(**safe_load(f))
