"""Back issues in the built archive: index cards, issue pages, the PDF byte for byte, feed
and sitemap; a rebuild costs them nothing; without Tesseract the build says what to
install and indexes what it can."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from PIL import Image

from express.build import build
from express.project import Project
from tests.backissues import makepdfs
from tests.backissues.conftest import BACK_ISSUES, add_back_issue, without_tesseract
from tests.conftest import edit


def html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_the_pdfs_served_are_the_files_given(back_built, originals):
    _project, result = back_built
    for issue_id, original in originals.files.items():
        served = result.site / issue_id / f"{issue_id}.pdf"
        assert served.read_bytes() == original.read_bytes(), issue_id
        assert result.pdfs[issue_id].read_bytes() == original.read_bytes()
    assert result.typeset == {"2020-winter", "2022-spring"}  # back issues are not typeset


def test_index_lists_back_issues_by_year_with_cover_pages_and_size(back_built):
    _project, result = back_built
    index = html(result.site, "index.html")
    years = re.findall(r'<h2 class="year__heading" id="year-(\d+)"', index)
    assert years == ["2022", "2020", "2019", "2018"]
    for issue_id, (_make, (cover, pages), _extra) in BACK_ISSUES.items():
        card = re.search(rf'<li class="cover-card">\s*<a class="cover-card__link" '
                         rf'href="{issue_id}/index.html">.*?</li>', index, re.S)
        assert card, issue_id
        text = card.group(0)
        assert f"第{cover.number}号" in text and cover.season in text
        assert f"{len(pages) + 1}ページ" in text and "kB</span>" in text
        thumb = re.search(r'src="([^"]+cover\.webp)" width="(\d+)" height="(\d+)"', text)
        with Image.open(result.site / thumb.group(1)) as im:
            assert im.size == (int(thumb.group(2)), int(thumb.group(3)))
            assert abs(im.width - 480) <= 1  # rounded from the page width
            assert im.convert("L").getextrema() != (255, 255)  # not blank
    assert "相互接続" in index  # 2019-spring's headline on its card


def test_issue_page_has_contents_that_open_the_pdf_at_their_page(back_built):
    _project, result = back_built
    spring = html(result.site, "2019-spring/index.html")
    links = re.findall(r'class="contents__link" href="\.\./2019-spring/2019-spring\.pdf#page=(\d)"'
                       r'>(?:<span class="kind-label kind-label--(\w+)">[^<]+</span> )?'
                       r'<span class="contents__title">([^<]+)</span>', spring)
    assert links == [("2", "", "巻頭言"), ("3", "report", "相互接続の現状"),
                     ("4", "committee", "部会報告"), ("5", "member", "みなと通信のご紹介")]
    assert "PDF のしおりから" not in spring
    autumn = html(result.site, "2019-autumn/index.html")  # no contents: the outline
    assert re.findall(r'#page=(\d)"><span class="contents__title">([^<]+)<', autumn) == [
        ("2", "巻頭言"), ("3", "技術部会だより"), ("4", "行事のお知らせ")]
    assert "PDF のしおりから" in autumn
    assert [p.name for p in (result.site / "2019-spring").glob("*.html")] == ["index.html"]


def test_page_thumbnails_one_per_page_and_ocr_marked_on_scans(back_built):
    _project, result = back_built
    for issue_id, (_make, (_cover, pages), _extra) in BACK_ISSUES.items():
        page = html(result.site, f"{issue_id}/index.html")
        thumbs = re.findall(r'href="\.\./[^"]+\.pdf#page=(\d+)">\s*<img class="page-grid__image" '
                            r'src="\.\./([^"]+)"', page)
        assert [int(n) for n, _src in thumbs] == list(range(1, len(pages) + 2))
        for _n, src in thumbs:
            with Image.open(result.site / src) as im:
                assert abs(im.width - 240) <= 1  # rounded from the page width
        scanned = issue_id == "2018-winter"
        assert ("badge--ocr" in page) == scanned
        assert ("OCR（自動文字認識）" in page) == scanned


def test_feed_and_sitemap_include_back_issues(back_built):
    _project, result = back_built
    feed = html(result.site, "feed.xml")
    sitemap = html(result.site, "sitemap.xml")
    base = "https://www.jaipa.or.jp/book/archive/"
    for issue_id in BACK_ISSUES:
        assert f"<id>{base}{issue_id}/</id>" in feed
        assert f'href="{base}{issue_id}/{issue_id}.pdf" length=' in feed
        assert f"<loc>{base}{issue_id}/</loc>" in sitemap
    assert f"{base}2019-spring/2019-spring.pdf#page=3" in feed  # its contents


def copy_built(back_built, dest: Path) -> Project:
    """A copy of the built project, caches included, to change without touching it."""
    project, _result = back_built
    shutil.copytree(project.root, dest, symlinks=True)
    return Project(dest)


def test_an_unchanged_back_issue_costs_nothing_on_the_next_build(back_built, tmp_path):
    project = copy_built(back_built, tmp_path / "p")
    again = build(project)
    assert again.ok and again.site_reused and again.typeset == set()
    kept = {p: p.stat().st_mtime_ns for p in (project.root / ".cache" / "backissues").rglob("*")
            if p.is_file()}
    # another issue changes: the site is made again, the back issues from the cache alone
    # (no Tesseract on this machine now: the scan's text must come from the cache)
    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: 2022年春季号")
    with without_tesseract(tmp_path):
        changed = build(project)
    assert changed.ok and not changed.site_reused and list(changed.diags) == []
    assert changed.typeset == {"2022-spring"}
    after = {p: p.stat().st_mtime_ns for p in (project.root / ".cache" / "backissues").rglob("*")
             if p.is_file()}
    assert after == kept  # nothing read, recognised or written again
    meta = next((changed.site / "pagefind").glob("pagefind.ja_*.pf_meta"))
    assert meta.stat().st_size > 0


def test_without_tesseract_the_build_says_what_to_install_and_indexes_the_rest(
        empty_project, originals, tmp_path):
    scan = tmp_path / "scan.pdf"
    makepdfs.scanned_issue(scan, makepdfs.Cover(7, "2009年夏号", "2009年7月1日"),
                           [makepdfs.Page("未読の頁", ["まだ誰も読んでいない。"])], dpi=100)
    folder = add_back_issue(empty_project.issues, "2009-summer", scan)
    yaml_file = folder / "issue.yaml"  # (its cover's number: numbers rise with the dates)
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace("number: 90",
                                                                       "number: 7"),
                         encoding="utf-8")
    add_back_issue(empty_project.issues, "2019-autumn", originals.files["2019-autumn"])
    with without_tesseract(tmp_path):
        result = build(empty_project)
    assert result.ok and result.site is not None
    [warning] = result.diags
    assert warning.code == "backissue.ocr_missing" and warning.pos.line == 4
    text = warning.render("en")
    assert "apt-get install tesseract-ocr tesseract-ocr-jpn" in text and "1, 2" in text
    assert (result.site / "2009-summer" / "index.html").is_file()
    assert (result.site / "pagefind" / "pagefind.js").is_file()
    manifest = json.loads((empty_project.root / ".cache" / "build" / "manifest.json").read_text())
    assert manifest["site"] is None  # so the next build, with Tesseract, reads the scan
