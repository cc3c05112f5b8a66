"""Reading one YAML file into a node tree that keeps positions.

PyYAML's composer gives every node its start mark; we stop there (no construction) so the
schema can check types itself and report duplicate keys, which PyYAML would silently
overwrite.  Encoding problems (Shift_JIS or UTF-16 from Windows editors, stray bytes) are
found here.

Reading is bounded, whatever the file holds: only a regular file inside its folder, at most
``YAML_LIMIT`` bytes, is read, and aliases may repeat at most ``ALIAS_NODES`` values (a
few lines of ``&a [*b, *b, …]`` would otherwise stand for billions of values to walk).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from express.diagnostics import Diagnostics
from express.inputs import YAML_LIMIT, NotRegular, TooLarge, read_regular, within
from express.libyaml import SafeLoader, scalar_node
from express.load.yaml_errors import explain
from express.model.source import Pos

ALIAS_NODES = 10_000  # values aliases may add to a file, counted as often as they repeat


@dataclass
class Source:
    path: str  # as shown to the editor (relative to the project where possible)
    text: str
    root: yaml.Node | None


def pos_of(path: str, node: yaml.Node) -> Pos:
    mark = node.start_mark
    return Pos(path, mark.line + 1, mark.column + 1)


# Byte-order marks, and the first character of a file without one, as YAML reads them
# (YAML 1.2, 5.2): an issue starts with an ASCII character, so a NUL beside it tells the
# width and byte order.  UTF-32's marks first: they begin with UTF-16's.
_WIDE = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
         (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, name shown) of a UTF-16 or UTF-32 file, or None."""
    for bom, codec, name in _WIDE:
        if data.startswith(bom):
            return codec, name
    head = data[:4]
    if len(head) == 4 and head[:3] == b"\0\0\0" and head[3]:
        return "utf-32-be", "UTF-32"
    if len(head) == 4 and head[0] and head[1:] == b"\0\0\0":
        return "utf-32-le", "UTF-32"
    if len(head) >= 2 and not head[0] and head[1]:
        return "utf-16-be", "UTF-16"
    if len(head) >= 2 and head[0] and not head[1]:
        return "utf-16-le", "UTF-16"
    return None


def _decode(path: str, data: bytes, diags: Diagnostics) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    wide = _wide_encoding(data)
    if wide is not None:
        codec, name = wide
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            diags.error(Pos(path, 1, 1), "source.bad_encoding", encoding=name)
            return None
        diags.warning(Pos(path, 1, 1), "source.other_encoding", encoding=name)
        return text
    # Editors on Windows often save Shift_JIS (CP932).  Read it, and say how to fix it.
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        text = None
    line = data.count(b"\n", 0, bad) + 1
    col = bad - (data.rfind(b"\n", 0, bad) + 1) + 1
    if text is not None and any(ord(c) > 0x3000 for c in text):
        diags.warning(Pos(path, line, col), "source.shift_jis")
        return text
    diags.error(Pos(path, line, col), "source.not_utf8", byte=f"0x{data[bad]:02X}")
    return None


def _has_cycle(root: yaml.Node) -> yaml.Node | None:
    """A node that contains itself through an alias (``&a [*a]``), or None."""
    on_path: set[int] = set()
    done: set[int] = set()

    def visit(node: yaml.Node) -> yaml.Node | None:
        if id(node) in on_path:
            return node
        if id(node) in done or isinstance(node, yaml.ScalarNode):
            return None
        on_path.add(id(node))
        children = (node.value if isinstance(node, yaml.SequenceNode)
                    else [n for pair in node.value for n in pair])
        for child in children:
            found = visit(child)
            if found is not None:
                return found
        on_path.discard(id(node))
        done.add(id(node))
        return None

    return visit(root)


