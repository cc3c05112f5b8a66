"""In a real headless Chromium: a save's page comes before its PDF.  While the PDF is set,
the page served marks its PDF links; when it is done, the links point at the new file
without the page reloading.  Live, under ``express serve``: the page shows the saved
sentence, its PDF link gives the PDF just typeset, and once the site follows, the search
box finds the new word."""

from __future__ import annotations

import threading

import pytest

from express.serve.fresh import Fresh
from express.serve.pages import Chrome
from express.serve.server import make_server
from express.serve.status import Status
from tests.conftest import ROOT
from tests.serve.conftest import ARTICLE, ISSUE, serving  # noqa: F401  (a fixture)
from tests.site.test_browser import wait_for_search

pytestmark = pytest.mark.xdist_group("browser")

WAIT_MS = 60_000
SENTENCE = "「沖縄ICTフォーラム2020 in 久米島」を開催しました。"
WORD = "zqfreshword"
LINKS = 'a[href*=".pdf"]'
PENDING = "express-pdf-pending"


def test_the_pdf_links_wait_while_the_pdf_is_set_then_point_at_it(site, open_page):
    status = Status()
    server = make_server(site, 0, status, Chrome(ROOT / "templates" / "serve"), fresh=Fresh())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status.publish((), pdf_pending=True)  # a save's pages are served, its PDF not yet
        page = open_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/{ARTICLE}")
        assert page.evaluate(f"document.documentElement.classList.contains('{PENDING}')")
        link = page.locator(LINKS).first
        assert link.evaluate("a => getComputedStyle(a).opacity") == "0.45"
        page.evaluate("window.notReloaded = true")

        status.pdf_done()
        page.wait_for_function(
            f"""() => [...document.querySelectorAll('{LINKS}')].every(a => a.href.includes("?v="))
                     && !document.documentElement.classList.contains('{PENDING}')""",
            timeout=WAIT_MS)
        assert page.evaluate("window.notReloaded") is True  # the same page, not reloaded
        assert link.evaluate("a => getComputedStyle(a).opacity") == "1"
    finally:
        status.close()
        server.shutdown()
        server.server_close()


def test_a_saved_word_is_on_the_page_in_its_pdf_link_and_then_in_search(serving, open_page):  # noqa: F811
    served = serving()
    page = open_page()
    page.goto(served.url + ARTICLE)
    served.edit(SENTENCE, SENTENCE + f"（{WORD}）")
    page.locator("article", has_text=WORD).wait_for(timeout=WAIT_MS)
    served.wait_for_line("issues/2020-winter/issue.yaml changed: built", 60)
    href = page.locator("a.pdf-link").first.evaluate("a => a.href")
    got = page.request.get(href)
    assert got.ok and got.headers["content-type"] == "application/pdf"
    assert got.body() == (served.root / "build" / "pdf" / f"{ISSUE}.pdf").read_bytes()

    served.wait_for_line("the site and its search index are up to date", 60)
    # in a new tab: the open page may be reloading just now, as the site that followed
    # tells it (a new PDF size), which would interrupt a navigation begun in it
    page.close()
    search = open_page()
    search.goto(served.url + "index.html")
    assert wait_for_search(search, WORD) == 1
