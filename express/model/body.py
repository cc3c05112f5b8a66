"""Body text after its markup is read: blocks of styled runs.

Editors write body text as YAML block scalars with a small markup in CommonMark's spelling
(``**強調**``, links, ``- item`` and ``1. item`` lists, ``## 小見出し``, a line ending in
``\\`` for a line break, ``{漢字|かんじ}`` ruby).  Renderers get these plain structures and
never see the markup.  Each run keeps the position of its first character and never spans
a source line, so the position of any character in it is ``source`` plus its index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from express.model.source import Pos


@dataclass(frozen=True, slots=True)
class Inline:
    text: str
    source: Pos | None = None
    strong: bool = False
    href: str | None = None
    ruby: str | None = None

    def locate(self, index: int) -> Pos | None:
        if self.source is None:
            return None
        return Pos(self.source.path, self.source.line, self.source.col + index)


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break (a line ending in ``\\``): what follows starts a new line.

    ``source`` is where the backslash was written.  Its ``text`` is a newline, so text
    joined from runs keeps the break."""

    source: Pos | None = None
    text: ClassVar[str] = "\n"


Run = Inline | LineBreak


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


@dataclass(frozen=True, slots=True)
class Paragraph:
    inlines: tuple[Run, ...]

    @property
    def text(self) -> str:
        return runs_text(self.inlines)

    @property
    def broken(self) -> bool:
        """Whether the editor broke its lines (an address, a list of facts): then it is
        set as lines, without the indent of a paragraph of prose."""
        return any(isinstance(r, LineBreak) for r in self.inlines)


@dataclass(frozen=True, slots=True)
class Heading:
    """A subheading (小見出し), written ``## 見出し`` as a paragraph of its own."""

    inlines: tuple[Run, ...]

    @property
    def text(self) -> str:
        return runs_text(self.inlines)


@dataclass(frozen=True, slots=True)
class ListItem:
    level: int  # 0 for "- item", 1 for an item indented under it, …
    inlines: tuple[Run, ...]
    number: int | None = None  # its number in a numbered list ("1. item"); None: a bullet

    @property
    def text(self) -> str:
        return runs_text(self.inlines)


@dataclass(frozen=True, slots=True)
class ItemList:
    """A list: bulleted (``- item``) or numbered (``1. item``) items, nested by ``level``;
    each item says which it is (``ListItem.number``)."""

    items: tuple[ListItem, ...]

    @property
    def numbered(self) -> bool:
        """Whether the list's outer items are numbered."""
        return bool(self.items) and self.items[0].number is not None


Block = Paragraph | Heading | ItemList


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.blocks)

    @property
    def paragraphs(self) -> list[tuple[Run, ...]]:
        """Every run of text in reading order, one entry per paragraph, heading or list
        item."""
        out: list[tuple[Run, ...]] = []
        for block in self.blocks:
            if isinstance(block, ItemList):
                out.extend(item.inlines for item in block.items)
            else:
                out.append(block.inlines)
        return out

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def plain_text(self) -> str:
        """The text as a reader sees it (ruby readings left out), paragraphs on lines."""
        return "\n".join(runs_text(p) for p in self.paragraphs)


EMPTY_BODY = Body()
