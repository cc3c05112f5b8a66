"""Fault tests: ``express`` as real processes, killed, run side by side, given files that
are not what they seem; and what ``build/`` holds afterwards.

``outputs`` reads build/pdf and build/site as a map of every file to its digest, so two
states compare exactly: the last good output, the new one, or (never) something else.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from express.project import Project
from tests.incremental.conftest import small_project  # noqa: F401  (a fixture)

RUN_TIMEOUT_S = 240  # a build of two small issues takes seconds: this is for a hung one
GONE_TIMEOUT_S = 10  # for the processes of a killed build to end


def env() -> dict[str, str]:
    return {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "", "PYTHONUNBUFFERED": "1"}


def express(root: Path, *args: str, timeout: float = RUN_TIMEOUT_S,
            **popen) -> subprocess.CompletedProcess:
    """Run ``express --project root ARGS`` to its end (a failure when it hangs)."""
    cmd = [sys.executable, "-m", "express", "--project", str(root), *args]
    try:
        return subprocess.run(cmd, cwd=root, env=env(), capture_output=True, text=True,
                              timeout=timeout, **popen)
    except subprocess.TimeoutExpired:
        pytest.fail(f"express {' '.join(args)} did not end in {timeout} s")


def start(root: Path, *args: str, output: int | None = subprocess.PIPE,
          **popen) -> subprocess.Popen:
    """Start ``express --project root ARGS`` in a session (a process group) of its own;
    ``output`` is where its stdout and stderr go (a pipe stays open while any process of
    the build holds it: DEVNULL for one to be killed)."""
    cmd = [sys.executable, "-m", "express", "--project", str(root), *args]
    return subprocess.Popen(cmd, cwd=root, env=env(), stdout=output, stderr=output,
                            text=True, start_new_session=True, **popen)


def group_ends(pgid: int, timeout: float = GONE_TIMEOUT_S) -> bool:
    """Whether every process of the group ``pgid`` has ended within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def outputs(project: Project) -> dict[str, str] | None:
    """Every file of build/pdf and build/site by its path, with its SHA-256; None when
    either folder is missing."""
    got = {}
    for part in ("pdf", "site"):
        folder = project.build / part
        if not folder.is_dir():
            return None
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                got[path.relative_to(project.build).as_posix()] = \
                    hashlib.sha256(path.read_bytes()).hexdigest()
    return got


def leftovers(project: Project) -> list[str]:
    """What in build/ is neither an output nor the lock: stages, journals, old sites."""
    return sorted(p.name for p in project.build.iterdir()
                  if p.name not in ("pdf", "site", "proof", ".lock"))
