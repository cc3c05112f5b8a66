#!/usr/bin/env python3
"""Regenerate the sample images used by the issues under ``issues/``.

The sample issues (``issues/2020-winter`` and ``issues/2022-spring``) reference
cover art, event photos and member logos.  The real newsletter's photographs are
not available, so these are generated stand-ins: small but genuine JPEG and PNG
files, drawn with Pillow only (no numpy), fully deterministic (every random
choice comes from ``random.Random`` with a fixed seed), so running the script
twice gives byte-identical files with the same Pillow version.

The images are committed (they are source material, like the YAML); this
script exists so that they can be regenerated or tweaked.

Usage (from the repository root)::

    python issues/make_sample_images.py            # writes into issues/*/images/
    python issues/make_sample_images.py --check    # only report sizes

What is produced:

* ``cover.jpg`` per issue, 1600x1000 JPEG (a sunset seascape for 久米島, a
  spring-coloured abstract for 2022), each under ~250 KB;
* event photos, 2400x1600 JPEG (one 1600x1200) at quality 80 (large on purpose, so the tool's
  downsampling for PDF/HTML matters), each under ~400 KB;
* member logos, 600x600 / 800x400 PNG: simple geometric shapes with the
  company's initials in DejaVu Sans.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")

JPEG_COVER_LIMIT = 250 * 1024
JPEG_PHOTO_LIMIT = 400 * 1024

RGB = tuple[int, int, int]


# --------------------------------------------------------------------------- helpers


def font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans (Bold) at *size*; Pillow's default font if DejaVu is missing."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(DEJAVU / name), size)
    except OSError:
        return ImageFont.load_default(size)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    t = max(0.0, min(1.0, t))
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def vertical_gradient(
    img: Image.Image, box: tuple[int, int, int, int], stops: list[tuple[float, RGB]]
) -> None:
    """Fill *box* (x0, y0, x1, y1) with a vertical gradient through colour *stops*."""
    draw = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    h = max(1, y1 - y0)
    for y in range(y0, y1):
        t = (y - y0) / h
        for (t0, c0), (t1, c1) in itertools.pairwise(stops):
            if t0 <= t <= t1:
                draw.line([(x0, y), (x1, y)], fill=mix(c0, c1, (t - t0) / max(1e-9, t1 - t0)))
                break


def grain(img: Image.Image, rng: random.Random, amount: int = 6, density: float = 0.004) -> None:
    """Sprinkle a little deterministic noise so JPEGs look photographic, not flat."""
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(int(w * h * density)):
        x, y = rng.randrange(w), rng.randrange(h)
        r, g, b = img.getpixel((x, y))[:3]
        d = rng.randint(-amount, amount)
        draw.point(
            (x, y), fill=(max(0, min(255, r + d)), max(0, min(255, g + d)), max(0, min(255, b + d)))
        )


def wave_band(
    draw: ImageDraw.ImageDraw,
    w: int,
    y: float,
    amp: float,
    period: float,
    phase: float,
    colour: RGB,
    thickness: int,
) -> None:
    pts = [(x, y + amp * math.sin(2 * math.pi * x / period + phase)) for x in range(0, w + 8, 8)]
    draw.line(pts, fill=colour, width=thickness)


def save_jpeg(img: Image.Image, path: Path, limit: int, quality: int = 80) -> None:
    """Save as progressive-free baseline JPEG, lowering quality until under *limit* bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    q = quality
    while True:
        img.save(path, "JPEG", quality=q, optimize=True)
        if path.stat().st_size <= limit or q <= 50:
            break
        q -= 5


def save_png(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------- scenes


def seascape(
    size: tuple[int, int],
    seed: int,
    sky: list[tuple[float, RGB]],
    sea: list[tuple[float, RGB]],
    sun: RGB,
    island: RGB,
) -> Image.Image:
    """A calm sea at dusk: sky gradient, sun, an island silhouette, waves."""
    rng = random.Random(seed)
    w, h = size
    horizon = int(h * 0.58)
    img = Image.new("RGB", size)
    vertical_gradient(img, (0, 0, w, horizon), sky)
    vertical_gradient(img, (0, horizon, w, h), sea)
    draw = ImageDraw.Draw(img)

    # sun and its reflection
    sx, sr = int(w * rng.uniform(0.55, 0.72)), int(h * 0.07)
    sy = horizon - int(sr * 1.3)
    draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=sun)
    for i in range(14):
        y = horizon + 6 + i * int(h * 0.025)
        half = int(sr * (1.1 - i * 0.06) * rng.uniform(0.8, 1.2))
        if half > 2:
            draw.line(
                [(sx - half, y), (sx + half, y)], fill=mix(sun, sea[0][1], 0.25 + i * 0.05), width=3
            )

    # island silhouette (a low, long island such as 久米島 seen from the sea)
    pts = [(int(w * 0.02), horizon)]
    x = int(w * 0.02)
    while x < int(w * 0.48):
        x += rng.randint(20, 60)
        bump = math.sin((x / w) * math.pi * 2.2) * h * 0.045 + rng.uniform(0, h * 0.012)
        pts.append((x, int(horizon - max(4.0, bump))))
    pts.append((int(w * 0.5), horizon))
    draw.polygon(pts, fill=island)

    # waves
    for i in range(26):
        y = horizon + 10 + (i**1.45) * (h - horizon) / 26**1.45
        colour = mix(sea[0][1], (255, 255, 255), rng.uniform(0.08, 0.22))
        wave_band(
            draw,
            w,
            y,
            amp=2 + i * 0.6,
            period=rng.uniform(180, 420),
            phase=rng.uniform(0, 6.28),
            colour=colour,
            thickness=1 + i // 9,
        )

    img = img.filter(ImageFilter.GaussianBlur(1.2))
    grain(img, rng)
    return img


