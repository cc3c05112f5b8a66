"""Rows repeated in a table (the printed 意見書 list repeats six of its rows)."""

from __future__ import annotations

import difflib

from express.diagnostics import Diagnostics
from express.model.articles import Calendar, Opinions, Providers
from express.model.derive import person_key
from express.model.issue import Issue


def repeated_items(issue: Issue, diags: Diagnostics) -> None:
    for article in issue.articles:
        if isinstance(article, Opinions):
            rows = [((o.date, _norm(o.title)), o, o.title) for o in article.items]
        elif isinstance(article, Calendar):
            rows = [((e.date, _norm(e.title)), e, e.title) for e in article.events]
        elif isinstance(article, Providers):
            rows = [((_norm(p.name), p.prefecture), p, p.name) for p in article.entries]
        else:
            continue
        first: dict[tuple, int] = {}
        for key, item, title in rows:
            if key in first:
                diags.warning(item.pos, "lint.duplicate_item", other=first[key], title=title)
                continue
            similar = next((line for k, line in first.items() if k[0] == key[0]
                            and _similar(k[1], key[1])), None)
            if similar is not None:
                diags.warning(item.pos, "lint.near_duplicate_item", other=similar, title=title)
            first[key] = item.pos.line


def _norm(text: str) -> str:
    return person_key(text)


def _similar(a: object, b: object) -> bool:
    """Titles that differ by a typo or two (「…に対する意見を提出」/「…に対するを提出」)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9
