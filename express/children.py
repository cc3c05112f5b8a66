"""Processes a build starts end with it, however it ends.

A build killed while typesetting left its workers alive (~70 MB each, typesetting for no
one, then waiting for work for ever), and its search indexer writing into a folder the
next build removes.  On Linux the kernel ends a child when its parent ends, once the
child asks (``prctl(PR_SET_PDEATHSIG)``); elsewhere a worker looks for its parent now
and then.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

PARENT_POLL_S = 0.5  # between a worker's looks at its parent, where it must look
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _ask_kernel() -> None:
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def die_with(parent: int) -> None:
    """End this process (a worker) when ``parent`` ends; at once if it already has."""
    if sys.platform == "linux":
        _ask_kernel()
    else:
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(PARENT_POLL_S)
            os._exit(1)

        threading.Thread(target=watch, name="express-parent", daemon=True).start()
    if os.getppid() != parent:
        os._exit(1)


def dying_with_this() -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess`` that makes the program started end with this
    process (the request survives its ``exec``), or None where that cannot be asked
    safely: off Linux, or with other threads running (``preexec_fn`` runs Python between
    fork and exec, where a lock another thread held stays held)."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return None
    parent = os.getpid()

    def arrange() -> None:
        _ask_kernel()
        if os.getppid() != parent:
            os._exit(1)

    return arrange
