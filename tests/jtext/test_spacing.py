"""Rules 4–5: punctuation as ½ em ink + glue (Table 1), compression, Japanese–Latin space."""

from itertools import pairwise

import pytest

from .helpers import glyph_x, lay


def gx(text, **kw):
    kw.setdefault("align", "left")
    (line,) = lay(text, 40, **kw)
    return glyph_x(line)


@pytest.mark.parametrize(
    "text,expected",
    [
        # 「 is a ½ em box after ½ em glue; its glyph is drawn ½ em left of the box
        ("あ「い」う", [0, 10, 20, 30, 40]),
        ("あ」「い", [0, 10, 15, 25]),  # 」「 : ½ em total
        ("あ。」い", [0, 10, 15, 25]),  # 。」 solid, then ½ after 」
        ("あ、「い", [0, 10, 15, 25]),  # 、「 : ½ em total
        ("あ）（い", [0, 10, 15, 25]),
        ("あ」」い", [0, 10, 15, 25]),  # 」」 solid
        ("あ「「い", [0, 10, 15, 25]),  # 「「 solid
        ("あ。い", [0, 10, 20]),  # 。 = ½ glyph + ½ glue
        ("あ・い", [0, 10, 20]),  # ・ = ¼ + ½ + ¼
        ("あ」・い", [0, 10, 15, 25]),  # 」・ = ¼ (the dot's)
        ("あ、・い", [0, 10, 20, 30]),  # 、・ = ½ + ¼ (dot glyph drawn ¼ em left)
        ("あ：い；う", [0, 10, 20, 30, 40]),
    ],
)
def test_punctuation_positions(text, expected):
    assert [x for _c, x in gx(text)] == pytest.approx(expected)


def test_japanese_latin_space():
    pos = dict(gx("日本JAIPA協会"))
    assert pos["J"] == pytest.approx(22.5)  # ¼ em after 本
    assert pos["協"] == pytest.approx(22.5 + 25 + 2.5)
    pos = dict(gx("日本JAIPA協会", jl_space=0.125))
    assert pos["J"] == pytest.approx(21.25)


def test_digits_take_jl_space():
    assert [x for _c, x in gx("第3回")] == pytest.approx([0, 12.5, 20])


def test_no_jl_space_next_to_japanese_punctuation():
    assert [x for _c, x in gx("（JAIPA）")] == pytest.approx([-5, 5, 10, 15, 20, 25, 30])


def _gaps(text: str) -> list[float]:
    """The blank between each glyph's advance end and the next glyph (pt, 1 em = 10)."""
    from .metrics import real_metrics

    m = real_metrics()
    g = gx(text)
    return [x1 - x0 - m.advance("mincho", c0) / 100
            for (c0, x0), (_c1, x1) in pairwise(g)]


@pytest.mark.parametrize(
    "text,spaced",
    [
        # proportional punctuation is cl-27: ¼ em on its outer side next to kana/kanji
        ("と(ABC)と", {0, 5}),
        ("1.5%日本", {3}),
        ("価格は$5です", {2, 4}),
        ("Ltd.の", {3}),
        # but none inside brackets, before what closes or ends (JLREQ §3.1.11)
        ("(日本)", set()),
        ("日本,ABC", set()),
        ("日本.", set()),
        ("日本!", set()),
    ],
)
def test_jl_space_around_proportional_punctuation(text, spaced):
    gaps = _gaps(text)
    got = {i for i, g in enumerate(gaps) if g > 0.1}
    assert got == spaced, gaps
    for i in spaced:
        assert gaps[i] == pytest.approx(2.5)


def test_word_space_is_a_third_em():
    pos = [x for _c, x in gx("Open Source")]
    assert pos[5] - pos[3] == pytest.approx(5 + 10 / 3, abs=1e-3)


def test_no_jl_space_at_line_edges():
    lines = lay("あいうえおJAIPAかきくけこ", 5)
    assert lines[1].text.startswith("JAIPA")
    assert glyph_x(lines[1])[0][1] == pytest.approx(0)
    assert lines[0].width == pytest.approx(50)


def test_line_end_half_em_after_comma_kept_or_dropped():
    # "あいう、" + "えお": natural 3 + ½ + ½ = 4 em fits exactly with the ½ em kept
    (l1, _l2) = lay("あいう、えお", 4)
    assert l1.text == "あいう、" and [r.char_space for r in l1.runs] == [0.0]
    assert l1.width == pytest.approx(40)
    # solid: the ½ em is never there, so the line is expanded instead
    (l1, _l2) = lay("あいう、えお", 4, line_end_punct="solid")
    assert l1.text == "あいう、"
    assert glyph_x(l1)[-1][1] == pytest.approx(35)


def test_mid_line_full_stop_glue_never_reduced():
    # a line that must shrink keeps the ½ em after a mid-line 。 and drops the comma's
    lines = lay("あ。い、うえお」か", 6)
    pos = dict(glyph_x(lines[0]))
    assert pos["い"] - pos["。"] == pytest.approx(10)


@pytest.mark.parametrize(
    "text",
    [
        "〒151-0053",  # the postal mark is set solid to its code
        "abuse/セキュリティ",  # a solidus joins, it is no word's end
        "日本/ABC",
        "ICT／IoT",  # the full-width solidus too
        "総務省／経済産業省",
    ],
)
def test_no_jl_space_after_postal_mark_or_around_solidi(text):
    assert _gaps(text) == pytest.approx([0.0] * (len(text) - 1))


def test_postal_mark_never_ends_a_line():
    lines = lay("あいうえお〒1510053", 6)
    assert lines[0].text == "あいうえお" and lines[1].text.startswith("〒")


def _justified_first_line(**kw) -> dict[str, float]:
    # 日本 + ¼ + JAIPAs + ¼ + 協会の会 leaves half an em of a 10-em line to fill
    lines = lay("日本JAIPAs協会の会員の皆さまへ", 10, **kw)
    assert lines[0].text == "日本JAIPAs協会の会" and lines[0].width == pytest.approx(100)
    return dict(glyph_x(lines[0]))


def test_jl_space_widened_by_justification_up_to_jl_max():
    pos = _justified_first_line()  # JLREQ §3.8.4 b: the 和欧間 first, up to ½ em
    assert pos["J"] - pos["本"] - 10 == pytest.approx(5)
    pos = _justified_first_line(jl_max=0.25)  # kept fixed: the kana and kanji take it
    assert pos["J"] - pos["本"] - 10 == pytest.approx(2.5)
    assert pos["会"] - pos["協"] - 10 > 0.5
