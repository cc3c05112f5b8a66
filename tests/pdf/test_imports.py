"""The build path does not pay for what it does not use (ReportLab's Paragraph, HarfBuzz),
and other code still gets it."""

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


def test_build_path_skips_paragraph_and_platypus_still_whole():
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"


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
    r = subprocess.run([sys.executable, "-c", SHAPING], capture_output=True, text=True,
                       check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
