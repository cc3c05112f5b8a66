"""Rules 1–3: line-start/line-end prohibitions, strictness levels, inseparable sequences."""

import itertools

import pytest

from express.jtext import classes as C
from express.jtext.breaking import LAST_RESORT, OK, RUN, break_tiers, url_break_points

from .helpers import EM, lay, xs
from .metrics import real_metrics

START_FORBIDDEN = "」）』】〕］。、，．！？・：；ー々ゝぁぃゃっァッヶ〜‐"


@pytest.mark.parametrize("ch", list(START_FORBIDDEN))
@pytest.mark.parametrize("em", [3, 4, 5])
def test_never_starts_a_line(ch, em):
    text = "あ" * em + ch + "いうえおかきくけこ" * 2
    lines = lay(text, em)
    assert all(not ln.text.startswith(ch) for ln in lines[1:])
    assert "".join(ln.text for ln in lines) == text


@pytest.mark.parametrize("ch", list("「（『【〔［“"))
def test_opening_bracket_never_ends_a_line(ch):
    for em in (3, 4, 5, 6):
        text = "あ" * (em - 1) + ch + "いう" + "」えおかきくけこ"
        lines = lay(text, em)
        assert all(not ln.text.endswith(ch) for ln in lines[:-1])


def test_prefixed_abbreviation_stays_with_numeral():
    for em in range(3, 9):
        lines = lay("あああ￥3,000のかき", em)
        assert all(not ln.text.endswith("￥") for ln in lines)


@pytest.mark.parametrize("ch", ["ー", "ぁ", "ッ"])
def test_default_forbids_kana_relaxations_jlreq_strict_allows(ch):
    text = "ああああ" + ch + "いう"
    assert not any(ln.text.startswith(ch) for ln in lay(text, 4))
    assert lay(text, 4, strictness="jlreq_strict")[1].text.startswith(ch)
    assert lay(text, 4, strictness="loose")[1].text.startswith(ch)


def test_iteration_mark_levels():
    text = "ああああ々いう"
    assert not any(ln.text.startswith("々") for ln in lay(text, 4))
    assert not any(ln.text.startswith("々") for ln in lay(text, 4, strictness="very_strict"))
    assert lay(text, 4, strictness="jlreq_strict")[1].text.startswith("々")
    text2 = "ああああゝいう"
    assert not any(ln.text.startswith("ゝ") for ln in lay(text2, 4, strictness="loose"))
    assert lay(text2, 4, strictness="very_loose")[1].text.startswith("ゝ")


def test_loose_allows_middle_dot_and_hyphen_but_not_colon():
    assert lay("ああああ・いう", 4, strictness="loose")[1].text.startswith("・")
    assert lay("ああああ〜いう", 4, strictness="loose")[1].text.startswith("〜")
    assert not any(
        ln.text.startswith("：") for ln in lay("ああああ：いう", 4, strictness="loose")
    )
    assert lay("ああああ！いう", 4, strictness="very_loose")[1].text.startswith("！")
    assert not any(ln.text.startswith("！") for ln in lay("ああああ！いう", 4))


def test_closing_and_stops_forbidden_at_every_level():
    for level in ("very_strict", "strict", "jlreq_strict", "loose", "very_loose"):
        for ch in "」。、":
            lines = lay("ああああ" + ch + "いう", 4, strictness=level)
            assert not any(ln.text.startswith(ch) for ln in lines)


@pytest.mark.parametrize("seq", ["……", "‥‥", "——", "――"])
def test_leaders_not_split(seq):
    for em in range(3, 8):
        for pre in range(1, em + 1):
            text = "あ" * pre + seq + "いうえお"
            lines = lay(text, em)
            for a, b in itertools.pairwise(lines):
                assert not (a.text[-1:] == seq[0] and b.text[:1] == seq[1]), (em, pre)


def test_loose_may_split_ellipsis():
    tiers = break_tiers("あ……い", [C.char_class(c) for c in "あ……い"], "loose")
    assert tiers[2] == OK
    tiers = break_tiers("あ……い", [C.char_class(c) for c in "あ……い"], "strict")
    assert tiers[2] == LAST_RESORT


