"""Site test helpers: the built site, a local HTTP server, screenshots (the browser itself
is in tests/conftest.py)."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="session")
def site(built) -> Path:
    """The folder of the samples' built site."""
    _project, result = built
    assert result.site is not None and (result.site / "index.html").is_file()
    return result.site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def http_site(site):
    """Base URL (ending in /) of the built site served on 127.0.0.1."""
    server, url = serve(site)
    yield url
    server.shutdown()
    server.server_close()


def screenshot(page, name: str) -> None:
    """A full-page screenshot in tests/screenshots/ (lazy images loaded first)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate(
        """async () => {
            for (const img of document.images) { img.loading = "eager"; }
            for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
                scrollTo(0, y);
                await new Promise(r => requestAnimationFrame(r));
            }
            scrollTo(0, 0);
            await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
        }"""
    )
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
