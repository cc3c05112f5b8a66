"""A back issue's text: read from each page's text layer, normalised so a word broken
across lines is whole again, OCR'd where a page is a picture — once per page content."""

from __future__ import annotations

import pypdf
import pytest

from express.backcatalogue import TextCache, ocr
from express.backcatalogue.normalise import normalise
from tests.backissues import makepdfs
from tests.backissues.conftest import needs_ocr, without_tesseract


@pytest.mark.parametrize(("raw", "want"), [
    ("各社が帯域\r\n制御の運用", "各社が帯域制御の運用"),  # a word broken at a line end
    ("部 会 報 告\r\n地方の", "部会報告地方の"),  # a heading spread character by character
    ("第 34 号", "第34号"),  # digits set in runs of their own
    ("ISPの集い in 松山を\r\n11月に", "ISPの集い in 松山を11月に"),  # a real space stays
    ("Open\r\nSource  Summit", "Open Source Summit"),  # Latin words keep one space
    ("\u2f8f事 ＩＳＰ ｸﾗｳﾄﾞ", "行事 ISP クラウド"),  # a Kangxi radical for 行, widths
    ("a\x02b\ufffe", "ab"),  # PDFium's markers for hyphens and unknown characters
])
def test_normalise(raw, want):
    assert normalise(raw) == want


def test_text_layer_is_read_per_page_with_words_whole(tmp_path, originals):
    texts = TextCache(tmp_path / "cache")
    spring = texts.read(originals.files["2019-spring"])
    assert len(spring.pages) == 5 and not spring.ocr_pages and not spring.unread
    assert "相互接続の取り組み" in spring.pages[2].text  # 相互接 | 続 across two lines
    assert spring.pages[3].text.startswith("部会報告")  # spread out on the page
    assert "ピアリング" in spring.pages[3].text and "ピアリング" not in spring.pages[2].text
    autumn = texts.read(originals.files["2019-autumn"])
    assert "帯域制御の運用" in autumn.pages[2].text
    assert [(o.title, o.page) for o in autumn.outline] == [
        ("巻頭言", 2), ("技術部会だより", 3), ("行事のお知らせ", 4)]


def test_scanned_pages_are_read_by_ocr_once_per_page_content(tmp_path, originals):
    needs_ocr()
    scan = originals.files["2018-winter"]
    texts = TextCache(tmp_path / "cache", cores=2)
    first = texts.read(scan)
    assert first.ocr_pages == [1, 2, 3] and not first.unread
    assert "冗長化" in first.pages[1].text
    assert "第32号" in first.pages[0].text

    # the same pages in another file (re-saved, reversed): no OCR needed, none available
    reordered = tmp_path / "reordered.pdf"
    writer = pypdf.PdfWriter()
    for page in reversed(pypdf.PdfReader(scan).pages):
        writer.add_page(page)
    with open(reordered, "wb") as f:
        writer.write(f)
    with without_tesseract(tmp_path):
        assert ocr.missing()
        again = texts.read(scan)  # the whole file as kept
        assert [p.text for p in again.pages] == [p.text for p in first.pages]
        moved = texts.read(reordered)  # page by page, by what each shows
        assert not moved.unread
        assert [p.text for p in moved.pages] == [p.text for p in reversed(first.pages)]


def test_without_tesseract_a_scan_is_unread_and_says_what_to_install(tmp_path):
    scan = tmp_path / "scan.pdf"
    makepdfs.scanned_issue(scan, makepdfs.Cover(7, "2009年夏号", "2009年7月1日"),
                           [makepdfs.Page("一度も読まれていない頁", ["まだ誰も読んでいない。"])],
                           dpi=100)
    with without_tesseract(tmp_path):
        found = TextCache(tmp_path / "cache").read(scan)
    assert found.unread == [1, 2] and found.pages[1].text == ""
    assert found.install == "apt-get install tesseract-ocr tesseract-ocr-jpn"
    assert not (tmp_path / "cache" / "text").exists()  # tried again next time
