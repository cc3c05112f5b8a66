"""The built site in a real headless Chromium: over HTTP and from disk, search, phones,
safety and accessibility.  Every page opened here fails its test if a request leaves the
site (see ``open_page``).  Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.site.conftest import screenshot, serve

pytestmark = pytest.mark.xdist_group("browser")

SEARCH_WORDS = {
    "久米島": "2020-winter/",  # a place name in the report (and the 2022 column)
    "さくらインターネット": "2020-winter/",  # a company name (speaker, provider list)
    "総務": None,  # two kanji: 総務省 in the report and committee pages
    "クラウド": None,  # katakana: クラウドPBX, クラウド部会
    "セキュリティ": None,  # katakana: セキュリティ担当者, セキュリティ対応
}


def article_pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.glob("*/*.html"))


def wait_for_search(page, word: str) -> int:
    box = page.locator("#search-q")
    box.fill(word)
    box.press("Enter")
    page.locator("[data-search-status]", has_text=f"「{word}」を含む記事").wait_for(timeout=15_000)
    return page.locator(".search-hit").count()


def test_browse_issue_article_and_download_pdf_over_http(open_page, http_site):
    page = open_page(accept_downloads=True)
    page.goto(http_site + "index.html")
    assert page.title().startswith("JAIPA Express")
    page.keyboard.press("Tab")  # the skip link is the first stop and becomes visible
    skip = page.locator(".skip-link")
    assert skip.evaluate("e => e === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    screenshot(page, "index-1280")

    page.locator(".year a.cover-card__link").last.click()
    assert page.url.endswith("/2020-winter/index.html")
    assert page.locator("h1").inner_text().startswith("第35号")
    screenshot(page, "issue-1280")

    with page.expect_download() as info:
        page.locator(".issue__download a").click()
    pdf = Path(info.value.path())
    assert pdf.read_bytes()[:4] == b"%PDF"

    page.locator(".contents__link").first.click()
    assert page.url.endswith("/2020-winter/okinawa-ict-2020.html")
    assert "沖縄ICTフォーラム2020" in page.locator("h1").inner_text()
    assert page.locator("figure img").first.evaluate("i => i.complete || true")
    screenshot(page, "report-1280")
    page.locator("a[rel=next]").click()
    assert page.url.endswith("/2020-winter/02-member.html")


@pytest.mark.parametrize("width", [375])
def test_phone_viewport_never_scrolls_sideways(open_page, http_site, site, width):
    page = open_page(width=width, height=800)
    wide = {}
    for rel in ["index.html", *article_pages(site)]:
        page.goto(http_site + rel)
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide[rel] = scroll
        if rel in (
            "index.html",
            "2020-winter/index.html",
            "2020-winter/okinawa-ict-2020.html",
            "2022-spring/15-officers.html",
        ):
            screenshot(page, f"{rel.replace('/', '_').removesuffix('.html')}-{width}")
    assert wide == {}


def test_search_finds_japanese_words_and_follows_a_result(open_page, http_site, record_property):
    page = open_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(http_site + "index.html")
    hits = {word: wait_for_search(page, word) for word in SEARCH_WORDS}
    record_property("search_hits", hits)
    print("search hits:", hits)
    assert all(n > 0 for n in hits.values()), hits
    assert errors == []

    wait_for_search(page, "久米島")
    screenshot(page, "search-1280")
    first = page.locator(".search-hit__link").first
    href = first.get_attribute("href")
    assert href.startswith(http_site)
    first.click()
    page.wait_for_load_state()
    assert "久米島" in page.locator("main").inner_text()


def search_links(page, query: str) -> list[str]:
    """The result links for ``query`` (after the status line has answered)."""
    page.locator("#search-q").fill(query)
    page.locator("#search-q").press("Enter")
    shown = unicodedata.normalize("NFKC", query)  # as the status line repeats it
    page.locator("[data-search-status]").filter(has_text=shown).wait_for(timeout=15_000)
    return page.locator(".search-hit__link").evaluate_all("ls => ls.map(l => l.href)")


def test_on_a_phone_a_calendar_row_is_a_card(open_page, http_site):
    # three table columns at 390 px wrapped event titles every few characters
    page = open_page(width=390, height=800)
    page.goto(http_site + "2022-spring/13-calendar.html")
    cells = page.locator("table.calendar tbody tr").first.locator("td")
    assert cells.count() >= 2
    assert cells.first.evaluate("td => getComputedStyle(td).display") == "block"
    first, second = (cells.nth(i).bounding_box() for i in range(2))
    assert second["y"] >= first["y"] + first["height"] - 1  # the event under its date
    assert second["width"] > 300  # the event takes the row's width


def test_search_lists_only_pages_that_contain_a_kana_or_full_width_query(open_page, http_site):
    # a query in kana alone used to list pages without it (and miss pages with it); a
    # full-width ＩＳＰ found far fewer pages than ISP
    page = open_page()
    page.goto(http_site + "index.html")
    links = search_links(page, "まほろば")
    assert links and any(u.endswith("2020-winter/04-providers.html") for u in links)
    for url in links:
        text = page.context.request.get(url.split("#")[0]).text()
        assert "まほろば" in text, url
    assert search_links(page, "くらうど") == []
    assert len(search_links(page, "ＩＳＰ")) == len(search_links(page, "ISP")) > 1


def test_search_from_any_page_and_from_a_query_string(open_page, http_site):
    page = open_page()
    page.goto(http_site + "2022-spring/15-officers.html?q=" + "さくらインターネット")
    page.locator(".search-hit").first.wait_for(timeout=15_000)
    links = page.locator(".search-hit__link").evaluate_all("ls => ls.map(l => l.href)")
    assert all(u.startswith(http_site) for u in links)
    assert any(u.endswith("2020-winter/okinawa-ict-2020.html") for u in links)


def test_site_works_from_disk_and_says_search_is_unavailable(open_page, site):
    page = open_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto((site / "index.html").as_uri())
    bg = page.evaluate("getComputedStyle(document.querySelector('.masthead')).backgroundColor")
    assert bg == "rgb(29, 53, 87)"  # the stylesheet loaded under the CSP
    page.locator("#search-q").fill("久米島")
    page.locator("#search-q").press("Enter")
    status = page.locator("[data-search-status]")
    status.filter(has_text="ファイルとして直接開かれている").wait_for(timeout=10_000)
    screenshot(page, "index-file-search")

    page.locator(".year a.cover-card__link").first.click()
    assert page.url.startswith("file://") and page.url.endswith("/index.html")
    page.locator(".contents__link").first.click()
    images = page.locator("main img")
    for i in range(images.count()):
        images.nth(i).scroll_into_view_if_needed()
        assert (
            images.nth(i).evaluate(
                "img => new Promise(r => img.complete ? r(img.naturalWidth)"
                " : img.addEventListener('load', () => r(img.naturalWidth)))"
            )
            > 0
        )
    assert problems == []


def test_script_written_in_an_article_is_shown_never_run(open_page, empty_project):
    from express.build import build

    folder = empty_project.issues / "2031-autumn"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        "number: 91\ndate: 2031-10-01\n"
        'cover:\n  headline: "<script>window.pwned=1</script>見出し"\n'
        "articles:\n"
        "  - kind: article\n"
        "    id: xss\n"
        '    title: "<script>window.pwned=1</script>題"\n'
        "    body: |\n"
        '      本文<script>window.pwned=1</script>です。<img src=x onerror="window.pwned=1">\n',
        encoding="utf-8",
    )
    result = build(empty_project)
    assert result.ok, [d.render("en") for d in result.diags]
    server, url = serve(result.site)
    try:
        page = open_page()
        for rel in ("index.html", "2031-autumn/index.html", "2031-autumn/xss.html"):
            page.goto(url + rel)
            assert page.evaluate("typeof window.pwned") == "undefined"
            assert "<script>window.pwned=1</script>" in page.locator("main").inner_text()
        assert "<img src=x" in page.locator("main").inner_text()
    finally:
        server.shutdown()
        server.server_close()


def test_no_serious_accessibility_findings(open_page, http_site, site, archive_kinds):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = open_page()
    found = {}
    for rel in ["index.html", "2020-winter/index.html", *archive_kinds]:
        page.goto(http_site + rel)
        result = axe.run(page)
        bad = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])})"
            for v in result.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[rel] = bad
    assert found == {}


@pytest.fixture(scope="module")
def archive_kinds(built) -> list[str]:
    """One article page of each kind in the samples."""
    from express.check import check

    archive, _ = check(built[0])
    pages: dict[str, str] = {}
    for issue in archive.issues:
        for article in issue.articles:
            pages.setdefault(article.kind, f"{issue.id}/{article.id}.html")
    return sorted(pages.values())
