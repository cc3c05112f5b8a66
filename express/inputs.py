"""Reading the files editors give us: regular files only, each up to a size limit.

A FIFO in an issue folder blocks a reader for ever, a symlink to ``/dev/zero`` never
ends, and a file of gigabytes fills the memory; none of them is an input.  So a path is
looked at before it is opened (a device is never opened: opening some has effects), opened
without waiting for a writer, looked at again through the open file (it may have been
swapped in between), and read up to its limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MiB = 1024 * 1024
YAML_LIMIT = 16 * MiB  # an issue.yaml of the samples is ~20 kB; a year of text is ~1 MB


class NotRegular(OSError):
    """The path is a folder, a FIFO, a device or a socket, not a file."""


class TooLarge(OSError):
    """The file is larger than its limit."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.size, self.limit = size, limit


def open_regular(path: str | Path) -> int:
    """A file descriptor open for reading on the regular file at ``path`` (symlinks
    followed); :class:`NotRegular` for anything else, OSError when it cannot be opened."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotRegular(f"{path}: not a regular file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(f"{path}: not a regular file")
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | Path, limit: int) -> bytes:
    """The content of the regular file at ``path``; :class:`TooLarge` past ``limit`` bytes
    (checked on what is read, too: the file may grow while it is read)."""
    with os.fdopen(open_regular(path), "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > limit:
            raise TooLarge(path, size, limit)
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path, len(data), limit)
    return data


def within(folder: str | Path, path: str | Path) -> bool:
    """Whether ``path``, symlinks resolved, lies inside ``folder`` (also resolved)."""
    inside = os.path.realpath(folder)
    return os.path.commonpath([inside, os.path.realpath(path)]) == inside
