"""Rule 10: BudouX phrase breaks for headings."""

import budoux

from express.jtext.breaking import phrase_starts

from .helpers import lay
from .probe_text import PROBE

HEADING = "日本インターネットプロバイダー協会が新しいセキュリティ指針を発表しました"


def boundaries(text):
    pos, out = 0, set()
    for p in budoux.load_default_japanese_parser().parse(text):
        pos += len(p)
        out.add(pos)
    return out


def test_phrase_starts_are_budoux_phrase_boundaries():
    """The composer's one-position reading of BudouX's model decides as its parser does,
    for whole texts and for windows of a text (features reaching outside are left out),
    at the edges of a window too."""
    starts = phrase_starts()
    texts = [HEADING, PROBE, *COMMITTEES, "あ", "日本", "abc", "会員\0企業"]
    for text in texts:
        for lo in range(0, len(text), 7):
            for hi in {min(len(text), lo + w) for w in (2, 3, 4, 5, 6, 11, 40, 200)}:
                window = text[lo:hi]
                assert {k for k in range(lo + 1, hi) if starts(text, k, lo, hi)} == {
                    lo + b for b in boundaries(window) if b < len(window)}, window


def test_breaks_only_at_phrase_boundaries():
    bounds = boundaries(HEADING)
    longest = max(b - a for a, b in zip([0, *sorted(bounds)], sorted(bounds), strict=False))
    for em in range(longest, 40):
        lines = lay(HEADING, em, phrase_breaks=True, align="left")
        pos = 0
        for ln in lines[:-1]:
            pos += len(ln.text)
            assert pos in bounds, (em, ln.text)
        assert all(ln.width <= em * 10 + 0.01 for ln in lines)


def test_falls_back_when_phrase_too_wide():
    lines = lay(HEADING, 5, phrase_breaks=True, align="left")
    assert "".join(ln.text for ln in lines) == HEADING
    assert all(ln.width <= 50.01 for ln in lines)
    assert all(not ln.text.startswith(("ー", "ッ")) for ln in lines)


def test_phrase_mode_still_justifies_when_asked():
    lines = lay(HEADING, 12, phrase_breaks=True)
    for ln in lines[:-1]:
        assert abs(ln.width - 120) < 0.1


# ------------------------------------------------------------------ words inside a phrase
COMMITTEES = (
    "ゲーム・エンタメNW接続性課題検討ワーキンググループ",
    "コンテンツ・CDNトラフィックワーキンググループ",
)


def test_a_phrase_too_long_breaks_where_the_script_changes():
    """BudouX keeps each committee name as one phrase; wider than the measure, it breaks
    between the words of the compound (NW|接続性, 検討|ワーキング), not inside a word."""
    for em in (17, 22):
        lines = lay(COMMITTEES[0], em, phrase_breaks=True, align="left")
        assert len(lines) == 2
        assert lines[0].text[-1] in "Wト" or lines[0].text.endswith("検討"), lines[0].text
    lines = lay(COMMITTEES[1], 22, phrase_breaks=True, align="left")
    assert [ln.text for ln in lines] == ["コンテンツ・CDN", "トラフィックワーキンググループ"]


def test_balanced_lines_leave_no_short_last_line():
    """Greedy filling leaves 「プ」 or 「ループ」 alone; balanced, the same number of lines
    break at word boundaries with lines of similar length."""
    for text in COMMITTEES:
        for em in range(12, 27):
            greedy = lay(text, em, phrase_breaks=True, align="left")
            lines = lay(text, em, phrase_breaks=True, align="left", balance=True)
            assert "".join(ln.text for ln in lines) == text
            assert len(lines) <= len(greedy)
            assert all(ln.width <= em * 10 + 0.01 for ln in lines)
            if len(lines) > 1:
                assert min(len(ln.text) for ln in lines) > 2, (em, [ln.text for ln in lines])
    lines = lay(COMMITTEES[0], 20, phrase_breaks=True, align="left", balance=True)
    a, b = (ln.width for ln in lines)
    assert abs(a - b) < 0.5 * max(a, b)


def test_balance_keeps_phrase_boundaries_first():
    """Where every phrase fits the measure, balanced lines still break only between
    phrases."""
    bounds = boundaries(HEADING)
    longest = max(b - a for a, b in zip([0, *sorted(bounds)], sorted(bounds), strict=False))
    for em in range(longest, 40):
        lines = lay(HEADING, em, phrase_breaks=True, align="left", balance=True)
        greedy = lay(HEADING, em, phrase_breaks=True, align="left")
        assert len(lines) <= len(greedy)
        pos = 0
        for ln in lines[:-1]:
            pos += len(ln.text)
            assert pos in bounds, (em, ln.text)


def test_balance_leaves_justified_text_alone():
    assert [ln.text for ln in lay(HEADING, 12, phrase_breaks=True, balance=True)] == [
        ln.text for ln in lay(HEADING, 12, phrase_breaks=True)
    ]
