"""Rule 9: group ruby."""

from itertools import pairwise

import hypothesis
import pytest
from hypothesis import strategies as st

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
    # base and ruby are flush with the line head; the group keeps the ruby's width, its
    # base padding moved to the other side (0:2:1), so the ruby ends where the group does
    spans = [Span("字", STYLE, ruby="じじじじ"), Span("です", STYLE)]
    (line,) = lay_spans(spans, 10, align="left")
    pos = glyph_x(line)
    assert pos[0] == ("字", pytest.approx(0.0))
    assert pos[1] == ("で", pytest.approx(20.0))
    assert line.rubies[0].x == pytest.approx(0.0)
    # two base characters, ruby 3 em: 1 em of padding spread 0 : ⅔ : ⅓
    spans = [Span("東西", STYLE, ruby="とうざいとう"), Span("です", STYLE)]
    (line,) = lay_spans(spans, 10, align="left")
    assert [x for _c, x in glyph_x(line)] == pytest.approx([0, 10 + 20 / 3, 30, 40])


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


# --- rubies never overlap each other nor leave the measure -----------------------------

def ruby_extents(line, metrics) -> list[tuple[float, float, str]]:
    """(left, right, text) of every ruby of a line, in pt from the line's left edge."""
    out = []
    for r in line.rubies:
        advs = [metrics.advance(r.style.font, ch) * r.style.size / 1000 for ch in r.text]
        out.append((r.x, r.x + sum(advs) + r.char_space * (len(advs) - 1), r.text))
    return sorted(out)


def check_rubies(lines, measure, metrics, where=""):
    for line in lines:
        ext = ruby_extents(line, metrics)
        for (_l0, r0, t0), (l1, _r1, t1) in pairwise(ext):
            assert l1 >= r0 - 1e-6, f"{where}: {t0} runs into {t1} in {line.text!r}"
        for left, right, text in ext:
            assert left >= -1e-6 and right <= measure + 1e-6, (
                f"{where}: {text} at {left:.2f}..{right:.2f} leaves the measure {measure}"
                f" in {line.text!r}")


TRIAL = [  # the trial's texts (t12, t13, t14): groups at the line head, side by side
    "{東|ひがし}{西|にし}{南|みなみ}{北|きた}の{勅使河原|てしがわら}さん、{久米島|くめじま}と"
    "{与那国|よなぐに}。ご依頼を{承|うけたまわ}りました。{JPNIC|ジェーピーニック}と"
    "{IGF|インターネット・ガバナンス・フォーラム}の会合。",
    "日本の{東|ひがしにほんでんしんでんわかぶしきがいしゃ}と{西|にし}と{薔薇|ばら}と",
    "{DX|デジタルトランスフォーメーション}と{AI|エーアイ}。",
]


def ruby_spans(src: str, style: Style = STYLE) -> list[Span]:
    """``{base|ruby}`` marked text as spans."""
    import re

    out = []
    for m in re.finditer(r"\{([^|}]*)\|([^}]*)\}|([^{]+)", src):
        if m.group(3):
            out.append(Span(m.group(3), style))
        else:
            out.append(Span(m.group(1), style, ruby=m.group(2)))
    return out


@pytest.mark.parametrize("src", TRIAL)
@pytest.mark.parametrize("indent", [0.0, 1.0])
def test_trial_rubies_never_overlap_at_any_measure(src, indent):
    metrics = real_metrics()
    for lead in range(0, 24):  # every position of the groups on the line
        spans = ruby_spans("あ" * lead + src)
        for em in range(12, 41):
            for frac in (0.0, 0.37, 2.2, 5.9):
                measure = em * 10 + frac
                lines = compose(spans, measure, metrics, Settings(indent_em=indent))
                check_rubies(lines, measure, metrics, f"{lead} あ, {measure} pt")


_KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ"
_PLAIN = ["の", "と", "は", "です", "、", "。", "「", "」", "（", "）", "ISP", "情報", "会議"]
_BASES = ["東", "西", "薔薇", "勅使河原", "承", "IGF", "DX", "情報通信", "与那国"]


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    parts=st.lists(
        st.one_of(
            st.sampled_from(_PLAIN),
            st.tuples(st.sampled_from(_BASES),
                      st.text(alphabet=_KANA, min_size=1, max_size=40)),
        ),
        min_size=1, max_size=30,
    ),
    em=st.floats(min_value=5.0, max_value=40.0),
    indent=st.sampled_from([0.0, 1.0]),
    align=st.sampled_from(["justify", "justify", "left", "center", "right"]),
    hanging=st.booleans(),
)
def test_rubies_never_overlap_nor_leave_the_measure(parts, em, indent, align, hanging):
    """Random runs of ruby groups (side by side, at the line edges, rubies up to 20 em long,
    longer than the measure too) between plain words, at random measures: no ruby runs
    into another, none leaves the measure (a ruby longer than a line is set smaller)."""
    metrics = real_metrics()
    spans = [Span(p, STYLE) if isinstance(p, str) else Span(p[0], STYLE, ruby=p[1])
             for p in parts]
    measure = em * 10
    lines = compose(spans, measure, metrics,
                    Settings(indent_em=indent, align=align, hanging=hanging))
    check_rubies(lines, measure, metrics, f"{measure} pt")
    assert sum(len(ln.rubies) for ln in lines) == sum(1 for p in parts if not isinstance(p, str))


def test_ruby_base_ending_in_exclamation_and_ideographic_space_is_set_whole():
    # the U+3000 after ！ at a line end is dropped (JLREQ Table 2 n.4), but not out of a ruby
    # group's base: the group is set whole under its ruby (this raised IndexError)
    spans = [Span("』会！\u3000", STYLE, ruby="かあえかえおきおいいう")]
    for em in (9.095, 6, 12):
        lines = lay_spans(spans, em, strictness="strict", line_end_punct="keep")
        assert "".join(ln.text for ln in lines) == "』会！\u3000"
        (line,) = [ln for ln in lines if ln.has_ruby]
        assert line.rubies[0].text == "かあえかえおきおいいう"
