"""The magazine's design read back from the PDFs: printed links, the contents grouped by
kind, no band repeating its title, the colophon's lines, articles kept whole, one colour."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from express.pdf.template import read_template
from tests.pdf.conftest import SAMPLES, pdfium_text, squash, write_issue

pytestmark = pytest.mark.xdist_group("built")


def char_colours(pdf, needle: str | None = None) -> set[tuple[int, int, int]]:
    """The fill colours of the characters of every ``needle`` printed (of all text when
    None)."""
    doc = pdfium.PdfDocument(str(pdf))
    out = set()
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    try:
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            chars = [k for k in range(tp.count_chars())
                     if not tp.get_text_range(k, 1).isspace()]
            text = "".join(tp.get_text_range(k, 1) for k in chars)  # spaces left out
            if needle is None:
                found = list(range(len(chars)))
            else:
                found, at = [], text.find(squash(needle))
                while at >= 0:
                    found += range(at, at + len(squash(needle)))
                    at = text.find(squash(needle), at + 1)
            for j in found:
                pdfium_c.FPDFText_GetFillColor(tp.raw, chars[j], r, g, b, a)
                out.add((r.value, g.value, b.value))
    finally:
        doc.close()
    return out


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


# ------------------------------------------------------------------ links on paper
def test_a_link_prints_its_address_in_ink_and_never_mailto(built, pdfs):
    project, _ = built
    t = read_template(project.pdf_template())
    spring = squash(pdfium_text(pdfs["2022-spring"]))
    # 「沖縄ICTフォーラムのページ」 links elsewhere: the address follows it for paper
    assert "沖縄ICTフォーラムのページ（https://www.jaipa.or.jp/topics/event/okinawa-ict/）" \
        in spring
    # an address that is its own text is not printed twice
    assert "https://www.jaipa.or.jp/（https://" not in spring
    for issue_id in SAMPLES:
        assert "mailto:" not in pdfium_text(pdfs[issue_id]), issue_id
    # the article's address block ends in a mailto: link, printed as the address alone
    assert "FAX03-3379-5530info@jaipa.or.jp" in spring
    # set in ink, as the text around it: a link is not a blue word in print
    assert char_colours(pdfs["2022-spring"], "沖縄ICTフォーラムのページ") == \
        {rgb(t.colours["ink"])}
    assert rgb(t.colours["link"]) == rgb(t.colours["ink"])


def test_link_addresses_can_be_notes_at_the_articles_end(empty_project):
    from express.build import build

    path = empty_project.pdf_template()
    text = path.read_text(encoding="utf-8")
    assert "  addresses: after " in text
    path.write_text(text.replace("  addresses: after ", "  addresses: notes "),
                    encoding="utf-8")
    write_issue(empty_project, body="詳しくは[協会のページ](https://www.jaipa.or.jp/about/)を"
                "ご覧ください。お問い合わせは[事務局](mailto:info@jaipa.or.jp)まで。")
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    text = squash(pdfium_text(result.pdfs["2031-autumn"]))
    assert "協会のページ※1をご覧ください。お問い合わせは事務局※2まで。" in text
    assert "※1https://www.jaipa.or.jp/about/※2info@jaipa.or.jp" in text
    assert "mailto:" not in text


# ------------------------------------------------------------------ contents
def test_the_contents_name_each_kind_once_and_a_title_once(built, pdfs):
    project, _ = built
    t = read_template(project.pdf_template())
    doc = pdfium.PdfDocument(str(pdfs["2022-spring"]))
    try:
        contents = squash(doc[1].get_textpage().get_text_range())
        # the text block of every page (running heads aside)
        block = squash("".join(doc[i].get_textpage().get_text_bounded(
            bottom=t.bottom - 2, top=t.bottom + t.grid.height + 2) for i in range(1, len(doc))))
    finally:
        doc.close()
    assert contents.count("部会・WG活動報告") == 1  # over eleven committees
    assert "巻頭言巻頭言" not in contents and "巻頭言2" in contents
    assert "役員一覧役員一覧" not in contents
    # no kind band over a title that says the same: 行事一覧 and 役員一覧 are printed in the
    # contents and as their title, not a third time on a band
    for title in ("行事一覧", "役員一覧"):
        assert block.count(title) == 2, title


# ------------------------------------------------------------------ colophon
def test_the_colophon_prints_editor_printer_and_notice(empty_project):
    from express.build import build

    pub = empty_project.issues / "publication.yaml"
    text = "\n".join(line for line in pub.read_text(encoding="utf-8").splitlines()
                     if not line.startswith(("editor:", "notice:")))
    pub.write_text(text + "\neditor: JAIPA Express 編集部\nprinter: 株式会社テスト印刷\n"
                   "notice: 本誌掲載記事の無断転載を禁じます\n", encoding="utf-8")
    write_issue(empty_project)
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
    try:
        last = squash(doc[len(doc) - 1].get_textpage().get_text_range())
    finally:
        doc.close()
    assert "発行一般社団法人日本インターネットプロバイダー協会編集JAIPAExpress編集部" \
        "印刷株式会社テスト印刷" in last
    assert "本誌掲載記事の無断転載を禁じます" in last


# ------------------------------------------------------------------ kept whole
MEMBER = """\
  - kind: member
    company: 株式会社まとめて組む
    body: |
{paras}
"""


def test_a_member_introduction_is_never_split_over_pages(empty_project):
    """kinds.member.keep_together: wherever the text before it ends, the profile begins
    where it fits whole, or on the next page."""
    from express.build import build

    sentence = "会員の皆様との交流を深めてまいります。"
    paras = "\n\n".join(f"      第{n}段落の紹介文です。" + sentence * 3 for n in range(1, 6))
    t = read_template(empty_project.pdf_template())
    for filler in range(30, 130, 12):
        write_issue(empty_project, body="本文です。" * filler,
                    extra=MEMBER.format(paras=paras))
        result = build(empty_project, ["2031-autumn"], site=False)
        assert result.ok, [d.render("en") for d in result.diags]
        doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
        try:
            pages = [squash(doc[i].get_textpage().get_text_bounded(
                bottom=t.bottom - 2, top=t.bottom + t.grid.height + 2)) for i in range(len(doc))]
        finally:
            doc.close()
        first = [i for i, p in enumerate(pages) if "第1段落の紹介文" in p]
        last = [i for i, p in enumerate(pages) if "第5段落の紹介文" in p]
        assert first == last, (filler, first, last)


def test_the_editorial_stands_on_one_page(built, pdfs):
    doc = pdfium.PdfDocument(str(pdfs["2022-spring"]))
    try:
        pages = [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()
    begins = [i for i, p in enumerate(pages) if "プロバイダー協会は、1999年" in p]
    ends = [i for i, p in enumerate(pages) if "関係各位のご指導" in p]
    assert begins == ends


# ------------------------------------------------------------------ one accent colour
def test_every_kind_is_set_in_the_one_accent(built, pdfs):
    """One accent, black and greys: every character of the issue is printed in a colour
    of the template's palette, whatever its kind (six kind colours before)."""
    project, _ = built
    t = read_template(project.pdf_template())
    assert {k.colour for k in t.kinds.values()} == {t.colours["accent"]}
    assert t.colours["zebra"] is None and t.colours["table_head"] == t.colours["accent_light"]
    palette = {rgb(t.colours[c]) for c in ("ink", "muted", "accent", "band_text",
                                           "table_head_text", "cover_text")}
    palette |= {rgb(c) for c in t.badges.values()}
    for issue_id in SAMPLES:
        assert char_colours(pdfs[issue_id]) <= palette, issue_id
