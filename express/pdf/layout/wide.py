"""Column text with figures across its columns (``size: wide`` photos).

A ``WideFlow`` is an article's column text with wide figures among it.  It keeps the
contract of a column ``Section``: ``wrap`` gives its height when all of it fits in the room,
``split`` gives the part set in the room (which ends the page) and the rest, or nothing when
not even its start fits.  On each page the figure stands where a magazine would set it,
in this order of preference:

1. in place: the text before it in balanced columns, the figure across them (cropped by
   whole lines, up to ``images.max_crop``, where that keeps it there), the text after it
   in columns below (three lines at least; it may go on on the next page);
2. at the page's foot: the text before and after it in columns over it, when all the text
   before it fits there;
3. at the next page's top: the text fills this page, the figure heads the rest; where the
   text would end on the page short of its foot, the figure stands at the foot after all
   (the end of the text before it going on on the next page) rather than leave it empty.

Whatever the room, the text and the figures always go somewhere: a flowing article never
becomes unbuildable because of a wide figure.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from express.model.source import Pos
from express.pdf.layout.blocks import EPS, Block
from express.pdf.layout.columns import Section
from express.pdf.layout.platypus import Flowable

MakeSection = Callable[[list[Flowable], list[Flowable]], Section]


def is_wide(f: Flowable) -> bool:
    return bool(getattr(f, "wide", False))


@dataclass(frozen=True)
class Layer:
    """One block of a page's part: set in ``avail``, taking ``height``."""

    flowable: Flowable
    avail: float
    height: float


@dataclass(frozen=True)
class Part:
    """What a flow sets in a room: its layers top down, the last at the room's foot
    (``foot``), and the rest for the next page (None: the flow ends here)."""

    layers: list[Layer]
    rest: WideFlow | None
    foot: bool = False


class Spread(Block):
    """A flow's part on one page: sections and figures one above the other; with ``foot``
    the last (a figure) stands at the foot of ``height``."""

    def __init__(self, layers: list[Layer], height: float, foot: bool,
                 source: Pos | None) -> None:
        super().__init__()
        self.layers, self.height, self.foot = layers, height, foot
        self.source = source

    def wrap(self, aw, ah):
        self.width = aw
        for layer in self.layers:  # (each as it was measured: a section draws that layout)
            layer.flowable.wrap(aw, layer.avail)
        return aw, self.height

    def split(self, aw, ah):
        return []

    def _last_y(self) -> float:
        return 0.0 if self.foot else self.height - sum(la.height for la in self.layers)

    def slack(self) -> float:
        last = self.layers[-1].flowable if self.layers else None
        return self._last_y() + (last.slack() if isinstance(last, Block) else 0.0)

    def draw(self):
        y = self.height
        for k, layer in enumerate(self.layers):
            layer.flowable.wrap(self.width, layer.avail)
            y = 0.0 if self.foot and k == len(self.layers) - 1 else y - layer.height
            layer.flowable.drawOn(self.canv, 0, y)