def _most_repeated(root: yaml.Node, limit: int, length: int) -> yaml.Node | None:
    """The anchored value whose repeats take the file past ``limit`` values added by
    aliases, or None when they stay within it.  Each node's expanded size is counted once
    (a node reached again adds its size, not another walk), so this is linear in the file.
    Sizes stop growing past ``limit`` plus the text's ``length`` (more nodes than
    characters are not written, so a size past that is past the limit)."""
    cap = limit + length + 2
    size: dict[int, int] = {}
    parents: dict[int, int] = {}
    nodes: dict[int, yaml.Node] = {}

    def count(node: yaml.Node) -> int:
        parents[id(node)] = parents.get(id(node), 0) + 1
        if id(node) in size:
            return size[id(node)]
        nodes[id(node)] = node
        children = () if isinstance(node, yaml.ScalarNode) else (
            node.value if isinstance(node, yaml.SequenceNode)
            else [n for pair in node.value for n in pair])
        total = 1
        for child in children:
            total = min(total + count(child), cap)
        size[id(node)] = total
        return total

    if count(root) - len(nodes) <= limit:
        return None
    repeated = [k for k, n in parents.items() if n > 1]
    return nodes[max(repeated, key=lambda k: size[k] * (parents[k] - 1))]


def _check_duplicates(path: str, node: yaml.Node, diags: Diagnostics) -> None:
    stack = [node]
    done: set[int] = set()
    while stack:
        n = stack.pop()
        if id(n) in done:
            continue
        done.add(id(n))
        if isinstance(n, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in n.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        first = seen[key.value].start_mark.line + 1
                        diags.error(pos_of(path, key), "source.duplicate_key",
                                    key=key.value, first_line=first)
                    else:
                        seen[key.value] = key
                stack.append(value)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)


def _syntax_code(text: str, mark: yaml.Mark | None, problem: str) -> str:
    """Name the common causes precisely: a tab used for indentation, runaway nesting."""
    if "nesting depth" in problem:
        return "source.too_deep"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and lines[mark.line][mark.column : mark.column + 1] == "\t":
            return "source.tab_indent"
    return "source.syntax"


_YAML_LINES = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> int | None:
    """The line of a quote that YAML would not read as closed where it was opened, for a
    syntax error PyYAML noticed only lines later; None when no quote is to blame.

    The last quoted value before the error that runs on over a line indented no deeper
    than its key (or list dash) — YAML allows no such line in a value, so its quote was
    meant to close on its own line (a quoted value folded over lines each indented deeper
    than its key is fine and never blamed) — else a quote the file ended inside."""
    end = exc.problem_mark.line if exc.problem_mark is not None else len(text)
    lines = _YAML_LINES.split(text)  # as YAML counts lines for its marks
    found = None
    try:
        for token in yaml.scan(text, Loader=SafeLoader):
            start, stop = token.start_mark, token.end_mark
            if start.line > end:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and stop.line > start.line
                    and _runs_past_its_key(lines, start.line, start.column, stop.line)):
                found = start.line + 1
    except yaml.YAMLError:
        pass  # the error itself: the tokens before it are all there is to read
    if found is None and exc.context == "while scanning a quoted scalar" and exc.context_mark:
        found = exc.context_mark.line + 1  # the file ended before the closing quote
    return found


def _runs_past_its_key(lines: list[str], first: int, column: int, last: int) -> bool:
    """Whether a quoted value opened at ``column`` of line ``first`` goes on, before line
    ``last`` ends, over a line no deeper than the key or dash that holds it."""
    line = lines[first]
    i = len(line) - len(line.lstrip(" "))
    owner = -1  # column of what holds the value: its key, else the last list dash
    while line.startswith("-", i) and line[i + 1 : i + 2] in (" ", ""):
        owner = i
        i += 1
        while line.startswith(" ", i):
            i += 1
    if i < column:
        owner = i  # a key before the value on its line
    if owner < 0:
        return False
    return any(
        lines[n].strip() and len(lines[n]) - len(lines[n].lstrip(" ")) <= owner
        for n in range(first + 1, min(last, len(lines) - 1) + 1)
    )


