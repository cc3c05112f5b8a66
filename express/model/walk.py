"""Walking every piece of text an editor wrote in an issue, with a way to locate it.

Each piece also says which key it was written under (running text such as ``body`` and
``title`` differs from data such as ``url`` or a person's ``name``) and the date it is
about: the date of the nearest enclosing dated thing — a report's event, a programme day,
a calendar entry, an opinion — else the issue's date.  The weekday check reads a date
written without a year against that date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from express.model.body import Body, Inline, LineBreak
from express.model.source import Pos, Text

Locator = Callable[[int], Pos | None]

# Keys whose values are addresses, not words (checked by the loader and the link check).
ADDRESS_FIELDS = frozenset({"url", "archive_url", "email", "tel", "fax", "href"})


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    locate: Locator
    field: str  # the key the text was written under; "href" for a link's target
    date: dt.date | None  # the date this text is about (see the module docstring)
    is_href: bool = False  # a link's target, not printed text


_last: tuple[object, list[Piece]] | None = None


def pieces(obj: object, *, hrefs: bool = False) -> list[Piece]:
    """Every text under ``obj`` as a ``Piece``; ``hrefs`` adds link targets of body text
    (located at the link's text, since the target is not printed).

    Built into one list by plain recursion, and kept for the last ``obj`` walked: several
    checks walk the same issue in turn (the model is not changed after loading)."""
    global _last
    if _last is not None and _last[0] is obj:
        every = _last[1]
    else:
        every = []
        _collect(obj, "", None, every)
        _last = (obj, every)
    return every if hrefs else [p for p in every if not p.is_href]


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls)
                                     if f.name not in ("where", "pos"))
    return names


def _collect(obj: object, field: str, date: dt.date | None, out: list[Piece]) -> None:
    if isinstance(obj, Text):
        out.append(Piece(str(obj), obj.locate, field, date))
    elif isinstance(obj, Inline):
        out.append(Piece(obj.text, obj.locate, field, date))
        if obj.ruby:
            out.append(Piece(obj.ruby, obj.locate, field, date))
        if obj.href and obj.href != obj.text:
            start = obj.locate(0)
            out.append(Piece(obj.href, lambda _i: start, "href", date, True))
    elif isinstance(obj, LineBreak):
        pass  # a break holds no text
    elif isinstance(obj, Body):
        for para in obj.paragraphs:
            for inline in para:
                _collect(inline, field, date, out)
    elif isinstance(obj, list | tuple):
        for item in obj:
            _collect(item, field, date, out)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        date = _own_date(obj) or date
        for name in _field_names(type(obj)):
            _collect(getattr(obj, name), name, date, out)
    # anything else (numbers, dates, None, plain str keys) holds no editor's text


def _own_date(obj: object) -> dt.date | None:
    """The date ``obj`` is about: its own ``date``/``start``, or its event's start."""
    for name in ("date", "start"):
        value = getattr(obj, name, None)
        if isinstance(value, dt.date):
            return value
    event = getattr(obj, "event", None)
    start = getattr(event, "start", None)
    return start if isinstance(start, dt.date) else None
