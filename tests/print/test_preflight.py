"""The print edition's pre-flight, its settings and its commands: each finding named with
its page and YAML position; the printer's profile; padding with blank pages; the cache;
express check --print and express proof --print."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
import yaml
from PIL import Image

from express.build import build
from express.pdf.document.padding import pages_to_add
from express.pdf.template import TemplateError, read_template
from express.post.preflight import colour_and_fonts, unsafe_text
from express.proof.spreads import facing
from tests.conftest import ROOT, edit
from tests.print.conftest import BLEED, PROFILE, run


def _change_template(project, change) -> None:
    path = project.pdf_template()
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_pages_to_add_reach_a_multiple_of_four():
    assert [pages_to_add(n) for n in range(1, 10)] == [3, 2, 1, 0, 3, 2, 1, 0, 3]


def test_spreads_face_between_the_cover_and_the_last_page():
    assert facing(8) == [(1, 2), (3, 4), (5, 6)]
    assert facing(4) == [(1, 2)]


def _faulty_pdf() -> bytes:
    """A PDF as a careless generator makes it: RGB text, an RGB picture, a font that is
    not embedded (Helvetica), a link."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf)
    canv.setFillColorRGB(0.1, 0.1, 0.1)
    canv.drawString(100, 700, "rich black")
    canv.drawImage(ImageReader(Image.new("RGB", (4, 4), "red")), 100, 600, 20, 20)
    canv.linkURL("https://example.org/", (100, 690, 200, 710))
    canv.showPage()
    canv.save()
    return buf.getvalue()


def test_preflight_finds_rgb_unembedded_fonts_and_links():
    with pikepdf.open(io.BytesIO(_faulty_pdf())) as pdf:
        found = colour_and_fonts(pdf)
    codes = {f.code for f in found}
    assert codes == {"print.rgb", "print.font_not_embedded", "print.annotation"}
    assert all(f.page == 0 for f in found)
    assert any("rg" in f.what for f in found if f.code == "print.rgb")
    assert [f.what for f in found if f.code == "print.font_not_embedded"] == ["Helvetica"]


def test_preflight_finds_nothing_in_the_print_edition(printed):
    _project, result = printed
    for path in result.prints.values():
        with pikepdf.open(path) as pdf:
            assert colour_and_fonts(pdf) == []


def test_text_near_the_trim_is_found_with_its_distance():
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canv = Canvas(buf, pagesize=(300, 300))
    canv.drawString(40, 150, "safe")
    canv.drawString(52, 25, "near")  # 2 pt above a trim at y = 20
    canv.showPage()
    canv.save()
    found = unsafe_text(buf.getvalue(), (20, 20, 280, 280), bleed=8.5, safe=8.5,
                        exempt=(-1, -1))
    assert [(f.page, f.text) for f in found] == [(0, "near")]
    assert 0 < found[0].distance < 8.5


def test_unsafe_text_is_warned_of_at_its_yaml_line(project):
    """The cover's web address set 1.5 mm above the trim: named at publication.yaml."""
    _change_template(project, lambda d: d["cover"].update(url_bottom_mm=1.5))
    result = build(project, ["2020-winter"], site=False, for_print=True)
    assert result.ok
    unsafe = [d for d in result.diags if d.code == "print.unsafe_text"]
    assert unsafe, [d.render("en") for d in result.diags]
    d = unsafe[0]
    assert d.pos.path.endswith("publication.yaml") and d.args["page"] == 1
    line = (project.issues / "publication.yaml").read_text(encoding="utf-8").splitlines()
    assert line[d.pos.line - 1].startswith("url:")
    assert "www.jaipa" in d.args["text"] and float(d.args["mm"]) < 3
    # the screen edition is not pre-flighted
    screen = build(project, ["2020-winter"], site=False, force=True)
    assert not [d for d in screen.diags if d.code.startswith("print.")]


def test_the_printers_profile_from_publication_yaml(project):
    (project.root / "profiles").mkdir()
    shutil.copy(PROFILE, project.root / "profiles" / "Printer-Coated.icc")
    pub = project.issues / "publication.yaml"
    pub.write_text(pub.read_text(encoding="utf-8")
                   + "print_profile: Printer-Coated.icc\nprint_condition: JC11\n",
                   encoding="utf-8")
    result = build(project, ["2022-spring"], site=False, for_print=True)
    assert result.ok, [d.render("en") for d in result.diags]
    with pikepdf.open(result.prints["2022-spring"]) as pdf:
        intent = pdf.Root.OutputIntents[0]
        assert str(intent.OutputConditionIdentifier) == "JC11"
        assert intent.DestOutputProfile.read_bytes() == PROFILE.read_bytes()


