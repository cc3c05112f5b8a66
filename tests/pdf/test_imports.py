"""The build path does not pay for what it does not use (ReportLab's Paragraph, HarfBuzz,
Pillow while no picture needs it), and other code still gets it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import express.pdf.render
assert "reportlab.platypus.paragraph" not in sys.modules, "paragraph.py was imported"
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.lib.styles import getSampleStyleSheet
import io
SimpleDocTemplate(io.BytesIO()).build([Paragraph("ok", getSampleStyleSheet()["Normal"])])
from reportlab.platypus import doctemplate, paragraph
assert doctemplate.Paragraph is paragraph.Paragraph
print("ok")
"""


def run_script(script: str) -> None:
    """Run ``script`` in a fresh interpreter: it ends by printing ok."""
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


def test_build_path_skips_paragraph_and_platypus_still_whole():
    run_script(SCRIPT)


SHAPING = """
import sys
import express.pdf.render
assert "uharfbuzz" not in sys.modules, "uharfbuzz was imported"
from reportlab.pdfbase import ttfonts
assert ttfonts.uharfbuzz is None  # ReportLab shapes nothing (express never asks it to)
import uharfbuzz  # anything else still gets it
assert uharfbuzz.Blob
print("ok")
"""


def test_build_path_loads_reportlab_without_harfbuzz():
    run_script(SHAPING)


# What a build of the screen edition has no use for: the print edition's modules, the
# archive site's, what only a preview keeps, HarfBuzz, ReportLab's Paragraph
NOT_FOR_A_SCREEN_BUILD = ("express.pdf.document.press", "express.post.pdfx", "express.profiles",
                          "express.site", "express.warm", "uharfbuzz",
                          "reportlab.platypus.paragraph")

BUILD = """
import sys
from pathlib import Path
from express.build import build
from express.project import Project
issue = sys.argv[2]
result = build(Project(Path(sys.argv[1])), [issue], site=False, jobs=1)
assert result.ok and result.pdfs[issue].is_file(), result.diags.rendered()
print(" ".join(m for m in sys.argv[3:] if m in sys.modules) or "none")
"""


def _loaded(project, issue: str, *modules: str) -> str:
    """Which of ``modules`` a process building ``issue`` (its PDF only) loaded."""
    r = subprocess.run([sys.executable, "-c", BUILD, str(project.root), issue, *modules],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_a_screen_build_loads_nothing_it_does_not_use(project):
    assert _loaded(project, "2020-winter", *NOT_FOR_A_SCREEN_BUILD) == "none"


PICTURE = """
import io
from reportlab.lib.utils import ImageReader
import express.pdf.render
from PIL import Image
png = io.BytesIO()
Image.new("RGB", (3, 2)).save(png, "PNG")
assert ImageReader(io.BytesIO(png.getvalue())).getSize() == (3, 2)
print("ok")
"""


def test_pillow_is_loaded_when_a_picture_needs_it(project):
    # 2022-spring's pictures are JPEGs: once in the picture cache, embedded as they are
    assert _loaded(project, "2022-spring", "PIL.Image") == "PIL.Image"  # decoded, cached
    assert _loaded(project, "2022-spring", "PIL.Image") == "none"
    assert _loaded(project, "2020-winter", "PIL.Image") == "PIL.Image"  # PNG logos
    r = subprocess.run([sys.executable, "-c", PICTURE], capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
