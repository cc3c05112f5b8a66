"""The print edition read back: boxes, トンボ, pages in fours, inks, output intent, PDF/X,
qpdf, the cover's bleed (pixels), the screen PDF untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest

from express.build import build
from tests.print.conftest import BLEED, SAMPLES, box, content_ops

pytestmark = pytest.mark.xdist_group("printed")


@pytest.fixture(scope="module")
def pdfs(printed) -> dict[str, pikepdf.Pdf]:
    _project, result = printed
    opened = {i: pikepdf.open(result.prints[i]) for i in SAMPLES}
    yield opened
    for pdf in opened.values():
        pdf.close()


def test_print_editions_are_written_beside_the_screen_pdfs(printed):
    project, result = printed
    for issue in SAMPLES:
        assert result.prints[issue] == project.build / "print" / f"{issue}.pdf"
        assert result.prints[issue].is_file() and result.pdfs[issue].is_file()


@pytest.mark.parametrize("issue", SAMPLES)
def test_every_page_has_trim_and_bleed_boxes(pdfs, template, issue):
    for page in pdfs[issue].pages:
        trim, bleed, media = box(page, "/TrimBox"), box(page, "/BleedBox"), \
            box(page, "/MediaBox")
        assert trim[2] - trim[0] == pytest.approx(template.page_width, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(template.page_height, abs=0.01)
        for t, b, sign in zip(trim, bleed, (-1, -1, 1, 1), strict=True):
            assert b == pytest.approx(t + sign * BLEED, abs=0.01)  # 3 mm each side
        # the paper holds the bleed and the marks around it
        assert media[0] <= bleed[0] - 10 and media[1] <= bleed[1] - 10
        assert media[2] >= bleed[2] + 10 and media[3] >= bleed[3] + 10


def _mark_segments(pdf: pikepdf.Pdf, page: pikepdf.Page) -> list[tuple[float, ...]]:
    """The lines stroked in the registration colour (Separation All), in page space."""
    spaces = page.obj.Resources.get("/ColorSpace", {})
    ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    registration, point, segments = False, (0.0, 0.0), []

    def at(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return a * x + c * y + e, b * x + d * y + f

    for op, args, where in content_ops(pdf, page):
        if where != "page":
            continue
        if op == "q":
            stack.append((ctm, registration))
        elif op == "Q":
            ctm, registration = stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = (float(v) for v in args)
            A, B, C, D, E, F = ctm
            ctm = (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
                   e * A + f * C + E, e * B + f * D + F)
        elif op == "CS":
            space = spaces.get(str(args[0]))
            registration = space is not None and str(space[0]) == "/Separation" \
                and str(space[1]) == "/All"
        elif op == "m":
            point = at(float(args[0]), float(args[1]))
        elif op == "l" and registration:
            end = at(float(args[0]), float(args[1]))
            segments.append((*point, *end))
            point = end
    return segments


@pytest.mark.parametrize("issue", SAMPLES)
def test_trim_marks_lie_outside_the_bleed_on_every_page(pdfs, issue):
    pdf = pdfs[issue]
    for page in pdf.pages:
        trim, bleed, media = box(page, "/TrimBox"), box(page, "/BleedBox"), \
            box(page, "/MediaBox")
        segments = _mark_segments(pdf, page)
        # 4 corners × (trim line + bleed line) × 2 directions, and 4 centre crosses
        assert len(segments) == 4 * 4 + 4 * 2
        for x0, y0, x1, y1 in segments:
            for x, y in ((x0, y0), (x1, y1)):
                assert media[0] <= x <= media[2] and media[1] <= y <= media[3]
            # no mark reaches into the bleed (where the artwork is), let alone the trim
            inside_x = min(x0, x1) < bleed[2] - 0.01 and max(x0, x1) > bleed[0] + 0.01
            inside_y = min(y0, y1) < bleed[3] - 0.01 and max(y0, y1) > bleed[1] + 0.01
            assert not (inside_x and inside_y), (x0, y0, x1, y1)
        # the Japanese double corner mark: lines on the trim's and the bleed's lines
        xs = {round(x, 1) for s in segments for x in (s[0], s[2]) if s[0] == s[2]}
        assert {round(trim[0], 1), round(bleed[0], 1), round(trim[2], 1),
                round(bleed[2], 1)} <= xs


@pytest.mark.parametrize("issue", SAMPLES)
def test_page_count_is_a_multiple_of_four(printed, pdfs, issue):
    _project, result = printed
    screen = len(pypdf.PdfReader(result.pdfs[issue]).pages)
    assert len(pdfs[issue].pages) % 4 == 0
    assert len(pdfs[issue].pages) == screen + (-screen % 4)
    said = [d for d in result.diags if d.code == "print.padded_notes"
            and d.pos.path.endswith(f"{issue}/issue.yaml")]
    assert [(d.args["pages"], d.args["added"], d.args["total"]) for d in said] == \
        ([(screen, -screen % 4, screen + -screen % 4)] if screen % 4 else [])


def test_added_pages_are_notes_pages_after_the_last(printed):
    _project, result = printed
    doc = pdfium.PdfDocument(result.prints["2020-winter"])
    try:
        texts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    screen = len(pypdf.PdfReader(result.pdfs["2020-winter"]).pages)
    assert "発行" in texts[screen - 1]  # the colophon stays on the issue's last page
    for text in texts[screen:]:
        assert "メモ" in text


@pytest.mark.parametrize("issue", SAMPLES)
def test_no_rgb_anywhere(pdfs, issue):
    pdf = pdfs[issue]
    for page in pdf.pages:
        for op, args, _where in content_ops(pdf, page):
            assert op not in ("rg", "RG"), (op, args)
            if op in ("cs", "CS"):
                assert str(args[0]) != "/DeviceRGB"
        for name, xobj in page.obj.Resources.get("/XObject", {}).items():
            if xobj.Subtype == "/Image":
                assert str(xobj.ColorSpace) in ("/DeviceCMYK", "/DeviceGray"), name
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
            assert str(obj.ColorSpace) in ("/DeviceCMYK", "/DeviceGray")


@pytest.mark.parametrize("issue", SAMPLES)
def test_text_is_in_black_ink_alone_or_a_template_colour(pdfs, template, issue):
    """Body text is K100 (0 0 0 1 k); grey text is a tint of K; no text is four-colour."""
    pdf = pdfs[issue]
    allowed = set(template.print.cmyk.values())
    used: Counter = Counter()
    for page in pdf.pages:
        fill, stack = None, []
        for op, args, _where in content_ops(pdf, page):
            if op == "q":
                stack.append(fill)
            elif op == "Q":
                fill = stack.pop()
            elif op == "k":
                fill = tuple(float(v) for v in args)
            elif op in ("g", "rg", "sc", "scn"):
                fill = (op, *args)
            elif op in ("Tj", "TJ", "'", '"'):
                used[fill] += 1
    assert used.most_common(1)[0][0] == (0, 0, 0, 1)  # the body text
    for colour in used:
        assert colour in allowed, colour
        assert not all(colour[:3]), colour  # never C, M and Y at once (rich black, grey)
        if colour[:3] == (0, 0, 0):
            continue  # black and its tints
        assert colour[3] < 1


@pytest.mark.parametrize("issue", SAMPLES)
def test_pdfx4_output_intent_and_metadata(pdfs, issue):
    pdf = pdfs[issue]
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1
    intent = intents[0]
    assert intent.S == "/GTS_PDFX" and str(intent.OutputConditionIdentifier) == "FOGRA39"
    profile = intent.DestOutputProfile
    assert int(profile.N) == 4
    icc = profile.read_bytes()
    assert icc[36:40] == b"acsp" and icc[16:20] == b"CMYK"
    assert str(pdf.docinfo.GTS_PDFXVersion) == "PDF/X-4"
    assert pdf.docinfo.Trapped == "/False"
    xmp = pdf.Root.Metadata.read_bytes().decode()
    assert "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>" in xmp
    assert f"<rdf:li xml:lang=\"x-default\">{pdf.docinfo.Title}</rdf:li>" in xmp
    with pdf.open_metadata() as meta:  # it parses, and agrees with the Info dictionary
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["xmp:CreateDate"].startswith(str(pdf.docinfo.CreationDate)[2:6])
    assert len(pdf.trailer.ID) == 2


@pytest.mark.parametrize("issue", SAMPLES)
def test_the_print_edition_is_tagged_and_claims_pdf_ua_beside_pdf_x(printed, pdfs, issue):
    """PDF/X-4 and PDF/UA-1 claimed in one XMP packet; the print edition keeps the screen
    edition's tag tree (its links, which paper has not, aside), and the notes pages that
    pad it to fours are artifacts."""
    pdf = pdfs[issue]
    with pdf.open_metadata() as meta:
        assert meta["pdfxid:GTS_PDFXVersion"] == "PDF/X-4"
        assert meta["pdfuaid:part"] == "1"
    assert pdf.Root.MarkInfo.Marked is True
    assert pdf.Root.StructTreeRoot.K.S == "/Document"
    out = subprocess.run([sys.executable, "-m", "pdfua", "check", str(printed[1].prints[issue])],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout


@pytest.mark.parametrize("issue", SAMPLES)
def test_fonts_embedded_and_nothing_to_click(pdfs, issue):
    pdf = pdfs[issue]
    for page in pdf.pages:
        assert "/Annots" not in page.obj or not page.obj.Annots
        for font in page.obj.Resources.get("/Font", {}).values():
            if font.Subtype == "/Type0":
                font = font.DescendantFonts[0]
            assert "/FontFile2" in font.FontDescriptor


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
@pytest.mark.parametrize("issue", SAMPLES)
def test_qpdf_check_is_clean(printed, issue):
    _project, result = printed
    done = subprocess.run(["qpdf", "--check", str(result.prints[issue])],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors found" in done.stdout
    assert "WARNING" not in done.stdout + done.stderr


def _page_image(path, index: int, scale: float):
    doc = pdfium.PdfDocument(path)
    try:
        return doc[index].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()


@pytest.mark.parametrize("issue", SAMPLES)
def test_the_cover_picture_and_band_reach_the_bleed_edge(printed, pdfs, template, issue):
    _project, result = printed
    scale = 2.0
    image = _page_image(result.prints[issue], 0, scale)
    trim, bleed = box(pdfs[issue].pages[0], "/TrimBox"), box(pdfs[issue].pages[0],
                                                               "/BleedBox")
    height = float(pdfs[issue].pages[0].obj.MediaBox[3])

    def pixel(x: float, y: float):  # page space (y up) → the image's pixel
        return image.getpixel((round(x * scale), round((height - y) * scale)))

    def paper(rgb) -> bool:
        return min(rgb) > 245

    top = trim[3] - template.cover["band_mm"] * 72 / 25.4  # the picture's top edge
    for y in (top - 20, top - 120):  # within the picture
        for x in (bleed[0] + 1, trim[0] - 1, trim[2] + 1, bleed[2] - 1):  # in the bleed
            assert not paper(pixel(x, y)), (x, y)
        for x in (bleed[0] - 3, bleed[2] + 3):  # beyond it: the paper
            assert paper(pixel(x, y)), (x, y)
    # the title band runs on above the trim, to the bleed's top edge
    assert not paper(pixel((trim[0] + trim[2]) / 2, bleed[3] - 1))
    assert paper(pixel((trim[0] + trim[2]) / 2 + 40, bleed[3] + 3))


def test_inner_pages_artwork_stays_inside_the_trim(printed, pdfs):
    """Only the cover bleeds: a body page has nothing but marks outside its trim."""
    _project, result = printed
    scale = 1.0
    image = _page_image(result.prints["2020-winter"], 2, scale)
    trim = box(pdfs["2020-winter"].pages[2], "/TrimBox")
    height = float(pdfs["2020-winter"].pages[2].obj.MediaBox[3])
    y = round((height - (trim[1] + trim[3]) / 2) * scale) + 40  # beside the page, not at
    for x in (trim[0] - 5, trim[2] + 5):                       # the centre marks
        assert min(image.getpixel((round(x * scale), y))) > 245


def test_the_screen_pdf_does_not_change_with_the_print_edition(printed, built):
    _project, result = printed
    _screen_project, screen = built
    for issue in SAMPLES:
        assert result.pdfs[issue].read_bytes() == screen.pdfs[issue].read_bytes()


def test_the_print_edition_is_the_same_bytes_each_time(project):
    first = build(project, ["2022-spring"], site=False, for_print=True)
    data = first.prints["2022-spring"].read_bytes()
    again = build(project, ["2022-spring"], site=False, for_print=True, force=True)
    assert again.printed == {"2022-spring"}
    assert again.prints["2022-spring"].read_bytes() == data


def test_photos_under_the_print_resolution_are_warned_of_at_their_line(printed, built):
    _project, result = printed
    _screen_project, screen = built
    low = [d for d in result.diags if d.code == "image.low_resolution"]
    assert {(d.pos.path.split("/")[-2], d.args["min_ppi"]) for d in low} == \
        {(issue, "300") for issue in SAMPLES}  # the covers: 1600 px across 238 mm
    for d in low:  # at the line that names the picture
        line = Path(d.pos.path).read_text(encoding="utf-8").splitlines()[d.pos.line - 1]
        assert "image: images/cover.jpg" in line, d.render("en")
    assert not [d for d in screen.diags if d.code == "image.low_resolution"]
