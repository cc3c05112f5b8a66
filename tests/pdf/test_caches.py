"""The build's caches between runs (font metrics, pictures) never change the PDF."""

from __future__ import annotations

import pickle
import subprocess
import sys

from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.pdf.paint.fonts import load_ttfont
from express.pdf.template import read_template


def _font_path(project):
    t = read_template(project.pdf_template())
    chosen, _ = find_fonts(project.root, t.fonts)
    return chosen["mincho"].path


def test_cold_and_warm_caches_give_the_same_bytes(project):
    cmd = [sys.executable, "-m", "express", "--project", str(project.root), "build",
           "2020-winter", "--no-site"]
    out = project.build / "pdf" / "2020-winter.pdf"
    cache = project.root / ".cache"
    assert not cache.exists()
    subprocess.run(cmd, check=True, capture_output=True)  # cold: parses, fills the caches
    cold = out.read_bytes()
    files = {c.path for c in find_fonts(project.root, read_template(
        project.pdf_template()).fonts)[0].values()}  # one each, whatever roles share it
    assert len(list((cache / "fonts" / "metrics").glob("*.pickle"))) == len(files) == 6
    assert list((cache / "images").iterdir())
    out.unlink()
    subprocess.run(cmd, check=True, capture_output=True)  # warm: restores from them
    assert out.read_bytes() == cold


def test_restored_font_is_the_parsed_font(project, tmp_path):
    path = _font_path(project)
    fresh = TTFont("fresh", str(path))
    cold = load_ttfont("cold", path, tmp_path)  # parses and stores
    warm = load_ttfont("warm", path, tmp_path)  # restores
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    for font in (cold, warm):
        assert vars(font).keys() == vars(fresh).keys()
        assert font.shapable == fresh.shapable
        assert font._asciiReadable == fresh._asciiReadable
    a, b = vars(fresh.face), vars(warm.face)
    assert a.keys() - b.keys() == {"glyphToChar"}  # rebuilt when first asked for:
    assert warm.face.glyphToChar == fresh.face.glyphToChar
    arrays = {"glyphPos", "hmetrics"}  # (what only subsetting reads: indexed as the lists)
    for key in sorted(arrays | {"glyphToChar"}):
        ours = getattr(warm.face, key)
        ours = ours if isinstance(ours, dict) else [ours[i] for i in range(len(ours))]
        assert ours == a[key], key
        assert [type(x) for x in _flat(ours)] == [type(x) for x in _flat(a[key])], key
    for key in a.keys() - {"_pdfScale", "_ttf_data"} - arrays:
        assert a[key] == b[key], key
    assert warm.face._pdfScale(517) == fresh.face._pdfScale(517)
    data = warm.face._ttf_data  # read where asked for
    assert len(data) == len(a["_ttf_data"]) and data[:] == a["_ttf_data"]
    assert data[1000:1010] == a["_ttf_data"][1000:1010] and data[-1] == a["_ttf_data"][-1]
    subset = [0, *sorted(fresh.face.charToGlyph)[100:200], ord("字"), ord("、")]
    assert warm.face.makeSubset(subset) == fresh.face.makeSubset(subset)
    assert warm.stringWidth("日本語のテキスト", 9) == fresh.stringWidth("日本語のテキスト", 9)


def _flat(table) -> list:
    """The values of a face's table, in order, to compare their types too."""
    if isinstance(table, dict):
        table = list(table.items())
    out = []
    for item in table:
        out.extend(_flat(item) if isinstance(item, tuple | list) else [item])
    return out


def test_a_damaged_metrics_file_is_parsed_again(project, tmp_path):
    path = _font_path(project)
    load_ttfont("first", path, tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    font = load_ttfont("again", path, tmp_path)
    assert font.face.charWidths
    assert isinstance(pickle.loads(stored.read_bytes()), dict)  # stored afresh


def test_a_replaced_font_file_is_parsed_again(project, tmp_path):
    t = read_template(project.pdf_template())
    chosen, _ = find_fonts(project.root, t.fonts)
    font_file = tmp_path / "role.ttf"
    font_file.write_bytes(chosen["mincho"].path.read_bytes())
    cache = tmp_path / "metrics"
    mincho = load_ttfont("m", font_file, cache)
    font_file.write_bytes(chosen["gothic-bold"].path.read_bytes())  # same name, new font
    bold = load_ttfont("b", font_file, cache)
    assert bold.face.stemV == TTFont("fresh", str(chosen["gothic-bold"].path)).face.stemV
    assert bold.face.stemV != mincho.face.stemV
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_font_replaced_under_the_same_name_is_used_in_the_same_process(project):
    """A long-running `express serve` typesets with the font now in fonts/, not the one
    that was there when it first loaded it."""
    from express.pdf.paint.fonts import font_set

    t = read_template(project.pdf_template())
    chosen, _ = find_fonts(project.root, t.fonts)
    override = project.root / "fonts" / "mincho.ttf"
    override.parent.mkdir()
    override.write_bytes(chosen["gothic-bold"].path.read_bytes())
    first = font_set(project.root, t.fonts).fonts["mincho"].face.stemV
    override.write_bytes(chosen["mincho"].path.read_bytes())
    again = font_set(project.root, t.fonts).fonts["mincho"].face.stemV
    assert first == TTFont("b", str(chosen["gothic-bold"].path)).face.stemV
    assert again == TTFont("m", str(chosen["mincho"].path)).face.stemV != first


def test_faces_of_a_family_share_their_stored_tables(project, tmp_path):
    """BIZ UD Mincho and Gothic map the same characters to the same glyphs, with the same
    advances: each table is stored, and restored, once."""
    t = read_template(project.pdf_template())
    chosen, _ = find_fonts(project.root, t.fonts)
    mincho, gothic = chosen["mincho"].path, chosen["gothic"].path
    parsed = [load_ttfont(n, p, tmp_path) for n, p in (("m", mincho), ("g", gothic))]
    assert len(list(tmp_path.glob("*.pickle"))) == 2
    assert len(list(tmp_path.glob("*.table"))) == 2
    restored = [load_ttfont(n, p, tmp_path) for n, p in (("m2", mincho), ("g2", gothic))]
    for table in ("charToGlyph", "charWidths"):
        ours = [getattr(f.face, table) for f in restored]
        assert ours[0] is ours[1]
        assert ours[0] == getattr(parsed[0].face, table) == getattr(parsed[1].face, table)
    assert restored[0].face.name != restored[1].face.name  # (the rest is each its own)
