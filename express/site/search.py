"""The search index: Pagefind (extended build, with Japanese word segmentation).

Pagefind reads the written pages (``lang="ja"``, article text marked with
``data-pagefind-body``) and takes records of what has no page of its own — each page of a
back issue's PDF, whose result opens the PDF at that page — then writes ``pagefind/``
into the site; ``assets/site.js`` loads it in the browser.  It runs through the
package's Python API (the same binary, as a service).  When the binary is missing or
fails, the site is still written and a warning says search will not work.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from express.diagnostics import Diagnostics

TIMEOUT = 300


@dataclass(frozen=True)
class Record:
    """A search result with no HTML page: its address (from the site root), its text and
    what the result shows (``title``, ``issue``, …)."""

    url: str
    content: str
    meta: dict[str, str] = field(default_factory=dict)


def build_search_index(site: Path, diags: Diagnostics, records: Sequence[Record] = ()) -> None:
    # in a thread of its own: the caller may be running an event loop already (a test
    # driving Chromium, a server), in which asyncio.run cannot start another
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(lambda: asyncio.run(asyncio.wait_for(_index(site, records),
                                                                   TIMEOUT)))
    try:
        running.result()
    except Exception as exc:  # the service raises bare errors (no binary, a crash, …)
        diags.warning(None, "site.search_failed", reason=str(exc) or type(exc).__name__)
        return
    if not (site / "pagefind" / "pagefind.js").is_file():
        diags.warning(None, "site.search_failed", reason="pagefind wrote no pagefind.js")


async def _index(site: Path, records: Sequence[Record]) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(keep_index_url=True, output_path=str(site / "pagefind"))
    async with PagefindIndex(config) as index:
        await index.add_directory(str(site))
        for r in records:
            await index.add_custom_record(url=r.url, content=r.content, language="ja",
                                          meta=r.meta)
