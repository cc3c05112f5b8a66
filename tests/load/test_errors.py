"""Every class of editor mistake is reported at its exact position, all in one run."""

from __future__ import annotations

import os

import pytest

from express.check import check
from express.diagnostics import Severity
from tests.load.conftest import MINIMAL


def test_minimal_issue_is_clean(checker):
    assert checker.codes(MINIMAL) == []


def test_yaml_syntax_error_has_position(checker):
    codes = checker.codes("number: 1\ndate: 2020-12-15\narticles: [\n  - kind: x\n")
    assert len(codes) == 1 and codes[0][2] == "source.syntax"
    assert codes[0][0] >= 3


def test_tab_indentation(checker):
    codes = checker.codes("number: 1\ndate: 2020-12-15\narticles:\n\t- kind: article\n")
    assert codes[0][:2] == (4, 1) and codes[0][2] == "source.tab_indent"


def test_unknown_key_with_suggestion(checker):
    diags = checker.run(MINIMAL.replace("title: 題", "titel: 題"))
    (d,) = [d for d in diags if d.code == "key.unknown"]
    assert (d.pos.line, d.pos.col) == (5, 5)
    assert d.args["hint"] == "title"
    assert d.render("en").endswith('in articles[0](article). Did you mean "title"?')
    assert d.render("ja").endswith("があります。「title」ではありませんか？")


def test_unknown_top_level_key(checker):
    codes = checker.codes(
        "number: 1\ndate: 2020-12-15\nseason_: 冬号\n" + MINIMAL.split("\n", 2)[2]
    )
    assert (3, 1, "key.unknown") in codes


def test_duplicate_key_is_not_silently_kept(checker):
    codes = checker.codes(
        "number: 1\nnumber: 2\ndate: 2020-12-15\narticles:\n  - kind: article\n    title: a\n"
    )
    assert (2, 1, "source.duplicate_key") in codes


def test_missing_required_keys(checker):
    codes = checker.codes(
        "date: 2020-12-15\narticles:\n  - kind: report\n    event: {start: 2020-11-19}\n"
    )
    assert (1, 1, "key.missing") in codes  # number
    assert (3, 5, "key.missing") in codes  # report title


def test_wrong_types(checker):
    codes = checker.codes("""\
        number: 第一号
        date: 2020-12-15
        articles:
          - kind: calendar
            events: 行事
        """)
    assert (1, 9, "value.expected_int") in codes
    assert (5, 13, "value.expected_list") in codes


def test_number_must_be_positive(checker):
    assert (1, 9, "value.expected_positive") in checker.codes(
        MINIMAL.replace("number: 1", "number: 0")
    )


def test_impossible_and_malformed_dates(checker):
    assert (2, 7, "value.impossible_date") in checker.codes(
        MINIMAL.replace("2020-12-15", "2021-02-29")
    )
    assert (2, 7, "value.bad_date") in checker.codes(MINIMAL.replace("2020-12-15", "2020/12/15"))


REPORT = """\
number: 1
date: 2020-12-15
articles:
  - kind: report
    title: 報告
    event:
      start: 2020-11-19
      end: {end}
    programme:
      - date: 2020-11-19
        slots:
          - time: "{time}"
            title: 講演
            access: {access}
"""


def _report(end="2020-11-20", time="09:00-09:50", access="公開"):
    return REPORT.format(end=end, time=time, access=access)


def test_report_is_clean(checker):
    assert checker.codes(_report()) == []


def test_reversed_and_malformed_time_ranges(checker):
    assert (12, 19, "value.reversed_time_range") in checker.codes(_report(time="09:50-09:00"))
    assert (12, 19, "value.bad_time_range") in checker.codes(_report(time="9時から"))
    assert (12, 19, "value.impossible_time") in checker.codes(_report(time="09:00-09:75"))


def test_end_date_before_start(checker):
    assert (8, 12, "value.end_before_start") in checker.codes(_report(end="2020-11-18"))


def test_unknown_access_value(checker):
    codes = checker.codes(_report(access="一般公開"))
    assert (14, 21, "value.bad_choice") in codes


def test_unknown_article_kind_with_suggestion(checker):
    diags = checker.run(MINIMAL.replace("kind: article", "kind: reprot"))
    (d,) = [d for d in diags if d.code == "article.unknown_kind"]
    assert (d.pos.line, d.pos.col) == (4, 11)
    assert d.args["hint"] == "report"


