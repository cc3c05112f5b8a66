"""Watching the project's sources in a background thread (watchfiles).

Saves are grouped (an editor's save is often several file events) and handed on as one
set of paths; ``ready`` is set once the watcher is running, so no save is missed after
the preview says it is listening.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from express.project import Project

WATCHED = ("issues", "templates", "fonts")
# a save is complete when no event came for this long (an editor's save — a write in place,
# or a new file renamed over the old — is a burst of events well within it) …
STEP_MS = 20
DEBOUNCE_MS = 1000  # … or after this long at most
READY_MS = 300  # the first quiet interval tells that the watcher is running


def watched_folders(project: Project) -> list[Path]:
    return [project.root / name for name in WATCHED if (project.root / name).is_dir()]


class Watcher(threading.Thread):
    def __init__(self, folders: list[Path], on_change: Callable[[set[Path]], None]) -> None:
        super().__init__(name="express-watch", daemon=True)
        self.folders = folders
        self.on_change = on_change
        self.ready = threading.Event()
        self.stopping = threading.Event()

    def run(self) -> None:
        import watchfiles

        for changes in watchfiles.watch(*self.folders, step=STEP_MS, debounce=DEBOUNCE_MS,
                                        rust_timeout=READY_MS, yield_on_timeout=True,
                                        stop_event=self.stopping):
            self.ready.set()
            if changes:
                self.on_change({Path(path) for _change, path in changes})

    def stop(self) -> None:
        self.stopping.set()
