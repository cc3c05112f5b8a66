"""Back issues in a real headless Chromium: covers on the index, a word found only inside
one PDF opens that PDF at its page, the scanned issue's words are found (marked OCR), and
the PDF the browser gets is the file given."""

from __future__ import annotations

import pytest

from tests.site.conftest import screenshot, serve

pytestmark = pytest.mark.xdist_group("browser")

# a word only in one back issue → (issue, PDF page it is on)
ONLY_IN = {
    "帯域制御": ("2019-autumn", 3),  # broken across two lines on the page
    "ピアリング": ("2019-spring", 4),
    "相互接続": ("2019-spring", 3),  # 相互接 | 続 across two lines
    "冗長化": ("2018-winter", 2),  # in a picture of a page: read by OCR
}


@pytest.fixture(scope="module")
def back_site(back_built):
    _project, result = back_built
    server, url = serve(result.site)
    yield url
    server.shutdown()
    server.server_close()


def hits(page, word: str) -> list[dict]:
    page.locator("#search-q").fill(word)
    page.locator("#search-q").press("Enter")
    page.locator("[data-search-status]", has_text=f"「{word}」を含む").wait_for(timeout=15_000)
    return page.locator(".search-hit").evaluate_all(
        """items => items.map(li => ({
             href: li.querySelector('a').href,
             title: li.querySelector('a').textContent,
             issue: (li.querySelector('.search-hit__issue') || {}).textContent || '',
             ocr: !!li.querySelector('.badge--ocr')}))""")


def test_back_issues_are_on_the_index_with_covers(open_page, back_site):
    page = open_page()
    page.goto(back_site + "index.html")
    for issue_id in ("2019-autumn", "2019-spring", "2018-winter"):
        image = page.locator(f'a[href="{issue_id}/index.html"] img.cover-card__image')
        image.scroll_into_view_if_needed()
        image.evaluate("img => img.decode()")
        assert image.evaluate("img => img.naturalWidth") > 400, issue_id
        assert image.is_visible()
    screenshot(page, "backissues-index-1280")
    page.locator('a[href="2019-spring/index.html"]').first.click()
    assert page.locator("h1").inner_text().startswith("第33号")
    assert page.locator(".page-grid__image").count() == 5
    screenshot(page, "backissues-issue-1280")


def test_a_word_only_in_one_back_issue_opens_that_pdf_at_its_page(open_page, back_site,
                                                                 originals):
    page = open_page()
    page.goto(back_site + "index.html")
    for word, (issue_id, number) in ONLY_IN.items():
        found = hits(page, word)
        pdf_hits = [h for h in found if ".pdf#page=" in h["href"]]
        assert [h["href"] for h in pdf_hits] == [
            f"{back_site}{issue_id}/{issue_id}.pdf#page={number}"], (word, found)
        [hit] = pdf_hits
        assert f"{number}ページ" in hit["title"] and "誌面（PDF）" in hit["issue"]
        assert hit["ocr"] == (issue_id == "2018-winter")
        served = page.context.request.get(hit["href"].split("#")[0]).body()
        assert served == originals.files[issue_id].read_bytes()
    screenshot(page, "backissues-search-ocr-1280")


def test_the_result_opens_the_pdf_viewer_at_that_page(open_page, back_site):
    page = open_page()
    page.goto(back_site + "index.html")
    hits(page, "帯域制御")
    page.locator(".search-hit__link", has_text="技術部会だより").click()
    page.wait_for_url("**/2019-autumn/2019-autumn.pdf#page=3")
    for _ in range(150):  # Chromium's PDF viewer opens in a frame of its own
        viewer = next((f for f in page.frames if f.url.startswith("chrome-extension://")),
                      None)
        if viewer is not None:
            break
        page.wait_for_timeout(100)
    assert viewer is not None, "Chromium showed no PDF viewer"
    selector = viewer.locator("viewer-page-selector input")
    selector.wait_for(timeout=15_000)
    for _ in range(50):  # the viewer goes to #page= once the document is loaded
        if selector.input_value() == "3":
            break
        page.wait_for_timeout(100)
    assert selector.input_value() == "3"
    screenshot(page, "backissues-pdf-page-3")