@pytest.mark.parametrize("token", ["12,000", "3.5", "3.14159", "JAIPA", "Software", "50%"])
def test_numbers_and_words_not_split(token):
    for em in range(4, 9):
        for pre in range(0, em):
            text = "あ" * pre + token + "です"
            lines = lay(text, em)
            assert any(token in ln.text for ln in lines), (em, pre, [ln.text for ln in lines])


def test_numeral_and_postfix_not_split():
    for em in range(3, 7):
        lines = lay("あ" * (em - 1) + "50％です", em)
        assert any("0％" in ln.text for ln in lines)


def test_overlong_word_emergency_break_without_hyphen():
    word = "internationalization"
    lines = lay(word + "です", 4)
    assert "".join(ln.text for ln in lines) == word + "です"
    assert all(ln.width <= 40.0 + 1e-6 for ln in lines)
    assert lines[0].emergency
    assert "-" not in "".join(ln.text for ln in lines)


def test_url_breaks_at_natural_points_only():
    url = "https://www.jaipa.or.jp/about/index.html?lang=ja&x=1"
    pts = {k for _s, _e, p in url_break_points(url) for k in p}
    for em in range(6, 20):
        lines = lay(url, em)
        pos = 0
        for ln in lines[:-1]:
            pos += len(ln.text)
            assert pos in pts, (em, ln.text)
            assert not ln.emergency
    assert url[pts and min(pts)] in "w/."


def test_email_breaks_after_at_or_dot():
    # after, not before: no line starts with a dot (a full stop, cl-06, at the line head)
    mail = "newsletter.editor@jaipa.or.jp"
    lines = lay(mail, 8)
    assert len(lines) > 1
    for ln in lines[:-1]:
        assert ln.text[-1] in "@.", ln.text


def test_forced_newline():
    lines = lay("〒102-0082\n東京都千代田区一番町", 20)
    assert [ln.text for ln in lines] == ["〒102-0082", "東京都千代田区一番町"]
    assert lines[0].forced and not lines[0].last and lines[1].last


def test_trailing_space_dropped_at_break():
    lines = lay("Open Source Software", 5)
    assert [ln.text for ln in lines] == ["Open", "Source", "Software"]


LONG_URL = (
    "長いURLの例：https://www.soumu.go.jp/main_sosiki/joho_tsusin/eng/presentation/pdf/"
    "very-long-file-name-for-the-test-2023-12-01-final-v2.pdf をご参照ください。メールは "
    "very.long.address.for-testing@subdomain.example.co.jp または info@jaipa.or.jp へ。"
)


def _widening(line) -> list[float]:
    """How much wider than natural each gap between two glyphs of ``line`` is set (pt)."""
    (alone,) = lay(line.text, 1000, align="left")
    got, nat = xs(line), xs(alone)
    return [(b - a) - (d - c) for a, b, c, d in zip(got, got[1:], nat, nat[1:], strict=False)]


@pytest.mark.parametrize("em", [12, 13.3, 14, 15, 16.7, 18, 20, 21, 22.5, 25, 28, 31, 37, 39])
def test_a_long_url_does_not_leave_loose_lines(em):
    """The trial's paragraph (「長 い URL の 例：」 was spread by ½ em a gap before a URL that
    could not break; mail addresses broke before a dot): justified at text measures, no
    gap is widened by more than ¼ em (JLREQ expansion steps a–c; kana/kanji gaps stop
    there) plus what is left when the next piece of the address does not fit (it breaks
    only at its natural points), spread over all the gaps of the line; no line starts
    with a dot or another of the address's punctuation."""
    m = real_metrics()
    piece = max(
        sum(m.advance("mincho", ch) for ch in LONG_URL[a:b]) / 100
        for start, end, pts in url_break_points(LONG_URL)
        for a, b in zip([start, *pts], [*pts, end], strict=True)
    )
    assert piece == pytest.approx(65)  # presentation/
    lines = lay(LONG_URL, em, indent_em=1.0)
    for line in lines[:-1]:
        gaps = _widening(line)
        bound = EM / 4 + piece / len(gaps)
        assert max(gaps) <= bound + 1e-6, (em, line.text, max(gaps) / EM, bound / EM)
    for line in lines[1:]:
        assert line.text[0] not in ".-_@/:", (em, line.text)


