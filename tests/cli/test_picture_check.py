"""``express check`` decodes every picture as the build will, so a picture the build
cannot use is reported before it, at the picture's line, with what to do; the build says
the same, and neither shows Pillow's own words or a traceback."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image as PILImage

from tests.pdf.test_pictures import photo_issue


def _run(project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "express", "--project", str(project.root),
                           *args], capture_output=True, text=True, check=False,
                          env={**os.environ, "LANG": "C.UTF-8"})


def truncated_jpeg(path: Path) -> None:
    """A photo cut short, as a copy interrupted half-way leaves it."""
    out = io.BytesIO()
    PILImage.effect_noise((400, 300), 60).convert("RGB").save(out, "JPEG")
    path.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])


def jpeg_claiming(path: Path, width: int, height: int) -> None:
    """A small JPEG whose header says ``width`` × ``height``: Pillow refuses it on opening
    when that is over its limit, before decoding, so no huge picture need be made."""
    out = io.BytesIO()
    PILImage.new("L", (16, 16), 128).save(out, "JPEG")
    data = bytearray(out.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5: sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    path.write_bytes(bytes(data))


def _line_of(folder: Path, ref: str) -> int:
    lines = (folder / "issue.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if ref in line)


def _no_raw_output(r: subprocess.CompletedProcess) -> None:
    out = r.stdout + r.stderr
    for raw in ("Traceback", "DecompressionBomb", "site-packages", "Truncated File Read",
                "decompression bomb DOS"):
        assert raw not in out, out


@pytest.mark.parametrize("command", [["check"], ["build", "--no-site"]])
def test_a_damaged_photo_is_reported_at_its_line(empty_project, command):
    folder = photo_issue(empty_project, ["images/cut.jpg"])
    truncated_jpeg(folder / "images" / "cut.jpg")
    r = _run(empty_project, *command, "2024-spring")
    assert r.returncode == 1
    out = r.stdout + r.stderr
    line = _line_of(folder, "images/cut.jpg")
    [msg] = [m for m in out.splitlines() if "cut.jpg" in m and "error" in m]
    assert f"issue.yaml:{line}:" in msg
    assert "damaged" in msg and "export it again as JPEG" in msg, msg
    _no_raw_output(r)


@pytest.mark.parametrize("command", [["check"], ["build", "--no-site"]])
def test_a_photo_over_the_pixel_limit_is_refused_with_the_limit(empty_project, command):
    folder = photo_issue(empty_project, ["images/huge.jpg"])
    jpeg_claiming(folder / "images" / "huge.jpg", 15000, 13000)  # 195 megapixels
    r = _run(empty_project, *command, "2024-spring")
    assert r.returncode == 1
    line = _line_of(folder, "images/huge.jpg")
    [msg] = [m for m in (r.stdout + r.stderr).splitlines() if "huge.jpg" in m]
    assert f"issue.yaml:{line}:" in msg and "error" in msg
    assert "195 megapixels" in msg and "below 178 megapixels" in msg, msg
    _no_raw_output(r)


def test_a_very_large_photo_is_a_warning_in_our_words(empty_project):
    folder = photo_issue(empty_project, ["images/big.jpg"])
    PILImage.new("L", (11000, 9000), 128).save(folder / "images" / "big.jpg", quality=50)
    line = _line_of(folder, "images/big.jpg")
    for command in (["check"], ["build", "--no-site"], ["build", "--no-site"]):  # 2: cached
        r = _run(empty_project, *command, "2024-spring")
        assert r.returncode == 0, r.stdout + r.stderr
        msgs = [m for m in (r.stdout + r.stderr).splitlines() if "big.jpg" in m]
        assert len(msgs) == 1, (command, msgs)
        assert f"issue.yaml:{line}:" in msgs[0] and "warning" in msgs[0]
        assert "99 megapixels" in msgs[0] and "below 89 megapixels" in msgs[0], msgs[0]
        _no_raw_output(r)


def test_check_measures_pictures_into_the_builds_cache(empty_project):
    """The check decodes each picture once; the build then finds its size cached."""
    folder = photo_issue(empty_project, ["images/fine.jpg"])
    PILImage.new("RGB", (300, 200), "green").save(folder / "images" / "fine.jpg")
    r = _run(empty_project, "check", "2024-spring")
    assert r.returncode == 0, r.stdout + r.stderr
    cache = empty_project.root / ".cache" / "images"
    [entry] = [p for p in cache.iterdir() if "-size-" in p.name]
    assert entry.read_bytes() == b"300 200"
