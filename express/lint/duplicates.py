"""Rows repeated in a table (the printed 意見書 list repeats six of its rows), and officers
listed twice or with two companies."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from express.diagnostics import Diagnostics
from express.model.articles import Calendar, Officers, Opinions, Person, Providers
from express.model.derive import name_key
from express.model.issue import Issue


def repeated_items(issue: Issue, diags: Diagnostics) -> None:
    for article in issue.articles:
        if isinstance(article, Opinions):
            rows = [((o.date, name_key(o.title)), o, o.title) for o in article.items]
        elif isinstance(article, Calendar):
            rows = [((e.date, name_key(e.title)), e, e.title) for e in article.events]
        elif isinstance(article, Providers):
            rows = [((name_key(p.name), p.prefecture), p, p.name) for p in article.entries]
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


def _similar(a: object, b: object) -> bool:
    """Titles that differ by a typo or two (「…に対する意見を提出」/「…に対するを提出」)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def repeated_officers(issue: Issue, diags: Diagnostics, company_core: Callable[[str], str]
                      ) -> None:
    """The same person twice in one role, or with a different company in another role.

    Names compare without spaces and widths; companies by ``company_core`` (without their
    company-type form, so 株式会社ABC and （株）ABC are the same company here — the
    表記ゆれ check reports the differing forms).
    """
    for article in issue.articles:
        if not isinstance(article, Officers):
            continue
        companies: dict[str, Person] = {}
        for group in article.groups:
            seen: dict[str, int] = {}
            for person in group.members:
                key = name_key(person.name)
                if key in seen:
                    diags.warning(person.at("name"), "lint.duplicate_officer",
                                  name=person.name, role=group.role, other=seen[key])
                    continue
                seen[key] = person.at("name").line
                if not person.company:
                    continue
                first = companies.setdefault(key, person)
                if company_core(first.company) != company_core(person.company):
                    diags.warning(person.at("company"), "lint.officer_company_differs",
                                  name=person.name, company=person.company,
                                  other_company=first.company, other=first.at("company").line)
