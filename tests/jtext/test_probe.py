"""The probe passage composed across a few hundred measures, all invariants checked."""

from __future__ import annotations

import pytest

from express.jtext import Settings, Span, Style, compose

from .invariants import check_lines
from .probe_text import PROBE

STYLE = Style("mincho", 9.0)
MEASURES = [9.0 * em for em in range(3, 41)] + [9.0 * em + d for em in range(4, 40, 3)
                                                for d in (0.7, 2.25, 4.5, 6.1)]


@pytest.mark.parametrize("level", ["strict", "jlreq_strict", "loose", "very_loose"])
def test_probe_all_measures(metrics, level):
    settings = Settings(strictness=level)
    checked = 0
    for measure in MEASURES:
        lines = compose([Span(PROBE, STYLE)], measure, metrics, settings)
        checked += check_lines(lines, PROBE, measure, metrics, settings)
    assert checked > 1000


@pytest.mark.parametrize(
    "settings",
    [
        Settings(hanging=True),
        Settings(line_end_punct="keep"),
        Settings(line_end_punct="solid"),
        Settings(jl_space=0.125, indent_em=0),
        Settings(align="left", indent_em=0),
        Settings(align="center", indent_em=0),
        Settings(align="right", indent_em=0),
    ],
    ids=["hanging", "keep", "solid", "jl8", "left", "center", "right"],
)
def test_probe_settings(metrics, settings):
    for measure in MEASURES[::3]:
        lines = compose([Span(PROBE, STYLE)], measure, metrics, settings)
        check_lines(lines, PROBE, measure, metrics, settings)


def test_probe_mixed_fonts_and_sizes(metrics):
    spans = [
        Span(PROBE[:80], Style("mincho", 9.0)),
        Span(PROBE[80:160], Style("gothic-bold", 9.0), link="https://example.org/"),
        Span(PROBE[160:], Style("gothic", 10.5), source=("issue.yaml", 12)),
    ]
    for measure in MEASURES[::2]:
        lines = compose(spans, measure, metrics)
        check_lines(lines, PROBE, measure, metrics, Settings(), allow_overflow_chars=False)
        for line in lines:
            for run in line.runs:
                if run.style.font == "gothic-bold":
                    assert run.link == "https://example.org/"
                if run.style.font == "gothic":
                    assert run.source == ("issue.yaml", 12)
