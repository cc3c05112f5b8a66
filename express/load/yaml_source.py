"""Reading one YAML file into a node tree that keeps positions.

PyYAML's composer gives every node its start mark; we stop there (no construction) so the
schema can check types itself and report duplicate keys, which PyYAML would silently
overwrite.  Encoding problems (Shift_JIS from Windows editors, stray bytes) are found here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from express.diagnostics import Diagnostics
from express.libyaml import SafeLoader
from express.load.yaml_errors import explain
from express.model.source import Pos


@dataclass
class Source:
    path: str  # as shown to the editor (relative to the project where possible)
    text: str
    root: yaml.Node | None


def pos_of(path: str, node: yaml.Node) -> Pos:
    mark = node.start_mark
    return Pos(path, mark.line + 1, mark.column + 1)


def _decode(path: str, data: bytes, diags: Diagnostics) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
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
    try:  # only an alias can close a cycle, and only an anchor (&) names what it points to
        cycle = _has_cycle(root) if "&" in text else None
    except RecursionError:
        diags.error(Pos(path, 1, 1), "source.too_deep")
        return None
    if cycle is not None:
        diags.error(pos_of(path, cycle), "source.recursive_alias")
        return None
    _check_duplicates(path, root, diags)
    return Source(path, text, root)


def read_file(path: Path, shown: str, diags: Diagnostics) -> Source | None:
    """:func:`read_yaml` of the file at ``path`` (``shown`` as editors see it), reporting
    a file that cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags.error(Pos(shown, 1, 1), "source.unreadable", reason=exc.strerror or str(exc))
        return None
    return read_yaml(shown, data, diags)
