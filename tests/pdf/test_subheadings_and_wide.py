"""Issues written fresh: a subheading never ends a column without two lines of its text
under it, and a wide photo never leaves a page half empty (it floats to the next page's
top while the text fills the page)."""

from __future__ import annotations

import textwrap

import pytest
from PIL import Image as PILImage

from express.build import build
from express.pdf.template import read_template
from tests.pdf.test_markup_pdf import images, read_lines

SENTENCE = "地域でISPを行っている事業者を中心として、月に一度の部会で情報を共有しています。"


def article(body: str, photos: str = "") -> str:
    return textwrap.dedent("""\
        number: 1
        date: 2024-04-01
        articles:
          - kind: article
            title: 小見出しの試験
            body: |
        """) + textwrap.indent(body, " " * 6) + photos


def built_lines(project, issue_id: str, text: str):
    folder = project.issues / issue_id
    folder.mkdir(exist_ok=True)
    (folder / "issue.yaml").write_text(text, encoding="utf-8")
    result = build(project, [issue_id], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    pdf = result.pdfs[issue_id]
    return pdf, read_lines(pdf, project.pdf_template())


@pytest.mark.parametrize("shift", range(4))
def test_a_subheading_keeps_two_lines_of_its_text_in_its_column(empty_project, shift):
    project = empty_project
    # paragraphs of varying length, each followed by a subheading and one-line items: at
    # some column foot a heading would otherwise stand with one line, or none, under it
    blocks = []
    for n in range(22):
        blocks.append(SENTENCE * ((n + shift) % 4 + 1))
        blocks.append(f"## 見出し{n}")
        blocks.append("- 一行の項目\n- 一行の項目\n- 一行の項目")
    _pdf, ls = built_lines(project, f"2024-k{shift}", article("\n\n".join(blocks) + "\n"))
    heads = [k for k, ln in enumerate(ls) if ln.text.startswith("見出し")]
    assert len(heads) == 22
    for k in heads:
        below = ls[k + 1: k + 3]
        assert all((ln.page, ln.col) == (ls[k].page, ls[k].col) for ln in below), (
            f"{ls[k].text} (p{ls[k].page}) keeps {below}")


def wide_article(project, issue_id: str, lengths: list[int], photos: int = 1,
                 px: tuple[int, int] = (1500, 1000), number: int = 1):
    """Issue ``number``: an article of paragraphs of ``lengths`` sentences with ``photos``
    wide photos, built: (pdf, its lines, the template)."""
    folder = project.issues / issue_id
    (folder / "images").mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", px, "teal").save(folder / "images" / "wide.jpg")
    body = "\n\n".join(SENTENCE * n for n in lengths) + "\n"
    listed = "".join(f"      - {{file: images/wide.jpg, caption: 2段の写真{k}, size: wide}}\n"
                     for k in range(photos))
    text = article(body, "    photos:\n" + listed).replace("number: 1", f"number: {number}", 1)
    pdf, ls = built_lines(project, issue_id, text)
    return pdf, ls, read_template(project.pdf_template())


def foot_of_ink(ls, page: int, col: int) -> float:
    """The lowest line of a column of a page, or of a wide photo's caption there (under
    its picture, which may be cropped: its image's box is the whole picture)."""
    return min(ln.y for ln in ls if ln.page == page
               and (ln.col == col or ln.text.startswith("2段の写真")))


@pytest.mark.parametrize("paragraphs", [6, 9, 12, 15, 18])
def test_a_wide_photo_never_leaves_a_page_half_empty(empty_project, paragraphs):
    pdf, ls, t = wide_article(empty_project, f"2024-w{paragraphs}", [3] * paragraphs)
    mid = t.left + t.grid.width / 2
    [(_page, (x0, _y0, x1, _y1))] = images(pdf)
    assert x0 < mid < x1 and x1 - x0 > 1.5 * t.grid.column_width  # across both columns
    # every page but the last is filled to its foot, in both columns or by the photo
    last = max(ln.page for ln in ls)
    for p in range(1, last):
        for col in (0, 1):
            low = foot_of_ink(ls, p, col)
            assert low - t.bottom < 3 * t.grid.line_pitch, (p, col, low)
    # every sentence is printed, whatever the photo did
    assert "".join(ln.text for ln in ls).count("月に一度の部会") == 3 * paragraphs


@pytest.mark.parametrize(("px", "photos"), [((1500, 1000), 1), ((2400, 800), 2),
                                            ((1000, 1400), 2)])
def test_wide_photos_never_leave_a_page_half_empty_whatever_the_length(empty_project, px,
                                                                        photos):
    # articles from a few lines to several pages, paragraphs of uneven length: each builds,
    # every page but the last is more than half full, every photo spans the columns
    for n in range(4, 29, 4):
        lengths = [1 + k % 4 for k in range(n)]
        pdf, ls, t = wide_article(empty_project, f"2024-{px[0]}-{photos}-{n}", lengths,
                                  photos, px, number=n)
        mid = t.left + t.grid.width / 2
        boxes = images(pdf)
        assert len(boxes) == photos, n
        # (set across the columns: a tall one, held to the greatest height, is narrower)
        assert all(x0 < mid < x1 for _p, (x0, _y0, x1, _y1) in boxes), n
        last = max(ln.page for ln in ls)
        half = t.bottom + t.grid.height / 2
        for p in range(1, last):
            for col in (0, 1):
                assert foot_of_ink(ls, p, col) < half, (n, p, col)
        text = "".join(ln.text for ln in ls)
        assert text.count("月に一度の部会") == sum(lengths), n
        captions = [ln.text for ln in ls if ln.text.startswith("2段の写真")]
        assert captions == [f"2段の写真{k}" for k in range(photos)], n  # in their order


@pytest.mark.parametrize("pixels", [1500, 400])
def test_a_photo_grows_across_the_columns_only_with_the_pixels_for_it(empty_project,
                                                                      pixels):
    # a column photo ends an article before a report (which starts a new page): the plan
    # sets it across both columns to fill the page, unless it would print there under
    # images.min_ppi (and be warned of as blurred); in its column it has the pixels
    folder = empty_project.issues / f"2024-g{pixels}"
    (folder / "images").mkdir(parents=True)
    PILImage.new("RGB", (pixels, pixels * 2 // 3), "teal").save(folder / "images" / "p.jpg")
    body = textwrap.indent("\n\n".join(SENTENCE * 3 for _ in range(4)) + "\n", " " * 6)
    text = (article(body.lstrip(" "), "    photos:\n      - {file: images/p.jpg, caption: 写真}\n")
            + "  - kind: report\n    title: 報告\n    event: {start: 2024-03-01}\n"
            + "    body: |\n" + body)
    (folder / "issue.yaml").write_text(text, encoding="utf-8")
    result = build(empty_project, [folder.name], site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    t = read_template(empty_project.pdf_template())
    [(_page, (x0, _y0, x1, _y1))] = images(result.pdfs[folder.name])
    widened = x1 - x0 > 1.5 * t.grid.column_width
    assert widened == (pixels == 1500)
    assert not [d for d in result.diags if d.code == "image.low_resolution"]


@pytest.mark.parametrize("shift", range(3))
def test_a_committee_opening_with_a_subheading_keeps_both_with_its_text(empty_project, shift):
    # a committee's name is kept with what follows: here a subheading, itself kept with two
    # lines; neither may stand alone at a column's foot
    committees = []
    for n in range(14):
        body = SENTENCE * ((n + shift) % 5 + 1)
        committees.append(f"  - kind: committee\n    name: 第{n}部会\n    body: |\n"
                          f"      ## 見出し{n}\n\n      {body}\n")
    text = "number: 1\ndate: 2024-04-01\narticles:\n" + "".join(committees)
    _pdf, ls = built_lines(empty_project, f"2024-c{shift}", text)
    for n in range(14):
        k = next(k for k, ln in enumerate(ls)  # (in bold: not the contents' entry)
                 if ln.text == f"第{n}部会" and any("Bold" in f for f in ln.fonts))
        head, sub, first, second = ls[k], ls[k + 1], ls[k + 2], ls[k + 3]
        assert sub.text == f"見出し{n}", (head, sub)
        assert all((ln.page, ln.col) == (head.page, head.col) for ln in (sub, first, second)), (
            f"第{n}部会 (p{head.page} col {head.col}) is parted from its text")
