"""Valid but unusual issues build: the PDF opens and holds the key texts, the site page
exists, and nothing raises (an error, where one is allowed, names its place in the file)."""

from __future__ import annotations

import datetime as dt
import itertools

import pypdfium2 as pdfium
import pytest

from express.build import build
from express.pdf.template import read_template
from tests.pdf.conftest import pdfium_text, squash
from tests.robustness.helpers import (
    PREFECTURES,
    base_issue,
    build_ok,
    page_count,
    png,
    write_issue,
)

pytestmark = pytest.mark.xdist_group("robustness")

D = dt.date
URL = ("https://example.jp/" + "a1b2c3d4e5" * 11)[:120]
LATIN = ("Pneumonoultramicroscopicsilicovolcanoconiosis" + "abcdefghijklmnop")[:60]
KANJI = ("漢字表記長題名" * 30)[:200]


def _text(result, issue_id: str = "2031-autumn") -> str:
    return squash(pdfium_text(result.pdfs[issue_id]))


def _has(text: str, *keys: str) -> None:
    for key in keys:
        assert squash(key) in text, key


def test_only_required_keys(empty_project):
    articles = [
        {"kind": "report", "title": "最小の報告", "event": {"start": D(2031, 9, 1)}},
        {"kind": "committee", "name": "最小部会"},
        {"kind": "member", "company": "最小株式会社"},
        {"kind": "calendar", "events": [{"date": D(2031, 11, 1), "title": "最小行事"}]},
        {"kind": "officers",
         "groups": [{"role": "会長", "members": [{"name": "山田 太郎", "company": "山田商事"}]}]},
        {"kind": "opinions", "items": [{"date": D(2031, 8, 1), "title": "最小意見書"}]},
        {"kind": "providers", "entries": [{"name": "最小プロバイダー", "prefecture": "東京都"}]},
        {"kind": "article", "title": "最小記事"},
    ]
    result = build_ok(empty_project, base_issue(articles))
    _has(_text(result), "最小の報告", "2031年9月1日（月）", "最小部会", "最小株式会社",
         "最小行事", "山田太郎", "最小意見書", "最小プロバイダー", "最小記事")
    pages = sorted(p.name for p in (result.site / "2031-autumn").glob("*.html"))
    assert len(pages) == 9  # the issue's index and one page per article


def test_long_titles_urls_and_words(empty_project):
    articles = [
        {"kind": "article", "title": KANJI, "body": "本文。"},
        {"kind": "article", "title": URL, "body": f"詳しくは{URL}をご覧ください。\n\n{URL}"},
        {"kind": "article", "title": LATIN, "body": f"英単語{LATIN}の例。{LATIN}"},
        {"kind": "opinions",
         "items": [{"date": D(2031, 8, i + 1), "title": f"{i}" + ("意見書の表題" * 70)[:399],
                    "url": URL} for i in range(3)]},
    ]
    result = build_ok(empty_project, base_issue(articles))
    text = _text(result)
    _has(text, KANJI, URL, LATIN, f"詳しくは{URL}をご覧ください。", f"英単語{LATIN}の例。")
    assert text.count(URL) >= 3  # contents, title, body twice
    _inside_the_page(result.pdfs["2031-autumn"], empty_project)


def _inside_the_page(path, project) -> None:
    """No glyph outside the page's margins (long unbreakable text overflowing)."""
    t = read_template(project.pdf_template())
    doc = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(doc)):
            page = doc[i].get_textpage()
            for c in range(page.count_chars()):
                if not page.get_text_range(c, 1).strip():
                    continue  # line ends pdfium makes up, and spaces
                left, _bottom, right, _top = page.get_charbox(c)
                assert left >= t.left - 20 and right <= t.page_width - t.left + 20, (i, c)
    finally:
        doc.close()