def test_link_schemes(checker):
    text = MINIMAL.replace("本文。", "[危険](javascript:alert(1)) と ftp は不可。") + (
        "  - kind: calendar\n    events:\n      - {date: 2020-12-01, title: 会, url: 'ftp://x.jp/'}\n"
    )
    codes = checker.codes(text)
    assert (7, 12, "markup.bad_link") in codes
    assert (10, 43, "value.bad_link") in codes


def _with_image(ref: str) -> str:
    return MINIMAL + f"    photos:\n      - file: {ref}\n        caption: 写真\n"


def test_image_missing(checker):
    assert (9, 15, "image.missing") in checker.codes(_with_image("images/none.jpg"))


def test_image_outside_folder_refused(checker, tmp_path):
    outside = checker.project.root / "secret.jpg"
    outside.write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 20)
    assert (9, 15, "image.outside") in checker.codes(_with_image("../../secret.jpg"))
    assert (9, 15, "image.absolute") in checker.codes(_with_image(str(outside)))
    folder = checker.project.issues / "t1" / "images"
    folder.mkdir(exist_ok=True)
    os.symlink(outside, folder / "link.jpg")
    assert (9, 15, "image.outside") in checker.codes(_with_image("images/link.jpg"))


def test_image_not_jpeg_or_png(checker):
    folder = checker.project.issues / "t1" / "images"
    folder.mkdir(parents=True)
    (folder / "photo.jpg").write_bytes(b"GIF89a" + b"\0" * 20)
    assert (9, 15, "image.format") in checker.codes(_with_image("images/photo.jpg"))


def test_image_unreadable(checker):
    if os.geteuid() == 0:  # root reads everything: use a folder named like a file instead
        folder = checker.project.issues / "t1" / "images" / "dir.jpg"
        folder.mkdir(parents=True)
        assert (9, 15, "image.not_file") in checker.codes(_with_image("images/dir.jpg"))
    else:
        folder = checker.project.issues / "t1" / "images"
        folder.mkdir(parents=True)
        (folder / "p.jpg").write_bytes(b"\xff\xd8\xff")
        (folder / "p.jpg").chmod(0)
        assert (9, 15, "image.unreadable") in checker.codes(_with_image("images/p.jpg"))


def test_duplicate_issue_numbers_across_issues(checker):
    checker.write(MINIMAL, issue_id="a")
    checker.write(MINIMAL, issue_id="b")
    diags = checker.run()
    dup = [d for d in diags if d.code == "issue.duplicate_number"]
    assert len(dup) == 1
    assert dup[0].pos.path.endswith("b/issue.yaml") and dup[0].pos.line == 1
    assert "a/issue.yaml:1:9" in dup[0].render("en")


@pytest.mark.parametrize("named", ["a", "b"])
def test_one_issue_checked_alone_still_sees_another_issues_number(checker, named):
    """The other issues are only glanced at for their numbers (not loaded, not checked:
    the broken article of "a" is not reported when "b" alone is checked)."""
    checker.write(MINIMAL.replace("articles:", "articles:\n  - kind: nonsense"), issue_id="a")
    checker.write(MINIMAL, issue_id="b")
    archive, diags = check(checker.project, [named], whole=False)
    assert [i.id for i in archive.issues] == [named]
    dup = [d for d in diags if d.code == "issue.duplicate_number"]
    assert len(dup) == 1 and dup[0].pos.path.endswith("b/issue.yaml")
    assert dup[0].pos.line == 1 and "a/issue.yaml:1:9" in dup[0].render("en")
    assert ("article.unknown_kind" in {d.code for d in diags}) == (named == "a")


def test_empty_file(checker):
    assert checker.codes("") == [(1, 1, "source.empty")]
    assert checker.codes("   \n\n") == [(1, 1, "source.empty")]
    assert checker.codes("# only a comment\n") == [(1, 1, "source.empty")]


def test_shift_jis_file_is_read_and_flagged(checker):
    diags = checker.run(MINIMAL, encoding="cp932")
    assert [d.code for d in diags] == ["source.shift_jis"]
    assert diags[0].severity is Severity.WARNING
    assert "UTF-8" in diags[0].render("en")


def test_binary_file_is_not_utf8(checker):
    raw = MINIMAL.encode() + b"\xff\xfe\x00\x81"
    codes = checker.codes(raw=raw, text="")
    assert codes and codes[0][2] == "source.not_utf8"


