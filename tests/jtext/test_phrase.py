"""Rule 10: BudouX phrase breaks for headings."""

import budoux

from .helpers import lay

HEADING = "日本インターネットプロバイダー協会が新しいセキュリティ指針を発表しました"


def boundaries(text):
    pos, out = 0, set()
    for p in budoux.load_default_japanese_parser().parse(text):
        pos += len(p)
        out.add(pos)
    return out


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
