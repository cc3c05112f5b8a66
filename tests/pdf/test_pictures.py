"""Pictures as they print: upright as the camera meant, in their real tones, and with a
clear message for a picture that will not print well.  Real builds, read back with pypdf
and rendered with pypdfium2."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image as PILImage

from express.build import build

RED, BLUE = (255, 0, 0), (0, 0, 255)
# how to store an upright picture so that applying the EXIF orientation makes it upright
_STORE = {1: None, 3: PILImage.Transpose.ROTATE_180, 6: PILImage.Transpose.ROTATE_90,
          8: PILImage.Transpose.ROTATE_270}


def camera_photo(path: Path, orientation: int, size: tuple[int, int] = (400, 600)) -> None:
    """A JPEG whose upright picture is red above and blue below, stored turned the way a
    phone stores it, with the EXIF Orientation tag saying how to turn it back."""
    w, h = size
    upright = PILImage.new("RGB", size, BLUE)
    upright.paste(RED, (0, 0, w, h // 2))
    turn = _STORE[orientation]
    stored = upright.transpose(turn) if turn is not None else upright
    exif = PILImage.Exif()
    exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=92, exif=exif)


def photo_issue(project, files: list[str], issue_id: str = "2024-spring") -> Path:
    """An issue whose one article carries ``files`` as photos; returns its folder."""
    folder = project.issues / issue_id
    photos = "".join(f"      - file: {f}\n        caption: 写真\n" for f in files)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "issue.yaml").write_text(textwrap.dedent("""\
        number: 1
        date: 2024-04-01
        season: 2024年春号
        cover:
          headline: 写真の試験
        articles:
          - kind: article
            title: 写真のテスト
            body: |
              本文です。
            photos:
        """) + photos, encoding="utf-8")
    return folder


def placed_images(pdf: Path, scale: float = 2.0) -> list[tuple[tuple[int, int], PILImage.Image]]:
    """Every image drawn on the pages after the cover: its pixel size in the PDF, and the
    rendered page cut to where it is drawn."""
    out = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in list(doc)[1:]:
            rendered = page.render(scale=scale).to_pil().convert("RGB")
            height = page.get_height()
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
                left, bottom, right, top = obj.get_bounds()
                box = (round(left * scale), round((height - top) * scale),
                       round(right * scale), round((height - bottom) * scale))
                out.append((tuple(obj.get_px_size()), rendered.crop(box)))
    finally:
        doc.close()
    return out


def _near(pixel: tuple[int, ...], colour: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 60 for a, b in zip(pixel, colour, strict=False))


def xobject_sizes(pdf: Path) -> list[tuple[int, int]]:
    """/Width and /Height of every image XObject on the pages after the cover."""
    sizes = []
    for page in pypdf.PdfReader(str(pdf)).pages[1:]:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes


@pytest.mark.parametrize("orientation", [6, 8, 3])
def test_a_camera_photo_prints_upright(empty_project, orientation):
    folder = photo_issue(empty_project, ["images/camera.jpg"])
    camera_photo(folder / "images" / "camera.jpg", orientation)
    result = build(empty_project, ["2024-spring"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    pdf = result.pdfs["2024-spring"]
    [(w, h)] = xobject_sizes(pdf)
    assert h > w  # the embedded picture is upright, not the stored landscape one
    [(_px, shown)] = placed_images(pdf)
    assert shown.height > shown.width  # and placed as a portrait
    top = shown.getpixel((shown.width // 2, shown.height // 4))
    bottom = shown.getpixel((shown.width // 2, shown.height * 3 // 4))
    assert _near(top, RED) and _near(bottom, BLUE), (top, bottom)


def test_a_size_cached_before_orientation_counted_is_not_used(empty_project):
    """Caches written before orientation was applied hold the stored (sideways) size."""
    import hashlib

    import PIL

    folder = photo_issue(empty_project, ["images/camera.jpg"])
    photo = folder / "images" / "camera.jpg"
    camera_photo(photo, 6)
    digest = hashlib.sha256(photo.read_bytes()).hexdigest()
    cache = empty_project.root / ".cache" / "images"
    cache.mkdir(parents=True)
    (cache / f"{digest}-size-pil{PIL.__version__}").write_bytes(b"600 400")  # the old key
    result = build(empty_project, ["2024-spring"], site=False)
    [(_px, shown)] = placed_images(result.pdfs["2024-spring"])
    assert shown.height > shown.width


def gray16_logo(path: Path) -> None:
    """A 16-bit grayscale PNG: dark on the left, mid grey on the right (8-bit: 31 and 155)."""
    im = PILImage.new("I;16", (300, 200), 8000)
    im.paste(PILImage.new("I;16", (150, 200), 40000), (150, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "PNG")


def member_issue(project, logo: str, issue_id: str = "2024-spring") -> Path:
    """An issue with one member whose logo is ``logo``; returns its folder."""
    folder = project.issues / issue_id
    (folder / "images").mkdir(parents=True, exist_ok=True)
    (folder / "issue.yaml").write_text(textwrap.dedent(f"""\
        number: 1
        date: 2024-04-01
        season: 2024年春号
        cover:
          headline: ロゴの試験
        articles:
          - kind: member
            company: 株式会社グレー
            logo: {logo}
            body: |
              16ビットのロゴです。
        """), encoding="utf-8")
    return folder


def test_a_16_bit_grey_logo_prints_in_its_tones(empty_project):
    """Clipped to 8 bits every value above 255 prints white: the trial's logo vanished."""
    folder = member_issue(empty_project, "images/gray16.png")
    gray16_logo(folder / "images" / "gray16.png")
    result = build(empty_project, ["2024-spring"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    [(_px, shown)] = placed_images(result.pdfs["2024-spring"], scale=4)
    y = shown.height // 2
    left = shown.convert("L").getpixel((shown.width // 4, y))
    right = shown.convert("L").getpixel((shown.width * 3 // 4, y))
    assert abs(left - 31) < 15 and abs(right - 155) < 15, (left, right)


@pytest.mark.parametrize(("values", "expected"), [
    ((0, 32768, 65535), (0, 127, 255)),  # 16-bit values held in 32 bits: the 16-bit range
    ((-100, 0, 100_000), (0, 0, 255)),  # beyond it: stretched from the least to the most
])
def test_32_bit_integer_pictures_are_scaled_to_8_bits(values, expected):
    from express.pdf.paint.images import eight_bit

    im = PILImage.new("I", (3, 1))
    im.putdata(list(values))
    got = eight_bit(im)
    assert got.mode == "L"
    assert all(abs(a - b) <= 1
               for a, b in zip(got.get_flattened_data(), expected, strict=True))


def _low_resolution(result) -> list:
    return [d for d in result.diags if d.code == "image.low_resolution"]


def test_a_tiny_picture_blown_up_is_a_warning_at_its_line(empty_project):
    folder = photo_issue(empty_project, ["images/tiny.png", "images/fine.jpg"])
    PILImage.new("RGB", (20, 20), "green").save(folder / "images" / "tiny.png")
    PILImage.new("RGB", (2000, 1300), "green").save(folder / "images" / "fine.jpg")
    result = build(empty_project, ["2024-spring"], site=False)
    assert result.ok
    [warning] = _low_resolution(result)  # once, and not for the photo with pixels enough
    lines = (folder / "issue.yaml").read_text(encoding="utf-8").splitlines()
    assert "images/tiny.png" in lines[warning.pos.line - 1]
    text = warning.render("en")
    assert "20 pixels across" in text and "under the 100 ppi" in text, text
    assert int(warning.args["ppi"]) < 10


def test_the_least_resolution_is_the_templates(empty_project):
    """``images.min_ppi`` of the template: a template printing finer asks for more."""
    folder = photo_issue(empty_project, ["images/small.jpg"])
    PILImage.new("RGB", (300, 200), "green").save(folder / "images" / "small.jpg")
    template = empty_project.templates / "pdf" / "a4-magazine.yaml"
    original = template.read_text(encoding="utf-8")
    assert "\n  min_ppi: 100 " in original
    # about 95 ppi at column width: too few for 100, enough for 75
    for least, warned in ((100, True), (75, False), (150, True)):
        template.write_text(original.replace("\n  min_ppi: 100 ", f"\n  min_ppi: {least} ", 1),
                            encoding="utf-8")
        result = build(empty_project, ["2024-spring"], site=False, force=True)
        assert result.ok
        assert bool(_low_resolution(result)) == warned, (least, _low_resolution(result))
