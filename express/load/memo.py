"""Issues loaded once and kept while their folder is unchanged, for a long-lived process.

``express serve`` checks on every save; parsing every issue of a large archive again for
one changed sentence would cost more than setting that sentence.  An issue is known again
by the content of its ``issue.yaml`` and the size, times and inode of every other file in
its folder (its pictures, a back issue's PDF: loading reads them), and the working
directory (positions are shown relative to it).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from express.diagnostics import Diagnostic, Diagnostics
from express.inputs import open_regular
from express.model.issue import Issue

Stamp = tuple


def folder_stamp(folder: Path) -> Stamp | None:
    """What the issue in ``folder`` is loaded from, or None when that cannot be told (no
    readable issue.yaml, a linked folder: loading reports them)."""
    if folder.is_symlink():
        return None
    try:
        with os.fdopen(open_regular(str(folder / "issue.yaml")), "rb") as f:
            text = hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None
    files = []
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            files.append((os.path.relpath(path, folder), st.st_mode, st.st_size,
                          st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return (os.getcwd(), text, tuple(files))


class IssueMemo:
    """``load(folder, diags)`` as ``load_issue`` does it, from memory when nothing changed."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[Stamp, Issue | None, list[Diagnostic]]] = {}

    def load(self, folder: Path, diags: Diagnostics) -> Issue | None:
        from express.load import load_issue

        key = os.path.abspath(folder)
        stamp = folder_stamp(folder)
        known = self._known.get(key)
        if stamp is not None and known is not None and known[0] == stamp:
            diags.extend(known[2])
            return known[1]
        scoped = Diagnostics()
        issue = load_issue(folder, scoped)
        if stamp is not None and stamp == folder_stamp(folder):  # not saved meanwhile
            self._known[key] = (stamp, issue, list(scoped))
        else:
            self._known.pop(key, None)
        diags.extend(scoped)
        return issue
