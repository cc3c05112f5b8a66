"""Page layout read back from the built PDFs: reading order across columns, headings kept
with their text, photos in the columns of their articles, lists that run on, the editorial's
signature, and a cover whose lines stay clear of the web address at its foot."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from express.pdf.layout.photo import HALF
from express.pdf.template import read_template
from tests.conftest import copy_project
from tests.pdf.conftest import SAMPLES, squash

pytestmark = pytest.mark.xdist_group("built")


@dataclass(frozen=True)
class Char:
    ch: str
    page: int  # 0-based physical page
    col: int  # 0 left, 1 right
    left: float
    bottom: float
    right: float
    top: float


def read_in_columns(pdf: Path, template: Path) -> list[Char]:
    """The characters of the text block of every page after the cover, in reading order:
    page after page, the left column top to bottom, then the right column."""
    t = read_template(template)
    mid = t.left + t.grid.width / 2
    out: list[Char] = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for i in range(1, len(doc)):
            tp = doc[i].get_textpage()
            chars = []
            for k in range(tp.count_chars()):
                ch = tp.get_text_range(k, 1)
                if not ch or ch.isspace():
                    continue
                left, bottom, right, top = tp.get_charbox(k, loose=True)
                if bottom < t.bottom - 2 or top > t.bottom + t.grid.height + 2:
                    continue  # running head, folio
                col = 0 if (left + right) / 2 < mid else 1
                chars.append(Char(ch, i, col, left, bottom, right, top))
            # a line: characters whose vertical centres are within a few points
            chars.sort(key=lambda c: (c.col, -round((c.bottom + c.top) / 2 / 3), c.left))
            out += chars
    finally:
        doc.close()
    return out


def find(chars: list[Char], text: str, start: int | None = None) -> int:
    """Index in ``chars`` where ``text`` (whitespace ignored) begins, or -1; by default
    searched from the page after the contents (whose entries repeat the titles)."""
    if start is None:
        start = next(i for i, c in enumerate(chars) if c.page >= 2)
    return "".join(c.ch for c in chars).find(squash(text), start)


def issue_of(project, issue_id):
    from express.load import load_archive

    archive, _ = load_archive(project.issues, [issue_id])
    return next(i for i in archive.issues if i.id == issue_id)


def first_words(body, n: int = 12) -> str:
    block = body.blocks[0]
    inlines = block.inlines if hasattr(block, "inlines") else block.items[0].inlines
    return squash("".join(i.text for i in inlines))[:n]


@pytest.fixture(scope="module")
def columns(built, pdfs) -> dict[str, list[Char]]:
    project, _ = built
    return {i: read_in_columns(p, project.pdf_template()) for i, p in pdfs.items()}


# ------------------------------------------------------------------ reading order
def test_committees_read_in_order_each_name_before_its_own_text(built, columns):
    project, _ = built
    issue = issue_of(project, "2022-spring")
    chars = columns["2022-spring"]
    committees = [a for a in issue.articles if a.kind == "committee"]
    assert len(committees) >= 5
    at = None
    for a in committees:
        name = find(chars, str(a.name or a.title), at)
        assert name >= 0, f"{a.name} not found after the committee before it"
        body = find(chars, first_words(a.body), name)
        assert body > name, f"{a.name}: its text does not follow its name"
        # nothing of the next committee stands between a name and its text
        nxt = committees[committees.index(a) + 1] if a is not committees[-1] else None
        if nxt is not None:
            assert find(chars, str(nxt.name), name) > body, f"{nxt.name} inside {a.name}"
        at = body


def test_a_heading_keeps_at_least_two_lines_of_its_text_in_its_column(built, columns):
    project, _ = built
    issue = issue_of(project, "2022-spring")
    chars = columns["2022-spring"]
    at = None
    for a in (a for a in issue.articles if a.kind == "committee"):
        name = find(chars, str(a.name), at)
        body = find(chars, first_words(a.body), name)
        at = body
        head, first = chars[name], chars[body]
        assert (first.page, first.col) == (head.page, head.col), \
            f"{a.name}: heading at a column foot, its text in the next column"
        # the second line of its text: the first character below the first line
        below = next((c for c in chars[body:] if c.top < first.bottom - 1
                      or (c.page, c.col) != (head.page, head.col)), None)
        assert below is not None and (below.page, below.col) == (head.page, head.col), \
            f"{a.name}: only one line of its text under the heading"


# ------------------------------------------------------------------ photos
def images(pdf: Path) -> list[tuple[int, tuple[float, float, float, float]]]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(1, len(doc)):
            for obj in doc[i].get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
                out.append((i, tuple(obj.get_bounds())))
        return out
    finally:
        doc.close()


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_photos_are_column_wide_and_never_stand_beside_an_empty_column(built, pdfs, columns,
                                                                       issue_id):
    project, _ = built
    t = read_template(project.pdf_template())
    mid = t.left + t.grid.width / 2
    photos = [(page, box) for page, box in images(pdfs[issue_id])
              if box[3] - box[1] > 4 * t.grid.line_pitch]  # not the members' logos
    assert photos
    half = t.grid.column_width * HALF - t.space["caption_side_gap"] / 2
    for page, (left, bottom, right, top) in photos:
        if left < mid < right:  # a wide photo, across both columns (narrower: held to
            assert right - left <= t.grid.width + 1  # the template's greatest height)
            continue
        if right - left <= half + 1:
            continue  # a half-size photo (in a member's frame, of its narrower column)
        assert right - left == pytest.approx(t.grid.column_width, abs=1.0)
        col = 0 if (left + right) / 2 < mid else 1
        beside_text = [c for c in columns[issue_id] if c.page == page and c.col != col
                       and c.bottom < top and c.top > bottom]
        beside_photo = [b for p, b in photos if p == page and b[0] != left
                        and b[1] < top and b[3] > bottom]
        assert beside_text or beside_photo, f"page {page}: a photo beside an empty column"


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_photos_stand_on_the_pages_of_their_articles(built, columns, issue_id):
    project, _ = built
    issue = issue_of(project, issue_id)
    chars = columns[issue_id]
    for a in issue.articles:
        if not getattr(a, "photos", ()):
            continue
        first = find(chars, first_words(a.body))
        # (long enough to tell the last block from the editorial's signature)
        last = find(chars, first_words(type(a.body)(a.body.blocks[-1:]), 40), first)
        assert 0 <= first <= last
        pages = {chars[first].page, chars[last].page}
        for ph in a.photos:
            caption = find(chars, str(ph.caption))
            assert caption >= 0
            assert chars[caption].page in pages, f"{ph.caption}: away from its article"


# ------------------------------------------------------------------ lists run on
def _opinions_then_officers(project, keep: int):
    """Build 2022-spring with only its ``keep`` newest opinions; the characters in columns,
    the issue, and where its last opinion row and the officers' title are."""
    from express.build import build

    path = project.issues / "2022-spring" / "issue.yaml"
    src = path.read_text(encoding="utf-8")
    head, rest = src.split("  - kind: opinions\n    items:\n")
    items, tail = rest.split("  - kind: officers\n")
    rows = items.split("      - date: ")[1:]
    path.write_text(head + "  - kind: opinions\n    items:\n"
                    + "".join("      - date: " + r for r in rows[:keep])
                    + "  - kind: officers\n" + tail, encoding="utf-8")
    result = build(project, ["2022-spring"], site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    t = project.pdf_template()
    chars = read_in_columns(project.build / "pdf" / "2022-spring.pdf", t)
    issue = issue_of(project, "2022-spring")
    opinions = next(a for a in issue.articles if a.kind == "opinions")
    officers = next(a for a in issue.articles if a.kind == "officers")
    last_row = find(chars, str(opinions.newest_first[-1].title)[:15])
    title = find(chars, str(officers.title))
    assert last_row >= 0 and title >= 0
    return chars, last_row, title


@pytest.mark.parametrize("keep", [4, 10, 15, 17])
def test_officers_run_on_or_start_a_page_with_rows_enough(project, keep):
    """However long the opinions before them (and wherever the page plan sets them), the
    officers open with their title and at least three rows on the page they begin on:
    never one or two rows under the header at a page foot."""
    chars, _last_row, title = _opinions_then_officers(project, keep)
    page = chars[title].page
    header = find(chars, "役職氏名", title)
    assert header >= 0 and chars[header].page == page
    on_page = "".join(c.ch for c in chars[header:] if c.page == page)
    officers = next(a for a in issue_of(project, "2022-spring").articles
                    if a.kind == "officers")
    names = {squash(str(m.name)) for g in officers.groups for m in g.members}
    rows = sum(on_page.count(n) for n in names)  # one name per row
    assert rows >= 3, f"{keep} opinions: officers open with {rows} row(s) in the column"


# ------------------------------------------------------------------ opener
def test_after_opener_lines_is_the_space_above_a_reports_text(project, columns):
    """space.after_opener_lines sets the blank lines between a report's facts and its
    text: one more line there moves the text's first line one grid line down."""
    from express.build import build

    template = project.pdf_template()
    text = template.read_text(encoding="utf-8")
    assert "  after_opener_lines: 1 " in text
    project.pdf_template("roomy").write_text(
        text.replace("  after_opener_lines: 1 ", "  after_opener_lines: 2 "), encoding="utf-8")
    report = next(a for a in issue_of(project, "2020-winter").articles if a.kind == "report")
    words = first_words(report.body)
    before = columns["2020-winter"][find(columns["2020-winter"], words)]  # the samples' build
    result = build(project, ["2020-winter"], template="roomy", site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    chars = read_in_columns(result.pdfs["2020-winter"], template)
    after = chars[find(chars, words)]
    assert after.page == before.page
    assert before.bottom - after.bottom == pytest.approx(read_template(template).grid.line_pitch,
                                                         abs=0.01)


# ------------------------------------------------------------------ signature
@pytest.mark.parametrize("issue_id", SAMPLES)
def test_editorial_signature_breaks_between_organisation_and_name(columns, issue_id):
    chars = columns[issue_id]
    org = find(chars, "一般社団法人日本インターネットプロバイダー協会会長久保真", 0)
    assert org >= 0
    sig = chars[org:org + len(squash("一般社団法人日本インターネットプロバイダー協会会長久保真"))]
    org_part, name_part = sig[:23], sig[23:]
    # 会長 久保 真 together on one line, the organisation on one line
    assert len({round(c.bottom) for c in name_part}) == 1
    assert len({round(c.bottom) for c in org_part}) == 1
    # flush right: both lines end at the column's right edge (a line-end 。 set half
    # width reaches past it with its glyph box)
    right_edge = max(c.right for c in chars if c.page == sig[0].page and c.col == sig[0].col
                     and c.ch not in "。、」）")
    assert org_part[-1].right == pytest.approx(right_edge, abs=1.5) or \
        org_part[-1].bottom == name_part[0].bottom
    assert name_part[-1].right == pytest.approx(right_edge, abs=1.5)


# ------------------------------------------------------------------ cover
@pytest.fixture(scope="module")
def b5_built(tmp_path_factory):
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("b5"))
    result = build(project, template="b5-single", site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result


def cover_clear_of_url(pdf: Path, url: str) -> tuple[float, float]:
    """(top of the web address at the cover's foot, bottom of the lowest other text)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        tp = doc[0].get_textpage()
        n = tp.count_chars()
        text = tp.get_text_range(0, n)
        start = text.find(url)
        assert start >= 0
        boxes = [tp.get_charbox(k, loose=True) for k in range(n)]
        url_top = max(boxes[k][3] for k in range(start, start + len(url)))
        url_left = min(boxes[k][0] for k in range(start, start + len(url)))
        others = [boxes[k] for k in range(n) if not start <= k < start + len(url)
                  and not text[k].isspace()]
        # the lowest text that could meet the address: what stands above it horizontally
        lowest = min(b[1] for b in others if b[2] > url_left - 2)
        return url_top, lowest
    finally:
        doc.close()


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_b5_cover_lines_end_above_the_web_address(b5_built, issue_id):
    _project, result = b5_built
    url_top, lowest = cover_clear_of_url(result.pdfs[issue_id], "https://www.jaipa.or.jp/")
    assert lowest > url_top + 6, f"cover text {lowest:.1f} runs into the foot {url_top:.1f}"


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_b5_cover_line_rules_end_with_the_text_block(b5_built, issue_id):
    project, result = b5_built
    t = read_template(project.pdf_template("b5-single"))
    doc = pdfium.PdfDocument(str(result.pdfs[issue_id]))
    try:
        paths = doc[0].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])
        rules = [obj.get_bounds() for obj in paths]
    finally:
        doc.close()
    rules = [(left, right) for left, bottom, right, top in rules
             if top - bottom < 3 and abs(left - t.left) < 2]
    assert rules  # one under each cover line
    assert all(right <= t.page_width - t.left + 1 for _left, right in rules), rules


def contents_gaps(pdf: Path, label: str) -> list[float]:
    """On the contents page: for each entry whose kind label is ``label``, the space from
    the label's last character to the title's first (the next character on its line)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        tp = doc[1].get_textpage()
        n = tp.count_chars()
        text = tp.get_text_range(0, n)
        gaps, at = [], text.find(label)
        while at >= 0:
            end = at + len(label)
            nxt = next(k for k in range(end, n) if not text[k].isspace())
            gaps.append(tp.get_charbox(nxt)[0] - tp.get_charbox(end - 1)[2])
            at = text.find(label, end)
        return gaps
    finally:
        doc.close()


def test_b5_contents_labels_stand_clear_of_the_titles(b5_built):
    # the B5 text block is narrower: the template's label column is widened to the
    # longest label used (2022-spring's 部会・WG活動報告, once over its eleven committees)
    project, result = b5_built
    t = read_template(project.pdf_template("b5-single"))
    gaps = contents_gaps(result.pdfs["2022-spring"], "活動報告")
    assert len(gaps) == 1
    assert min(gaps) >= t.contents["label_gap"] - 0.5, gaps


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_a4_cover_lines_end_above_the_web_address(pdfs, issue_id):
    url_top, lowest = cover_clear_of_url(pdfs[issue_id], "https://www.jaipa.or.jp/")
    assert lowest > url_top + 6


# ------------------------------------------------------------------ run-on committees
COMMITTEE = """\
  - kind: committee
    name: 第{n}テスト部会
    chair:
      name: 山田
      company: テスト株式会社
    body: |
      第{n}部会の本文です。{text}

      {text}
"""


def test_committees_after_a_page_break_keep_their_order(empty_project):
    """Committees that go over a page, wherever the break falls: the part left for the next
    page never slips into the room below the first part (it used to, in two columns)."""
    from express.build import build
    from tests.pdf.conftest import write_issue

    sentence = "部会では会員の皆様と情報交換を行い、課題の解決に取り組んでおります。"
    t = read_template(empty_project.pdf_template())
    for filler in range(20, 60, 3):  # moves the break through the committees
        extra = "".join(COMMITTEE.format(n=n, text=sentence * (3 + n % 4)) for n in range(1, 9))
        issue_id = "2031-autumn"  # rewritten for each filler length
        write_issue(empty_project, issue_id, body=sentence * filler, extra=extra)
        result = build(empty_project, [issue_id], site=False)
        assert result.ok, [d.render("en") for d in result.diags]
        chars = read_in_columns(result.pdfs[issue_id], empty_project.pdf_template())
        at = find(chars, sentence, 0)  # past the contents, which list the names too
        for n in range(1, 9):
            name = find(chars, f"第{n}テスト部会", at)
            body = find(chars, f"第{n}部会の本文です。", name)
            assert 0 <= name < body, f"filler {filler}: 第{n}テスト部会 out of order"
            head, first = chars[name], chars[body]
            assert (head.page, head.col) == (first.page, first.col), \
                f"filler {filler}: 第{n}テスト部会 parted from its text"
            at = body
    assert t.grid.columns == 2


def build_issue(project, issue_id: str, text: str, **options):
    """Write ``text`` as issue ``issue_id``'s issue.yaml and build its PDF (must succeed)."""
    from express.build import build

    folder = project.issues / issue_id
    folder.mkdir(exist_ok=True)
    (folder / "issue.yaml").write_text(text, encoding="utf-8")
    result = build(project, site=False, **options)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return result


# ------------------------------------------------------------------ narrow table cells
CALENDAR = """\
number: 103
date: 2023-12-20
season: 2023年冬号
articles:
  - kind: calendar
    title: 行事一覧
    events:
      - date: 2023-05-29
        end: 2023-05-31
        title: 第15回 地域ISP部会 定例会
      - date: 2023-06-26
        end: 2023-06-28
        title: 第22回 地域ISP部会 定例会
"""


def test_b5_date_ranges_break_between_phrases(empty_project):
    # in B5's narrow date column 「2023年5月29日（月）〜31日（水）」 must wrap; it wraps
    # between phrases, never inside 「31日」
    result = build_issue(empty_project, "2023-winter", CALENDAR, template="b5-single")
    doc = pdfium.PdfDocument(str(result.pdfs["2023-winter"]))
    try:
        lines = [squash(line) for i in range(1, len(doc))
                 for line in doc[i].get_textpage().get_text_range().split("\r\n")]
    finally:
        doc.close()
    dates = [line for line in lines if re.search(r"\d日|（[月火水木金土日]）", line)]
    assert any(line.endswith("〜31日（水）") or line == "（月）〜31日（水）" for line in dates), \
        dates
    assert not any(re.search(r"\d$", line) for line in dates), dates


# ------------------------------------------------------------------ running heads
def running_heads(pdf: Path) -> list[str]:
    """The running head of every page after the cover (the band above the text block)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        heads = []
        for i in range(1, len(doc)):
            page = doc[i]
            width, height = page.get_size()
            heads.append(page.get_textpage().get_text_bounded(
                left=0, bottom=height - 45, right=width, top=height))
        return heads
    finally:
        doc.close()


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_running_head_names_the_article_at_the_pages_top_on_the_outer_edge(built, pdfs,
                                                                             issue_id):
    """The section on the outer edge (left on the even, left-hand pages of a self-cover
    booklet), named after the article at the page's top: the one going on from the page
    before, or the one beginning at the top (2020-winter's programme page is the report's,
    though members begin on it)."""
    import pypdf

    project, _ = built
    t = read_template(project.pdf_template())
    issue = issue_of(project, issue_id)
    kind = {str(a.title): a.label for a in issue.articles} | {"巻頭言": "巻頭言"}
    reader = pypdf.PdfReader(str(pdfs[issue_id]))
    top = t.bottom + t.grid.height
    starts: dict[int, list[tuple[float, str]]] = {}
    for o in (o for o in reader.outline if not isinstance(o, list)):  # (articles only)
        starts.setdefault(reader.get_destination_page_number(o), []).append(
            (float(o.top) - 20, kind[o.title]))  # (the bookmark is 20 pt above its block)
    section = "目次"
    heads = running_heads(pdfs[issue_id])
    for i, head in enumerate(heads, start=1):
        here = sorted(starts.get(i, []), key=lambda s: -s[0])
        # an article begins at the top: its bookmark within the first lines (its band)
        if here and here[0][0] >= top - 3 * t.grid.line_pitch:
            section = here[0][1]
        text = squash(head)
        outer = text.startswith if (i + 1) % 2 == 0 else text.endswith
        assert outer(squash(section)), (i + 1, head, section)
        if here:
            section = here[-1][1]  # the last begun goes on at the next page's top


# ------------------------------------------------------------------ member logos
WIDE_LOGO = """\
number: 104
date: 2024-01-20
season: 2024年冬号
articles:
  - kind: member
    company: 株式会社ワイド
    logo: images/wide.png
    body: |
      とても横長のロゴ。
"""


def test_a_wide_logo_keeps_its_gap_to_the_company_name(empty_project):
    from PIL import Image as PILImage

    images = empty_project.issues / "2024-winter" / "images"
    images.mkdir(parents=True)
    PILImage.new("RGB", (1200, 100), "#204080").save(images / "wide.png")
    result = build_issue(empty_project, "2024-winter", WIDE_LOGO)
    t = read_template(empty_project.pdf_template())
    doc = pdfium.PdfDocument(str(result.pdfs["2024-winter"]))
    try:
        page = next(doc[i] for i in range(1, len(doc))
                    if "ワイド" in doc[i].get_textpage().get_text_range())
        images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
        assert len(images) == 1
        logo_right = images[0].get_bounds()[2]
        tp = page.get_textpage()
        text = tp.get_text_range()
        name_left = tp.get_charbox(text.rindex("株式会社ワイド"))[0]  # not the contents entry
    finally:
        doc.close()
    assert name_left - logo_right >= t.profile["logo_gap"] - 0.5, (logo_right, name_left)


# ------------------------------------------------------------------ a plain cover
PLAIN = """\
number: 105
date: 2024-03-01
articles:
  - kind: article
    title: 事務局移転のお知らせ
    body: |
      事務局は3月10日（金）に移転します。
  - kind: article
    title: 新年度の部会について
    body: |
      部会の募集を始めます。
"""


def test_a_cover_with_no_picture_or_lines_is_not_blank(empty_project):
    result = build_issue(empty_project, "2024-spring", PLAIN)
    t = read_template(empty_project.pdf_template())
    doc = pdfium.PdfDocument(str(result.pdfs["2024-spring"]))
    try:
        cover = doc[0]
        text = squash(cover.get_textpage().get_text_range())
        # the picture's box, in the light accent colour, just under the band
        image = cover.render(scale=1).to_pil().convert("RGB")
        band = t.cover["band_mm"] * 72 / 25.4
        pixel = image.getpixel((image.width // 2, int(band) + 20))
    finally:
        doc.close()
    assert "事務局移転のお知らせ" in text and "新年度の部会について" in text
    light = t.colours["accent_light"].lstrip("#")
    assert pixel == tuple(int(light[i:i + 2], 16) for i in (0, 2, 4))


# ------------------------------------------------------------------ odd input
ODD = """\
number: 106
date: 2024-04-01
articles:
  - kind: committee
    name: Internet Governance WG
    title: "インターネットガバナンスWG\\t活動報告"
    body: |
      縦棒|と|タブ\tを\t含む文章です。
"""


def test_a_tab_prints_as_a_space_and_a_committee_heading_is_its_title(empty_project):
    result = build_issue(empty_project, "2024-april", ODD)
    doc = pdfium.PdfDocument(str(result.pdfs["2024-april"]))
    try:
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(1, len(doc)))
    finally:
        doc.close()
    assert "\t" not in text and "タブ を 含む" in text
    # the heading on the page is the title the contents and bookmark show, not the name
    assert text.count("活動報告") >= 2 and "Internet Governance WG" not in text
