"""Marked content: which element of the structure tree each glyph and picture belongs to.

The layout declares roles (a paragraph is a ``P``, a title an ``H1``, a photo a
``Figure``) as :class:`Node` objects on what it lays out; as the blocks are drawn, the
painters here wrap what they paint in ``BDC``/``EMC`` sequences carrying a marked-content
id (MCID) and record which node each id belongs to (:class:`Marks`, one per canvas).
Express/pdf/document/tags.py writes the tree from those records when the document is saved.

Everything painted outside a node is an artifact: the running heads and folios are marked
so explicitly (:func:`artifact`), and whatever else a page holds unmarked (rules, bands,
tints, frames) is wrapped as ``/Artifact`` when the page ends (:func:`mark_untagged`).
Nothing here writes anything unless the canvas carries :class:`Marks`: the blocks draw
the same on a plain canvas.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_MARKS = "_jx_marks"


class Node:
    """A structure element: its role (``P``, ``H1``, ``Table``, ``TD`` …), what a reader
    says instead of it (``alt``), its attributes (``/A``: a table cell's ``Scope``) and,
    once drawn, its kids in reading order: nodes, marked content ``(page, mcid)`` and
    annotations.  ``order`` sorts the parts of the issue (articles in YAML order) under
    the document.  Kids made with :meth:`child` are placed with their parent when either
    is first drawn (a list item's label and body, a ruby's base and reading)."""

    __slots__ = ("alt", "attrs", "kids", "order", "parent", "placed", "role")

    def __init__(self, role: str, *, alt: str | None = None,
                 attrs: dict[str, str] | None = None, order: float = 0.0) -> None:
        self.role = role
        self.alt = alt
        self.attrs = attrs
        self.order = order
        self.kids: list = []
        self.parent: Node | None = None
        self.placed = False

    def child(self, role: str, **kw) -> Node:
        node = Node(role, **kw)
        node.parent = self
        self.kids.append(node)
        return node


class Annot:
    """A link annotation, kid of its ``Link`` node (an OBJR): ``ref`` its PDF reference,
    ``page`` its page, ``pdf`` the object whose ``struct_parent`` the tree sets."""

    __slots__ = ("page", "pdf", "ref")

    def __init__(self, ref, page: int, pdf) -> None:
        self.ref, self.page, self.pdf = ref, page, pdf


ARTIFACT = "/Artifact BMC"


class _Printed:
    """The source of text the layout adds for paper only, a link's printed address or its
    note mark: an artifact (the link's annotation holds the address), so that a reader
    hears the link's text as it was written."""

    def __repr__(self) -> str:
        return "PRINTED"


PRINTED = _Printed()


class Marks:
    """The marked content of one document, collected as its pages are drawn.

    ``part`` is the part of the issue being drawn (the cover, the contents, an article,
    the colophon: :func:`begin`); ``stack`` the nodes open inside it; ``pages`` for each
    page the node of each MCID; ``annots`` the link annotations with their nodes."""

    def __init__(self) -> None:
        self.parts: list[Node] = []
        self.part: Node | None = None
        self.stack: list[Node] = []
        self.artifact: list[str] = []  # the artifact operators open (innermost last)
        self.pages: dict[int, list[Node]] = {}
        self.annots: list[tuple[Annot, Node]] = []
        self.suspended = False  # forms drawn at save: their content is marked where used

    def top(self) -> Node | None:
        return self.stack[-1] if self.stack else self.part

    def place(self, node: Node) -> None:
        """Put ``node`` (and its unplaced ancestors) into the tree where drawing is now."""
        while not node.placed:
            node.placed = True
            parent = node.parent
            if parent is None:
                parent = node.parent = self.top()
                if parent is None:  # nothing open: a part of its own
                    self.parts.append(node)
                    return
                parent.kids.append(node)
                return
            node = parent

    def mcid(self, canv, node: Node) -> int:
        """A new MCID on the current page, its content belonging to ``node``."""
        page = canv._pageNumber - 1
        ids = self.pages.get(page)
        if ids is None:
            ids = self.pages[page] = []
        self.place(node)
        n = len(ids)
        ids.append(node)
        node.kids.append((page, n))
        return n


def marks_of(canv) -> Marks | None:
    """The canvas's :class:`Marks`, or None when it is not being tagged (or suspended)."""
    marks = canv.__dict__.get(_MARKS)
    return None if marks is None or marks.suspended else marks


def install(canv) -> Marks:
    """Tag what is drawn on ``canv`` from now on."""
    marks = canv.__dict__[_MARKS] = Marks()
    return marks


def installed(canv) -> Marks | None:
    """The canvas's :class:`Marks`, suspended or not."""
    return canv.__dict__.get(_MARKS)


def begin(canv, node: Node | None) -> None:
    """From here on what is drawn belongs to the part ``node`` (an article, the contents)."""
    marks = marks_of(canv)
    if marks is None or node is None:
        return
    marks.stack.clear()
    if not node.placed:
        node.placed = True
        marks.parts.append(node)
    marks.part = node


@contextmanager
def element(canv, node: Node | None) -> Iterator[None]:
    """What is drawn inside belongs to ``node`` (placed where drawing is, the first time)."""
    marks = marks_of(canv)
    if marks is None or node is None or marks.artifact:
        yield
        return
    marks.place(node)
    marks.stack.append(node)
    try:
        yield
    finally:
        marks.stack.pop()


@contextmanager
def artifact(canv, kind: str | None = None) -> Iterator[None]:
    """What is drawn inside is an artifact (``kind``: Pagination, Layout …), whatever
    nodes its blocks carry: a running head, a table's header repeated on a later page."""
    marks = marks_of(canv)
    if marks is None:
        yield
        return
    marks.artifact.append(f"/Artifact <</Type /{kind}>> BDC" if kind else ARTIFACT)
    try:
        yield
    finally:
        marks.artifact.pop()


class _Open(str):
    """A marked-content operator put on the page's code by :func:`content`."""


class _Close(str):
    pass


_EMC = _Close("EMC")


@contextmanager
def content(canv, node: Node | None) -> Iterator[None]:
    """Graphics drawn inside (a picture, a form) are ``node``'s content: one marked
    sequence on the page, outside any text object."""
    marks = marks_of(canv)
    if marks is None or node is None or marks.artifact:
        yield
        return
    n = marks.mcid(canv, node)
    canv._code.append(_Open(f"/{node.role} <</MCID {n}>> BDC"))
    try:
        yield
    finally:
        canv._code.append(_EMC)


class TextMarks:
    """The marked content of the lines one painter call draws into a text object: one
    sequence for the node's text, left for a link's or a ruby's and taken up again after."""

    __slots__ = ("_link", "_open", "_ruby", "canv", "marks", "node", "rubies")

    def __init__(self, marks: Marks, canv) -> None:
        self.marks, self.canv = marks, canv
        self.node = None if marks.artifact else marks.top()
        self._open: object = None  # the node (or artifact operator) of the open sequence
        self._link: tuple | None = None  # (url, its Link node)
        self._ruby: tuple | None = None  # (reading, source, its RB node)
        self.rubies: list[Node] = []  # Ruby nodes whose reading is still to be drawn

    def _switch(self, code: list, key) -> None:
        if key is self._open:
            return
        if self._open is not None:
            code.append("EMC")
        if isinstance(key, Node):
            code.append(f"/{key.role} <</MCID {self.marks.mcid(self.canv, key)}>> BDC")
        else:
            code.append(key)
        self._open = key

    def run(self, code: list, run, line: int) -> Node | None:
        """Open the sequence ``run`` of line ``line`` belongs to; its Link node, if any."""
        node = self.node
        if node is None:
            self._switch(code, self.marks.artifact[-1] if self.marks.artifact else ARTIFACT)
            return None
        if run.link:  # one Link for a link's runs, on however many lines
            link = self._link
            if link is None or link[0] != run.link:
                link = self._link = (run.link, node.child("Link"))
            self._switch(code, ARTIFACT if run.source is PRINTED else link[1])
            return link[1]
        self._link = None
        reading = getattr(run, "ruby", None)
        if reading:
            ruby = self._ruby
            if ruby is None or ruby[0] != reading or ruby[1] is not run.source \
                    or ruby[3] != line:
                group = node.child("Ruby")
                ruby = self._ruby = (reading, run.source, group.child("RB"), line)
                self.rubies.append(group)
            self._switch(code, ruby[2])
            return None
        self._switch(code, node)
        return None

    def reading(self, code: list) -> None:
        """Open the sequence of the next ruby reading drawn (its Ruby's ``RT``)."""
        if self.rubies:
            self._switch(code, self.rubies.pop(0).child("RT"))
        elif self.node is None or self._open is None or isinstance(self._open, Node):
            self._switch(code, ARTIFACT)

    def close(self, code: list) -> None:
        if self._open is not None:
            code.append("EMC")
            self._open = None
        self._link = self._ruby = None


def text_marks(canv) -> TextMarks | None:
    marks = marks_of(canv)
    return None if marks is None else TextMarks(marks, canv)


_PAINT = frozenset(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "BI"])


def _paints(item: str) -> bool:
    if item.startswith("BT"):  # a text object: painted unless all of it is marked
        return " BDC" not in item and " BMC" not in item
    return not _PAINT.isdisjoint(item.split())


def mark_untagged(code: list[str]) -> list[str]:
    """``code`` (a page's operators, one or a few per item) with every stretch painted
    outside marked content wrapped as an artifact: the rules, bands, tints and frames that
    no node declared as content."""
    out: list[str] = []
    stretch: list[str] = []
    painted = False
    depth = 0
    for item in code:
        if isinstance(item, _Open):
            depth += 1
        elif isinstance(item, _Close):
            depth -= 1
        elif depth == 0:
            stretch.append(item)
            painted = painted or _paints(item)
            continue
        if stretch:
            out += [ARTIFACT, *stretch, "EMC"] if painted else stretch
            stretch, painted = [], False
        out.append(item)
    if stretch:
        out += [ARTIFACT, *stretch, "EMC"] if painted else stretch
    return out
