"""The names written in an issue that the layout keeps whole (JLREQ: no break inside a
proper noun where the line allows): a company, an affiliation and a position, a venue, an
organiser, a sponsor, a place, an officer's role, a person's or a committee's name.

Outside running text (table cells, headings, titles, captions, a report's facts) the
composer breaks such a name only when it is longer than the line, and then between its
words first (express/jtext/breaking.py, ``NAME``); running text breaks where JLREQ lets it.
"""

from __future__ import annotations

from express.model.walk import pieces

#: the keys whose values are names (issue format)
NAME_FIELDS = frozenset({"name", "company", "affiliation", "position", "venue", "organizer",
                         "sponsors", "place", "role"})


def names_in(*roots: object) -> tuple[str, ...]:
    """Every name written under ``roots`` (an issue, the publication), each once, in a
    stable order (the composer's settings are keyed on them)."""
    found = {p.text.strip() for root in roots for p in pieces(root)
             if p.field in NAME_FIELDS}
    return tuple(sorted(n for n in found if len(n) > 1))