def spring_abstract(size: tuple[int, int], seed: int) -> Image.Image:
    """Overlapping translucent circles on a soft gradient (2022年春号 cover)."""
    rng = random.Random(seed)
    w, h = size
    base = Image.new("RGB", size)
    vertical_gradient(
        base, (0, 0, w, h), [(0.0, (250, 238, 242)), (0.6, (235, 244, 250)), (1.0, (214, 232, 246))]
    )
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    palette = [(240, 150, 175), (250, 200, 210), (120, 180, 220), (160, 210, 170), (255, 220, 150)]
    for _ in range(34):
        r = rng.randint(int(h * 0.04), int(h * 0.22))
        x, y = rng.randint(-r, w + r), rng.randint(-r, h + r)
        c = rng.choice(palette)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(*c, rng.randint(50, 120)))
    img = Image.alpha_composite(base.convert("RGBA"), layer).convert("RGB")
    img = img.filter(ImageFilter.GaussianBlur(2.5))
    grain(img, rng)
    return img


def meeting_room(size: tuple[int, int], seed: int, screen: RGB, wall: RGB) -> Image.Image:
    """A lecture hall seen from the back: screen, lectern, rows of audience heads."""
    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size)
    vertical_gradient(
        img, (0, 0, w, h), [(0.0, wall), (0.55, mix(wall, (40, 40, 48), 0.35)), (1.0, (52, 46, 44))]
    )
    draw = ImageDraw.Draw(img)
    # ceiling lights
    for i in range(6):
        cx = int(w * (0.1 + i * 0.16))
        draw.ellipse([cx - 40, 30, cx + 40, 60], fill=(255, 250, 230))
    # screen with a fake slide
    sx0, sy0, sx1, sy1 = int(w * 0.28), int(h * 0.1), int(w * 0.72), int(h * 0.46)
    draw.rectangle([sx0 - 8, sy0 - 8, sx1 + 8, sy1 + 8], fill=(30, 30, 30))
    vertical_gradient(
        img, (sx0, sy0, sx1, sy1), [(0.0, screen), (1.0, mix(screen, (255, 255, 255), 0.5))]
    )
    draw.rectangle(
        [sx0 + 40, sy0 + 40, sx0 + int((sx1 - sx0) * 0.7), sy0 + 90], fill=(255, 255, 255)
    )
    for k in range(4):
        y = sy0 + 130 + k * 60
        draw.rectangle(
            [sx0 + 60, y, sx0 + 60 + rng.randint(300, 700), y + 22], fill=(235, 240, 245)
        )
    # lectern and speaker
    lx = int(w * 0.8)
    draw.rectangle([lx, int(h * 0.38), lx + 140, int(h * 0.58)], fill=(90, 60, 40))
    draw.ellipse([lx + 40, int(h * 0.27), lx + 100, int(h * 0.27) + 60], fill=(70, 55, 50))
    draw.rectangle([lx + 30, int(h * 0.31), lx + 110, int(h * 0.39)], fill=(40, 48, 70))
    # audience: rows of heads getting larger towards the camera
    for row in range(7):
        y = int(h * 0.55 + row * h * 0.065)
        r = int(h * (0.018 + row * 0.006))
        x = rng.randint(0, r * 2)
        while x < w:
            hair = rng.choice([(30, 25, 22), (45, 38, 30), (70, 60, 55), (110, 105, 100)])
            shirt = rng.choice(
                [(40, 60, 100), (200, 200, 205), (60, 60, 64), (120, 40, 40), (230, 230, 225)]
            )
            draw.ellipse([x - int(r * 1.7), y + r, x + int(r * 1.7), y + r * 4], fill=shirt)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=hair)
            x += int(r * rng.uniform(3.2, 4.4))
    img = img.filter(ImageFilter.GaussianBlur(1.6))
    grain(img, rng)
    return img


