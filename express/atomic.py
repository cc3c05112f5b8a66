"""Writing a file so that readers see the old content or the new, never half of it, and
swapping two folders in one step.

Used for build output and for the caches (font metrics, pictures) alike.
"""

from __future__ import annotations

import ctypes
import errno
import os
import secrets
import sys
from functools import cache
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h
# what a system or file system without the exchange answers: the caller swaps otherwise
_CANNOT_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP}


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is created with mode 0666 for the kernel to take the umask off, as
    ``open()`` does, so ``path`` ends with the mode any other written file gets (a web
    server serving ``build/`` must read the PDFs).  ``tempfile.mkstemp`` would make it 0600,
    and reading the umask to fix that afterwards means setting it, which races with other
    threads creating files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.parent / f".{path.name}.{secrets.token_hex(8)}.tmp"
        try:
            fd = os.open(tmp, flags, 0o666)
            break
        except FileExistsError:  # another writer drew the same name: draw again
            continue
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files :func:`write_atomic` left in ``folder`` when the process
    writing them was killed (only where no one else is writing)."""
    if folder.is_dir():
        for leftover in folder.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)


def fresh_dir(parent: Path, prefix: str) -> Path:
    """A new, empty directory in ``parent`` with a name no one else has drawn, made with
    mode 0777 for the kernel to take the umask off (``tempfile.mkdtemp`` makes it 0700: a
    site staged there and renamed into place would be unreadable to a web server)."""
    parent.mkdir(parents=True, exist_ok=True)
    while True:
        path = parent / f"{prefix}{secrets.token_hex(8)}"
        try:
            path.mkdir(0o777)
            return path
        except FileExistsError:
            continue


@cache
def _renameat2():
    """libc's renameat2 (glibc 2.28 or later), or None."""
    if sys.platform != "linux":
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(a: Path, b: Path) -> bool:
    """Swap the entries ``a`` and ``b`` (both must exist) in one step, so that no one ever
    sees either path missing or a mix of the two: Linux's ``renameat2`` with
    ``RENAME_EXCHANGE``.  False where the system or file system cannot (the caller then
    swaps in two renames, and knows how to finish them after a crash)."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _CANNOT_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))
