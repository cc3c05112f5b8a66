"""``express proof``: one PNG per page, a contact sheet, and --diff finding the changed page.

Real builds of one sample issue (PDF only), real rendering with pypdfium2.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from PIL import Image

from express.build import build
from express.cli import main
from express.proof import read_style
from express.proof.sheet import sheet_size

ISSUE = "2020-winter"


def proof(project, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(project.root), "proof", ISSUE, *args])
    assert result.exit_code == 0, result.output
    return result.output


def build_issue(project) -> int:
    result = build(project, [ISSUE], site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    import pypdf

    return len(pypdf.PdfReader(str(result.pdfs[ISSUE])).pages)


@pytest.fixture
def proofed(project):
    """The project with the issue built and proofed once: (project, page count)."""
    pages = build_issue(project)
    output = proof(project, "--diff", "--scale", "0.5")
    assert "there is no previous proof" in output and f"all {pages} pages are new" in output
    return project, pages


def test_one_png_per_page_and_a_contact_sheet_of_them_all(proofed):
    project, pages = proofed
    out = project.build / "proof" / ISSUE
    pngs = sorted(out.glob("page-*.png"))
    assert [p.name for p in pngs] == [f"page-{n:02d}.png" for n in range(1, pages + 1)]
    assert not list(out.glob("*.diff.png"))  # nothing to compare with yet
    with Image.open(pngs[0]) as page, Image.open(out / "contact.png") as sheet:
        style = read_style(project.templates / "proof" / "contact-sheet.yaml")
        assert sheet.size == sheet_size(pages, page.size, style)
        assert sheet.size[0] > style.columns * style.thumb_width


def test_diff_finds_exactly_the_changed_page_and_nothing_after_an_identical_build(proofed):
    project, pages = proofed
    out = project.build / "proof" / ISSUE
    build_issue(project)  # the same input again
    assert f"no page changed since the previous proof ({pages} pages)" in proof(
        project, "--diff", "--scale", "0.5")
    assert not list(out.glob("*.diff.png"))

    yaml_file = project.issues / ISSUE / "issue.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    assert text.count("セキュリティ担当者") == 1  # in the report, on page 3 (the third page)
    yaml_file.write_text(text.replace("セキュリティ担当者", "セキュリティ責任者"),
                         encoding="utf-8")
    output = proof(project, "--diff", "--scale", "0.5")  # builds the changed issue first
    assert f"changed: p.3 (1 of {pages} pages)" in output
    assert [p.name for p in out.glob("*.diff.png")] == ["page-03.diff.png"]
    assert sorted(p.name for p in (out / "previous").glob("page-*.png")) == [
        f"page-{n:02d}.png" for n in range(1, pages + 1)]
    with Image.open(out / "contact.png") as sheet, Image.open(out / "page-01.png") as page:
        style = read_style(project.templates / "proof" / "contact-sheet.yaml")
        assert sheet.size == sheet_size(pages, page.size, style)
        frame = Image.new("RGB", (1, 1), style.changed_colour).getpixel((0, 0))
        x = style.gap + 2 * (style.thumb_width + style.gap) - style.changed_frame // 2 - 1
        y = style.gap + 10
        assert sheet.getpixel((x, y)) == frame  # the third thumbnail (p.3) is framed
        assert sheet.getpixel((x - style.thumb_width - style.gap, y)) != frame


def test_a_page_more_than_the_previous_proof_is_reported(proofed):
    project, pages = proofed
    out = project.build / "proof" / ISSUE
    last = out / f"page-{pages:02d}.png"
    last.rename(out / "gone.png")  # the previous proof now looks one page shorter
    output = proof(project, "--diff", "--scale", "0.5")
    assert f"the previous proof had {pages - 1} page(s), this one has {pages}" in output
    assert f"changed: p.{pages} (1 of {pages} pages)" in output  # the last, page N


def test_proof_builds_the_pdf_it_needs_unless_told_not_to(project):
    runner = CliRunner()
    args = ["--project", str(project.root), "proof", ISSUE, "--scale", "0.3"]
    result = runner.invoke(main, [*args, "--no-build"])
    assert result.exit_code == 1 and "express build 2020-winter" in result.output
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert (project.build / "pdf" / f"{ISSUE}.pdf").exists()
    assert (project.build / "proof" / ISSUE / "contact.png").exists()
    assert not (project.build / "site").exists()  # the PDF only
