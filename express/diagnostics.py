"""One value type for every problem any stage finds, printed in one format.

Stages never raise across their boundary for bad input: they return Diagnostics, and the CLI
prints them as ``file:line:col: error: message`` in the editor's language.
"""

from __future__ import annotations

import enum
import errno
import os
from dataclasses import dataclass, field
from typing import Any

from express.messages import message, printable
from express.model.source import Pos


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, eq=False)
class Diagnostic:
    severity: Severity
    pos: Pos | None
    code: str
    args: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        label = message(f"severity.{self.severity.value}", lang)
        text = message(self.code, lang, **self.args)
        if self.args.get("hint"):
            # the hint's own punctuation ends the sentence before it: ". Did you mean", "。「"
            text += message("hint.did_you_mean", lang, hint=self.args["hint"])
        if self.args.get("example"):
            text += message("hint.example", lang, example=self.args["example"])
        where = printable(f"{self.pos}: ") if self.pos else ""
        return f"{where}{label}: {text}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Diagnostics(list[Diagnostic]):
    """A list of diagnostics with helpers to add them; stages pass one of these along."""

    def error(self, pos: Pos | None, code: str, **args: Any) -> None:
        self.append(Diagnostic(Severity.ERROR, pos, code, args))

    def warning(self, pos: Pos | None, code: str, **args: Any) -> None:
        self.append(Diagnostic(Severity.WARNING, pos, code, args))

    def missing_glyph(self, pos: Pos | None, ch: str, base: str | None, font: str) -> None:
        """``ch`` is missing from ``font``; ``base``: ``ch`` is a variation selector on that
        character, which prints in its ordinary form.  One wording for ``express check``
        and the build."""
        if base is not None:
            self.warning(pos, "lint.variation_selector", base=base,
                         codepoint=f"{ord(ch):04X}", font=font)
        else:
            self.warning(pos, "lint.missing_glyph", char=ch, codepoint=f"{ord(ch):04X}",
                         font=font)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self)

    def sorted(self) -> list[Diagnostic]:
        def key(d: Diagnostic) -> tuple:
            p = d.pos
            return (p.path, p.line, p.col) if p else ("", 0, 0)

        unique: dict[tuple, Diagnostic] = {}
        for d in self:
            unique.setdefault((d.severity, d.pos, d.code, repr(sorted(d.args.items()))), d)
        return sorted(unique.values(), key=key)

    def rendered(self) -> tuple[list[str], int]:
        """Each diagnostic as the terminal shows it (sorted, repeats dropped), and how
        many of them are errors."""
        shown = self.sorted()
        return [d.render() for d in shown], sum(1 for d in shown if d.is_error)


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}


def environment_error(exc: OSError) -> Diagnostic:
    """What the system refused (a folder that may not be written, a full disk, …) as what
    it is, naming the file and what to do: an editor's machine, not a bug in express."""
    path = os.fsdecode(exc.filename) if exc.filename is not None else ""
    try:
        shown = os.path.relpath(path) if path else ""
    except ValueError:
        shown = path
    code = ("env.disk_full" if exc.errno in _FULL
            else "env.permission" if exc.errno in _DENIED else "env.failed")
    return Diagnostic(Severity.ERROR, None, code,
                      {"path": shown or "-", "reason": exc.strerror or str(exc)})
