"""Issue 11: finished paragraphs (no last line under three characters where 追い込み or
追い出し avoids it), no letter-spaced lines (no gap over ¼ em between two kana/kanji where a
break avoids it; marked where nothing does), names kept whole outside running text."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from express.jtext import Settings, Span, compose
from express.jtext import classes as C
from express.jtext.breaking import OK, break_tiers

from .helpers import EM, STYLE, glyph_x, lay
from .invariants import check_lines
from .metrics import real_metrics


def jp_gaps(line) -> list[float]:
    """The gaps (em) between neighbouring kana/kanji of a line, from its glyph positions."""
    m = real_metrics()
    g = glyph_x(line)
    out = []
    for (a, xa), (b, xb) in pairwise(g):
        if C.char_class(a) in C.JAPANESE and C.char_class(b) in C.JAPANESE:
            out.append((xb - xa - m.advance(STYLE.font, a) * EM / 1000) / EM)
    return out


def glyphs(text: str) -> int:
    return len(text.replace(" ", ""))


# ------------------------------------------------------------------ short last lines
@pytest.mark.parametrize("text, em", [
    # 「た。」 alone: the lines before give up a character each (追い出し)
    ("今年も多くの方にご参加いただき、各地域の情報交換を行いました。", 10),
    # 2022-spring's committee text, whose last line was 「す。」 in its column
    ("インターネットの日常社会への浸透が進み、その利用形態も情報収集だけでなく、"
     "コミュニティへの参加、情報の発信など、幅を広げています。利用者からのサービスに対する"
     "要求も大きく、その課題に対して取り組み、利用者へもわかりやすく活用できるよう検討して"
     "います。", 24),
])
def test_no_short_last_line_where_a_move_avoids_it(text, em):
    lines = lay(text, em, indent_em=1.0)
    assert glyphs(lines[-1].text) >= 3, [ln.text for ln in lines]
    check_lines(lines, text, em * EM, real_metrics(), Settings(indent_em=1.0))
    for ln in lines[:-1]:
        assert max(jp_gaps(ln), default=0.0) <= 0.25 + 1e-6, ln.text


def test_a_short_last_line_is_pulled_up_by_reduction():
    """A last line that reduction can take into the line before (the ½ em after its commas
    and its line end) disappears: the paragraph loses a line (追い込み); where reduction
    cannot, a character moves down (追い出し)."""
    text = "かきくけこ、さしすせそ、たちつてと、なにぬねのです。"
    assert [ln.text for ln in lay(text, 24)] == [text]
    assert [ln.text for ln in lay(text, 23.5)] == ["かきくけこ、さしすせそ、たちつてと、なにぬねの",
                                                  "です。"]


# ------------------------------------------------------------------ spread lines
URL_TEXT = ("ご協賛いただいた楽天株式会社様、インターネット接続サービス"
            "安全・安心マーク推進協議会様、ご登壇・ご参加いただいた皆様に心より"
            "御礼申し上げます。過去の開催回の情報は "
            "https://www.jaipa.or.jp/topics/event/okinawa-ict/ をご覧ください。")


@pytest.mark.parametrize("em", [20, 24, 25, 26])
def test_the_line_before_an_address_is_not_letter_spaced(em):
    """2020-winter p. 4: the line before an address was spread 0.26–0.31 em between kana;
    the address breaks at its points and its letters take what the line lacks."""
    lines = lay(URL_TEXT, em, indent_em=1.0)
    for ln in lines[:-1]:
        assert max(jp_gaps(ln), default=0.0) <= 0.25 + 1e-6, ln.text
        assert ln.spread == 0.0


def test_an_unavoidable_spread_line_is_marked_with_its_place():
    """A word longer than the narrow column: the line before it cannot be filled by any break,
    so it is spread, and the line says where (for the build's warning)."""
    src = object()
    text = "詳細はSupercalifragilisticexpialidociousをご覧ください。"
    lines = compose([Span(text, STYLE, source=src)], 10 * EM, real_metrics(),
                    Settings(indent_em=0.0))
    first = lines[0]
    assert first.text == "詳細は" and first.spread > 0.25
    assert first.spread == pytest.approx(max(jp_gaps(first)))
    assert first.spread_at[0] is src and text[first.spread_at[1]] in "細は"
    assert all(ln.spread == 0.0 for ln in lines[1:])


# ------------------------------------------------------------------ names kept whole
NAME = "GMOグローバルサイン・ホールディングス株式会社"


def test_a_name_moves_to_the_next_line_whole():
    text = f"部会長　青山（{NAME}）"
    plain = lay(text, 26, align="left")
    assert not any(NAME in ln.text for ln in plain)  # broken inside without keep
    kept = lay(text, 26, align="left", keep=(NAME,))
    assert [NAME in ln.text for ln in kept].count(True) == 1, [ln.text for ln in kept]


def test_a_name_longer_than_the_line_breaks_between_its_words():
    name = "総務省 総合通信基盤局 電気通信事業部"
    lines = lay(name, 10, align="left", keep=(name,))
    assert [ln.text for ln in lines] == ["総務省", "総合通信基盤局", "電気通信事業部"]
    name = "リネネットワークコミュニケーションズ株式会社"
    lines = lay(name, 19, align="left", keep=(name,), phrase_breaks=True)
    assert [ln.text for ln in lines] == ["リネネットワークコミュニケーションズ", "株式会社"]


# ------------------------------------------------------------------ property
KANA = list("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよ"
            "らりるれろわをんアイウエオカキクケコサシスセソタチツテトナニヌネノ日本語文字組版協会情報通信技術者会員総会")
SMALL = list("ーっゃゅょッャュョ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(body="今年も多くの方にご参加いただき各地域の情報交換を行いまし", em=10.0, indent=1.0)
@given(
    body=st.lists(st.sampled_from(KANA * 3 + SMALL), min_size=4, max_size=160).map("".join),
    em=st.floats(min_value=5.0, max_value=40.0),
    indent=st.sampled_from([0.0, 1.0]),
)
def test_no_short_last_line_when_moving_the_line_ends_would_avoid_it(body, em, indent):
    """Random kana/kanji text ending in 。 at random measures keeps every invariant, marks
    every line spread past ¼ em, and keeps a last line under three characters only when
    no simple move avoids it: checked by an independent oracle from glyph widths (all 1 em
    here), which tries to end the line before the last earlier at each legal break, giving
    the moved characters to the last line, with the shortened line filled within JLREQ
    step c (¼ em between two kana/kanji)."""
    text = body + "。"
    stg = Settings(indent_em=indent)
    measure = em * EM
    lines = compose([Span(text, STYLE)], measure, real_metrics(), stg)
    check_lines(lines, text, measure, real_metrics(), stg)
    for ln in lines[:-1]:  # a line spread wider than ¼ em says so (the build warns)
        widest = max(jp_gaps(ln), default=0.0)
        assert ln.spread == (pytest.approx(widest) if widest > 0.25 + 1e-6 else 0.0), ln.text
    last = lines[-1].text
    if len(lines) < 2 or glyphs(last) >= 3:
        return
    prev = lines[-2].text
    start = len(text) - len(last) - len(prev)
    avail = measure - (indent * EM if len(lines) == 2 else 0.0)
    tiers = break_tiers(text, [C.char_class(ch) for ch in text], "strict")
    for d in range(3 - glyphs(last), len(prev) - 1):
        k = start + len(prev) - d  # the break moved back by d characters
        if tiers[k] != OK:
            continue
        kept = len(prev) - d
        # a shortened line of kana/kanji: kept em wide, and kept - 1 gaps of up to ¼ em
        if kept * EM <= avail <= kept * EM + (kept - 1) * EM / 4 + 1e-6:
            pytest.fail(f"{prev}|{last}: ending the line before at {text[k - 3:k]}| "
                        f"would leave {d + len(last)} characters on the last line")


@pytest.mark.parametrize("em", [4.0, 4.04, 4.5, 4.9])
def test_a_kana_before_an_overlong_word_keeps_it_company(em):
    """At a narrow measure 「と」 between two quoted Latin words, the second longer than the
    line, shares its line with the start of that word (broken, as it must be) rather than
    standing alone on a line that cannot be justified (the name tiers once stopped the search
    for a break inside the word at the lone glyph)."""
    text = "“quoted”と‘single’。中点・コロン"
    lines = lay(text, em, phrase_breaks=True)
    for ln in lines[:-1]:
        assert glyphs(ln.text) > 1, [x.text for x in lines]
        assert ln.width == pytest.approx(em * EM, abs=0.01), (ln.text, [x.text for x in lines])
