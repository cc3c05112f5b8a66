"""A font file's bytes, read from the file where ReportLab asks for them.

A face restored from the metrics cache (express/pdf/paint/fonts.py) reads its file only to
embed subsets: ReportLab's ``makeSubset`` copies the few hundred glyphs a subset has, and a
handful of small tables, out of ``face._ttf_data``.  Reading the six fonts of a template
whole for that was 31 MB and ~25 ms of every build, and each subset then copied the whole
``glyf`` table (~5 MB) once more to slice its glyphs out of it (~15 ms of a build).  Here
``_ttf_data`` is a :class:`FontFile`: slicing it reads those bytes with ``os.pread`` (no
file position: safe in forked workers), and ``glyf`` is handed out as a window onto the
file.  The file stays open while the face lives, so a font replaced by another file (a new
inode) is still read as it was measured; one rewritten in place is noticed (size or time
changed, or a read coming up short) and refused as an ``OSError``, not embedded half new.
"""

from __future__ import annotations

import errno
import os
import weakref

HAS_PREAD = hasattr(os, "pread")  # (elsewhere the file is read whole, as ReportLab does)


class FontChanged(OSError):
    """The font file changed after its metrics were read: embedding it would mix two fonts."""


def _changed(path: str) -> FontChanged:
    return FontChanged(errno.ESTALE, "the font file changed while it was in use", path)


class _Open:
    """The open file, closed when no face or window reads it any more."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fd = os.open(path, os.O_RDONLY)
        self.stat = os.fstat(self.fd)
        self.stamp = _stamp(self.stat)
        weakref.finalize(self, os.close, self.fd)

    def check(self) -> None:
        """Raise :class:`FontChanged` unless the file is as it was when opened."""
        if _stamp(os.fstat(self.fd)) != self.stamp:
            raise _changed(self.path)


def _stamp(st: os.stat_result) -> tuple[int, int]:
    return st.st_size, st.st_mtime_ns


class FontFile:
    """``length`` bytes of an open font file from ``start``: ``len()``, an index and a
    slice (step 1) as on ``bytes``, each read when asked for."""

    __slots__ = ("_file", "_length", "_start")

    def __init__(self, file: _Open, start: int, length: int) -> None:
        self._file, self._start, self._length = file, start, length

    @classmethod
    def open(cls, path: str) -> FontFile:
        """The whole file at ``path``."""
        file = _Open(path)
        return cls(file, 0, file.stat.st_size)

    @property
    def stat(self) -> os.stat_result:
        """The file's state when it was opened."""
        return self._file.stat

    def window(self, start: int, length: int) -> FontFile:
        """The bytes from ``start`` on, ``length`` of them, read when asked for."""
        return FontFile(self._file, self._start + start, length)

    def check(self) -> None:
        """Raise :class:`FontChanged` if the file changed since it was opened."""
        self._file.check()

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, key: int | slice) -> bytes | int:
        if isinstance(key, slice):
            start, stop, step = key.indices(self._length)
            if step != 1:
                raise ValueError("a font file is read in runs of bytes")
            return self._read(start, max(stop - start, 0))
        index = key + self._length if key < 0 else key
        if not 0 <= index < self._length:
            raise IndexError(key)
        return self._read(index, 1)[0]

    def _read(self, start: int, count: int) -> bytes:
        data = os.pread(self._file.fd, count, self._start + start)
        if len(data) != count:  # the file was cut short since it was opened
            raise _changed(self._file.path)
        return data