def read_yaml(path: str, data: bytes, diags: Diagnostics, *, checked: bool = True
              ) -> Source | None:
    """Parse ``data`` (the bytes of ``path``) into a node tree, or report why not.

    ``checked=False`` skips the walks that look for recursive aliases and repeated keys,
    for a file only glanced at (another issue's number), whose problems are not reported."""
    if not data.strip():
        diags.error(Pos(path, 1, 1), "source.empty")
        return None
    text = _decode(path, data, diags)
    if text is None:
        return None
    try:
        loader = SafeLoader(text)  # only its composing half: the schema builds the values
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        pos = Pos(path, mark.line + 1, mark.column + 1) if mark else Pos(path, 1, 1)
        problem = exc.problem or exc.context or "?"
        code = _syntax_code(text, mark, problem)
        opened = _unclosed_quote(text, exc) if code == "source.syntax" else None
        slip = explain(text, exc) if code == "source.syntax" and opened is None else None
        if opened is not None:
            diags.error(pos, "source.unclosed_quote", problem=problem, line=opened)
        elif slip is not None:  # named at its own line, in the editor's words
            diags.error(Pos(path, slip.line, slip.col), slip.code, **slip.args)
        else:
            diags.error(pos, code, problem=problem)
        return None
    except yaml.YAMLError as exc:
        diags.error(Pos(path, 1, 1), "source.syntax", problem=str(exc).splitlines()[0])
        return None
    except RecursionError:
        diags.error(Pos(path, 1, 1), "source.too_deep")
        return None
    if root is None:
        diags.error(Pos(path, 1, 1), "source.empty")
        return None
    if not checked:
        return Source(path, text, root)
    # only an alias (*) can close a cycle or repeat a value, and only an anchor (&) names
    # what it points to
    aliases = "&" in text and "*" in text
    try:
        cycle = _has_cycle(root) if aliases else None
        bomb = _most_repeated(root, ALIAS_NODES, len(text)) if aliases and cycle is None else None
    except RecursionError:
        diags.error(Pos(path, 1, 1), "source.too_deep")
        return None
    if cycle is not None:
        diags.error(pos_of(path, cycle), "source.recursive_alias")
        return None
    if bomb is not None:
        diags.error(pos_of(path, bomb), "source.too_many_aliases", limit=ALIAS_NODES)
        return None
    _check_duplicates(path, root, diags)
    return Source(path, text, root)


def top_scalars(path: str, data: bytes, keys: frozenset[str]
                ) -> tuple[str, dict[str, yaml.ScalarNode]] | None:
    """The text of ``data`` and the scalar values of ``keys`` in its top-level mapping,
    found by reading the file's first parse events: a glance at another issue for its
    number and date, without composing the whole document (~1 ms an issue, 12 ms for a
    large one, on every build of one issue).  The first of a repeated key counts, and the
    file is read no further than the last key wanted: its problems are reported when that
    issue is loaded.  None when it cannot be read that far."""
    if not data.strip():
        return None
    text = _decode(path, data, Diagnostics())
    if text is None:
        return None
    found: dict[str, yaml.ScalarNode] = {}
    anchored: dict[str, yaml.ScalarNode] = {}  # scalars an alias may repeat
    loader = SafeLoader(text)
    try:
        depth, is_key, key = 0, True, None
        while len(found) < len(keys) and loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent) and event.anchor is not None:
                anchored[event.anchor] = scalar_node(loader, event)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth == 1 and not isinstance(event, yaml.MappingStartEvent):
                    return None
                if depth == 2:
                    key = key if not is_key else None  # (a key that is not a scalar)
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                if depth != 1:
                    continue
            elif depth != 1 or not isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                continue
            # an item of the top-level mapping ends here: a key, or its value
            if is_key:
                key = event.value if isinstance(event, yaml.ScalarEvent) else None
            elif key in keys and key not in found:
                node = scalar_node(loader, event) if isinstance(event, yaml.ScalarEvent) \
                    else anchored.get(getattr(event, "anchor", None))
                if node is not None:
                    found[key] = node
            is_key = not is_key
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return text, found


def read_source(path: Path, shown: str, diags: Diagnostics) -> bytes | None:
    """The bytes of the YAML file at ``path`` (``shown`` as editors see it), or None after
    saying why it is not read: it leads out of its folder, is not a regular file, is too
    large or cannot be read."""
    if not within(path.parent, path):
        diags.error(Pos(shown, 1, 1), "source.outside")
        return None
    try:
        return read_regular(path, YAML_LIMIT)
    except NotRegular:
        diags.error(Pos(shown, 1, 1), "source.not_regular")
    except TooLarge as exc:
        diags.error(Pos(shown, 1, 1), "source.too_large", size=f"{exc.size / 1024 / 1024:.0f}",
                    limit=f"{exc.limit / 1024 / 1024:.0f}")
    except OSError as exc:
        diags.error(Pos(shown, 1, 1), "source.unreadable", reason=exc.strerror or str(exc))
    return None


def read_file(path: Path, shown: str, diags: Diagnostics) -> Source | None:
    """:func:`read_yaml` of the file at ``path`` (see :func:`read_source`)."""
    data = read_source(path, shown, diags)
    return read_yaml(shown, data, diags) if data is not None else None
