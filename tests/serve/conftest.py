"""``express serve`` as editors run it: a real subprocess on a copy of the project.

``Served`` starts it on a free port (``--port 0``), reads the URL it prints, and stops it
at the end of the test; the browser test is in tests/site (one headless Chromium per worker).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_project, edit
from tests.site.conftest import site  # noqa: F401  (a fixture)

START_TIMEOUT_S = 120  # the first build of both sample issues, on a busy machine
CHANGE_TIMEOUT_S = 60
ISSUE = "2020-winter"
ARTICLE = f"{ISSUE}/okinawa-ict-2020.html"
TITLE = "title: 沖縄ICTフォーラム2020 in 久米島 開催報告"


class Served:
    """A running ``express serve``: its URL, its output so far, and the issue file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.issue_yaml = root / "issues" / ISSUE / "issue.yaml"
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "express", "--project", str(root), "serve", "--port", "0"],
            cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8")
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        for stream in (self.proc.stdout, self.proc.stderr):
            threading.Thread(target=self._read, args=(stream,), daemon=True).start()
        self.url = self.wait_for_line("serving ", START_TIMEOUT_S).split(" at ")[1].split()[0]

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, start: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                assert self.proc.poll() is None, "express serve exited:\n" + self.log()
                continue
            self.output.append(line)
            if line.startswith(start):
                return line
        raise AssertionError(f"no line starting {start!r} in time:\n{self.log()}")

    def log(self) -> str:
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return "\n".join(self.output)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8")

    def wait_until(self, path: str, ok: Callable[[str], bool]) -> str:
        """Poll ``path`` until its text satisfies ``ok``; returns that text."""
        deadline = time.monotonic() + CHANGE_TIMEOUT_S
        while time.monotonic() < deadline:
            _status, text = self.get(path)
            if ok(text):
                return text
            assert self.proc.poll() is None, "express serve exited:\n" + self.log()
            time.sleep(0.1)
        raise AssertionError(f"{path} never changed as expected:\n{self.log()}")

    def edit(self, old: str, new: str) -> int:
        return edit(self.issue_yaml, old, new)

    def interrupt(self) -> int:
        """Ctrl+C; returns the exit status."""
        self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[Callable[[], Served]]:
    """Starts ``express serve`` on a copy of the samples (after the test's own changes)."""
    copy_project(tmp_path)
    started: list[Served] = []

    def start() -> Served:
        started.append(Served(tmp_path))
        return started[-1]

    yield start
    for s in started:
        s.stop()