#: the trial's drawn-out exclamation (ー and small kana: JLREQ keeps them off the line head
#: at the strict levels) and a run of small kana in running text
KINSOKU_RUNS = ("「すごーーーーーーっ！」と叫んだ。",
                "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆぁっっっっっ"
                "よらりるれろ。")
NEVER_STARTS, NEVER_ENDS = "、。」）！？", "「（"


def _widest_loose_piece(text: str) -> float:
    """Width (pt) of the widest piece of ``text`` between two breaks the *loose* level
    allows (JLREQ App. C: ー and small kana may start a line; 」。 … may not)."""
    m = real_metrics()
    tiers = break_tiers(text, [C.char_class(ch) for ch in text], "loose")
    ks = [0, *(k for k in range(1, len(text)) if tiers[k] == OK), len(text)]
    return max(sum(m.advance("mincho", ch) for ch in text[a:b]) / 100
               for a, b in itertools.pairwise(ks))


@pytest.mark.parametrize("run", KINSOKU_RUNS, ids=["exclamation", "small-kana"])
@pytest.mark.parametrize("em", [20, 21, 22, 22.5, 23, 24, 25])
def test_a_long_kinsoku_run_does_not_leave_loose_lines(run, em):
    """The trial's repro (「漢 漢 漢 … 「す」 spread by about 3 em before a run of ー that could
    not start a line): justified at the default strict level, no gap of a line is widened
    by more than ¼ em (JLREQ expansion steps a–c) plus the widest piece the loose level
    cannot break, spread over the line's gaps; the run is broken at a ー or small kana
    instead, and no line starts with 、。」）！？ or ends with 「（ at any prefix length."""
    for p in range(26):
        text = "漢" * p + run
        piece = _widest_loose_piece(text)
        lines = lay(text, em)
        assert "".join(ln.text for ln in lines) == text
        for line in lines[:-1]:
            gaps = _widening(line)
            bound = EM / 4 + piece / len(gaps)
            assert max(gaps) <= bound + 1e-6, (em, p, line.text, max(gaps) / EM, bound / EM)
            assert line.text[-1] not in NEVER_ENDS, (em, p, line.text)
        for line in lines[1:]:
            assert line.text[0] not in NEVER_STARTS, (em, p, line.text)


@pytest.mark.parametrize("em", [3, 4, 5, 6, 7, 8, 10, 13, 17, 22])
def test_words_with_prolonged_sound_or_small_kana_are_not_broken(em):
    """A word's own ー and small kana come at most two in a row (コンピューター, ちょっと):
    at the strict level no line starts with one, however loose the line before."""
    text = "「コンピューター」。ちょっとしたキャッシュのチェックとショッピング、ウォーター。" * 3
    tiers = break_tiers(text, [C.char_class(ch) for ch in text], "strict")
    assert LAST_RESORT in tiers and all(t != RUN for t in tiers)
    for line in lay(text, em)[1:]:
        assert C.char_class(line.text[0]) not in (C.PROLONGED, C.SMALL_KANA), (em, line.text)


def test_run_breaks_where_loose_allows_them_only():
    text = "ごーーーっ！」「ーーー"
    tiers = break_tiers(text, [C.char_class(ch) for ch in text], "strict")
    assert tiers[1:5] == [RUN] * 4  # before each ー and the っ
    assert tiers[5] == tiers[6] == LAST_RESORT  # ！ and 」 never start a line
    assert tiers[8] == LAST_RESORT  # 「 never ends one
    assert tiers[9:11] == [RUN, RUN]
    for level in ("jlreq_strict", "loose"):  # these allow ー and small kana anyway
        assert RUN not in break_tiers(text, [C.char_class(ch) for ch in text], level)


def test_forbidden_break_at_the_end_of_a_text_is_not_a_run():
    # a space after 「 makes the break at the very end forbidden too (hypothesis found it)
    text = "あーーー「「 "
    tiers = break_tiers(text, [C.char_class(ch) for ch in text], "strict")
    assert tiers[1:4] == [RUN] * 3 and tiers[-3:] == [LAST_RESORT] * 3
    assert "".join(ln.text for ln in lay(text, 3)) == text