def test_long_words_do_not_leave_spread_lines(empty_project):
    """A paragraph with a word wider than the column breaks it in the line, not before it:
    no body line letter-spaced across the column (ruled by the widest gap between glyphs)."""
    body = f"詳しくは{URL}をご覧ください。\n\n英単語{LATIN}の例。"
    result = build_ok(empty_project, base_issue([{"kind": "article", "title": "長い語",
                                                  "body": body}]), site=False)
    doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
    try:
        for i in range(1, len(doc)):
            page = doc[i].get_textpage()
            text = page.get_text_range()
            if "詳しくは" in text:
                boxes = [page.get_charbox(c) for c in range(page.count_chars())]
                break
    finally:
        doc.close()
    start = text.index("詳")
    line = boxes[start:start + 8]
    gaps = [b2[0] - b1[2] for b1, b2 in itertools.pairwise(line) if abs(b1[1] - b2[1]) < 1]
    assert gaps and max(gaps) < 6, gaps  # about 1/4 em at most, not letter-spaced


def test_calendar_spanning_years(empty_project):
    events = [{"date": D(2031, 12, 20), "end": D(2033, 1, 10), "title": "年をまたぐ行事",
               "place": "東京"}]
    result = build_ok(empty_project, base_issue([{"kind": "calendar", "events": events}]))
    _has(_text(result), "2031年12月20日（土）〜2033年1月10日（月）", "年をまたぐ行事")


def _slots(day: int, n: int) -> list[dict]:
    out = []
    for i in range(n):
        h, m = 8 + i // 2, (i % 2) * 30
        time = f"{h:02d}:{m:02d}-{h + (m + 30) // 60:02d}:{(m + 30) % 60:02d}"
        if i == 4:
            out.append({"time": time, "break": "お昼休憩"})
            continue
        out.append({"time": time, "title": f"第{day}日講演{i + 1}",
                    "access": ("公開", "一部公開", "非公開")[i % 3],
                    "speakers": [{"name": f"講師 {day}{i}", "affiliation": "株式会社サンプル",
                                  "position": "部長"}]})
    return out


def test_programme_of_thirty_slots_and_a_slot_with_twelve_speakers(empty_project):
    programme = [{"date": D(2031, 9, 1 + k), "slots": _slots(k + 1, 10)} for k in range(3)]
    programme[1]["slots"].append({
        "time": "14:00-16:00", "title": "十二人の登壇者", "abstract": "十二人で議論します。",
        "speakers": [{"name": f"登壇者 {i:02d}", "affiliation": f"所属組織{i}株式会社",
                      "position": "代表取締役社長"} for i in range(12)]})
    report = {"kind": "report", "title": "三日間の催し", "programme": programme,
              "event": {"start": D(2031, 9, 1), "end": D(2031, 9, 3)}}
    result = build_ok(empty_project, base_issue([report]))
    _has(_text(result), "2031年9月1日（月）〜3日（水）", "第1日講演1", "第3日講演10",
         "お昼休憩", "十二人の登壇者", "登壇者00", "登壇者11", "(120)")


def test_eighty_officers_and_two_hundred_providers(empty_project):
    officers = {"kind": "officers", "as_of": D(2031, 6, 1), "groups": [
        {"role": "会長", "members": [{"name": "会長 一郎", "company": "会長商事"}]},
        {"role": "理事", "members": [{"name": f"理事 {i:02d}郎", "company": f"理事会社{i}"}
                                   for i in range(76)]},
        {"role": "監事", "members": [{"name": f"監事 {i}", "company": "監査法人"}
                                   for i in range(3)]},
    ]}
    providers = {"kind": "providers", "entries": [
        {"name": f"プロバイダー{i:03d}", "prefecture": PREFECTURES[i % 47],
         "url": f"https://isp{i}.example.jp/"} for i in range(200)]}
    result = build_ok(empty_project, base_issue([officers, providers]))
    text = _text(result)
    _has(text, "会長一郎", "理事75郎", "監事2", "監事3名", "北海道", "沖縄県",
         "プロバイダー000", "プロバイダー199")
    assert text.index("北海道") < text.index("沖縄県")


MARKUP = """\
{漢字|かんじ}で始まる段落です。

[https://example.jp/](https://example.jp/)

[リンクだけの段落](https://example.jp/page)

本文の**強調が
行をまたぐ**例です。

- 一段目
  - 二段目
    - 三段目の項目
- 一段目の二

絵文字😀と𠀋と🎉の字。

<script>alert(1)</script> &amp; &lt;b&gt;

**段落全体が強調**

mailto:info@example.jp
"""


