"""What the preview shows right now: the build generation pages reload on, the errors,
and whether a PDF is being set.

The builder publishes after every build; the browsers' event streams wait on it.  A
save's pages come first (``publish``, open pages reload), its PDF after them
(``pdf_done``: open pages point their PDF links at the new file without reloading).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence


class Status:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 1
        self.pdfs = 0  # PDFs finished since the start (the links' cache-buster)
        self.pdf_pending = False  # pages are served whose PDF is still being set
        self.errors: tuple[str, ...] = ()  # diagnostics of the last build, when it failed
        self.closed = False

    def publish(self, errors: Sequence[str], pdf_pending: bool = False) -> None:
        """A build finished (or the preview's files changed): open pages reload."""
        with self._changed:
            self.errors = tuple(errors)
            self.pdf_pending = pdf_pending
            self.generation += 1
            self._changed.notify_all()

    def pdf_done(self) -> None:
        """The PDFs of the pages served are in place: open pages refresh their links."""
        with self._changed:
            self.pdf_pending = False
            self.pdfs += 1
            self._changed.notify_all()

    def wait(self, seen: tuple[int, int] | None, timeout: float) -> tuple[int, int] | None:
        """(generation, PDFs) once they differ from ``seen`` (or after ``timeout``); None
        when the preview is closing."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.closed or (self.generation, self.pdfs) != seen, timeout)
            return None if self.closed else (self.generation, self.pdfs)

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()
