"""The built archive site, read from disk: structure, every kind's markup, links, feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from express.check import check
from express.model.body import Body, Inline, ItemList, ListItem
from express.site.media import size_label
from express.site.render import body_blocks, safe_href, tel_href


class Page(HTMLParser):
    """Tags with their attributes, and the visible text, of one HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    @property
    def plain(self) -> str:
        return "".join(self.text)


@pytest.fixture(scope="module")
def archive(built):
    project, _ = built
    archive, _diags = check(project)
    return archive


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def test_index_lists_every_issue_newest_first_by_year(site, archive):
    index = Page(site / "index.html")
    html = (site / "index.html").read_text(encoding="utf-8")
    years = [int(m) for m in re.findall(r'id="year-(\d{4})"', html)]
    assert years == sorted({i.date.year for i in archive.issues}, reverse=True)
    positions = [html.index(f'href="{i.id}/index.html"') for i in archive.issues]
    assert positions == sorted(positions)
    for issue in archive.issues:
        assert issue.number_label in index.plain
        assert issue.season in index.plain
        # the publication date without its weekday, as in print
        assert f"{issue.date.year}年{issue.date.month}月{issue.date.day}日発行" in index.plain
        thumbs = index.all("img", src=f"{issue.id}/cover.webp")
        assert thumbs and all(int(t["width"]) > 0 and int(t["height"]) > 0 for t in thumbs)
        assert (site / issue.id / "cover.webp").read_bytes()[8:12] == b"WEBP"
        pdf = index.all("a", href=f"{issue.id}/{issue.id}.pdf")
        assert pdf
    assert re.search(r"PDF</span> <span class=\"pdf-link__size\">\d+(\.\d)? [kM]B", html)
    assert index.all("input", type="search")


def test_issue_pages_have_contents_pdf_and_neighbours(site, archive):
    for issue in archive.issues:
        page = Page(site / issue.id / "index.html")
        pdf = site / issue.id / f"{issue.id}.pdf"
        assert pdf.read_bytes().startswith(b"%PDF")
        label = size_label(pdf.stat().st_size)
        assert label in page.plain
        for article in issue.articles:
            assert page.all("a", href=f"{article.id}.html")
            assert (site / issue.id / f"{article.id}.html").is_file()
        newer, older = archive.neighbours(issue)
        for other, rel in ((newer, "prev"), (older, "next")):
            links = page.all("a", rel=rel)
            if other is None:
                assert not links
            else:
                assert links[0]["href"] == f"../{other.id}/index.html"