def test_markup_at_paragraph_edges_emoji_and_html_like_text(empty_project):
    issue = base_issue(
        [{"kind": "article", "title": "<script>alert('x')</script> &amp; 記号", "body": MARKUP}],
        season="2031年秋号", editorial=MARKUP,
        cover={"headline": "<script>見出し</script> &amp;", "lines": ["😀絵文字", "&amp;"]})
    result = build_ok(empty_project, issue)
    assert {d.code for d in result.diags} <= {"lint.missing_glyph"}
    assert any(d.code == "lint.missing_glyph" for d in result.diags)
    assert all(d.pos is not None for d in result.diags)
    text = _text(result)
    _has(text, "漢字で始まる段落です。", "リンクだけの段落", "本文の強調が行をまたぐ例です。",
         "三段目の項目", "𠀋", "<script>alert(1)</script>&amp;&lt;b&gt;", "段落全体が強調",
         "<script>alert('x')</script>&amp;記号", "<script>見出し</script>&amp;")
    page = (result.site / "2031-autumn" / "01-article.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &amp;lt;b&amp;gt;" in page
    index = (result.site / "2031-autumn" / "index.html").read_text(encoding="utf-8")
    assert "<script>見出し" not in index


def test_report_with_only_a_start_and_member_with_only_a_logo(empty_project):
    articles = [
        {"kind": "report", "title": "開始日のみ", "event": {"start": D(2031, 9, 1)}},
        {"kind": "member", "company": "ロゴ株式会社", "logo": "images/logo.png"},
    ]
    result = build_ok(empty_project, base_issue(articles),
                      files={"images/logo.png": png(200, 100)})
    _has(_text(result), "開始日のみ", "2031年9月1日（月）", "ロゴ株式会社")
    doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
    try:
        images = sum(1 for i in range(len(doc)) for o in doc[i].get_objects()
                     if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    finally:
        doc.close()
    assert images >= 1


def test_forty_articles_fill_several_contents_pages(empty_project):
    articles = []
    for i in range(40):
        kind = ("article", "committee", "member", "opinions")[i % 4]
        if kind == "article":
            articles.append({"kind": kind, "title": f"記事その{i}の題名", "body": "本文です。"})
        elif kind == "committee":
            articles.append({"kind": kind, "name": f"第{i}部会", "body": "活動しています。"})
        elif kind == "member":
            articles.append({"kind": kind, "company": f"会員{i}株式会社"})
        else:
            articles.append({"kind": kind, "title": f"意見書{i}",
                             "items": [{"date": D(2031, 8, 1), "title": f"意見{i}"}]})
    result = build_ok(empty_project, base_issue(articles, editorial="巻頭言です。"))
    text = _text(result)
    _has(text, "記事その0の題名", "第37部会", "会員38株式会社", "意見書39", "巻頭言です。")
    assert page_count(result.pdfs["2031-autumn"]) >= 6
    assert len(list((result.site / "2031-autumn").glob("*.html"))) == 41  # index and 40 articles


@pytest.mark.parametrize("template", ["b5-single"])
def test_edge_cases_on_the_narrow_template(empty_project, template):
    articles = [
        {"kind": "article", "title": URL, "body": f"英単語{LATIN}の例。{URL}"},
        {"kind": "opinions", "items": [{"date": D(2031, 8, 1), "title": ("表題" * 200)}]},
        {"kind": "report", "title": KANJI, "event": {"start": D(2031, 9, 1)}},
    ]
    write_issue(empty_project, base_issue(articles, template=template))
    result = build(empty_project, site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    _has(_text(result), LATIN, URL, KANJI)


def test_long_values_in_every_table_cell_and_header(empty_project):
    """Long unbroken values in narrow cells (provider names, officer roles and companies,
    calendar places, contact lines, captions, programme cells) and a season label as long
    as the cover takes: running heads and the colophon stay inside the page."""
    season = "2031年秋号" + "特別記念増刊" * 3
    articles = [
        {"kind": "providers", "entries": [
            {"name": LATIN + LATIN, "prefecture": "東京都", "url": URL},
            {"name": KANJI, "prefecture": "北海道"}]},
        {"kind": "officers", "as_of": D(2031, 6, 1), "groups": [
            {"role": KANJI[:50], "members": [{"name": LATIN, "company": URL}]}]},
        {"kind": "calendar", "events": [
            {"date": D(2031, 1, 1), "title": URL + KANJI, "place": LATIN, "url": URL}]},
        {"kind": "committee", "name": KANJI, "chair": {"name": LATIN, "company": URL},
         "body": URL},
        {"kind": "member", "company": URL, "logo": "images/logo.png",
         "contact": {"url": URL, "email": "a" * 60 + "@example.jp", "tel": "0" * 40,
                     "address": KANJI}},
        {"kind": "article", "title": "記事", "byline": KANJI + URL, "body": "本文",
         "photos": [{"file": "images/logo.png", "caption": KANJI + URL}]},
        {"kind": "report", "title": KANJI, "url": URL, "event": {
            "start": D(2031, 9, 1), "end": D(2031, 9, 2), "venue": KANJI[:60],
            "address": URL, "organizer": LATIN, "fee": LATIN,
            "sponsors": [KANJI[:60], URL, LATIN],
            "attendance": {"onsite": 10 ** 9, "remote": 0},
            "side_events": [{"date": D(2031, 8, 31), "title": KANJI + URL}]},
         "programme": [{"date": D(2031, 9, 1), "slots": [
             {"time": "0:00-23:59", "title": KANJI + URL, "access": "一部公開",
              "speakers": [{"name": LATIN, "affiliation": URL, "position": KANJI}],
              "abstract": KANJI + URL},
             {"time": "23:58-23:59", "break": KANJI}]}]},
    ]
    issue = base_issue(articles, season=season, editorial=URL,
                       cover={"headline": URL[:60], "lines": [KANJI[:30], LATIN]})
    result = build_ok(empty_project, issue, files={"images/logo.png": png(200, 100)})
    text = _text(result)
    _has(text, LATIN + LATIN, KANJI, "1000000000", season)
    assert text.count(URL) >= 10
    _inside_the_page(result.pdfs["2031-autumn"], empty_project)


def test_a_season_too_long_for_the_cover_is_an_error_at_the_season(empty_project):
    path = write_issue(empty_project, base_issue([{"kind": "article", "title": "記事"}],
                                                 season=KANJI[:100]))
    result = build(empty_project, site=False)
    [err] = [d for d in result.diags if d.is_error]
    assert err.code == "lint.overflow"
    line = path.read_text(encoding="utf-8").splitlines()[err.pos.line - 1]
    assert line.startswith("season:")


def test_a_report_head_taller_than_a_page_goes_on_overleaf(empty_project):
    """The head of a report (title and event facts) is kept together while a page can hold
    it; one that no page holds goes on overleaf between the facts table's rows (the title
    with the first facts): nothing lost, and no error stopping the issue."""
    event = {"start": D(2031, 9, 1), "venue": KANJI, "address": KANJI, "organizer": KANJI,
             "eligibility": KANJI, "fee": KANJI, "sponsors": [KANJI, KANJI, KANJI],
             "side_events": [{"date": D(2031, 8, 31), "title": KANJI}]}
    result = build_ok(empty_project, base_issue([{"kind": "report", "title": KANJI,
                                                  "event": event}]), site=False)
    doc = pdfium.PdfDocument(str(result.pdfs["2031-autumn"]))
    try:
        pages = [squash(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()
    with_title = [i for i, t in enumerate(pages) if squash(KANJI) in t]
    assert len(with_title) >= 2, "the facts go on on the next page"
    assert sum(t.count(squash(KANJI)) for t in pages) >= 10  # title, 9 facts (+ contents)
    _inside_the_page(result.pdfs["2031-autumn"], empty_project)


def test_a_long_publication_name_stays_on_the_page(empty_project):
    """The masthead is set smaller on the cover, the running head is cut with …, the
    colophon's title goes on on a second line: nothing runs off the page."""
    name = "一般社団法人日本インターネットプロバイダー協会会報" * 2 + "JAIPA Express ニュースレター"
    pub = empty_project.issues / "publication.yaml"
    pub.write_text(pub.read_text(encoding="utf-8").replace("name: JAIPA Express",
                                                           f"name: {name}"), encoding="utf-8")
    issue = base_issue([{"kind": "article", "title": "記事", "body": "本文"}],
                       season="2031年秋号")
    result = build_ok(empty_project, issue)
    text = _text(result)
    _has(text, name + "第91号2031年秋号", "…")
    _inside_the_page(result.pdfs["2031-autumn"], empty_project)