def test_all_problems_reported_in_one_run(checker):
    text = (
        MINIMAL.replace("titel", "title")
        .replace("title: 題", "titel: 題")
        .replace("2020-12-15", "2020-13-01")
        + "  - kind: bogus\n"
    )
    codes = {c for _l, _c, c in checker.codes(text)}
    assert {"key.unknown", "value.bad_date", "article.unknown_kind"} <= codes or {
        "key.unknown",
        "value.impossible_date",
        "article.unknown_kind",
    } <= codes


def test_bad_prefecture_suggests_full_name(checker):
    diags = checker.run(
        MINIMAL + "  - kind: providers\n    entries:\n      - {name: 社, prefecture: 東京}\n"
    )
    (d,) = [d for d in diags if d.code == "value.bad_prefecture"]
    assert d.args["hint"] == "東京都"


def test_recursive_alias_and_deep_nesting(checker):
    assert checker.codes("number: &n [1, *n]\n") == [(1, 9, "source.recursive_alias")]
    deep = checker.codes("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [code for _l, _c, code in deep] == ["source.too_deep"]


def test_characters_no_font_has_are_warned_at_their_position(checker):
    from express.check import check

    checker.write(MINIMAL.replace("本文。", "絵文字😀は印刷できない。"))
    _archive, diags = check(checker.project, glyphs=True)
    (d,) = [d for d in diags if d.code == "lint.missing_glyph"]
    assert (d.pos.line, d.pos.col) == (7, 10)
    assert d.args["codepoint"] == "1F600" and not diags.has_errors


def test_a_variation_selector_the_fonts_lack_is_named_as_one_by_check(checker):
    """express check says what the build says: the selector is on 「葛」, which prints in
    its ordinary form (not an invisible "character" in empty quotes)."""
    from express.check import check

    checker.write(MINIMAL.replace("本文。", "葛\U000e0100城市。"))
    _archive, diags = check(checker.project, glyphs=True)
    (d,) = [d for d in diags if d.code.startswith("lint.")]
    assert d.code == "lint.variation_selector" and (d.pos.line, d.pos.col) == (7, 8)
    assert d.args == {"base": "葛", "codepoint": "E0100", "font": d.args["font"]}


def test_break_slot_with_a_title_is_an_error_at_the_slot(checker):
    """A break is a time and its label only: the title written beside it would be lost."""
    diags = checker.run(_report().replace("title: 講演", "title: パネル\n            break: 休憩"))
    (d,) = [d for d in diags if d.code == "slot.break_with_talk"]
    assert d.is_error and (d.pos.line, d.pos.col) == (12, 13)
    assert d.args["keys"] == "title, access"
    assert 'remove "break"' in d.render("en") and "「title, access」" in d.render("ja")
    assert checker.codes(_report().replace("title: 講演", "break: 休憩").replace(
        "            access: 公開\n", "")) == []


def test_programme_day_without_slots_is_an_error_at_its_slots(checker):
    text = _report().split("        slots:")[0] + "        slots: []\n"
    assert (11, 16, "programme.no_slots") in checker.codes(text)


def test_unclosed_quote_is_named_where_it_was_opened(checker):
    """PyYAML notices a missing closing quote only at the next quote, lines later."""
    text = _report().replace("title: 報告", 'title: "第54回 JAIPA ISPの集い 開催報告')
    diags = checker.run(text)
    (d,) = diags
    assert d.code == "source.unclosed_quote" and (d.pos.line, d.pos.col) == (12, 20)
    assert d.args["line"] == 5
    assert "the quote opened on line 5 may not be closed" in d.render("en")
    assert "5 行目で開いた引用符" in d.render("ja")
    single = checker.run(_report().replace("title: 講演", "title: '講演\n          - time: '10:00"))
    assert [(d.code, d.args.get("line")) for d in single] == [("source.unclosed_quote", 13)]


def test_quote_left_open_at_the_end_of_the_file(checker):
    (d,) = checker.run(MINIMAL + '  - kind: article\n    title: "終わらない題\n')
    assert d.code == "source.unclosed_quote" and d.args["line"] == 9


def test_a_quoted_value_folded_over_lines_is_not_blamed(checker):
    folded = MINIMAL.replace("title: 題", 'title: "長い題を\n      二行に折り返した題"')
    assert checker.codes(folded) == []
    broken = folded + '  - kind: article\n    title: "題" です\n'  # an error after it
    assert [(d.code, d.pos.line) for d in checker.run(broken)] == [
        ("source.text_after_quote", 10)]
