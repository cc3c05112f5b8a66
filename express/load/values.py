"""Reading typed values out of YAML nodes, reporting each problem with its position.

Each reader returns the value, or ``None`` after adding a diagnostic; callers carry on so
that one run reports every problem in a file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import yaml

from express.diagnostics import Diagnostics
from express.load.shapes import list_example, mapping_example
from express.load.yaml_source import pos_of
from express.model.source import Pos, Text

T = TypeVar("T")

# numbers are ASCII digits ([0-9], not \d: that takes every script's digits, and int()
# then fails on ① or thousands of digits); full-width ones are read as ASCII
MAX_DIGITS = 12
_WHOLE = re.compile(f"[0-9]{{1,{MAX_DIGITS}}}")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_TIME_RANGE = re.compile(r"([0-9]{1,2}):([0-9]{2})\s*[-–〜~]\s*([0-9]{1,2}):([0-9]{2})")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass
class Reader:
    """What every reader needs: the file's path and text, and where to put diagnostics."""

    path: str
    text: str
    diags: Diagnostics
    folder: str = ""  # the folder, for image paths
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines()

    def pos(self, node: yaml.Node) -> Pos:
        return pos_of(self.path, node)

    def error(self, node: yaml.Node, code: str, **args: object) -> None:
        self.diags.error(self.pos(node), code, **args)

    # -- scalars ---------------------------------------------------------------------

    def _scalar(self, node: yaml.Node, what: str) -> yaml.ScalarNode | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, "value.list_for_scalar" if isinstance(node, yaml.SequenceNode)
                       else "value.mapping_for_scalar", what=what)
            return None
        if node.tag == "tag:yaml.org,2002:null":
            self.error(node, "value.empty", what=what)
            return None
        return node

    def text_value(self, node: yaml.Node, what: str) -> Text | None:
        """Any scalar as the editor wrote it (``tel: 03-…`` or ``title: 2020`` stay text)."""
        node = self._scalar(node, what)
        if node is None:
            return None
        value = node.value
        if not value.strip():
            self.error(node, "value.empty", what=what)
            return None
        starts = self._line_starts(node)
        return Text(value, starts[0], starts)

    def _line_starts(self, node: yaml.ScalarNode) -> tuple[Pos, ...]:
        """Where each line of the value starts: every content line of a ``|``/``>`` block;
        otherwise the value itself (inside its quotes, when quoted)."""
        if node.style in ("|", ">"):
            return self._block_starts(node)
        p = self.pos(node)
        if node.style in ('"', "'"):
            return (Pos(p.path, p.line, p.col + 1),)
        return (p,)

    def _block_starts(self, node: yaml.ScalarNode) -> tuple[Pos, ...]:
        """Positions of each content line of a ``|`` block scalar."""
        first = node.start_mark.line + 1
        last = node.end_mark.line
        indent = None
        for line in self.lines[first : last + 1]:
            if line.strip():
                indent = len(line) - len(line.lstrip(" "))
                break
        if indent is None:
            return (self.pos(node),)
        return tuple(Pos(self.path, n + 1, indent + 1) for n in range(first, last + 1))

    def _whole(self, node: yaml.ScalarNode) -> int | None:
        """The value as a whole number: ASCII digits (the full-width ones an IME types are
        read as such), at most ``MAX_DIGITS`` of them; None for anything else (①, ², …)."""
        digits = node.value.strip().translate(_FULL_DIGITS)
        return int(digits) if _WHOLE.fullmatch(digits) else None

    def positive_int(self, node: yaml.Node, what: str) -> int | None:
        node = self._scalar(node, what)
        if node is None:
            return None
        number = self._whole(node)  # "35" in quotes is still a number
        if number is None:
            self.error(node, "value.expected_int", what=what, value=node.value)
            return None
        if number <= 0:
            self.error(node, "value.expected_positive", what=what, value=node.value)
            return None
        return number

    def count(self, node: yaml.Node, what: str) -> int | None:
        node = self._scalar(node, what)
        if node is None:
            return None
        number = self._whole(node)
        if number is None:
            self.error(node, "value.expected_count", what=what, value=node.value)
            return None
        return number

    def date(self, node: yaml.Node, what: str) -> dt.date | None:
        node = self._scalar(node, what)
        if node is None:
            return None
        m = _DATE.fullmatch(node.value.strip().translate(_FULL_DIGITS))
        if not m:
            self.error(node, "value.bad_date", what=what, value=node.value)
            return None
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.error(node, "value.impossible_date", what=what, value=node.value)
            return None

    def time_range(self, node: yaml.Node, what: str) -> tuple[dt.time, dt.time] | None:
        node = self._scalar(node, what)
        if node is None:
            return None
        m = _TIME_RANGE.fullmatch(node.value.strip().translate(_FULL_DIGITS))
        if not m:
            self.error(node, "value.bad_time_range", value=node.value)
            return None
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
            self.error(node, "value.impossible_time", value=node.value)
            return None
        start = dt.time(h1, m1)
        end = dt.time(23, 59) if h2 == 24 else dt.time(h2, m2)
        if (h2, m2) <= (h1, m1):
            self.error(node, "value.reversed_time_range", value=node.value)
            return None
        return start, end

    def link(self, node: yaml.Node, what: str) -> Text | None:
        value = self.text_value(node, what)
        if value is None:
            return None
        if not check_link(value.strip()):
            self.error(node, "value.bad_link", value=value, schemes=", ".join(LINK_SCHEMES))
            return None
        return value

    def email(self, node: yaml.Node, what: str) -> Text | None:
        value = self.text_value(node, what)
        if value is None:
            return None
        address = value.removeprefix("mailto:")
        if not _EMAIL.match(address):
            self.error(node, "value.bad_email", value=value)
            return None
        return Text(address, value.pos)

    def choice(self, node: yaml.Node, what: str, choices: tuple[str, ...], *,
               synonyms: dict[str, tuple[str, ...]] | None = None) -> Text | None:
        """One of ``choices``.  With ``synonyms`` (choice → what else is written for it)
        a mistake is answered only with the choice of the same meaning: choices that
        differ by a letter may mean the opposite (公開, 非公開)."""
        value = self.text_value(node, what)
        if value is None:
            return None
        if value not in choices:
            hint = (same_meaning(value, choices, synonyms) if synonyms is not None
                    else suggest(value, choices))
            self.error(node, "value.bad_choice", what=what, value=value,
                       choices="、".join(choices), hint=hint)
            return None
        return value

    # -- collections -----------------------------------------------------------------

    def items(self, node: yaml.Node, what: str, read: Callable[[yaml.Node], T | None]) -> list[T]:
        if node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            written = node.value if isinstance(node, yaml.ScalarNode) else None
            self.error(node, "value.expected_list", what=what,
                       example=list_example(what, written))
            return []
        out = []
        for child in node.value:
            item = read(child)
            if item is not None:
                out.append(item)
        return out

    def mapping(self, node: yaml.Node, what: str, keys: dict[str, bool], *,
                elsewhere: Callable[[str], list[str]] | None = None) -> Fields | None:
        """The keys of a mapping, checked against ``keys`` (name → required);
        ``elsewhere(key)`` names the kinds that take a key this one does not."""
        if not isinstance(node, yaml.MappingNode):
            if node.tag == "tag:yaml.org,2002:null":
                self.error(node, "value.empty", what=what)
            elif isinstance(node, yaml.ScalarNode):
                self.error(node, "value.text_for_mapping", what=what, value=node.value,
                           example=mapping_example(what, node.value))
            else:
                self.error(node, "value.expected_mapping", what=what,
                           example=mapping_example(what))
            return None
        fields = Fields(self, node, what)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key not in keys:
                shown = key if key is not None else "?"
                kinds = elsewhere(shown) if elsewhere is not None else []
                plain = unicodedata.normalize("NFKC", shown).strip()
                if shown.startswith("\u3000"):  # indented with a full-width space
                    self.error(key_node, "source.fullwidth_indent")
                elif plain != shown and plain in keys:  # ｆｅｅ, written in full width
                    self.error(key_node, "key.fullwidth", key=shown, fixed=plain)
                elif kinds:
                    self.error(key_node, "key.other_kinds", key=shown, what=what,
                               kinds=", ".join(kinds))
                else:
                    self.error(key_node, "key.unknown", key=shown, what=what,
                               hint=suggest(str(shown), tuple(keys)))
                continue
            if key not in fields.nodes:
                fields.nodes[key] = value_node
        for key, required in keys.items():
            present = fields.nodes.get(key)
            if required and (present is None or present.tag == "tag:yaml.org,2002:null"):
                if present is None:
                    self.error(node, "key.missing", key=key, what=what)
                else:
                    self.error(present, "value.empty", what=f"{what}.{key}")
                fields.nodes.pop(key, None)
                fields.missing_required = True
        return fields


