"""The search index: Pagefind (extended build, with Japanese word segmentation).

Pagefind reads the written pages (``lang="ja"``, article text marked with
``data-pagefind-body``) and takes records of what has no page of its own — each page of a
back issue's PDF, whose result opens the PDF at that page — then writes ``pagefind/``
into the site; ``assets/site.js`` loads it in the browser.  When the binary is missing or
fails, the site is still written and a warning says search will not work.

The binary runs as a service (``pagefind --service``, the process the package's Python
API starts), spoken to here directly over its pipes: that API waits 0.1 s before reading
each answer, ~0.4 s a site (and 0.1 s per back-issue page), and a service loads its
Japanese dictionary (~1 s) on its first page.  The index's files are taken from the
service and written here: those it writes itself may be unfinished when it answers.  An
:class:`Indexer` keeps one service for as long as its owner lives: ``express serve``
indexes every save's site with the same one.
"""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from express.children import dying_with_this
from express.diagnostics import Diagnostics

TIMEOUT = 300  # seconds one site's index may take
OUTPUT = "pagefind"


@dataclass(frozen=True)
class Record:
    """A search result with no HTML page: its address (from the site root), its text and
    what the result shows (``title``, ``issue``, …)."""

    url: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)


class IndexerError(Exception):
    """The service is missing, failed, or did not answer in time."""


class Indexer:
    """One Pagefind service, started on first use, serving one index at a time."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._buffer = b""
        self._sent = 0

    def index(self, site: Path, records: Sequence[Record] = ()) -> None:
        """Index the pages in ``site`` and ``records``; write ``site/pagefind/``."""
        deadline = time.monotonic() + TIMEOUT
        with self._lock:
            try:
                self._index(site, records, deadline)
            except BaseException:
                self._stop()  # a service in an unknown state is not reused
                raise

    def warm_up(self) -> None:
        """Start the service and have it load its Japanese dictionary (on the first
        Japanese page it reads), so that the first site it indexes need not wait."""
        deadline = time.monotonic() + TIMEOUT
        page = '<html lang="ja"><body><p>日本語の文を索引に入れます。</p></body></html>'
        with self._lock:
            if self._proc is not None:
                return  # started: it has read Japanese pages already, or is reading them
            try:
                index = self._ask({"type": "NewIndex", "config": {}}, deadline)["index_id"]
                self._ask({"type": "AddFile", "index_id": index, "url": "/", "file_path": None,
                           "file_contents": page}, deadline)
                self._ask({"type": "DeleteIndex", "index_id": index}, deadline)
            except (IndexerError, OSError):
                self._stop()  # the next index says why

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _index(self, site: Path, records: Sequence[Record], deadline: float) -> None:
        made = self._ask({"type": "NewIndex", "config": {"keep_index_url": True}}, deadline)
        index = made["index_id"]
        try:
            self._ask({"type": "AddDir", "index_id": index, "path": str(site.resolve()),
                       "glob": None}, deadline)
            for r in records:
                self._ask({"type": "AddRecord", "index_id": index, "url": r.url,
                           "content": r.content, "language": "ja", "meta": r.meta,
                           "filters": None, "sort": None}, deadline)
            # written here, not by the service: its files may still be being written
            # when it says they are (tokio's last write is not flushed before its answer)
            got = self._ask({"type": "GetFiles", "index_id": index}, deadline)
            _write(site / OUTPUT, got["files"])
        finally:
            if self._proc is not None:
                self._ask({"type": "DeleteIndex", "index_id": index}, deadline)

    def _start(self) -> subprocess.Popen:
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise IndexerError("no pagefind binary")
        self._buffer = b""
        return subprocess.Popen([str(binary), "--service"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                preexec_fn=dying_with_this())  # else: ends at stdin's EOF

    def _ask(self, payload: dict, deadline: float) -> dict:
        """Send one request and wait for its answer (the service answers in order)."""
        if self._proc is None:
            self._proc = self._start()
        self._sent += 1
        request = {"message_id": self._sent, "payload": payload}
        try:
            self._proc.stdin.write(base64.b64encode(json.dumps(request).encode()) + b",")
            self._proc.stdin.flush()
        except OSError as exc:
            raise IndexerError(f"pagefind ended ({exc})") from exc
        while True:
            answer = self._answer(deadline)
            if answer.get("message_id") not in (self._sent, None):
                continue  # an answer to a request given up on
            got = answer.get("payload") or {}
            if got.get("type") == "Error":
                raise IndexerError(str(got.get("message") or "pagefind failed"))
            return got

    def _answer(self, deadline: float) -> dict:
        fd = self._proc.stdout.fileno()
        while b"," not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise IndexerError(f"pagefind gave no answer in {TIMEOUT} s")
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                raise IndexerError("pagefind ended")
            self._buffer += chunk
        data, _, self._buffer = self._buffer.partition(b",")
        try:
            return json.loads(base64.b64decode(data))
        except ValueError as exc:
            raise IndexerError("pagefind answered what cannot be read") from exc

    def _stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.stdin.close()
        proc.stdout.close()
        proc.kill()
        proc.wait()


def _write(folder: Path, files: list[dict]) -> None:
    """The index's files, each at its path in ``folder`` (paths from the service are
    checked to stay inside it)."""
    root = folder.resolve()
    for f in files:
        path = (root / f["path"]).resolve()
        if root not in path.parents:
            raise IndexerError(f"pagefind named a file outside its folder: {f['path']}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(f["content"]))


def build_search_index(site: Path, diags: Diagnostics, records: Sequence[Record] = (),
                       indexer: Indexer | None = None) -> None:
    """Write ``site/pagefind/`` with ``indexer`` (else a service started for it alone)."""
    own = indexer is None
    indexer = indexer or Indexer()
    try:
        indexer.index(site, records)
    except (IndexerError, OSError) as exc:
        diags.warning(None, "site.search_failed", reason=str(exc) or type(exc).__name__)
        return
    finally:
        if own:
            indexer.close()
    if not (site / OUTPUT / "pagefind.js").is_file():
        diags.warning(None, "site.search_failed", reason="pagefind wrote no pagefind.js")
