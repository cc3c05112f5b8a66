"""Read back from built PDFs: body lines on the page grid (boxed sections split over pages,
paragraphs of mixed sizes), headings broken between phrases and balanced, bullet items
justified, the whole colophon printed, and split tables that repeat the group's label."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise
from pathlib import Path

import budoux
import pypdfium2 as pdfium
import pytest

from express.build import build
from express.jtext.breaking import WORD, apply_phrases, break_tiers
from express.jtext.classes import char_class
from express.pdf.template import read_template
from tests.conftest import ROOT
from tests.pdf.conftest import pdfium_text, squash, write_issue
from tests.pdf.test_layout import find, issue_of, read_in_columns
from tests.typography import checks as K
from tests.typography.glyphs import read_glyphs
from tests.typography.layout import body_style

pytestmark = pytest.mark.xdist_group("built")

SENTENCE = "会員企業の皆様と情報交換を行い、課題の解決に取り組んでおります。"


@pytest.fixture(scope="module")
def columns(built, pdfs):
    project, _ = built
    return {i: read_in_columns(p, project.pdf_template()) for i, p in pdfs.items()}


def grid_doc(project, pdf: Path, texts: list[str]) -> K.Doc:
    style = body_style(ROOT, project.pdf_template())
    return K.build_doc(read_glyphs(pdf), style, texts)


# ------------------------------------------------------------------ 1. the line grid
MEMBER = """\
  - kind: member
    company: 株式会社グリッド検証
    contact:
      url: https://example.jp/
      tel: 03-0000-0000
    body: |
{paras}
"""


def test_a_boxed_member_split_over_pages_stays_on_the_grid(empty_project):
    """A member profile (a boxed section: half a line of padding above its head) long enough
    to go over a page: every body line in both columns of both parts sits on the grid."""
    paras = "\n\n".join(f"      第{n}段落。" + SENTENCE * (2 + n % 3) for n in range(1, 40))
    write_issue(empty_project, body=SENTENCE * 30, extra=MEMBER.format(paras=paras))
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    doc = grid_doc(empty_project, result.pdfs["2031-autumn"], [SENTENCE])
    res = K.check_page_grid(doc)
    pages = {ln.page for ln in doc.lines}
    assert len(pages) >= 3 and res.checked > 150
    assert not res.violations, res.summary()
    cols = K.check_columns_grid(doc)
    assert cols.checked > 50 and not cols.violations, cols.summary()


def test_a_paragraph_of_mixed_sizes_keeps_one_pitch(empty_project, tmp_path):
    """Lines of one paragraph where some carry a larger word: each baseline is exactly one
    pitch below the one before (a line's own largest size does not move it)."""
    from reportlab.pdfgen.canvas import Canvas

    from express.diagnostics import Diagnostics
    from express.jtext import Span, Style
    from express.pdf.layout.blocks import Para
    from express.pdf.layout.text import TextKit
    from express.pdf.paint.fonts import font_set

    t = read_template(empty_project.pdf_template())
    kit = TextKit(t, font_set(empty_project.root, t.fonts), Diagnostics())
    body = t.style("body")
    big = Style(body.font, body.size * 1.6)
    spans = [
        Span(SENTENCE * 2, Style(body.font, body.size)),
        Span("大きな語", big),
        Span(SENTENCE * 3, Style(body.font, body.size)),
    ]
    pitch = t.grid.line_pitch
    para = Para(kit, spans, "#000000", pitch, settings=kit.settings(), grid_pitch=pitch)
    pdf = tmp_path / "mixed.pdf"
    canv = Canvas(str(pdf), pagesize=(t.page_width, t.page_height))
    _, h = para.wrap(t.grid.column_width, 1e6)
    top = t.bottom + t.grid.height
    para.drawOn(canv, t.left, top - h)
    canv.save()
    baselines = sorted({round(g.y, 3) for g in read_glyphs(pdf)[0]}, reverse=True)
    assert len(baselines) >= 4
    steps = [a - b for a, b in pairwise(baselines)]
    assert steps == pytest.approx([pitch] * len(steps), abs=0.01), steps
    first = top - (pitch - body.size) / 2 - 0.88 * body.size  # the template's grid
    assert baselines[0] == pytest.approx(first, abs=0.01)


# ------------------------------------------------------------------ 2. headings
def heading_lines(chars, text: str, start: int | None = None) -> tuple[list[str], int]:
    """The lines ``text`` is set on (found from ``start``) and where it was found."""
    at = find(chars, text, start)
    assert at >= 0, text
    run = chars[at : at + len(squash(text))]
    lines: list[str] = []
    prev = None
    for c in run:  # in reading order: a new line where the baseline drops
        if prev is None or c.bottom < prev.bottom - 3:
            lines.append("")
        lines[-1] += c.ch
        prev = c
    return lines, at


def good_breaks(text: str) -> set[int]:
    """Phrase boundaries and word boundaries (script changes) inside phrases."""
    cls = [char_class(c) for c in text]
    tiers = break_tiers(text, cls, "strict")
    apply_phrases(text, cls, tiers)
    out, pos = set(), 0
    for p in budoux.load_default_japanese_parser().parse(text):
        pos += len(p)
        out.add(pos)
    return out | {k for k in range(1, len(text)) if tiers[k] == WORD}


def test_committee_names_break_between_phrases_never_leaving_a_short_line(built, columns):
    project, _ = built
    issue = issue_of(project, "2022-spring")
    chars = columns["2022-spring"]
    names = [str(a.name) for a in issue.articles if a.kind == "committee"]
    assert "ゲーム・エンタメNW接続性課題検討ワーキンググループ" in names
    broken = 0
    at = find(chars, names[0])  # the committees, in order (the names occur in text before)
    for name in names:
        lines, at = heading_lines(chars, name, at)
        assert "".join(lines) == squash(name)
        if len(lines) == 1:
            continue
        broken += 1
        ok = good_breaks(squash(name))
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in ok, f"{name}: broken inside a word: {'/'.join(lines)}"
        assert all(len(line) > 2 for line in lines), f"{name}: {'/'.join(lines)}"
    assert broken >= 1


# ------------------------------------------------------------------ 3. bullet items
def test_wrapped_list_items_are_justified(built, columns):
    """「2. 協会のアンケート・調査活動を通じて…」 wraps: its first line ends at the right edge of
    the column, like any non-final line of a paragraph."""
    chars = columns["2022-spring"]
    text = ("協会のアンケート・調査活動を通じて他会員企業の事業活動への取り組みを"
            "客観的に把握、理解できる")
    at = find(chars, text[:14])
    assert at >= 0
    item = chars[at : at + len(squash(text))]
    first = [c for c in item if round(c.bottom) == round(item[0].bottom)]
    assert len(first) < len(item), "the item no longer wraps: pick another"
    page, col = item[0].page, item[0].col
    # the column's right edge: where most other lines of the column end (a line ending in
    # 、 has a loose box half an em wider)
    ends: dict[int, float] = {}
    for c in chars:
        if (c.page, c.col) == (page, col) and abs(c.bottom - item[0].bottom) > 1:
            ends[round(c.bottom)] = c.right
    edge = Counter(round(v, 1) for v in ends.values()).most_common(1)[0][0]
    assert first[-1].right == pytest.approx(edge, abs=1.0)


# ------------------------------------------------------------------ 4. colophon
def test_a_long_colophon_row_is_printed_whole(empty_project):
    pub = empty_project.issues / "publication.yaml"
    long_address = (
        "〒151-0053 東京都渋谷区代々木一丁目三十六番一号 オダカビル六階 "
        "一般社団法人日本インターネットプロバイダー協会 事務局内 "
        "（受付は平日十時から十七時まで、祝日と年末年始を除きます）" * 2
    )
    text = pub.read_text(encoding="utf-8")
    pub.write_text(
        "\n".join(
            f"address: {long_address}" if ln.startswith("address:") else ln
            for ln in text.splitlines()
        )
        + "\n",
        encoding="utf-8",
    )
    write_issue(empty_project)
    result = build(empty_project, ["2031-autumn"], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    pdf = result.pdfs["2031-autumn"]
    assert squash(long_address) in squash(pdfium_text(pdf))
    t = read_template(empty_project.pdf_template())
    doc = pdfium.PdfDocument(str(pdf))
    try:
        tp = doc[len(doc) - 1].get_textpage()
        boxes = [tp.get_charbox(k) for k in range(tp.count_chars())]
        assert max(b[2] for b in boxes) <= t.left + t.grid.width + 0.5
    finally:
        doc.close()


# ------------------------------------------------------------------ 5. split tables
def row_starts(chars, label: str) -> list:
    """Characters that begin ``label`` in the text block."""
    text = "".join(c.ch for c in chars)
    out, i = [], text.find(label)
    while i >= 0:
        out.append(chars[i])
        i = text.find(label, i + 1)
    return out


PROVIDERS = """\
number: 104
date: 2024-01-20
articles:
  - kind: providers
    entries:
      - {name: 株式会社アットアイ, prefecture: 北海道}
      - {name: 株式会社エヌディエス, prefecture: 宮城県}
%s      - {name: 株式会社新潟通信サービス, prefecture: 新潟県}
"""


@pytest.fixture(scope="module")
def providers_pdf(tmp_path_factory):
    """A provider list whose 東京都 group is longer than a column: it goes on in the next."""
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("providers"), issues=False)
    tokyo = "".join(f"      - {{name: 東京プロバイダー{n}株式会社, prefecture: 東京都}}\n"
                    for n in range(60))
    folder = project.issues / "2024-winter"
    folder.mkdir()
    (folder / "issue.yaml").write_text(PROVIDERS % tokyo, encoding="utf-8")
    result = build(project, site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    pdf = result.pdfs["2024-winter"]
    return pdf, read_in_columns(pdf, project.pdf_template())


@pytest.mark.parametrize(
    ("issue_id", "header", "label"),
    # (the officers, one full-width table now, go over a page in tests/pdf/test_page_plan)
    [("providers", "都道府県事業者名", "東京都（続き）")],
)
def test_a_group_that_goes_on_in_the_next_column_repeats_its_label(
    pdfs, columns, providers_pdf, issue_id, header, label
):
    pdf, chars = providers_pdf if issue_id == "providers" else (pdfs[issue_id],
                                                               columns[issue_id])
    text = "".join(c.ch for c in chars)
    assert label in squash(pdfium_text(pdf)), f"{label} not printed"
    heads = []
    i = text.find(header)
    while i >= 0:
        heads.append(i)
        i = text.find(header, i + 1)
    assert len(heads) >= 2  # the table is split over columns (and pages)
    for i in heads:
        # the first row under every (repeated) header opens with its group's label: the
        # character after the header stands in the first cell, at the table's left
        first = chars[i + len(header)]
        assert first.left - chars[i].left < 6, (
            f"p{first.page} col {first.col}: a row without its group's label opens the part"
        )
