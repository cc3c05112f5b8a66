"""File digests (SHA-256), remembered between builds by each file's size, times and inode.

Hashing the fonts (~20 MB) and every issue's pictures on each build would cost more than
the rest of a build where nothing changed, so a digest is reused while the file's size,
modification and change times and inode are as recorded.  A file changed within the file
system's timestamp resolution of being hashed could keep its times ("racy", as git calls
it), so a digest taken less than ``RACY_NS`` after the file's last change is not trusted:
the file is read again next time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import time
from pathlib import Path

from express.atomic import write_atomic
from express.inputs import open_regular

FORMAT = 1
RACY_NS = 2_000_000_000  # FAT's 2 s timestamps; finer file systems only re-read a bit more
SKIPPED_DIRS = {"__pycache__"}  # compiled bytecode is never an input

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode


def _stamp(st: os.stat_result) -> Stamp:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class FileHashes:
    """``digest(path)`` of files, remembered in ``store`` (a JSON file) between runs."""

    def __init__(self, store: Path) -> None:
        self.store = store
        self._known: dict[str, list] = self._load(store)
        self._used: dict[str, list] = {}
        self._changed = False

    @staticmethod
    def _load(store: Path) -> dict[str, list]:
        """The remembered digests; nothing when the file is missing, damaged or foreign."""
        try:
            data = json.loads(store.read_bytes())
            if data.get("format") != FORMAT:
                return {}
            return {str(k): v for k, v in data["files"].items()
                    if isinstance(v, list) and len(v) == 6}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}

    def digest(self, path: Path) -> str | None:
        """SHA-256 of the file's content (hex), or None when it is missing, unreadable or
        not a regular file (a FIFO would block the read, a device never end it)."""
        key = os.path.abspath(path)
        used = self._used.get(key)
        if used is not None:
            return used[5]
        try:
            st = os.stat(key)
        except OSError:
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        stamp = _stamp(st)
        known = self._known.get(key)
        if known is not None and tuple(known[:4]) == stamp and \
                max(stamp[1], stamp[2]) + RACY_NS <= known[4]:
            self._used[key] = known
            return known[5]
        hashed_at = time.time_ns()
        try:
            with os.fdopen(open_regular(key), "rb") as f:
                value = hashlib.file_digest(f, "sha256").hexdigest()
        except OSError:
            return None
        self._remember(key, stamp, hashed_at, value)
        return value

    def record(self, path: Path, digest: str) -> None:
        """``digest`` is what the file at ``path``, which this build wrote or linked, holds
        (so it need not be read back).  No one else writes build output, so its times
        having just changed is no reason to read it again next time: the record is
        trusted as if hashed well after them."""
        key = os.path.abspath(path)
        with contextlib.suppress(OSError):
            stamp = _stamp(os.stat(key))
            self._remember(key, stamp, max(stamp[1], stamp[2]) + RACY_NS, digest)

    def _remember(self, key: str, stamp: Stamp, hashed_at: int, value: str) -> None:
        self._used[key] = [*stamp, hashed_at, value]
        self._changed = True

    def tree(self, folder: Path) -> str:
        """One digest over everything under ``folder``: the relative path of each entry
        and the content of each regular file; a symlink counts by where it points (what
        it points to inside the folder is hashed there, and nothing outside is an input),
        a FIFO, device or socket by its name alone."""
        h = hashlib.sha256()
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
            for name in sorted(files):
                path = os.path.join(root, name)
                rel = os.path.relpath(path, folder).replace(os.sep, "/")
                h.update(f"{rel}\0{self._entry(path)}\n".encode())
        return h.hexdigest()

    def _entry(self, path: str) -> str | None:
        try:
            if os.path.islink(path):
                return "link:" + os.readlink(path)
        except OSError:
            return None
        return self.digest(Path(path))

    def save(self) -> None:
        """Store the digests of this run (and earlier ones of files that still exist)."""
        kept = {k: v for k, v in self._known.items()
                if k not in self._used and os.path.exists(k)}
        if not self._changed and len(kept) + len(self._used) == len(self._known):
            return
        data = {"format": FORMAT, "files": {**kept, **self._used}}
        with contextlib.suppress(OSError):
            write_atomic(self.store, json.dumps(data, separators=(",", ":")).encode())
