"""The probe PDF: the punctuation-heavy probe passage set at a few hundred measures.

It is drawn by the magazine's own code: each measure is one ``express.pdf.layout.blocks.Para``
(the running-text flowable, with the template's body style, composition settings, 1 em
first-line indent and grid snapping), split across columns and pages with ``Para.split`` and
drawn with ``Para.drawOn`` — so the composer's lines reach the page through the same
``TextKit.draw_lines`` as in the built issues.

Usage: python -m tests.typography.probe_pdf [out.pdf]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from express.diagnostics import Diagnostics
from express.pdf.layout.blocks import Para
from express.pdf.layout.text import TextKit
from express.pdf.paint.fonts import font_set
from express.pdf.template import read_template

from ..conftest import ROOT
from ..jtext.probe_text import PROBE
from .glyphs import Column

TEMPLATE = ROOT / "templates" / "pdf" / "a4-magazine.yaml"
PAGE_W, PAGE_H = 1190.0, 842.0  # A3 landscape: room for several columns per page
MARGIN = 36.0
GAP = 24.0


#: The probe's longest unit that no rule lets break at the default (strict) level is
#: 方、ァィゥェォッャュョ (11 em: small kana may not start a line); "internationalization" is
#: about 10 em.  Below MIN_EM a line has to break a rule, so the rules are checked from there.
MIN_EM = 12
NARROW_EMS = range(3, MIN_EM)
FRACTIONS = (0.0, 0.37, 1.1, 2.2, 3.7, 4.6, 5.9, 8.1)


def measures(em: float, ems: range = range(MIN_EM, 41)) -> list[float]:
    """Whole ems, each also with seven odd fractions of a point (12–40 em: 232 measures)."""
    return [round(n * em + d, 3) for n in ems for d in FRACTIONS]


@dataclass
class ProbePDF:
    path: Path
    columns_by_page: dict[int, list[Column]]
    pitch: float
    grid_top: float  # the first baseline of every column (PDF y)
    measures: list[float]


def build_probe(out: Path, text: str = PROBE, ems: range = range(MIN_EM, 41),
                **overrides) -> ProbePDF:
    """Write the probe PDF to ``out``; ``overrides`` (strictness, jl_space, hanging, align)
    replace the template's composition settings."""
    t = read_template(TEMPLATE)
    fonts = font_set(ROOT, t.fonts)
    kit = TextKit(t, fonts, Diagnostics())
    body = t.style("body")
    pitch = t.grid.line_pitch
    kit._base.update({k: v for k, v in overrides.items() if k in kit._base})
    settings = kit.settings(overrides.get("align", "justify"), kit.body_indent)
    top = PAGE_H - MARGIN
    height = int((PAGE_H - 2 * MARGIN) // pitch) * pitch
    canv = Canvas(str(out), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    columns_by_page: dict[int, list[Column]] = {}
    page = 0
    x = MARGIN
    ms = measures(body.size, ems)
    for measure in ms:
        para = Para(kit, kit.spans(text, "body"), t.colours["ink"], pitch, settings=settings,
                    grid_pitch=pitch, min_lines=1)
        while para is not None:
            if x + measure > PAGE_W - MARGIN:
                canv.showPage()
                page += 1
                x = MARGIN
            _w, h = para.wrap(measure, height)
            if h <= height:
                part, para = para, None
            else:
                part, para = para.split(measure, height)
                part.wrap(measure, height)
            part.drawOn(canv, x, top - part.height)
            columns_by_page.setdefault(page, []).append(
                Column((x,), (x + measure,), f"measure {measure}"))
            x += measure + GAP
    canv.showPage()
    canv.save()
    first = top - (pitch - body.size) / 2 - 0.88 * body.size
    return ProbePDF(out, columns_by_page, pitch, first, ms)


if __name__ == "__main__":  # pragma: no cover - manual use
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "probe.pdf")
    probe = build_probe(target)
    print(f"{target}: {len(probe.measures)} measures on {len(probe.columns_by_page)} pages")
