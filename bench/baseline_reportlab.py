"""The baseline build: an issue's text set by ReportLab alone (run as its own process).

Usage: python bench/baseline_reportlab.py TEXT.json OUT.pdf

TEXT.json (written by bench/run.py from the loaded issue) holds the three font files of the
template and the issue's text in reading order as ``[role, text]`` blocks: headings in the
gothic roles, everything else in mincho.  They are set with ReportLab's own
``Paragraph(wordWrap='CJK')`` on an A4 page in two columns, 9 pt on a 15 pt leading, the
fonts embedded and subset as in our build.  No composer, no grid, no pictures: this is what
"ReportLab with its own CJK wrap" costs for the same text, imports and font parsing included.
"""

from __future__ import annotations

import json
import sys
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

MARGIN, GUTTER = 45.0, 14.0
SIZES = {"mincho": (9.0, 15.0), "gothic": (10.0, 16.0), "gothic-bold": (14.0, 22.0)}


def main(src: str, out: str) -> None:
    with open(src, encoding="utf-8") as f:
        spec = json.load(f)
    styles = {}
    for role, path in spec["fonts"].items():
        pdfmetrics.registerFont(TTFont(f"base-{role}", path))
        size, leading = SIZES.get(role, SIZES["mincho"])
        styles[role] = ParagraphStyle(
            role,
            fontName=f"base-{role}",
            fontSize=size,
            leading=leading,
            wordWrap="CJK",
            spaceAfter=3,
        )
    width, height = A4
    col = (width - 2 * MARGIN - GUTTER) / 2
    frames = [
        Frame(
            MARGIN + i * (col + GUTTER),
            MARGIN,
            col,
            height - 2 * MARGIN,
            id=f"c{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(2)
    ]
    doc = BaseDocTemplate(out, pagesize=A4, invariant=1, pageCompression=1)
    doc.addPageTemplates([PageTemplate(id="body", frames=frames)])
    story = [
        Paragraph(escape(text), styles.get(role, styles["mincho"])) for role, text in spec["blocks"]
    ]
    doc.build(story)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
