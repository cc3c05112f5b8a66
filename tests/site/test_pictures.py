"""The site's copies of photos and logos: upright, in their real tones, sized as written
in the pages.  Real builds of a small issue."""

from __future__ import annotations

import re

from PIL import Image as PILImage

from express.build import build
from tests.pdf.test_pictures import BLUE, RED, _near, camera_photo, photo_issue


def _img_tag(site, name: str) -> str:
    for page in site.rglob("*.html"):
        found = re.search(rf'<img src="[^"]*{re.escape(name)}"[^>]*>', page.read_text())
        if found:
            return found.group(0)
    raise AssertionError(f"no <img> of {name}")


def test_turned_photos_are_copied_upright(empty_project):
    folder = photo_issue(empty_project, ["images/camera.jpg", "images/camera.png"])
    camera_photo(folder / "images" / "camera.jpg", 6)
    camera_photo(folder / "images" / "tmp.jpg", 8)
    with PILImage.open(folder / "images" / "tmp.jpg") as im:  # a PNG with an eXIf chunk
        im.save(folder / "images" / "camera.png", "PNG", exif=im.getexif())
    result = build(empty_project, ["2024-spring"])
    assert result.ok, [d.render("en") for d in result.diags]
    for name in ("camera.jpg", "camera.png"):
        with PILImage.open(result.site / "2024-spring" / "images" / name) as im:
            assert im.getexif().get(0x0112, 1) == 1  # no tag left to turn it again
            im = im.convert("RGB")
            assert (im.width, im.height) == (400, 600), name
            assert _near(im.getpixel((200, 100)), RED) and _near(im.getpixel((200, 500)), BLUE)
        assert 'width="400" height="600"' in _img_tag(result.site, name)


def test_16_bit_grey_pictures_keep_their_tones(empty_project):
    """Downscaled (so encoded again, as PNG or as JPEG), not clipped to white."""
    folder = photo_issue(empty_project, ["images/grey.png", "images/grey-png.jpg"])
    im = PILImage.new("I;16", (1600, 400), 8000)  # wider than the site shows photos
    im.paste(PILImage.new("I;16", (800, 400), 40000), (800, 0))
    im.save(folder / "images" / "grey.png", "PNG")
    im.save(folder / "images" / "grey-png.jpg", "PNG")  # a PNG named .jpg: made a JPEG
    result = build(empty_project, ["2024-spring"])
    assert result.ok, [d.render("en") for d in result.diags]
    for name in ("grey.png", "grey-png.jpg"):
        with PILImage.open(result.site / "2024-spring" / "images" / name) as out:
            assert out.mode in ("L", "RGB"), (name, out.mode)
            grey = out.convert("L")
            left, right = grey.getpixel((100, 100)), grey.getpixel((out.width - 100, 100))
        assert abs(left - 31) < 10 and abs(right - 155) < 10, (name, left, right)
