"""Writing a file so that readers see the old content or the new, never half of it.

Used for build output and for the caches (font metrics, pictures) alike.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


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
