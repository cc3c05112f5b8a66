"""Body text after its inline markup is read: blocks of styled runs.

Editors write body text as YAML block scalars with a tiny markup (``**強調**``, links,
``- item`` lists, ``{漢字|かんじ}`` ruby).  Renderers get these plain structures and never
see the markup.  Each run keeps the position of its first character and never spans a
source line, so the position of any character in it is ``source`` plus its index.
"""

from __future__ import annotations

from dataclasses import dataclass

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
class Paragraph:
    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines)


@dataclass(frozen=True, slots=True)
class ListItem:
    level: int  # 0 for "- item", 1 for an item indented under it, …
    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines)


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[ListItem, ...]


Block = Paragraph | BulletList


@dataclass(frozen=True, slots=True)
class Body:
    blocks: tuple[Block, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.blocks)

    @property
    def paragraphs(self) -> list[tuple[Inline, ...]]:
        """Every run of text in reading order, one entry per paragraph or list item."""
        out: list[tuple[Inline, ...]] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                out.append(block.inlines)
            else:
                out.extend(item.inlines for item in block.items)
        return out

    @property
    def plain_text(self) -> str:
        """The text as a reader sees it (ruby readings left out), paragraphs on lines."""
        return "\n".join("".join(i.text for i in p) for p in self.paragraphs)


EMPTY_BODY = Body()
