"""The build's progress on a terminal: one status line, rewritten in place.

Shown only where someone watches (a terminal) and only for builds of more than one issue;
a build of one issue is over before a display would help, and pipes, logs and tests want
nothing but the result.
"""

from __future__ import annotations

import shutil
import unicodedata
from typing import TextIO

from express.build import Step
from express.messages import message

# the stages that say how many issues the build is about
COUNTING = {"checking", "typesetting"}


def columns(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, width: int) -> str:
    out, used = [], 0
    for c in text:
        used += columns(c)
        if used > width:
            break
        out.append(c)
    return "".join(out)


class StatusLine:
    """A build ``progress`` callback drawing each :class:`Step` on ``stream``."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = False  # once a stage counts more than one issue
        self.shown = False

    def __call__(self, step: Step) -> None:
        if step.stage in COUNTING and step.total > 1:
            self.active = True
        if not self.active:
            return
        code = "progress." + step.stage.replace(" ", "_")
        text = message(code, issue=step.issue or "", pages=step.pages, done=step.done,
                       total=step.total)
        width = shutil.get_terminal_size().columns - 1
        self.stream.write("\r\x1b[K" + clip(text, width))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Remove the line (before the build's results are printed)."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
