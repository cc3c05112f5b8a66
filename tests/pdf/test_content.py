"""Every article's text and the derived facts are printed; every page renders."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from express.model.body import EMPTY_BODY
from tests.pdf.conftest import SAMPLES, squash

pytestmark = pytest.mark.xdist_group("built")


@pytest.fixture(scope="module")
def archive(built):
    from express.load import load_archive

    project, _ = built
    archive, _ = load_archive(project.issues)
    return archive


def expected_strings(issue) -> list[str]:
    out = []
    for a in issue.articles:
        out.append(str(a.title))
        for block in getattr(a, "body", None).blocks if getattr(a, "body", None) else ():
            # a bare e-mail address is printed without its scheme (mailto: is not for paper)
            out.extend(i.text.removeprefix("mailto:") for i in getattr(block, "inlines", ()))
        for day in getattr(a, "programme", []):
            for slot in day.slots:
                out += [str(slot.title or slot.break_label)]
                out += [str(s.name) for s in slot.speakers]
                out += [str(s.affiliation) for s in slot.speakers if s.affiliation]
        if a.kind == "committee":
            out.append(str(a.name))
        if a.kind == "opinions":
            out += [str(o.title) for o in a.items]
        if a.kind == "officers":
            for g in a.groups:
                out += [str(m.name) for m in g.members] + [str(g.role)]
        if a.kind == "providers":
            out += [str(e.name) for e in a.entries] + [str(e.prefecture) for e in a.entries]
        if a.kind == "calendar":
            out += [str(e.title) for e in a.events]
        if a.kind == "member":
            out.append(str(a.company))
    return [s for s in out if s]


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_every_article_text_is_present(archive, body_texts, texts, issue_id):
    issue = next(i for i in archive.issues if i.id == issue_id)
    text = body_texts[issue_id]
    for a in issue.articles:  # a photo's caption may stand inside a paragraph it floated past
        for ph in getattr(a, "photos", ()):
            for printed in (ph.caption, ph.credit):
                text = text.replace(squash(str(printed)), "") if printed else text
    # a ruby reading is drawn after the lines of its column: where a paragraph goes on in
    # the next column, it stands between the two
    for para in (p for a in issue.articles for p in getattr(a, "body", EMPTY_BODY).paragraphs):
        for run in para:
            if getattr(run, "ruby", None):
                text = text.replace(squash(run.ruby), "")
    for s in expected_strings(issue):
        assert squash(s) in text, s
    for a in issue.articles:  # pypdf reads the same text
        assert squash(str(a.title)) in texts[issue_id]


def test_derived_facts_are_printed(texts):
    t = texts["2020-winter"]
    assert "2020年11月19日（木）〜20日（金）" in t
    assert "11月19日（木）" in t and "11月18日（水）" in t
    assert "(50)" in t and "(90)" in t and "(45)" in t  # slot durations
    assert "現地46名・リモート9名計55名" in t
    assert "理事25名監事3名" in texts["2022-spring"]


def test_opinions_are_printed_newest_first(texts):
    t = texts["2022-spring"]
    first = t.index("2022年2月14日")
    last = t.index("2021年4月9日")
    assert first < last


def test_providers_are_in_national_order(texts):
    t = texts["2020-winter"]
    order = ["北海道", "宮城県", "千葉県", "東京都", "新潟県", "沖縄県"]
    positions = [t.index(p + "株式会社") if p + "株式会社" in t else t.index(p) for p in order]
    assert positions == sorted(positions)


def test_cover_contents_editorial_and_colophon(texts):
    t = texts["2020-winter"]
    assert t.startswith("JAIPAExpress")
    assert "第35号" in t and "2020年冬号" in t
    assert "目次" in t and "巻頭言" in t
    assert "会長久保真" in t
    assert "TEL03-5304-7511" in t and "FAX03-3379-5530" in t
    assert "〒151-0053" in t


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_every_page_renders(pdfs, issue_id):
    doc = pdfium.PdfDocument(str(pdfs[issue_id]))
    try:
        for i in range(len(doc)):
            bitmap = doc[i].render(scale=0.5)
            image = bitmap.to_pil()
            assert image.size[0] > 100
            # not blank: the page has ink
            assert image.convert("L").getextrema()[0] < 128
    finally:
        doc.close()


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_folios_on_every_page_but_the_cover(pdfs, issue_id):
    doc = pdfium.PdfDocument(str(pdfs[issue_id]))
    try:
        first = squash(doc[0].get_textpage().get_text_range())
        assert "JAIPAExpress1" not in first  # the cover is page 1, its folio hidden
        for i in range(1, len(doc)):
            text = squash(doc[i].get_textpage().get_text_range())
            n = i + 1  # a self-cover booklet: physical page i is page i + 1
            # the number on the outer edge: left of the name on a left-hand (even) page
            folio = f"{n}JAIPAExpress" if n % 2 == 0 else f"JAIPAExpress{n}"
            assert folio in text, (i, text[-60:])
    finally:
        doc.close()
