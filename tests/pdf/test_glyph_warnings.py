"""Missing-glyph warnings of a build: one per place the character is written, at that place.

Texts reused without a source position (the running head, a contents entry, a head-count
line) must neither repeat a warning nor give one without a position."""

from __future__ import annotations

from express.build import build

ISSUE = """\
number: 109
date: 2031-06-01
season: 2031年夏号🌻
cover:
  headline: 夏の特集🎉
  lines:
    - 表紙の行🚀
articles:
  - kind: report
    title: 報告📡
    event:
      start: 2031-05-20
      venue: 会場🏢
    programme:
      - date: 2031-05-20
        slots:
          - time: "10:00-11:00"
            title: 講演✨
            speakers:
              - {name: 田中 太郎, affiliation: 所属😀}
  - kind: officers
    groups:
      - role: 会長👑
        members:
          - {name: 高橋 一郎, company: 会社🏭}
  - kind: member
    company: 会員🐱株式会社
    contact: {address: 住所🏠}
"""

EMOJI = "🌻🎉🚀📡🏢✨😀👑🏭🐱🏠"


def test_each_missing_character_is_reported_once_at_each_place_it_is_written(empty_project):
    folder = empty_project.issues / "2031-summer"
    folder.mkdir(parents=True)
    path = folder / "issue.yaml"
    path.write_text(ISSUE, encoding="utf-8")
    result = build(empty_project, site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    warns = [d for d in result.diags if d.code == "lint.missing_glyph"]
    assert all(d.pos is not None for d in warns), [d.render("en") for d in warns]
    lines = path.read_text(encoding="utf-8").splitlines()
    places = [(d.pos.line, d.pos.col, d.args["char"]) for d in warns]
    for line, col, ch in places:
        assert lines[line - 1][col - 1] == ch
    assert len(places) == len(set(places)), "a place is reported twice"
    written = [(i + 1, j + 1, ch) for i, text in enumerate(lines) for j, ch in enumerate(text)
               if ch in EMOJI]
    assert sorted(places) == written


def test_a_positionless_text_whose_character_is_written_nowhere_goes_to_the_issue_file(
        empty_project):
    from express.diagnostics import Diagnostics
    from express.model.articles import Located
    from express.model.source import Pos
    from express.pdf.layout.text import TextKit
    from express.pdf.paint.fonts import font_set
    from express.pdf.template import read_template

    t = read_template(empty_project.pdf_template())
    diags = Diagnostics()
    kit = TextKit(t, font_set(empty_project.root, t.fonts), diags)
    kit.spans("作られた見出し🌻", "body")  # no source: made by the layout
    kit.spans("作られた見出し🌻", "body")
    assert not diags  # not before the render is over: a later text may place it
    home = Pos("issues/x/issue.yaml", 1, 1)
    kit.report_unplaced(Located(home))
    [warn] = diags
    assert warn.pos == home and warn.args["char"] == "🌻"


def test_a_variation_selector_the_font_lacks_prints_the_base_character(empty_project):
    """葛 + U+E0100 (an ideographic variation selector) and 渡 + U+FE00: the base is printed
    alone, not followed by a 〓; one warning names the selector and its base at the
    selector's place; copying gives what was written where the reader honours the PDF's
    ActualText (pdfium does for U+FE00–FE0F, not for supplementary-plane selectors)."""
    import pypdf

    from tests.pdf.conftest import pdfium_text, squash, write_issue

    path = write_issue(empty_project, body="異体字葛\U000E0100城と渡\uFE00辺も。")
    result = build(empty_project, site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    assert not [d for d in result.diags if d.code == "lint.missing_glyph"]
    warns = [d for d in result.diags if d.code == "lint.variation_selector"]
    lines = path.read_text(encoding="utf-8").splitlines()
    got = sorted((d.args["base"], d.args["codepoint"],
                  lines[d.pos.line - 1][d.pos.col - 2: d.pos.col]) for d in warns)
    assert got == [("渡", "FE00", "渡\uFE00"), ("葛", "E0100", "葛\U000E0100")]
    assert "「葛」+U+E0100" in warns[0].render("en") + warns[1].render("en")
    pdf = result.pdfs["2031-autumn"]
    copied = squash(pdfium_text(pdf))
    assert "異体字葛城と渡\uFE00辺も。" in copied  # no 〓, no box
    reader = pypdf.PdfReader(str(pdf))
    drawn = "".join(p.extract_text() for p in reader.pages)  # the glyphs (no ActualText)
    assert "葛城" in squash(drawn) and "\U000E0100" not in drawn and "〓" not in drawn
    content = b"".join(p.get_contents().get_data() for p in reader.pages)
    assert b"/ActualText <FEFF845BDB40DD00>" in content
