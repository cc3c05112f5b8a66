"""Rule 9: group ruby."""

import pytest

from express.jtext import Settings, Span, Style, compose

from .helpers import STYLE, glyph_x
from .metrics import real_metrics


def lay_spans(spans, em, **kw):
    kw.setdefault("indent_em", 0.0)
    return compose(spans, em * 10, real_metrics(), Settings(**kw))


def test_ruby_narrower_than_base_is_spread_1_2_1():
    (line,) = lay_spans([Span("漢字", STYLE, ruby="かんじ")], 10, align="left")
    assert line.has_ruby
    (r,) = line.rubies
    assert r.text == "かんじ" and r.style == Style("mincho", 5.0)
    assert r.char_space == pytest.approx(5 / 3)
    assert r.x == pytest.approx(5 / 6)
    assert line.max_size == 10.0  # ruby does not change the line's size


def test_ruby_wider_than_base_spreads_base():
    spans = [Span("は", STYLE), Span("字", STYLE, ruby="じじじじ"), Span("です", STYLE)]
    (line,) = lay_spans(spans, 10, align="left")
    pos = glyph_x(line)
    assert pos[1] == ("字", pytest.approx(15.0))
    assert pos[2] == ("で", pytest.approx(30.0))
    assert line.rubies[0].x == pytest.approx(10.0)


def test_ruby_group_at_line_head_starts_at_the_edge():
    # the base padding on the line-head side is dropped; the ruby is aligned with the head
    spans = [Span("字", STYLE, ruby="じじじじ"), Span("です", STYLE)]
    (line,) = lay_spans(spans, 10, align="left")
    pos = glyph_x(line)
    assert pos[0] == ("字", pytest.approx(0.0))
    assert pos[1] == ("で", pytest.approx(15.0))
    assert line.rubies[0].x == pytest.approx(0.0)


def test_ruby_group_at_line_end_of_justified_line_ends_at_the_edge():
    spans = [Span("あいうえおかきくけ", STYLE), Span("誹謗", STYLE, ruby="ひぼうひぼう"),
             Span("中傷です。", STYLE)]
    for em in range(4, 14):
        lines = lay_spans(spans, em)
        for line in lines:
            if line.last or not line.rubies:
                continue
            pos = glyph_x(line)
            (r,) = line.rubies
            if line.text.startswith("誹"):
                assert pos[0][1] == pytest.approx(0.0) and r.x == pytest.approx(0.0)
            if line.text.endswith("謗"):
                assert pos[-1][1] + 10 == pytest.approx(em * 10)
                assert r.x + 6 * 5 == pytest.approx(em * 10)


def test_ruby_group_never_broken():
    spans = [Span("あいう", STYLE), Span("情報通信", STYLE, ruby="じょうほうつうしん"),
             Span("です", STYLE)]
    for em in range(4, 10):
        lines = lay_spans(spans, em)
        assert any("情報通信" in ln.text for ln in lines), em
        assert sum(len(ln.rubies) for ln in lines) == 1


def test_ruby_x_follows_justification():
    spans = [Span("あいうえおかき", STYLE), Span("漢字", STYLE, ruby="かんじ"),
             Span("くけこ」さしすせそ", STYLE)]
    for em in range(5, 12):
        for line in lay_spans(spans, em):
            for r in line.rubies:
                pos = dict(glyph_x(line))
                assert pos["漢"] - 5 <= r.x <= pos["字"] + 10
