"""Walking every piece of text an editor wrote in an issue, with a way to locate it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from express.model.body import Body, Inline
from express.model.source import Pos, Text

Locator = Callable[[int], Pos | None]


def texts(obj: object) -> Iterator[tuple[str, Locator]]:
    """Every ``Text`` and body run under ``obj``, each with its character locator."""
    if isinstance(obj, Text):
        yield str(obj), obj.locate
    elif isinstance(obj, Inline):
        yield obj.text, obj.locate
        if obj.ruby:
            yield obj.ruby, obj.locate
    elif isinstance(obj, Body):
        for para in obj.paragraphs:
            for inline in para:
                yield from texts(inline)
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from texts(item)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if f.name not in ("where", "pos"):
                yield from texts(getattr(obj, f.name))
