"""Rule 6: justification, push-in vs push-out, reduction/expansion order, indent, alignment."""

import pytest

from express.jtext.justify import fit

from .helpers import glyph_x, lay, xs

Z = [0.0, 0.0, 0.0]


def test_reduction_word_spaces_first():
    nat = [10 / 3, 5.0, 2.5]
    shr = ([10 / 3 - 2.5, 0, 0], [0, 0, 0], [0, 5.0, 0], [0, 0, 1.25])
    act, kept, ok = fit(nat, shr, (Z, Z, Z, Z), -0.5, 5.0, False, False)
    assert ok and kept == 5.0
    assert act == pytest.approx([10 / 3 - 0.5, 5.0, 2.5])


def test_reduction_line_end_all_or_nothing_then_expands_back():
    nat = [10 / 3, 5.0]
    shr = ([10 / 3 - 2.5, 0], [0, 0], [0, 5.0], [0, 0])
    st = ([5 - 10 / 3, 0], [0, 0], [0, 0], [1.0, 1.0])
    act, kept, ok = fit(nat, shr, st, -2.0, 5.0, False, False)
    assert ok and kept == 0.0
    # removing the whole ½ em overshoots by 3 pt, which is given back by expansion (word first)
    assert sum(act) + kept == pytest.approx(sum(nat) + 5.0 - 2.0)
    assert act[0] == pytest.approx(5 + (3 - 5 / 3) / 2)  # word space to ½ em, then even
    assert act[1] == pytest.approx(5 + (3 - 5 / 3) / 2)


def test_reduction_order_dot_then_bracket_then_jl():
    nat = [2.5, 5.0, 2.5]
    shr = ([0, 0, 0], [2.5, 0, 0], [0, 5.0, 0], [0, 0, 1.25])
    act, _kept, _ok = fit(nat, shr, (Z, Z, Z, Z), -3.0, 0.0, False, False)
    assert act == pytest.approx([0.0, 4.5, 2.5])
    act, _kept, _ok = fit(nat, shr, (Z, Z, Z, Z), -8.0, 0.0, False, False)
    assert act == pytest.approx([0.0, 0.0, 2.0])


def test_keep_mode_removes_line_end_glue_last():
    nat = [5.0]
    shr = ([0], [0], [5.0], [0])
    act, kept, ok = fit(nat, shr, ([0], [0], [0], [1]), -3.0, 5.0, False, True)
    assert ok and kept == 5.0 and act == pytest.approx([2.0])
    act, kept, ok = fit(nat, shr, ([0], [0], [0], [1]), -3.0, 5.0, False, False)
    assert ok and kept == 0.0 and act == pytest.approx([7.0])


def test_middle_dot_at_line_end_both_quarters_go_together():
    nat = [0.0, 2.5]
    shr = ([0, 0], [0, 2.5], [0, 0], [0, 0])
    act, kept, ok = fit(nat, shr, ([0, 0], [0, 0], [0, 0], [1, 0]), -5.0, 2.5, True, False)
    assert ok and kept == 0.0 and act == pytest.approx([0.0, 0.0])


def test_expansion_order():
    nat = [10 / 3, 2.5, 0.0, 5.0]
    st = ([5 - 10 / 3, 0, 0, 0], [0, 2.5, 0, 0], [0, 0, 2.5, 0], [1, 1, 1, 1])
    shr = ([0] * 4,) * 4
    act, _k, _ok = fit(nat, shr, st, 1.0, 0.0, False, False)
    assert act == pytest.approx([10 / 3 + 1, 2.5, 0, 5])
    act, _k, _ok = fit(nat, shr, st, 3.0, 0.0, False, False)
    assert act == pytest.approx([5, 2.5 + 3 - 5 / 3, 0, 5])
    act, _k, _ok = fit(nat, shr, st, 20.0, 0.0, False, False)
    extra = (20 - 5 / 3 - 2.5 - 2.5) / 4
    assert act == pytest.approx([5 + extra, 5 + extra, 2.5 + extra, 5 + extra])


