"""Reading pictures of pages with Tesseract's Japanese model, through OCRmyPDF.

OCRmyPDF (rather than pytesseract) because it is the better-kept of the two — released
every few weeks, with a large test suite and Debian packaging — and it does what a scan
needs before Tesseract sees it: it rasterises each page at the resolution of the picture
on it (PDFium, no Ghostscript needed), turns pages scanned sideways or upside down, and
caps Tesseract's time per page.  It runs as a child process (it sets up logging and
worker processes of its own), for the pages asked only, and writes only its text
(``--output-type none --sidecar``): the PDF served stays the file given.

Tesseract itself is a system program (Debian ``tesseract-ocr`` and ``tesseract-ocr-jpn``);
:func:`missing` says what is not installed.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

LANGUAGES = "jpn"  # Tesseract's Japanese model also reads the Latin letters in the text
PACKAGES = ("tesseract-ocr", "tesseract-ocr-jpn")
PAGE_TIMEOUT = 180  # seconds Tesseract may spend on one page
_SKIPPED = re.compile(r"^\[OCR skipped on page\(s\) (\d+)(?:-(\d+))?\]$")

# one OCRmyPDF at a time: each already uses every core
_ONE_AT_A_TIME = threading.Lock()


class OcrFailed(Exception):
    """OCRmyPDF could not read the pages (its last words are the message)."""


@functools.cache
def tesseract_version() -> str | None:
    """Tesseract's version with its Japanese model, or None when either is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        version = subprocess.run([exe, "--version"], capture_output=True, text=True,
                                 timeout=30, check=False)
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                               timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if "jpn" not in (langs.stdout + langs.stderr).split():
        return None
    first = (version.stdout or version.stderr).strip().splitlines()
    return first[0] if first else "tesseract"


def ocrmypdf_version() -> str | None:
    """OCRmyPDF's version, or None when the package is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ocrmypdf")
    except PackageNotFoundError:
        return None


def missing() -> str:
    """What to install for OCR ("" when everything is there)."""
    if tesseract_version() is None:
        return "apt-get install " + " ".join(PACKAGES)
    if ocrmypdf_version() is None:
        return "pip install ocrmypdf (make setup installs it)"
    return ""


def recognise(pdf: Path, pages: list[int], cores: int) -> dict[int, str]:
    """The text OCR reads on ``pages`` (1-based) of ``pdf``, by page."""
    wanted = sorted(set(pages))
    with tempfile.TemporaryDirectory(prefix="express-ocr-") as tmp:
        sidecar = Path(tmp) / "text.txt"
        cmd = [sys.executable, "-m", "ocrmypdf", "--language", LANGUAGES,
               "--output-type", "none", "--sidecar", str(sidecar),
               "--pages", ",".join(map(str, wanted)), "--rotate-pages",
               "--rasterizer", "pypdfium", "--tesseract-timeout", str(PAGE_TIMEOUT),
               "--jobs", str(cores), "--quiet", str(pdf), "-"]
        try:
            with _ONE_AT_A_TIME:
                proc = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                      timeout=60 + PAGE_TIMEOUT * len(wanted))
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OcrFailed(str(exc)) from exc
        if proc.returncode != 0 or not sidecar.is_file():
            last = (proc.stderr or proc.stdout).strip().splitlines()
            raise OcrFailed(last[-1] if last else f"exit status {proc.returncode}")
        return parse_sidecar(sidecar.read_text(encoding="utf-8"), wanted)


def parse_sidecar(text: str, wanted: list[int]) -> dict[int, str]:
    """Split OCRmyPDF's sidecar (pages apart by form feeds; a run of pages not read is one
    ``[OCR skipped on page(s) N-M]``) into the text of each page in ``wanted``."""
    out: dict[int, str] = {}
    page = 1
    for part in text.split("\f"):
        skipped = _SKIPPED.match(part.strip())
        if skipped:
            page = int(skipped[2] or skipped[1]) + 1
            continue
        if page in wanted:
            out[page] = part
        page += 1
    return out
