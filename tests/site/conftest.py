"""Site test helpers: the built site, a local HTTP server, one headless Chromium per session.

Browser tests are marked ``xdist_group("browser")`` so one worker runs them all with a
single browser.  Every page opened through ``open_page`` records its requests; the test
fails if any request leaves the site (127.0.0.1 or file://).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "screenshots"
# chrome-extension:, chrome: Chromium's own PDF viewer and its resources, showing a PDF of
# the site
LOCAL_SCHEMES = ("file://", "data:", "blob:", "about:", "chrome-extension://", "chrome://")


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


def _fontconfig(tmp: Path) -> dict[str, str]:
    """Let Chromium see the project's provisioned Japanese fonts (for readable screenshots)."""
    fonts = ROOT / ".cache" / "fonts"
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{tmp / 'cache'}</cachedir>\n"
        "  <alias><family>serif</family><prefer><family>BIZ UDPMincho</family>"
        "<family>BIZ UDMincho</family></prefer></alias>\n"
        "  <alias><family>sans-serif</family><prefer><family>BIZ UDPGothic</family>"
        "<family>BIZ UDGothic</family></prefer></alias>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (.ci/run installs it with apt)")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="express-chromium-"))
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=_fontconfig(tmp))
        yield b
        b.close()
    shutil.rmtree(tmp, ignore_errors=True)


class PageOpener:
    """Opens pages in fresh contexts and remembers every request they make."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts = []
        self.requests: list[str] = []

    def __call__(self, width: int = 1280, height: int = 900, **kw):
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, locale="ja-JP", **kw
        )
        self.contexts.append(context)
        page = context.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        return page

    def outside(self) -> list[str]:
        return [
            u
            for u in self.requests
            if not (u.startswith("http://127.0.0.1:") or u.startswith(LOCAL_SCHEMES))
        ]

    def close(self) -> None:
        for c in self.contexts:
            c.close()


@pytest.fixture
def open_page(browser):
    opener = PageOpener(browser)
    yield opener
    opener.close()
    assert opener.outside() == [], "requests left the site"


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
