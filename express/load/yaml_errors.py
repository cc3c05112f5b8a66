"""What a YAML syntax error means for an editor: the line where the slip is, and what it is.

PyYAML notices most slips late — a full-width colon (``fee：無料``) or a missing one makes
the line a plain text that runs on, and the parser complains on the *next* line that it
"could not find expected ':'".  Japanese keyboards make three slips common: the
full-width colon ``：``, the full-width space ``　`` (as indentation, or after a key), and
a colon inside an unquoted value (``title: IGF 2023: 日本開催``, read as a second key).
:func:`explain` looks at the lines the error involves for these and names the line, the
slip and what to type instead; it gives the parser's own words to no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# a key as the format spells keys (snake_case), after its indent and any list dash
_KEY = r"^(?P<indent>[ \u3000]*(?:-[ \u3000]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
_FULLWIDTH_COLON = re.compile(_KEY + r"[ \u3000]*(?P<slip>：)[ \u3000]*(?P<value>.*)$")
_FULLWIDTH_SPACE = re.compile(_KEY + r"(?P<slip>:?\u3000)[ \u3000]*(?P<value>.*)$")
_NO_COLON = re.compile(_KEY + r"(?P<slip> )[ ]*(?P<value>[^:#\s].*)$")
_COLON_IN_VALUE = re.compile(_KEY + r": +(?P<value>.*)$")
_QUOTE_NEEDED = "*&@`!%|>"  # a value starting with one of these must be quoted


@dataclass
class Explained:
    """A slip found: where (1-based line and column) and the message's code and words."""

    line: int
    col: int
    code: str
    args: dict[str, str] = field(default_factory=dict)


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained | None:
    """The slip behind ``exc`` in ``text``, or None when it is none of those named here."""
    lines = text.splitlines()
    problem = exc.problem or ""
    mark = exc.problem_mark
    if mark is None:
        return None
    context = exc.context_mark
    first = context.line if context is not None and context.line <= mark.line else mark.line
    # the lines the error involves: from where the parser began what it could not finish
    # (the key it was scanning), back over a plain text that ran on from lines above
    candidates = [n for n in range(first, mark.line + 1) if n < len(lines)]
    n = first - 1
    while (n >= 0 and candidates and lines[n].strip() and _column(lines[n]) == _column(
            lines[candidates[0]]) and not lines[n].lstrip().startswith("#")):
        candidates.insert(0, n)  # (a line of the same block: not the text of a | block)
        if _COLON_IN_VALUE.match(lines[n]) and _slip(lines[n], n) is None:
            break  # a well-formed "key: value": the lines above are not to blame
        n -= 1
    for n in candidates:
        found = _slip(lines[n], n)
        if found is not None:
            return found
    if "could not find expected ':'" in problem and first < len(lines):
        return _missing_colon(lines[first], first)
    if "mapping values are not allowed" in problem and mark.line < len(lines):
        return _colon_in_value(lines[mark.line], mark.line, mark.column)
    if mark.line < len(lines) and (found := _after_quote(lines[mark.line], mark.line,
                                                         mark.column)) is not None:
        return found
    if problem.startswith(("did not find expected key", "expected <block end>")) or (
            "did not find expected '-' indicator" in problem):
        return Explained(mark.line + 1, mark.column + 1, "source.indentation")
    if mark.line < len(lines) and (
            "cannot start any token" in problem or "while scanning an alias" in (
                exc.context or "") or "while scanning an anchor" in (exc.context or "")):
        return _reserved_start(lines[mark.line], mark.line)
    if "unknown escape character" in problem and mark.line < len(lines):
        return _bad_escape(lines[mark.line], mark.line, mark.column)
    return None


def _column(line: str) -> int:
    """Where the line's content starts, after spaces (full-width too) and a list dash."""
    return len(line) - len(line.lstrip(" \u3000-"))


def _slip(line: str, n: int) -> Explained | None:
    """A full-width colon or space where YAML needs ASCII, on line index ``n``."""
    m = _FULLWIDTH_COLON.match(line)
    if m is not None:
        return Explained(n + 1, m.start("slip") + 1, "source.fullwidth_colon",
                         {"key": m["key"], "fixed": _fixed(m)})
    stripped = line.lstrip(" ")
    if stripped.startswith("\u3000"):
        return Explained(n + 1, len(line) - len(stripped) + 1, "source.fullwidth_indent")
    m = _FULLWIDTH_SPACE.match(line)
    if m is not None:
        return Explained(n + 1, m.start("slip") + 1, "source.fullwidth_space",
                         {"key": m["key"], "fixed": _fixed(m)})
    return None


def _fixed(m: re.Match) -> str:
    """The line of ``m`` as it should be typed: ``key: value``, from its dash on."""
    dash = "- " if "-" in m["indent"] else ""
    value = m["value"].strip()
    return f"{dash}{m['key']}: {value}" if value else f"{dash}{m['key']}:"


def _missing_colon(line: str, n: int) -> Explained:
    m = _NO_COLON.match(line)
    if m is not None:
        return Explained(n + 1, m.start("slip") + 1, "source.missing_colon",
                         {"key": m["key"], "fixed": _fixed(m)})
    indent = len(line) - len(line.lstrip())
    return Explained(n + 1, indent + 1, "source.stray_line", {"line": line.strip()})


def _colon_in_value(line: str, n: int, col: int) -> Explained:
    m = _COLON_IN_VALUE.match(line)
    if m is not None and m.start("value") <= col and m["value"].strip():
        value = m["value"].strip()
        return Explained(n + 1, col + 1, "source.colon_in_value",
                         {"key": m["key"], "fixed": f"{m['key']}: {_quoted(value)}"})
    return Explained(n + 1, col + 1, "source.indentation")


def _after_quote(line: str, n: int, col: int) -> Explained | None:
    """Text after a quoted value's closing quote (``title: "題" です``)."""
    m = _COLON_IN_VALUE.match(line)
    if m is None or m["value"][:1] not in ('"', "'") or col <= m.start("value"):
        return None
    value = m["value"].strip()
    return Explained(n + 1, col + 1, "source.text_after_quote",
                     {"key": m["key"], "fixed": f"{m['key']}: {_quoted(value)}"})


def _reserved_start(line: str, n: int) -> Explained | None:
    m = _COLON_IN_VALUE.match(line)
    if m is None or not m["value"]:
        return None
    value = m["value"].strip()
    if value[0] not in _QUOTE_NEEDED:
        return None
    return Explained(n + 1, m.start("value") + 1, "source.quote_needed",
                     {"key": m["key"], "char": value[0],
                      "fixed": f"{m['key']}: {_quoted(value)}"})


def _bad_escape(line: str, n: int, col: int) -> Explained | None:
    m = _COLON_IN_VALUE.match(line)
    value = m["value"].strip() if m is not None else ""
    if not (value.startswith('"') and value.endswith('"')):
        return None
    inner = value[1:-1]
    fixed = f"{m['key']}: '{inner}'" if "'" not in inner else f"{m['key']}: {inner}"
    return Explained(n + 1, col + 1, "source.bad_escape", {"fixed": fixed})


def _quoted(value: str) -> str:
    """``value`` in the quotes YAML reads it whole in: double, single where it holds ``"``."""
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"
