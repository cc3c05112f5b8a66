"""The search index: Pagefind (extended build, with Japanese word segmentation).

Pagefind reads the written pages (``lang="ja"``, article text marked with
``data-pagefind-body``) and writes ``pagefind/`` into the site; ``assets/site.js`` loads it
in the browser.  When the binary is missing or fails, the site is still written and a
warning says search will not work.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from express.children import dying_with_this
from express.diagnostics import Diagnostics

TIMEOUT = 300


def pagefind_command() -> list[str]:
    from pagefind.service import _must_get_executable

    return [str(_must_get_executable().resolve())]


def build_search_index(site: Path, diags: Diagnostics) -> None:
    try:
        cmd = pagefind_command()
    except Exception as exc:  # the package raises a bare error when no binary fits
        diags.warning(None, "site.search_failed", reason=str(exc))
        return
    try:
        proc = subprocess.run(
            [
                *cmd,
                "--site",
                str(site),
                "--output-subdir",
                "pagefind",
                "--keep-index-url",
                "--silent",
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            preexec_fn=dying_with_this(),  # a killed build's indexer stops with it
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        diags.warning(None, "site.search_failed", reason=str(exc))
        return
    if proc.returncode != 0 or not (site / "pagefind" / "pagefind.js").is_file():
        reason = (proc.stderr or proc.stdout).strip().splitlines()
        diags.warning(
            None,
            "site.search_failed",
            reason=reason[-1] if reason else f"exit status {proc.returncode}",
        )