class WideFlow(Block):
    """``head`` and ``items`` (some of them wide figures) as column sections made by
    ``make(head, items)``, a wide figure across the columns (see the module's docstring)."""

    def __init__(self, head: list[Flowable], items: list[Flowable], make: MakeSection, *,
                 source: Pos | None = None,
                 made: dict[tuple, Section] | None = None) -> None:
        super().__init__()
        self.head, self.items, self.make = head, items, make
        self.source = source
        self.stuck_source: Pos | None = None
        self._parts: dict[tuple[float, float], Part | None] = {}
        self._whole: Spread | None = None  # all of it, where it fits (wrap)
        # the sections made of the same blocks, shared with the flows this one makes:
        # each is laid out once per room, however many rooms its parts are tried in
        self._made: dict[tuple, Section] = {} if made is None else made

    def _flow(self, head: list[Flowable], items: list[Flowable]) -> WideFlow:
        return WideFlow(head, items, self.make, source=self.source, made=self._made)

    def _section(self, head: list[Flowable], items: list[Flowable]) -> Section:
        """``make(head, items)``, made once for the same blocks (it holds them, so their
        ids stay theirs while it is kept)."""
        key = (tuple(map(id, head)), tuple(map(id, items)))
        section = self._made.get(key)
        if section is None:
            section = self._made[key] = self.make(head, items)
        return section

    def part(self, aw: float, room: float) -> Part | None:
        """What is set in ``room`` (measured once per room); None when nothing begins."""
        key = (round(aw, 3), round(room, 3))
        if key not in self._parts:
            self._parts[key] = self._part(aw, room) if room > EPS else None
        return self._parts[key]

    def _part(self, aw: float, room: float) -> Part | None:
        wide = next((i for i, f in enumerate(self.items) if is_wide(f)), None)
        text = self.items if wide is None else self.items[:wide]
        layers: list[Layer] = []
        used = 0.0
        if self.head or text:
            above = self._section(self.head, text)
            _, height = above.wrap(aw, room)
            if height > room + EPS:  # the text before the figure goes on on the next page
                return self._carried(above.split(aw, room), aw, room,
                                     [], self.items[len(text):])
            layers.append(Layer(above, room, height))
            used = height
        if wide is None:
            return Part(layers, None)
        figure, after = self.items[wide], self.items[wide + 1:]
        nxt = next((i for i, f in enumerate(after) if is_wide(f)), len(after))
        # 1. in place, under the text before it
        for fitted in self._crops(figure, aw):
            here = self._flow([fitted], after).part(aw, room - used)
            if here is not None:
                return Part(layers + here.layers, here.rest, here.foot)
        words = self._section(self.head, text + after[:nxt])
        later = after[nxt:]
        # 2. at the page's foot, all the text before it over it
        foot = self._at_foot(aw, room, figure, words, later, above=used)
        if foot is not None:
            return foot
        # 3. at the next page's top, the text filling this page
        _, height = words.wrap(aw, room)
        if height > room + EPS:
            return self._carried(words.split(aw, room), aw, room, [figure], later)
        # (all the text would end on this page, short of its foot: the figure at the foot
        # fills it, the end of the text before it going on on the next page)
        foot = self._at_foot(aw, room, figure, words, later)
        if foot is not None:
            return foot
        return Part([Layer(words, room, height)], self._flow([figure], later))

    @staticmethod
    def _crops(figure: Flowable, aw: float):
        """``figure``, then cropped by one whole line more each time, as far as
        ``images.max_crop`` lets it be."""
        figure.wrap(aw, 1e6)  # (cropped at this width)
        yield figure
        for lines in itertools.count(1):
            fitted = figure.trimmed(lines)
            if fitted is None:
                return
            yield fitted

    def _at_foot(self, aw: float, room: float, figure: Flowable, words: Section,
                 later: list[Flowable], above: float | None = None) -> Part | None:
        """``figure`` (cropped, if need be) under ``words`` (the text around it) in
        ``room``: at the foot where the text goes on on the next page, else right under all
        of it (``later`` after them); None when the text cannot begin over it, or (with
        ``above``, the height of the text before the figure) not all of that text."""
        for fitted in self._crops(figure, aw):
            _, fh = fitted.wrap(aw, room)
            cap = room - fh
            if cap <= EPS or (above is not None and above > cap + EPS):
                continue
            _, height = words.wrap(aw, cap)
            if height <= cap + EPS:  # all the text over it: the figure right under it
                top = [Layer(words, cap, height), Layer(fitted, fh, fh)]
                rest = self._flow([], later).part(aw, room - height - fh) if later else None
                if rest is not None:
                    return Part(top + rest.layers, rest.rest, rest.foot)
                return Part(top, self._flow([], later) if later else None)
            parts = words.split(aw, cap)
            if len(parts) == 2:
                first, second = parts
                return Part([Layer(first, cap, first.wrap(aw, cap)[1]),
                             Layer(fitted, fh, fh)],
                            self._flow([], second.items + later), foot=True)
        return None

    def _carried(self, parts: list, aw: float, room: float, head: list[Flowable],
                 later: list[Flowable]) -> Part | None:
        """A section split at the page's foot (``parts``: its first part and its rest): the
        rest, then ``later``, go on on the next page under ``head``."""
        if len(parts) != 2:
            self.stuck_source = getattr(parts[0], "stuck_source", None) if parts else None
            return None
        first, rest = parts
        return Part([Layer(first, room, first.wrap(aw, room)[1])],
                    self._flow(head, rest.items + later))

    def _spread(self, part: Part, room: float) -> Spread:
        used = room if part.foot else sum(la.height for la in part.layers)
        return Spread(part.layers, used, part.foot, self.source)

    def wrap(self, aw, ah):
        self.width = aw
        part = self.part(aw, ah)
        self._whole = None
        if part is not None and part.rest is None:  # all of it fits: drawn as it is
            self._whole = self._spread(part, ah)
            self.height = self._whole.wrap(aw, ah)[1]
        else:  # needs more room than there is: ask for a split
            self.height = ah + 1
        return aw, self.height

    def split(self, aw, ah):
        part = self.part(aw, ah)
        if part is None:
            return []
        spread = self._spread(part, ah)
        return [spread] if part.rest is None else [spread, part.rest]

    def slack(self) -> float:
        return self._whole.slack() if self._whole is not None else 0.0

    def draw(self):
        if self._whole is not None:
            self._whole.wrap(self.width, self.height)
            self._whole.drawOn(self.canv, 0, 0)
