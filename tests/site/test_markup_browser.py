"""The new markup and photo options on the site, in a real headless Chromium: line breaks
start new lines, subheadings are h3 in their own style, numbered lists count, the
signature stands flush right, photos take their size with credit and alt text."""

from __future__ import annotations

import pytest

from tests.site.conftest import screenshot

pytestmark = pytest.mark.xdist_group("browser")

ARTICLE = "2022-spring/igf-and-events.html"


def test_subheadings_are_h3_in_the_outline_of_the_article(open_page, http_site):
    page = open_page()
    page.goto(http_site + ARTICLE)
    heads = page.locator("article .prose h3")
    assert heads.all_inner_texts() == ["インターネットガバナンスへの参加", "業界の交流の場",
                                       "会員のメリット"]
    style = heads.first.evaluate("h => [getComputedStyle(h).fontWeight, "
                                 "getComputedStyle(h).fontSize, "
                                 "getComputedStyle(h.nextElementSibling).fontSize]")
    assert int(style[0]) >= 700 and float(style[1][:-2]) > float(style[2][:-2])
    # the document outline: h1 (the title), then the h3 subheadings, no level above them
    levels = page.evaluate("[...document.querySelectorAll('article h1, article h2, "
                           "article h3')].map(h => h.tagName)")
    assert levels[0] == "H1" and levels.count("H3") == 3
    screenshot(page, "markup-article-1280")


def test_a_numbered_list_counts_its_items(open_page, http_site):
    page = open_page()
    page.goto(http_site + ARTICLE)
    ol = page.locator("article .prose ol.numbers")
    assert ol.count() == 1
    items = ol.locator("> li")
    assert items.count() == 8
    assert items.first.evaluate("li => getComputedStyle(li).listStyleType") == "decimal"
    assert items.first.inner_text().startswith("業界動向をタイムリーに把握し")


def test_line_breaks_start_new_lines_and_need_no_indent(open_page, http_site):
    page = open_page()
    page.goto(http_site + "2020-winter/03-member.html")
    para = page.locator("article .prose p.lines")
    assert para.count() == 1 and para.locator("br").count() == 2
    # each written line starts at the paragraph's left edge, one below the other
    tops = para.evaluate("""p => {
        const out = [];
        for (const node of p.childNodes) {
            if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
            const r = document.createRange(); r.selectNodeContents(node);
            const b = r.getClientRects()[0]; out.push([b.left, b.top]);
        }
        return out;
    }""")
    assert len(tops) == 3
    left = para.bounding_box()["x"]
    assert all(abs(x - left) < 1 for x, _y in tops), tops
    assert tops[0][1] < tops[1][1] < tops[2][1]
    screenshot(page, "markup-lines-1280")


def test_the_signature_stands_flush_right_on_its_written_lines(open_page, http_site):
    page = open_page()
    page.goto(http_site + "2020-winter/index.html")
    sig = page.locator(".editorial p.signature")
    assert sig.inner_text().split("\n") == ["一般社団法人 日本インターネットプロバイダー協会",
                                            "会長 久保 真"]
    assert sig.evaluate("p => getComputedStyle(p).textAlign") == "right"
    prose = page.locator(".editorial").bounding_box()
    name = sig.evaluate("""p => { const r = document.createRange();
        r.selectNodeContents(p.lastChild); const b = r.getBoundingClientRect();
        return b.right; }""")
    assert name <= prose["x"] + prose["width"] + 1


def test_photo_sizes_credit_and_alt(open_page, http_site):
    page = open_page(width=1280)
    page.goto(http_site + ARTICLE)
    figures = page.locator("figure.photo")
    assert figures.count() == 3
    wide, half, column = (figures.nth(i).bounding_box() for i in range(3))
    grid = page.locator(".photos").bounding_box()
    assert wide["width"] > 0.95 * grid["width"]  # the whole row
    assert half["width"] < column["width"]
    credit = figures.nth(0).locator(".photo__credit")
    assert credit.inner_text() == "写真提供：JAIPA事務局"
    alts = page.locator("figure.photo img").evaluate_all("is => is.map(i => i.alt)")
    assert alts == ["IGF Japan の会合の様子（イメージ）",  # no alt written: the caption
                    "第53回 JAIPA ISPの集い in 松山（イメージ）",
                    "青い海の向こうに緑の島影と白い太陽が見える、沖縄の海の風景"]


def test_committee_and_member_pages_show_their_photos(open_page, http_site):
    page = open_page()
    page.goto(http_site + "2020-winter/03-member.html")
    assert page.locator("figure.photo--half img").count() == 1
    page.goto(http_site + "2022-spring/07-committee.html")
    img = page.locator("figure.photo img").first
    assert img.get_attribute("alt") == "広報PR部会の勉強会（イメージ）"
