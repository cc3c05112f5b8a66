"""Public API surface, natural_width, edge cases, purity of the package."""

import pathlib
import re

import pytest

from express.jtext import Line, Settings, Span, Style, compose, natural_width

from .helpers import STYLE
from .metrics import real_metrics, synthetic_metrics

PKG = pathlib.Path(__file__).resolve().parents[2] / "express" / "jtext"


def test_empty_input():
    assert compose([], 100, real_metrics()) == []
    assert compose([Span("", STYLE)], 100, real_metrics()) == []


def test_blank_line_from_double_newline():
    lines = compose([Span("あ\n\nい", STYLE)], 100, real_metrics())
    assert [ln.text for ln in lines] == ["あ", "", "い"]


def test_natural_width():
    m = real_metrics()
    assert natural_width([Span("あいう", STYLE)], m, Settings(indent_em=0)) == pytest.approx(30)
    assert natural_width([Span("「あ」", STYLE)], m, Settings(indent_em=0)) == pytest.approx(20)
    assert natural_width([Span("あ\nいうえ", STYLE)], m, Settings(indent_em=0)) == 30
    assert natural_width([Span("あいう", STYLE)], m) == pytest.approx(40)
    w = natural_width([Span("日本JAIPA", STYLE)], m, Settings(indent_em=0))
    lines = compose([Span("日本JAIPA", STYLE)], w, m, Settings(indent_em=0))
    assert len(lines) == 1


def test_settings_validation():
    with pytest.raises(ValueError):
        Settings(strictness="medium")
    with pytest.raises(ValueError):
        Settings(align="justified")
    with pytest.raises(ValueError):
        Settings(line_end_punct="drop")


def test_links_and_sources_carried():
    spans = [Span("詳細は", STYLE), Span("こちら", STYLE, link="https://x.jp/", source=("a", 3))]
    (line,) = compose(spans, 200, real_metrics())
    linked = [r for r in line.runs if r.link]
    assert "".join(r.text for r in linked) == "こちら"
    assert all(r.source == ("a", 3) for r in linked)
    assert isinstance(line, Line) and line.max_size == 10.0


def test_mixed_sizes_max_size():
    spans = [Span("大きい", Style("gothic-bold", 14.0)), Span("小さい", STYLE)]
    (line,) = compose(spans, 300, real_metrics())
    assert line.max_size == 14.0


def test_synthetic_metrics_work():
    lines = compose([Span("あいうえお、かきくけこ。", STYLE)], 50, synthetic_metrics())
    assert lines[0].text == "あいうえ"


def test_metrics_cached():
    m = synthetic_metrics()
    compose([Span("あいうえお" * 50, STYLE)], 50, m)
    assert m.calls <= 10


def test_package_is_pure():
    for path in PKG.glob("*.py"):
        src = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+reportlab", src, re.M), path
        assert "open(" not in src, path
