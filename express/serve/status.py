"""What the preview shows right now: the build generation pages reload on, and the errors.

The watcher thread publishes after every build; the browsers' event streams wait on it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence


class Status:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 1
        self.errors: tuple[str, ...] = ()  # diagnostics of the last build, when it failed
        self.closed = False

    def publish(self, errors: Sequence[str]) -> None:
        """A build finished (or the preview's files changed): open pages reload."""
        with self._changed:
            self.errors = tuple(errors)
            self.generation += 1
            self._changed.notify_all()

    def wait(self, seen: int | None, timeout: float) -> int | None:
        """The generation once it differs from ``seen`` (or after ``timeout``); None when
        the preview is closing."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.generation != seen, timeout)
            return None if self.closed else self.generation

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()