def test_push_in_preferred_on_tie():
    # "あい、うえ。" natural 6 em, 1 em reducible -> pushed in to 5 em; push-out needs +1 em
    lines = lay("あい、うえ。か", 5)
    assert lines[0].text == "あい、うえ。"
    assert xs(lines[0]) == pytest.approx([0, 10, 20, 25, 35, 45])
    assert lines[0].width == pytest.approx(50)


def test_push_out_when_smaller():
    # pulling 」 in would need 1 em of reduction that is not there: push お out, expand by 1 em
    lines = lay("あいうえお」かき", 5)
    assert lines[0].text == "あいうえ"
    assert xs(lines[0]) == pytest.approx([0, 10 + 10 / 3, 20 + 20 / 3, 40])


def test_all_lines_but_last_flush():
    text = "「JAIPA」は、1999年に設立。会員数は約120社（2024年現在）です。" * 3
    for em in range(5, 30):
        lines = lay(text, em)
        for ln in lines[:-1]:
            assert ln.width == pytest.approx(em * 10, abs=0.1)
        assert lines[-1].last and lines[-1].width <= em * 10 + 0.1


def test_last_line_flush_left_and_alignments():
    (line,) = lay("あいう", 10)
    assert xs(line)[0] == 0 and line.width == pytest.approx(30)
    (line,) = lay("あいう", 10, align="center")
    assert xs(line)[0] == pytest.approx(35)
    (line,) = lay("あいう", 10, align="right")
    assert xs(line)[0] == pytest.approx(70) and line.width == pytest.approx(100)
    lines = lay("あいうえおかきくけこさ", 4, align="center")
    assert all(ln.width <= 40.001 for ln in lines)


def test_first_line_indent():
    lines = lay("あいうえおかきくけこ", 5, indent_em=1.0)
    assert xs(lines[0])[0] == pytest.approx(10) and lines[0].text == "あいうえ"
    assert xs(lines[1])[0] == pytest.approx(0)


def test_paragraph_starting_with_bracket_style_1():
    (line, *_rest) = lay("「あいう」と言った。", 20, indent_em=1.0)
    # glyph drawn at ½ em so that the bracket's ink starts at 1 em (its ½ em glue dropped)
    assert glyph_x(line)[0] == ("「", pytest.approx(5.0))
    assert glyph_x(line)[1][1] == pytest.approx(15.0)


def test_wrapped_line_starting_with_bracket_is_tentsuki():
    lines = lay("あいうえ「かきく」", 4)
    assert lines[1].text.startswith("「")
    assert glyph_x(lines[1])[0][1] == pytest.approx(-5.0)  # ink at 0
    assert glyph_x(lines[1])[1][1] == pytest.approx(5.0)


def test_hanging_punctuation():
    lines = lay("あいう、えおか", 3, hanging=True)
    assert lines[0].text == "あいう、"
    assert glyph_x(lines[0])[-1] == ("、", pytest.approx(30.0))
    assert lines[0].width == pytest.approx(30)
    lines = lay("あいう、えおか", 3)
    assert all(ln.width <= 30.001 for ln in lines)
    assert lines[0].text != "あいう、"


def test_never_protrudes_without_hanging():
    lines = lay("あいう。えおか", 3)
    for ln in lines:
        for ch, x in glyph_x(ln):
            right = x + (5 if ch in "。、」" else 10)
            assert right <= 30.001


def test_ideographic_space_after_exclamation_dropped_at_line_end():
    # あいうえおかきく！ fills 9 em; the U+3000 after ！ would be a blank em at the line end
    lines = lay("あいうえおかきく！\u3000明日は雨", 9)
    assert lines[0].text == "あいうえおかきく！"
    assert lines[0].width == pytest.approx(90)
    assert xs(lines[0])[-1] == pytest.approx(80)
    assert lines[1].text == "明日は雨"
    # it takes no room either: the line fits in 9 em although the text with it is 10 em
    lines = lay("あいうえおかきく？\u3000明日", 9)
    assert [ln.text for ln in lines] == ["あいうえおかきく？", "明日"]


def test_ideographic_space_after_exclamation_kept_mid_line():
    (line,) = lay("晴れ！\u3000明日", 10)
    assert line.text == "晴れ！\u3000明日"
    assert xs(line)[4] == pytest.approx(40)
