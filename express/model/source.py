"""Source positions: where in which YAML file a value was written.

Every value the editors wrote carries its position, so that any later stage (layout, lints,
missing glyphs) can point at the exact spot.  ``Text`` is a ``str`` that also knows where
each of its characters stands in the file.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and column in a file (the path as given to the loader)."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Text(str):
    """A string that remembers its source position.

    ``starts`` maps each line of the value to the position of its first character, so
    ``locate(i)`` can name the line and column of character ``i`` — exact for plain and
    literal block scalars, the scalar's start for other styles.
    """

    pos: Pos
    starts: tuple[Pos, ...]
    _breaks: list[int] | None  # offsets of the value's line breaks, found on first use

    def __new__(cls, value: str, pos: Pos, starts: tuple[Pos, ...] | None = None) -> Text:
        obj = super().__new__(cls, value)
        obj.pos = pos
        obj.starts = starts if starts is not None else (pos,)
        obj._breaks = None
        return obj

    def locate(self, index: int) -> Pos:
        """Position of the character at ``index`` in this value.

        The line is found by bisecting the line breaks, listed once: counting them from
        the start on every call made loading a long body quadratic in its length."""
        if self._breaks is None:
            self._breaks = []
            at = self.find("\n")
            while at >= 0:
                self._breaks.append(at)
                at = self.find("\n", at + 1)
        line_no = bisect_left(self._breaks, index)
        line_start = self._breaks[line_no - 1] + 1 if line_no else 0
        if line_no < len(self.starts):
            start = self.starts[line_no]
            return Pos(start.path, start.line, start.col + (index - line_start))
        return self.pos

    def __reduce__(self):  # keep the position when pickled (build workers)
        return (Text, (str(self), self.pos, self.starts))
