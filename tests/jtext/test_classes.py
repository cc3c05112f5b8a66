"""Character classes (JLREQ App. A), incl. full-width forms and characters beyond U+FFFF."""

import pytest

from express.jtext import classes as C

CASES = {
    "「": C.OPEN, "（": C.OPEN, "“": C.OPEN, "」": C.CLOSE, "）": C.CLOSE, "’": C.CLOSE,
    "‐": C.HYPHEN, "〜": C.HYPHEN, "～": C.HYPHEN, "！": C.DIVIDING, "？": C.DIVIDING,
    "‼": C.DIVIDING, "・": C.MIDDLE_DOT, "：": C.MIDDLE_DOT, "；": C.MIDDLE_DOT,
    "。": C.FULL_STOP, "．": C.FULL_STOP, "、": C.COMMA, "，": C.COMMA,
    "…": C.INSEPARABLE, "‥": C.INSEPARABLE, "—": C.INSEPARABLE, "々": C.ITERATION,
    "ゝ": C.ITERATION, "ー": C.PROLONGED, "ぁ": C.SMALL_KANA, "ッ": C.SMALL_KANA,
    "ヶ": C.SMALL_KANA, "ㇰ": C.SMALL_KANA, "￥": C.PREFIX, "＄": C.PREFIX, "％": C.POSTFIX,
    "℃": C.POSTFIX, "\u3000": C.IDEO_SPACE, "あ": C.HIRAGANA, "ア": C.KATAKANA,
    "＝": C.MATH_REL, "＋": C.MATH_OP, "漢": C.IDEOGRAPHIC, "〇": C.IDEOGRAPHIC,
    "𠮷": C.IDEOGRAPHIC, "㐂": C.IDEOGRAPHIC, "０": C.IDEOGRAPHIC, "Ａ": C.IDEOGRAPHIC,
    "1": C.NUMERAL, "a": C.WESTERN, "é": C.WESTERN, " ": C.WORD_SPACE, "(": C.LAT_OPEN,
    ")": C.LAT_CLOSE, ".": C.LAT_FULL_STOP, ",": C.LAT_COMMA, "/": C.LAT_SOLIDUS,
    "／": C.SOLIDUS, "〒": C.PREFIX, "-": C.LAT_OTHER,
    "\u309a": C.COMBINING, "\ufe00": C.COMBINING,
}


@pytest.mark.parametrize("ch,cls", CASES.items())
def test_class(ch, cls):
    assert C.char_class(ch) == cls


def test_fullwidth_forms_take_base_class():
    assert C.char_class("！") == C.DIVIDING
    assert C.char_class("［") == C.OPEN
    assert C.char_class("｝") == C.CLOSE
    assert C.char_class("ｚ") == C.IDEOGRAPHIC