def circle_logo(initials: str, size: int, fg: RGB, bg: RGB, accent: RGB) -> Image.Image:
    """Square PNG logo with transparent background: ring, arc accent, initials."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    m = size // 16
    draw.ellipse([m, m, size - m, size - m], fill=(*bg, 255))
    draw.arc(
        [m * 2, m * 2, size - m * 2, size - m * 2], start=200, end=340, fill=(*accent, 255), width=m
    )
    draw.arc(
        [m * 2, m * 2, size - m * 2, size - m * 2], start=20, end=160, fill=(*fg, 255), width=m // 2
    )
    f = font(int(size * 0.3))
    draw.text((size / 2, size / 2), initials, font=f, fill=(*fg, 255), anchor="mm")
    return img


def wordmark_logo(text: str, size: tuple[int, int], fg: RGB, accent: RGB) -> Image.Image:
    """Wide PNG logo on white: three accent bars and a word mark."""
    h = size[1]
    img = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(img)
    bar_w = h // 8
    for i, t in enumerate((0.55, 0.75, 1.0)):
        x = h // 6 + i * (bar_w + bar_w // 2)
        top = int(h * (0.8 - 0.55 * t))
        draw.rounded_rectangle(
            [x, top, x + bar_w, int(h * 0.8)], radius=bar_w // 3, fill=mix(accent, fg, i * 0.3)
        )
    f = font(int(h * 0.36))
    draw.text((h // 6 + 4 * bar_w + h // 8, h / 2), text, font=f, fill=fg, anchor="lm")
    return img


# --------------------------------------------------------------------------- catalogue


def build() -> dict[Path, tuple[str, Image.Image, int]]:
    """Return {path: (format, image, size limit)} for every sample image."""
    winter = HERE / "2020-winter" / "images"
    spring = HERE / "2022-spring" / "images"
    dusk_sky = [
        (0.0, (38, 62, 120)),
        (0.45, (150, 110, 160)),
        (0.8, (250, 160, 120)),
        (1.0, (255, 205, 150)),
    ]
    dusk_sea = [(0.0, (40, 90, 130)), (1.0, (10, 40, 70))]
    day_sky = [(0.0, (70, 150, 225)), (1.0, (200, 232, 250))]
    day_sea = [(0.0, (40, 175, 200)), (0.4, (20, 130, 175)), (1.0, (8, 70, 120))]
    return {
        winter / "cover.jpg": (
            "JPEG",
            seascape((1600, 1000), 2020, dusk_sky, dusk_sea, (255, 236, 190), (30, 40, 52)),
            JPEG_COVER_LIMIT,
        ),
        winter / "kumejima-beach.jpg": (
            "JPEG",
            seascape((2400, 1600), 1119, day_sky, day_sea, (255, 255, 240), (40, 90, 60)),
            JPEG_PHOTO_LIMIT,
        ),
        winter / "kumejima-keynote.jpg": (
            "JPEG",
            meeting_room((2400, 1600), 1120, (20, 70, 140), (200, 190, 175)),
            JPEG_PHOTO_LIMIT,
        ),
        winter / "kumejima-panel.jpg": (
            "JPEG",
            meeting_room((2400, 1600), 1121, (120, 30, 60), (185, 195, 200)),
            JPEG_PHOTO_LIMIT,
        ),
        winter / "kees-lesson.jpg": (
            "JPEG",
            meeting_room((1600, 1200), 99, (0, 160, 200), (215, 205, 190)),
            JPEG_PHOTO_LIMIT,
        ),
        winter / "logo-mahoroba.png": (
            "PNG",
            circle_logo("MK", 600, (255, 255, 255), (176, 72, 40), (250, 200, 90)),
            0,
        ),
        winter / "logo-kees.png": (
            "PNG",
            wordmark_logo("KEES", (800, 400), (20, 40, 90), (0, 160, 200)),
            0,
        ),
        spring / "cover.jpg": ("JPEG", spring_abstract((1600, 1000), 2022), JPEG_COVER_LIMIT),
        spring / "matsuyama-tsudoi.jpg": (
            "JPEG",
            meeting_room((2400, 1600), 421, (230, 120, 20), (210, 200, 185)),
            JPEG_PHOTO_LIMIT,
        ),
        spring / "igf-session.jpg": (
            "JPEG",
            meeting_room((2400, 1600), 2023, (0, 120, 110), (190, 200, 210)),
            JPEG_PHOTO_LIMIT,
        ),
        spring / "kohopr-bukai.jpg": (
            "JPEG",
            meeting_room((2400, 1600), 202, (40, 110, 70), (205, 200, 190)),
            JPEG_PHOTO_LIMIT,
        ),
        spring / "okinawa-sea.jpg": (
            "JPEG",
            seascape((2400, 1600), 1118, day_sky, day_sea, (255, 255, 240), (50, 100, 62)),
            JPEG_PHOTO_LIMIT,
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list existing files and sizes")
    args = parser.parse_args(argv)
    status = 0
    for path, (fmt, img, limit) in build().items():
        if not args.check:
            if fmt == "JPEG":
                save_jpeg(img, path, limit)
            else:
                save_png(img, path)
        size = path.stat().st_size if path.exists() else -1
        over = limit and size > limit
        status |= bool(over)
        print(
            f"{path.relative_to(HERE)}  {img.size[0]}x{img.size[1]}  {size / 1024:.0f} KB"
            + ("  OVER LIMIT" if over else "")
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
