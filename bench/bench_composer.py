"""Throughput of express.jtext.compose() vs reportlab's Paragraph(wordWrap='CJK').

Usage: python bench/bench_composer.py [--profile]

Builds a ~20,000-character Japanese newsletter text from the body paragraphs of the seed issue,
composes every paragraph at a 2-column A4 measure (22 em at 9 pt) with the real BIZ UD Mincho
metrics, and prints characters/second for both composers and their ratio.
"""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from express.fonts.discovery import find_fonts  # noqa: E402
from express.jtext import Settings, Span, Style, compose  # noqa: E402

ISSUES = os.path.join(ROOT, "issues")
# the body face as the build finds it (make setup unpacks it under .cache/fonts)
FONT = str(find_fonts(Path(ROOT), {"mincho": ["BIZUDMincho-Regular.ttf"]})[0]["mincho"].path)
SIZE = 9.0
MEASURE = 22 * SIZE
TARGET_CHARS = 20_000


class TTMetrics:
    """Metrics from reportlab's TTFont (as the PDF layer does it)."""

    def __init__(self, face) -> None:
        self.widths = face.charWidths
        self.default = face.defaultWidth

    def advance(self, font: str, ch: str) -> float:
        return self.widths.get(ord(ch), self.default)


def paragraphs() -> list[str]:
    """Running-text lines of the sample issues (body blocks), repeated to TARGET_CHARS."""
    paras = []
    for name in sorted(os.listdir(ISSUES)):
        path = os.path.join(ISSUES, name, "issue.yaml")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                t = line.strip()
                if len(t) < 20 or t.startswith("#") or ":" in t[:12]:
                    continue  # keys, comments and short values: not running text
                paras.append(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t))
    out, total = [], 0
    while total < TARGET_CHARS:
        for p in paras:
            out.append(p)
            total += len(p)
            if total >= TARGET_CHARS:
                break
    return out


def bench_jtext(paras, metrics, repeat=5) -> tuple[float, float, int]:
    """(first pass, best pass, lines): the composer keeps per-character facts (classes,
    widths, glue) once seen, so the first pass over new text is the slower one."""
    style = Style("mincho", SIZE)
    settings = Settings()
    times = []
    nlines = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        nlines = 0
        for p in paras:
            nlines += len(compose([Span(p, style)], MEASURE, metrics, settings))
        times.append(time.perf_counter() - t0)
    return times[0], min(times), nlines


def bench_reportlab(paras, repeat=3) -> tuple[float, int]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("jp", fontName="BIZUDMincho", fontSize=SIZE, leading=SIZE * 1.7,
                           wordWrap="CJK")
    best = float("inf")
    nlines = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        nlines = 0
        for p in paras:
            para = Paragraph(escape(p), style)
            para.wrap(MEASURE, 1e9)
            nlines += len(para.blPara.lines)
        best = min(best, time.perf_counter() - t0)
    return best, nlines


def main() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont("BIZUDMincho", FONT)
    pdfmetrics.registerFont(font)
    metrics = TTMetrics(font.face)
    paras = paragraphs()
    nchars = sum(len(p) for p in paras)
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        cProfile.runctx("bench_jtext(paras, metrics, 1)", globals(), locals(), "/tmp/jtext.prof")
        pstats.Stats("/tmp/jtext.prof").sort_stats("tottime").print_stats(15)
        return
    first, t_j, lines_j = bench_jtext(paras, metrics)
    t_r, lines_r = bench_reportlab(paras)
    print(f"text: {len(paras)} paragraphs, {nchars} characters, measure {MEASURE:.0f} pt")
    print(f"jtext.compose, first pass:  {nchars / first:12,.0f} chars/s  ({lines_j} lines)")
    print(f"jtext.compose, warm:        {nchars / t_j:12,.0f} chars/s")
    print(f"reportlab Paragraph(CJK):   {nchars / t_r:12,.0f} chars/s  ({lines_r} lines)")
    print(f"jtext time / reportlab time: first pass {first / t_r:.2f}, warm {t_j / t_r:.2f}")


if __name__ == "__main__":
    main()
