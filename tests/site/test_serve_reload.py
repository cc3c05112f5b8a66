"""The open page in a real headless Chromium follows ``express serve`` by itself: it
reloads after a save, shows a broken save's errors over the page, and drops them when the
next save is good — all within the site's Content-Security-Policy."""

from __future__ import annotations

import pytest

from tests.serve.conftest import ARTICLE, TITLE, serving  # noqa: F401  (a fixture)
from tests.site.conftest import screenshot

pytestmark = pytest.mark.xdist_group("browser")

WAIT_MS = 60_000


def test_the_open_page_reloads_by_itself_and_shows_a_broken_save(serving, open_page):  # noqa: F811
    served = serving()
    page = open_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(served.url + ARTICLE)
    assert "久米島 開催報告" in page.locator("h1").inner_text()
    page.evaluate("window.notReloaded = true")

    served.edit(TITLE, TITLE + "（第二報）")
    page.locator("h1", has_text="（第二報）").wait_for(timeout=WAIT_MS)
    # the page comes first; the site follows, and may reload it once more (a new PDF size)
    served.wait_for_line("the site and its search index are up to date", 60)
    page.wait_for_load_state()
    assert page.evaluate("window.notReloaded") is None  # a new page load, by itself

    line = served.edit(TITLE, "  " + TITLE)
    overlay = page.locator(".express-errors")
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert f"issues/2020-winter/issue.yaml:{line}:" in overlay.inner_text()
    assert overlay.evaluate("e => getComputedStyle(e).position") == "fixed"  # its CSS loaded
    assert "（第二報）" in page.locator("h1").inner_text()  # the last good build beneath
    screenshot(page, "serve-errors")

    served.edit("  " + TITLE + "（第二報）", TITLE + "（第三報）")
    page.locator("h1", has_text="（第三報）").wait_for(timeout=WAIT_MS)
    overlay.wait_for(state="detached", timeout=WAIT_MS)
    assert not [m for m in console if "Content Security Policy" in m], console