@dataclass
class Fields:
    """A checked mapping: its value nodes by key and their positions."""

    reader: Reader
    node: yaml.MappingNode
    what: str
    nodes: dict[str, yaml.Node] = field(default_factory=dict)
    missing_required: bool = False

    @property
    def pos(self) -> Pos:
        return self.reader.pos(self.node)

    @property
    def where(self) -> dict[str, Pos]:
        return {k: self.reader.pos(n) for k, n in self.nodes.items()}

    def get(self, key: str, read: Callable[[yaml.Node, str], T | None]) -> T | None:
        node = self.nodes.get(key)
        if node is None or node.tag == "tag:yaml.org,2002:null":
            return None
        return read(node, f"{self.what}.{key}")

    def child(self, key: str) -> yaml.Node | None:
        return self.nodes.get(key)


def check_link(url: str) -> bool:
    scheme, sep, rest = url.partition(":")
    return bool(sep) and scheme.lower() in LINK_SCHEMES and bool(rest.strip("/"))


def _plain(value: str) -> str:
    """``value`` as compared for meaning: NFKC, lower case, no spaces."""
    return "".join(unicodedata.normalize("NFKC", value).lower().split())


def same_meaning(value: str, choices: tuple[str, ...],
                 synonyms: dict[str, tuple[str, ...]]) -> str:
    """The choice ``value`` means, written another way (in other widths or spacing, or as
    one of its ``synonyms``); '' when it means none of them for sure."""
    plain = _plain(value)
    for choice in choices:
        if plain in {_plain(choice), *(_plain(s) for s in synonyms.get(choice, ()))}:
            return choice
    return ""


def suggest(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """A did-you-mean for ``value`` among ``choices`` ('' when nothing is close)."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[value.lower()]] if value.lower() in lowered else []
    return close[0] if close else ""
