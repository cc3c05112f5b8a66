"""A font restored from the metrics cache reads its file where subsetting asks, and only
the font it measured."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.pdf.paint.font_file import FontChanged
from express.pdf.paint.fonts import load_ttfont
from express.pdf.template import read_template


def _fonts(project) -> dict[str, Path]:
    chosen, _ = find_fonts(project.root, read_template(project.pdf_template()).fonts)
    return {role: c.path for role, c in chosen.items()}


def _restored(source: Path, tmp_path: Path) -> tuple[Path, TTFont]:
    """A copy of ``source``, its metrics stored, then restored."""
    path = tmp_path / "role.ttf"
    shutil.copy(source, path)
    load_ttfont("parsed", path, tmp_path / "metrics")
    return path, load_ttfont("restored", path, tmp_path / "metrics")


def _subset(font: TTFont) -> list[int]:
    return [0, *sorted(font.face.charToGlyph)[3000:3200], ord("字")]


def _bytes_read() -> int:
    with open("/proc/self/io") as f:
        return int(next(line for line in f if line.startswith("rchar:")).split()[1])


@pytest.mark.skipif(not os.path.exists("/proc/self/io"), reason="counts reads on Linux")
def test_restoring_and_subsetting_read_a_sliver_of_the_file(project, tmp_path):
    source = _fonts(project)["mincho"]
    path = tmp_path / "role.ttf"
    shutil.copy(source, path)
    load_ttfont("parsed", path, tmp_path / "metrics")
    before = _bytes_read()
    font = load_ttfont("restored", path, tmp_path / "metrics")
    program = font.face.makeSubset(_subset(font))
    read = _bytes_read() - before
    # the metrics (~0.7 MB) and the subset's glyphs and tables, not the 5 MB file
    assert read < path.stat().st_size / 3
    assert program == TTFont("fresh", str(source)).face.makeSubset(_subset(font))


def test_a_font_replaced_by_another_file_is_read_as_it_was_measured(project, tmp_path):
    fonts = _fonts(project)
    path, font = _restored(fonts["mincho"], tmp_path)
    other = tmp_path / "other.ttf"
    shutil.copy(fonts["gothic-bold"], other)
    os.replace(other, path)  # a new file under the name (as editors and tools save)
    expected = TTFont("fresh", str(fonts["mincho"])).face.makeSubset(_subset(font))
    assert font.face.makeSubset(_subset(font)) == expected


def test_a_font_rewritten_in_place_is_refused_not_mixed(project, tmp_path):
    fonts = _fonts(project)
    path, font = _restored(fonts["mincho"], tmp_path)
    path.write_bytes(fonts["gothic-bold"].read_bytes())  # the same file, other glyphs
    with pytest.raises(FontChanged) as caught:
        font.face.makeSubset(_subset(font))
    assert isinstance(caught.value, OSError) and caught.value.filename == str(path)
    path.write_bytes(b"")  # cut short: a read comes up short
    with pytest.raises(FontChanged):
        font.face.makeSubset(_subset(font))
