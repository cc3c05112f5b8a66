"""One writer of ``build/`` at a time, per project.

``express build``, ``express proof`` and each rebuild of ``express serve`` write
``build/`` and the build cache; two at once would interleave their outputs.  Each holds
``build/.lock`` (an advisory ``flock``, which the kernel releases however the holder ends,
even killed) while it runs; the next one waits, and says who it waits for: the holder
writes its process id and command into the file.

Taking the lock also settles what a killed run left (express/publish.py), as no one else
can be publishing then.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
from collections.abc import Callable, Iterator

from express.atomic import remove_leftovers
from express.buildcache import cache_dir
from express.project import Project
from express.publish import settle

LOCK = ".lock"

Waiting = Callable[[str], None]  # told who holds the lock, once, before waiting for it


@contextlib.contextmanager
def project_lock(project: Project, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold the project's lock for the ``with`` block, waiting for it if need be."""
    project.build.mkdir(parents=True, exist_ok=True)
    fd = os.open(project.build / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(_holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        _claim(fd)
        _settle(project)
        yield
    finally:
        os.close(fd)  # releases the lock


def settle_if_free(project: Project) -> None:
    """Settle what a killed run left in ``build/``, unless another command holds the lock
    (it settled when it took it).  For every command at its start; a project without
    ``build/``, or one that cannot be written, has nothing to settle."""
    if not (project.issues.is_dir() and project.build.is_dir()):
        return  # not a project (express run elsewhere), or nothing built yet
    try:
        fd = os.open(project.build / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        _settle(project)
    except OSError:
        pass  # held by another run, or a build/ that cannot be written: not ours to fix
    finally:
        os.close(fd)


def _settle(project: Project) -> None:
    settle(project.build)
    remove_leftovers(cache_dir(project.root))  # the cache is written under the lock too


def _claim(fd: int) -> None:
    """Write who holds the lock into it (read by whoever waits)."""
    os.ftruncate(fd, 0)
    command = " ".join(["express", *sys.argv[1:]])[:120]
    os.pwrite(fd, f"{command} (pid {os.getpid()})".encode(), 0)


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "express"
    except OSError:
        return "express"
