"""表記ゆれ: one word or company written in different forms within one issue.

Three kinds of form are compared: the word groups of the rules file (サーバー / サーバ), the
width of Latin letters and digits (ＪＡＩＰＡ / JAIPA, built in), and how a company's type
is written (株式会社ABC / ABC（株）).  The form used most often in the issue is taken as
the house form (on a tie, half-width Latin and digits, else the one written first); every
other form is reported where it stands, with the house form to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from express.diagnostics import Diagnostics
from express.lint.links import address_spans
from express.lint.rules import Rules
from express.model.issue import Issue
from express.model.source import Pos
from express.model.walk import ADDRESS_FIELDS, Piece, pieces

# Keys holding proper names, written as their owners write them.
NAME_FIELDS = frozenset({"name", "company", "affiliation", "sponsors", "organizer", "venue",
                         "address", "publisher"})
# a word of Latin letters or digits; a number keeps its separators (１，２３４ is one word,
# compared with 1,234 as a whole, not as １ and ２３４)
_WIDTH_WORD = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[,，.．][0-9０-９]+)*")
# Characters a company's name is made of around its type form (no hiragana: in running
# text the name ends at a particle; names from data fields are taken whole).
_NAME_CHAR = r"A-Za-z0-9Ａ-Ｚａ-ｚ０-９\u30A0-\u30FF\u4E00-\u9FFF々・&＆.\-"
_EDGE_CHAR = re.compile(r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\u30A0-\u30FF・]")

Found = tuple[str, Pos | None]  # a form as written, and where


def inconsistent_forms(issue: Issue, diags: Diagnostics, rules: Rules) -> None:
    texts = pieces(issue)
    words = [p for p in texts if p.field not in ADDRESS_FIELDS]
    running = [p for p in words if p.field not in NAME_FIELDS]
    joined = "\n".join(p.text for p in running)
    for group in rules.variants:
        # a group is reported only where two of its forms are used: most rule groups
        # have no form in the issue at all, and a substring test rules them out cheaply
        if sum(form in joined for form in group) >= 2:
            _report(_find_forms(running, group), diags, "lint.variant_form")
    # two forms of one word differ in width only if one has a full-width character: only
    # the words written full-width somewhere are gathered
    wide = {unicodedata.normalize("NFKC", word)
            for word in _WIDTH_WORD.findall("\n".join(p.text for p in words))
            if not word.isascii()}
    by_width: dict[str, list[Found]] = {}
    for piece, start, word in _unquoted(words, _WIDTH_WORD, skip_addresses=True) if wide else ():
        key = unicodedata.normalize("NFKC", word)
        if key in wide:
            by_width.setdefault(key, []).append((word, piece.locate(start)))
    for found in by_width.values():  # on a tie, half-width (as JAIPA's own pages write them)
        _report(found, diags, "lint.variant_form",
                prefer=lambda form: unicodedata.normalize("NFKC", form) == form)
    for found in _company_forms(words, rules.company_types):
        _report(found, diags, "lint.company_form")


def _report(found: list[Found], diags: Diagnostics, code: str,
            prefer: Callable[[str], bool] = lambda _form: False) -> None:
    found = sorted(found, key=lambda f: (f[1].line, f[1].col) if f[1] else (1 << 30, 0))
    counts = Counter(form for form, _ in found)
    if len(counts) < 2:
        return
    # the most used form; on a tie a ``prefer``red one, else the one written first
    usual = max(counts, key=lambda form: (counts[form], prefer(form)))
    first = next(pos for form, pos in found if form == usual)
    for form, pos in found:
        if form != usual:
            diags.warning(pos, code, written=form, usual=usual, count=counts[usual],
                          line=first.line if first else "?")


def _find_forms(texts: list[Piece], group: tuple[str, ...]) -> list[Found]:
    alternatives = []
    for form in sorted(group, key=len, reverse=True):
        pattern = re.escape(form)
        if form[0].isascii() and form[0].isalpha():
            pattern = r"(?<![A-Za-z])" + pattern
        if form[-1].isascii() and form[-1].isalpha():
            pattern += r"(?![A-Za-z])"
        alternatives.append(pattern)
    regex = re.compile("|".join(alternatives))
    return [(word, piece.locate(start)) for piece, start, word in _unquoted(texts, regex)]


def _unquoted(texts: Iterable[Piece], regex: re.Pattern[str], *, skip_addresses: bool = False
              ) -> Iterator[tuple[Piece, int, str]]:
    """Matches of ``regex`` outside 「」 and 『』 quotations (and, with ``skip_addresses``,
    outside web and e-mail addresses, which the address check reads)."""
    for piece in texts:
        matches = list(regex.finditer(piece.text))
        if not matches:
            continue
        skip = _quoted_spans(piece.text)
        if skip_addresses:
            skip = (*skip, *address_spans(piece.text))
        for m in matches:
            if not any(lo <= m.start() < hi for lo, hi in skip):
                yield piece, m.start(), m.group(0)


@lru_cache(maxsize=8192)  # asked once per word group of the rules for every text
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    if "「" not in text and "『" not in text:
        return ()
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "「『":
            if depth == 0:
                start = i
            depth += 1
        elif ch in "」』" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return tuple(spans)


def _company_forms(texts: list[Piece], groups: tuple[tuple[str, ...], ...]
                   ) -> list[list[Found]]:
    """For each company named with a type form, every place it is so named, as written
    (株式会社ABC, ABC（株）: the side of the form matters too)."""
    forms = sorted({f for g in groups for f in g}, key=len, reverse=True)
    if not forms:
        return []
    alt = "|".join(map(re.escape, forms))
    form_at = re.compile(alt)
    texts = [p for p in texts if form_at.search(p.text)]  # the rest name no company type
    before = re.compile(rf"(?P<form>{alt})\s*(?P<core>[{_NAME_CHAR}]{{2,}})")
    after = re.compile(rf"(?P<core>[{_NAME_CHAR}]{{2,}}?)\s*(?P<form>{alt})")
    cores: set[str] = set()
    for piece in texts:
        whole = piece.text.strip()
        for form in forms:  # a data field holding exactly 「form + name」 or 「name + form」
            if whole.startswith(form) and len(whole) > len(form) + 1:
                cores.add(whole[len(form):].strip())
            elif whole.endswith(form) and len(whole) > len(form) + 1:
                cores.add(whole[:-len(form)].strip())
        for regex in (before, after):
            cores.update(m["core"] for m in regex.finditer(piece.text))
    cores.discard("")
    # the names by their first and their last character: a form is compared only with the
    # names that could stand right after it or right before it
    starting: dict[str, list[str]] = {}
    ending: dict[str, list[str]] = {}
    for core in sorted(cores):
        starting.setdefault(core[0], []).append(core)
        ending.setdefault(core[-1], []).append(core)
    found: dict[str, list[Found]] = {}
    for piece in texts:
        t = piece.text
        for m in form_at.finditer(t):
            for core, start, stop in _cores_beside(t, m.start(), m.end(), starting, ending):
                found.setdefault(core, []).append(
                    ("".join(t[start:stop].split()), piece.locate(start)))
    return list(found.values())


def _cores_beside(t: str, lo: int, hi: int, starting: dict[str, list[str]],
                  ending: dict[str, list[str]]) -> Iterator[tuple[str, int, int]]:
    """Each known company name right after or right before the form at ``t[lo:hi]``,
    with the span of form and name — the whole name, not the start or end of a longer
    one (NTT in NTTドコモ).  ``starting``/``ending``: the names by first/last character."""
    after = hi + len(t[hi:]) - len(t[hi:].lstrip())
    before = len(t[:lo].rstrip())
    for core in starting.get(t[after:after + 1], ()):
        end = after + len(core)
        if t.startswith(core, after) and not (end < len(t) and _EDGE_CHAR.match(t, end)):
            yield core, lo, end
    for core in ending.get(t[before - 1:before] if before else "", ()):
        start = before - len(core)
        if (start >= 0 and t.startswith(core, start)
                and not (start > 0 and _EDGE_CHAR.match(t, start - 1))):
            yield core, start, hi