def test_a_missing_profile_is_an_error_at_its_line(project):
    pub = project.issues / "publication.yaml"
    line = edit(pub, "archive_url:", "print_profile: JapanColor2011Coated.icc\narchive_url:")
    result = build(project, ["2022-spring"], site=False, for_print=True)
    assert not result.ok
    errors = [d for d in result.diags if d.is_error]
    assert [(d.code, d.pos.line) for d in errors] == [("print.profile_missing", line)]
    assert "JapanColor2011Coated.icc" in errors[0].render("en")
    assert not (project.build / "print").exists()  # nothing written
    assert not (project.build / "pdf" / "2022-spring.pdf").exists()


def test_a_profile_that_is_not_cmyk_is_refused(project):
    from PIL import ImageCms

    (project.root / "profiles").mkdir()
    (project.root / "profiles" / "srgb.icc").write_bytes(
        ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    pub = project.issues / "publication.yaml"
    pub.write_text(pub.read_text(encoding="utf-8") + "print_profile: srgb.icc\n",
                   encoding="utf-8")
    result = build(project, ["2022-spring"], site=False, for_print=True)
    assert [d.code for d in result.diags if d.is_error] == ["print.profile_unusable"]
    assert "not a CMYK printer profile" in result.diags[-1].render("en")


def test_padding_with_blank_pages(project):
    _change_template(project, lambda d: d["print"].update(pad_with="blank"))
    result = build(project, ["2020-winter"], site=False, for_print=True)
    assert [d.code for d in result.diags if d.code.startswith("print.padded")] == \
        ["print.padded_blank"]
    import pypdfium2 as pdfium

    screen = len(pdfium.PdfDocument(result.pdfs["2020-winter"]))
    doc = pdfium.PdfDocument(result.prints["2020-winter"])
    try:
        assert len(doc) % 4 == 0 and len(doc) > screen
        for i in range(screen, len(doc)):  # blank in the trim: only the slug below has text
            page = doc[i]
            trim = page.get_trimbox()
            assert page.get_textpage().get_text_bounded(*trim).strip() == ""
            assert "JAIPA Express" in page.get_textpage().get_text_range()
    finally:
        doc.close()


def test_print_editions_are_kept_when_nothing_changed(project):
    first = build(project, ["2020-winter"], site=False, for_print=True)
    assert first.printed == {"2020-winter"}
    again = build(project, ["2020-winter"], site=False, for_print=True)
    assert again.printed == set() and again.prints["2020-winter"].is_file()
    # the warnings of the edition kept are said again
    assert [d.code for d in again.diags] == [d.code for d in first.diags]
    _change_template(project, lambda d: d["print"]["cmyk"].update({"#0b4f8c": [100, 50, 0,
                                                                                10]}))
    changed = build(project, ["2020-winter"], site=False, for_print=True)
    assert changed.printed == {"2020-winter"}


def test_check_print_preflights_without_writing(project):
    r = run(project, "check", "--print", "2020-winter")
    assert r.exit_code == 0, r.output
    assert re.search(r"issue\.yaml:6:1: warning: the print edition has \d+ pages", r.output)
    assert "under the 300 ppi" in r.output
    assert not project.build.exists()
    strict = run(project, "check", "--print", "--strict", "2020-winter")
    assert strict.exit_code == 1


def test_build_print_says_what_it_wrote(project):
    r = run(project, "build", "--print", "--no-site", "2022-spring")
    assert r.exit_code == 0, r.output
    assert "build/print/2022-spring.pdf (print edition, PDF/X-4)" in r.output
    again = run(project, "build", "--print", "--no-site", "2022-spring")
    assert "build/print/2022-spring.pdf (print edition, PDF/X-4) (unchanged)" in again.output


def test_proof_print_renders_the_marks_and_the_spreads(project):
    r = run(project, "proof", "--print", "2020-winter", "--scale", "0.5")
    assert r.exit_code == 0, r.output
    out = project.build / "proof" / "2020-winter-print"
    pages = sorted(out.glob("page-*.png"))
    spreads = sorted(p.name for p in out.glob("spread-*.png"))
    assert len(pages) % 4 == 0
    # the cover and the back cover stand alone; pages 2–3, 4–5 … face each other
    assert spreads == [f"spread-{n:02d}-{n + 1:02d}.png" for n in range(2, len(pages), 2)]
    with Image.open(pages[0]) as page, Image.open(out / spreads[0]) as spread:
        assert spread.size == (2 * page.width, page.height)
        # the paper is larger than the A4 trim by the bleed, marks and slug
        assert page.width > (595.3 + 2 * BLEED) * 0.5


@pytest.mark.parametrize(("change", "key", "problem"), [
    (lambda c: c.pop("#1f1f1f"), "print.cmyk.#1f1f1f", "is missing: how is colours.ink"),
    (lambda c: c.update({"#123456": [0, 0, 0, 50]}), "print.cmyk.#123456",
     "the template does not use"),
    (lambda c: c.update({"#1f1f1f": [60, 50, 50, 100]}), "print.cmyk.#1f1f1f",
     "print it in black alone"),
    (lambda c: c.update({"#0b4f8c": [100, 60, 0]}), "print.cmyk.#0b4f8c", "[C, M, Y, K]"),
    (lambda c: c.update({"#0b4f8c": [100, 60, 0, 120]}), "print.cmyk.#0b4f8c",
     "from 0 to 100"),
])
def test_every_template_colour_needs_its_cmyk(tmp_path, change, key, problem):
    data = yaml.safe_load((ROOT / "templates" / "pdf" / "a4-magazine.yaml")
                          .read_text(encoding="utf-8"))
    change(data["print"]["cmyk"])
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        read_template(path)
    assert info.value.key == key and problem in info.value.problem


@pytest.mark.parametrize(("key", "value"), [("pad_with", "ads"), ("intent", "saturation")])
def test_print_choices_are_checked(tmp_path, key, value):
    data = yaml.safe_load((ROOT / "templates" / "pdf" / "a4-magazine.yaml")
                          .read_text(encoding="utf-8"))
    data["print"][key] = value
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(TemplateError) as info:
        read_template(path)
    assert info.value.key == f"print.{key}" and "must be one of" in info.value.problem


def _images(path: Path) -> list[pikepdf.Stream]:
    with pikepdf.open(path) as pdf:
        return [(str(o.get("/ColorSpace")), "/SMask" in o, "DCTDecode" in str(o.get("/Filter")),
                 int(o.Width)) for o in pdf.objects if isinstance(o, pikepdf.Stream)
                and o.get("/Subtype") == "/Image" and "/Mask" not in str(o.get("/Name", ""))]


def test_pictures_are_cmyk_at_the_print_resolution(printed, built):
    """The member's RGBA logo: CMYK with a soft mask; photos: CMYK JPEGs, with more pixels
    than on screen (350 ppi, not 200, where the original has them)."""
    _project, result = printed
    _screen_project, screen = built
    images = _images(result.prints["2020-winter"])
    masked = [i for i in images if i[1]]
    assert masked and all(space == "/DeviceCMYK" for space, *_ in masked)
    jpegs = [i for i in images if i[2]]
    assert jpegs and all(space == "/DeviceCMYK" for space, *_ in jpegs)
    on_screen = sorted(w for _s, _m, jpeg, w in _images(screen.pdfs["2020-winter"]) if jpeg)
    printed_widths = sorted(w for *_rest, w in jpegs)
    assert len(printed_widths) == len(on_screen)
    assert all(p >= s for p, s in zip(printed_widths, on_screen, strict=True))
    assert sum(printed_widths) > sum(on_screen)


def test_a_page_of_the_print_edition_looks_like_the_screen_page(printed, built):
    """Same story, same places: the print page's trim area renders as the screen page
    (colours differ a little: CMYK through the renderer's own conversion)."""
    import pypdfium2 as pdfium

    _project, result = printed
    _screen_project, screen = built

    def render(path: Path, crop: bool):
        doc = pdfium.PdfDocument(path)
        try:
            page = doc[2]
            if crop:
                page.set_cropbox(*page.get_trimbox())
            return page.render(scale=0.5).to_pil().convert("L")
        finally:
            doc.close()

    a = render(result.prints["2020-winter"], True)
    b = render(screen.pdfs["2020-winter"], False)
    assert a.size == b.size
    from PIL import ImageChops

    diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 60 else 0)
    assert diff.getbbox() is None or sum(diff.histogram()[255:]) < a.width * a.height * 0.01
