"""Building: templates, determinism, failures that leave the previous PDF, glyphs, proof."""

from __future__ import annotations

import subprocess
import sys

import pypdf
import pytest

from express.build import build
from express.check import check
from express.pdf.render import render_issue
from express.post.tounicode import fix_bfchar, utf16_hex
from tests.pdf.conftest import pdfium_text, squash, write_issue


def test_b5_template_builds_and_cli_value_wins(project):
    result = build(project, ["2020-winter"], template="b5-single", site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    page = pypdf.PdfReader(str(result.pdfs["2020-winter"])).pages[1]
    assert round(float(page.mediabox.width)) == 516  # B5: 182 mm


def test_issue_template_key_selects_the_template(project):
    path = project.issues / "2020-winter" / "issue.yaml"
    path.write_text("template: b5-single\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    result = build(project, ["2020-winter"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    width = pypdf.PdfReader(str(result.pdfs["2020-winter"])).pages[1].mediabox.width
    assert round(float(width)) == 516
    result = build(project, ["2020-winter"], template="a4-magazine", site=False)
    width = pypdf.PdfReader(str(result.pdfs["2020-winter"])).pages[1].mediabox.width
    assert round(float(width)) == 595


def test_same_input_gives_the_same_bytes(project):
    archive, _ = check(project, ["2022-spring"])
    issue = archive.issues[0]
    first, _ = render_issue(issue, archive, project)
    second, _ = render_issue(issue, archive, project)
    assert first is not None and first == second


def test_same_bytes_across_processes(project):
    cmd = [sys.executable, "-m", "express", "--project", str(project.root), "build",
           "2020-winter", "--no-site"]
    out = project.build / "pdf" / "2020-winter.pdf"
    subprocess.run(cmd, check=True, capture_output=True)
    first = out.read_bytes()
    out.unlink()
    subprocess.run(cmd, check=True, capture_output=True)
    assert out.read_bytes() == first


def _previous_pdf(project):
    result = build(project, ["2020-winter"], site=False)
    assert result.ok
    path = project.build / "pdf" / "2020-winter.pdf"
    return path, path.read_bytes()


def test_bad_image_fails_and_leaves_the_previous_pdf(project):
    path, before = _previous_pdf(project)
    photo = project.issues / "2020-winter" / "images" / "kumejima-beach.jpg"
    photo.write_bytes(photo.read_bytes()[:2000])  # a JPEG cut short
    result = build(project, ["2020-winter"], site=False)
    assert not result.ok
    errors = [d for d in result.diags if d.is_error]
    assert [d.code for d in errors] == ["image.damaged"]
    assert errors[0].pos.path.endswith("issue.yaml")
    text = (project.issues / "2020-winter" / "issue.yaml").read_text(encoding="utf-8")
    assert "kumejima-beach.jpg" in text.splitlines()[errors[0].pos.line - 1]
    assert path.read_bytes() == before


def test_text_that_cannot_fit_fails_at_its_position(project):
    path, before = _previous_pdf(project)
    yaml_path = project.issues / "2020-winter" / "issue.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    long = "とても長い見出し" * 40
    text = text.replace("  headline: 沖縄ICTフォーラム2020 in 久米島 開催報告",
                        f"  headline: {long}")
    yaml_path.write_text(text, encoding="utf-8")
    result = build(project, ["2020-winter"], site=False)
    assert not result.ok
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "lint.overflow"
    assert (err.pos.line, err.pos.col) == (11, 13)
    assert "headline" in err.render("en")
    assert path.read_bytes() == before


def test_a_slot_taller_than_a_page_fails_at_the_slot(empty_project):
    abstract = "\n".join("長い概要の文章です。" * 8 for _ in range(120))
    extra = """\
  - kind: report
    title: 長いプログラム
    event: {start: 2031-09-01}
    programme:
      - date: 2031-09-01
        slots:
          - time: "10:00-11:00"
            title: 長い講演
            abstract: |
""" + "\n".join("              " + line for line in abstract.splitlines())
    write_issue(empty_project, extra=extra)
    result = build(empty_project, site=False)
    assert not result.ok
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.too_large"
    lines = (empty_project.issues / "2031-autumn" / "issue.yaml").read_text(
        encoding="utf-8").splitlines()
    assert "time:" in lines[err.pos.line - 1]  # the slot's "- time:" line
    assert not (empty_project.build / "pdf" / "2031-autumn.pdf").exists()


def test_missing_glyph_is_reported_at_its_position_and_printed_visibly(empty_project):
    path = write_issue(empty_project, body="笑顔😀です。")
    result = build(empty_project, site=False)
    assert result.ok
    [warn] = [d for d in result.diags if d.code == "lint.missing_glyph"]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[warn.pos.line - 1][warn.pos.col - 1] == "😀"
    assert warn.args["codepoint"] == "1F600"
    text = squash(pdfium_text(result.pdfs["2031-autumn"]))
    assert "笑顔〓です。" in text


def test_characters_beyond_the_bmp_copy_out_as_written(empty_project):
    # 𠀋 (U+2000B) and 𩸽 (U+29E3D) are in BIZ UD Mincho; ReportLab's own ToUnicode CMap
    # would write them as <2000B>.
    write_issue(empty_project, body="𠀋と𩸽の字。")
    result = build(empty_project, site=False)
    assert result.ok
    assert not [d for d in result.diags if d.code == "lint.missing_glyph"]
    path = result.pdfs["2031-autumn"]
    assert "𠀋と𩸽の字。" in squash(pdfium_text(path))
    reader = pypdf.PdfReader(str(path))
    assert "𠀋と𩸽の字。" in squash("".join(p.extract_text() for p in reader.pages))


def test_fix_bfchar_writes_surrogate_pairs():
    cmap = "2 beginbfchar\n<00> <0041>\n<01> <20BB7>\nendbfchar"
    assert fix_bfchar(cmap) == "2 beginbfchar\n<00> <0041>\n<01> <D842DFB7>\nendbfchar"
    assert utf16_hex(0x20BB7) == "D842DFB7" and utf16_hex(0x3042) == "3042"


def test_photos_are_downsampled_to_the_template_resolution(built):
    _project, result = built
    reader = pypdf.PdfReader(str(result.pdfs["2020-winter"]))
    widths = []
    for page in reader.pages[1:]:
        for img in page.images:
            widths.append(img.image.width)
    # 2400 px originals: ~230 pt column at 200 ppi, the wide one ~485 pt across both
    assert widths and sorted(widths)[-2] <= 700 and max(widths) <= 1350


def test_proof_writes_pngs_with_the_grid(built, tmp_path):
    from express.pdf.template import read_template
    from express.proof import render_pages

    project, result = built
    pages = render_pages(result.pdfs["2020-winter"], tmp_path / "proof", scale=0.5,
                         template=read_template(project.pdf_template()))
    assert [p.name for p in pages][:2] == ["page-01.png", "page-02.png"]
    assert all(p.stat().st_size > 1000 for p in pages)


@pytest.mark.parametrize("name", ["a4-magazine", "b5-single"])
def test_templates_read_into_typed_values(name):
    from pathlib import Path

    from express.pdf.template import read_template

    t = read_template(Path(__file__).resolve().parents[2] / "templates" / "pdf" /
                      f"{name}.yaml")
    assert t.grid.width <= t.page_width - 36
    assert t.bottom > 20
    assert set(t.kinds) >= {"report", "committee", "member", "calendar", "officers",
                            "opinions", "providers", "article"}


def test_a_broken_template_is_reported(project):
    path = project.pdf_template("broken")
    path.write_text((project.pdf_template()).read_text(encoding="utf-8")
                    .replace("chars_per_line: 25", "chars_per_line: 90"), encoding="utf-8")
    result = build(project, ["2020-winter"], template="broken", site=False)
    assert not result.ok
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.template_invalid" and "grid.chars_per_line" in err.render("en")


@pytest.mark.parametrize(("old", "new", "key"), [
    ("strictness: strict", "strictness: lose", "composition.strictness"),
    ("table_min_rows: 3", "table_min_rows: three", "composition.table_min_rows"),
])
def test_a_mistyped_composition_setting_is_reported_with_its_key(project, old, new, key):
    path = project.pdf_template("typo")
    text = project.pdf_template().read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    result = build(project, ["2020-winter"], template="typo", site=False)
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.template_invalid" and key in err.render("en")


def test_a_template_that_does_not_exist_is_named_as_missing(project):
    result = build(project, ["2020-winter"], template="nosuch", site=False)
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.template_missing" and '"nosuch"' in err.render("en")
    # named on the command line: not blamed on the issue's file; the choices are listed
    assert err.pos is None and "a4-magazine, b5-single" in err.render("en")


def test_a_template_an_issue_names_is_missing_at_its_line(project):
    path = project.issues / "2020-winter" / "issue.yaml"
    path.write_text("template: nosuch\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(project, ["2020-winter"], site=False)
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.template_missing" and (err.pos.line, err.pos.col) == (1, 11)


def test_a_template_without_a_layout_number_is_reported_with_its_key(project):
    path = project.pdf_template("short")
    text = project.pdf_template().read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines(keepends=True) if ln.startswith("  caption_gap:"))
    path.write_text(text.replace(line, ""), encoding="utf-8")
    result = build(project, ["2020-winter"], template="short", site=False)
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "pdf.template_invalid" and "space.caption_gap" in err.render("en")