def test_every_page_is_japanese_with_csp_title_and_description(site):
    for path in html_pages(site):
        html = path.read_text(encoding="utf-8")
        page = Page(path)
        assert page.all("html", lang="ja"), path
        csp = page.all("meta", **{"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'self'" in csp[0]["content"], path
        assert re.search(r"<title>[^<]{4,}</title>", html), path
        assert page.all("meta", name="description")[0]["content"].strip(), path
        assert page.all("main") and page.all("header") and page.all("footer"), path
        assert page.all("a", class_="skip-link", href="#main"), path


def test_report_renders_facts_programme_and_photos(site, archive):
    issue = next(i for i in archive.issues if i.id == "2020-winter")
    report = issue.articles[0]
    path = site / issue.id / f"{report.id}.html"
    html = path.read_text(encoding="utf-8")
    page = Page(path)
    assert "<dl" in html and "<dt>日時</dt>" in html
    assert report.event.dates_label == "2020年11月19日（木）〜20日（金）"
    assert report.event.dates_label in page.plain
    assert "現地46名・リモート9名　計55名" in page.plain  # the model's line, as in the PDF
    assert "11月18日（水）" in page.plain  # side event with its weekday
    assert '<caption><time datetime="2020-11-19">11月19日（木）</time></caption>' in html
    assert page.all("th", scope="row") and page.all("th", scope="col")
    assert "（50分）" in page.plain and "（90分）" in page.plain  # computed durations
    assert page.all("span", class_="access access--open")
    assert page.all("span", class_="access access--partial")
    assert "川添 雄彦" in page.plain and "お昼休憩" in page.plain
    assert "<ruby>久米島<rp>（</rp><rt>くめじま</rt><rp>）</rp></ruby>" in html
    assert "<strong>発信者情報開示制度の大改正</strong>" in html
    figures = html.count("<figure")
    assert figures == len(report.photos) == html.count("<figcaption")
    for photo in report.photos:
        img = page.all("img", alt=photo.alt_text)  # the alt written, else the caption
        assert img, photo.alt_text
        src = path.parent / img[0]["src"]
        assert src.is_file() and int(img[0]["width"]) <= 1200


def test_member_committee_and_article_kinds(site, archive):
    winter = {a.id: a for a in archive.issues[1].articles}
    kees = Page(site / "2020-winter" / "03-member.html")
    assert kees.all("a", href="tel:0367219837")
    assert kees.all("a", href="mailto:kees@kees-net.com")
    assert kees.all("a", href="http://www.kees-net.com")
    logo = kees.all("img", alt="株式会社KEESのロゴ")
    assert logo and (site / "2020-winter" / logo[0]["src"]).is_file()
    about = Page(site / "2020-winter" / "05-article.html")
    html = (site / "2020-winter" / "05-article.html").read_text(encoding="utf-8")
    assert '<ul class="bullets">' in html and "<li>主催イベントのレポート</li>" in html
    assert about.all("a", href="https://www.jaipa.or.jp/book/")
    assert about.all("a", href="mailto:info@jaipa.or.jp")
    assert winter["05-article"].byline in about.plain
    committee = Page(site / "2022-spring" / "02-committee.html")
    assert "部会長" in committee.plain and "野口（EditNet株式会社）" in committee.plain


def test_list_kinds_keep_their_derived_orders(site, archive):
    spring = {a.kind: a for a in archive.issues[0].articles}
    officers = Page(site / "2022-spring" / "15-officers.html")
    assert "理事25名 監事3名" in officers.plain
    html = (site / "2022-spring" / "15-officers.html").read_text(encoding="utf-8")
    assert html.count("<table") == len(spring["officers"].groups)
    calendar = (site / "2022-spring" / "13-calendar.html").read_text(encoding="utf-8")
    labels = [e.dates_label for e in spring["calendar"].in_date_order]
    assert [calendar.index(label) for label in labels] == sorted(
        calendar.index(label) for label in labels
    )
    assert "2019年5月23日（木）〜24日（金）" in calendar
    opinions = (site / "2022-spring" / "14-opinions.html").read_text(encoding="utf-8")
    listed = opinions.split('<ol class="dated-list"')[1]
    dates = re.findall(r'datetime="(\d{4}-\d\d-\d\d)"', listed)
    assert dates == sorted(dates, reverse=True)
    providers = Page(site / "2020-winter" / "04-providers.html")
    headings = [t for t in providers.text if t.strip() in ("北海道", "宮城県", "東京都", "沖縄県")]
    assert headings == ["北海道", "宮城県", "東京都", "沖縄県"]


def test_every_link_and_asset_resolves_on_disk(site):
    """Crawl every page's href/src inside the site: each names an existing file (the 404
    page aside: a web server serves it at any depth, so it links from the root path; see
    test_the_404_page_links_from_the_published_root)."""
    missing = []
    for path in (p for p in html_pages(site) if p.name != "404.html"):
        for tag, attrs in Page(path).tags:
            for key in ("href", "src"):
                url = attrs.get(key)
                if not url or tag == "base":
                    continue
                parts = urlsplit(url)
                if parts.scheme in ("http", "https", "mailto", "tel"):
                    fetched = not (tag == "a" or attrs.get("rel") == "canonical")
                    assert not fetched, f"{path}: external {tag} {url}"
                    continue
                assert not parts.scheme and not url.startswith("/"), f"{path}: {url}"
                if not parts.path:  # "#main"
                    continue
                target = (path.parent / unquote(parts.path)).resolve()
                if not target.is_file():
                    missing.append(f"{path.relative_to(site)} → {url}")
    assert missing == []


def test_no_page_loads_anything_from_elsewhere(site):
    for path in [*html_pages(site), *site.glob("assets/*.css"), *site.glob("assets/*.js")]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(?:src|@import|url\()\s*=?\s*[\"']?(https?:)?//", text):
            pytest.fail(f"{path}: {m.group(0)}")


def test_feed_and_sitemap_use_archive_url(site, archive):
    base = archive.publication.archive_url
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "feed.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(archive.issues)
    first = entries[0]
    assert first.find("a:id", ns).text == f"{base}{archive.issues[0].id}/"
    enclosure = first.find("a:link[@rel='enclosure']", ns)
    assert enclosure.get("href").endswith(".pdf") and enclosure.get("href").startswith(base)
    pdf = site / enclosure.get("href").removeprefix(base)
    assert int(enclosure.get("length")) == pdf.stat().st_size  # what a feed reader fetches
    sitemap = ET.parse(site / "sitemap.xml").getroot()
    locs = [e.text for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) == 1 + sum(1 + len(i.articles) for i in archive.issues)
    assert all(u.startswith(base) for u in locs)
    issue_page = Page(site / archive.issues[0].id / "index.html")
    og = issue_page.all("meta", property="og:image")[0]["content"]
    assert og == f"{base}{archive.issues[0].id}/cover.jpg"


def test_search_index_is_built(site):
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind").glob("index/*.pf_index"))


def test_site_without_archive_url_omits_absolute_features(empty_project):
    from express.build import build

    pub = empty_project.issues / "publication.yaml"
    pub.write_text(
        "\n".join(
            line
            for line in pub.read_text(encoding="utf-8").splitlines()
            if not line.startswith("archive_url")
        ),
        encoding="utf-8",
    )
    folder = empty_project.issues / "2031-autumn"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        "number: 91\ndate: 2031-10-01\narticles:\n"
        "  - kind: article\n    title: 題\n    body: |\n      本文です。\n",
        encoding="utf-8",
    )
    result = build(empty_project)
    assert result.ok, [d.render("en") for d in result.diags]
    site = result.site
    assert not (site / "feed.xml").exists() and not (site / "sitemap.xml").exists()
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "og:image" not in html and "canonical" not in html and "feed.xml" not in html
    assert (site / "2031-autumn" / "01-article.html").is_file()


def test_attendance_shows_only_the_parts_given_in_pdf_and_site(empty_project):
    """Only ``onsite: 12`` given: both outputs say 現地12名, and no リモート0名 or total
    that the editor never wrote."""
    from express.build import build
    from tests.pdf.conftest import pdfium_text, squash, write_issue

    write_issue(empty_project, extra="""\
  - kind: report
    title: 現地のみの会合 開催報告
    event:
      start: 2031-09-01
      attendance:
        onsite: 12
""")
    result = build(empty_project)
    assert result.ok, [d.render("en") for d in result.diags]
    pdf = squash(pdfium_text(result.pdfs["2031-autumn"]))
    facts = Page(result.site / "2031-autumn" / "02-report.html").plain
    for text in (pdf, squash(facts)):
        assert "参加者現地12名" in text
        assert "リモート" not in text and "計12名" not in text


# ------------------------------------------------------------------ small helpers


def test_nested_bullets_become_nested_lists():
    items = (
        ListItem(0, (Inline("a"),)),
        ListItem(1, (Inline("b"),)),
        ListItem(1, (Inline("c"),)),
        ListItem(0, (Inline("d"),)),
    )
    [(kind, roots)] = body_blocks(Body((ItemList(items),)))
    assert kind == "ul"
    assert [n.inlines[0].text for n in roots] == ["a", "d"]
    assert [n.inlines[0].text for n in roots[0].children] == ["b", "c"]


def test_link_helpers():
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("https://example.jp/") == "https://example.jp/"
    assert tel_href("03-6721-9837") == "tel:0367219837"
    assert size_label(1_234_567) == "1.2 MB" and size_label(93_400) == "93 kB"


def test_an_article_titled_as_its_kind_is_not_described_twice(site):
    officers = Page(site / "2022-spring" / "15-officers.html")
    description = officers.all("meta", name_="description")[0]["content"]
    assert "役員一覧「役員一覧」" not in description and description.endswith("役員一覧")


def test_an_issue_without_a_headline_shows_its_first_article_not_its_number(empty_project):
    # the card says 第N号 and the season just above its headline
    from express.build import build

    folder = empty_project.issues / "2023-spring"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        "number: 101\ndate: 2023-03-01\nseason: 2023年春号\narticles:\n  - kind: article\n"
        "    title: お知らせ\n    body: |\n      事務局は移転します。\n", encoding="utf-8")
    result = build(empty_project)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    index = (result.site / "index.html").read_text(encoding="utf-8")
    assert 'cover-card__headline">お知らせ<' in index
    assert "第101号 2023年春号</a></h3>" not in index


def test_the_404_page_links_from_the_published_root(site, archive):
    # a web server serves it for any missing address, at any depth: its links cannot be
    # relative like every other page's
    page = (site / "404.html").read_text(encoding="utf-8")
    root = urlsplit(archive.publication.archive_url).path
    assert "ページが見つかりません" in page
    assert f'href="{root}index.html"' in page and f'href="{root}assets/style.css"' in page
    assert 'href="../' not in page
