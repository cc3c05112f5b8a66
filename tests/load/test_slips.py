"""Messages that name the real mistake, for what editors type on a Japanese keyboard.

Each case is the line an editor would write; the message must stand at that line (not
the next one, where the YAML parser noticed), say what the slip is and what to type, and
be wholly in the editor's language.
"""

from __future__ import annotations

import re

import pytest

from tests.load.conftest import MINIMAL

REPORT = """\
number: 1
date: 2020-12-15
articles:
  - kind: report
    title: 沖縄ICTフォーラム2020 in 久米島 開催報告
    event:
      start: 2020-11-19
      {line}
      organizer: 一般社団法人日本インターネットプロバイダー協会
"""

SLOT = """\
number: 1
date: 2020-12-15
articles:
  - kind: report
    title: 報告
    event: {{start: 2020-11-19}}
    programme:
      - date: 2020-11-19
        slots:
          - time: "09:00-09:50"
            title: 基調講演
            access: {access}
"""

# words of PyYAML's own messages: none may reach an editor reading Japanese
PARSER_WORDS = re.compile(r"could not|expected|mapping values|while scanning|found char|"
                          r"context|token|simple key", re.IGNORECASE)


def only(checker, text: str, code: str):
    diags = [d for d in checker.run(text) if d.pos and d.pos.path.endswith("t1/issue.yaml")]
    assert [d.code for d in diags] == [code], [d.render("en") for d in diags]
    return diags[0]


def in_japanese(text: str) -> None:
    assert not PARSER_WORDS.search(text), text
    assert re.search(r"[ぁ-ん]", text), text


@pytest.mark.parametrize(("line", "code", "col", "fixed"), [
    ("fee：無料", "source.fullwidth_colon", 10, "fee: 無料"),
    ("fee： 無料", "source.fullwidth_colon", 10, "fee: 無料"),
    ("fee 無料", "source.missing_colon", 10, "fee: 無料"),
    ("fee:\u3000無料", "source.fullwidth_space", 10, "fee: 無料"),
    ("fee\u3000無料", "source.fullwidth_space", 10, "fee: 無料"),
])
def test_a_slip_in_a_key_line_is_named_at_its_own_line(checker, line, code, col, fixed):
    d = only(checker, REPORT.format(line=line), code)
    assert (d.pos.line, d.pos.col) == (8, col)  # the slip's line, not the next
    assert d.args["fixed"] == fixed
    en, ja = d.render("en"), d.render("ja")
    assert f"write {fixed}" in en and "fee" in en
    assert f"{fixed} と書いてください" in ja
    in_japanese(ja)


def test_a_full_width_colon_is_named_as_such(checker):
    d = only(checker, REPORT.format(line="fee：無料"), "source.fullwidth_colon")
    assert 'full-width "："' in d.render("en")
    assert "全角の「：」" in d.render("ja")


def test_a_full_width_colon_on_the_first_key_of_the_file(checker):
    d = only(checker, MINIMAL.replace("number: 1", "number：1"), "source.fullwidth_colon")
    assert (d.pos.line, d.pos.col) == (1, 7) and d.args["fixed"] == "number: 1"


def test_a_full_width_colon_in_a_list_item_keeps_its_dash(checker):
    text = SLOT.format(access="公開") + ("            speakers:\n"
                                         "              - name：川添 雄彦\n"
                                         "                affiliation: 日本電信電話株式会社\n")
    d = only(checker, text, "source.fullwidth_colon")
    assert d.pos.line == 14 and d.args["fixed"] == "- name: 川添 雄彦"


def test_a_full_width_space_as_indentation(checker):
    text = REPORT.format(line="fee: 無料").replace("      organizer:", "\u3000\u3000organizer:")
    diags = [d for d in checker.run(text) if d.code == "source.fullwidth_indent"]
    assert [(d.pos.line, d.pos.col) for d in diags] == [(9, 1)]
    assert "full-width space" in diags[0].render("en")
    in_japanese(diags[0].render("ja"))


def test_a_colon_inside_an_unquoted_title_asks_for_quotes(checker):
    d = only(checker, MINIMAL.replace("title: 題", "title: IGF 2023: 日本開催へ"),
             "source.colon_in_value")
    assert (d.pos.line, d.pos.col) == (5, 20)
    assert d.args["fixed"] == 'title: "IGF 2023: 日本開催へ"'
    assert "put the value in quotes" in d.render("en")
    assert "引用符で囲んでください" in d.render("ja")
    in_japanese(d.render("ja"))


@pytest.mark.parametrize(("value", "char"), [("*重要* のお知らせ", "*"),
                                            ("@JAIPA のお知らせ", "@")])
def test_a_value_starting_with_a_yaml_sign_asks_for_quotes(checker, value, char):
    d = only(checker, MINIMAL.replace("title: 題", f"title: {value}"), "source.quote_needed")
    assert d.args["char"] == char and d.args["fixed"] == f'title: "{value}"'
    in_japanese(d.render("ja"))


def test_text_after_a_closing_quote_asks_to_quote_the_whole(checker):
    d = only(checker, MINIMAL.replace("title: 題", 'title: "JAIPA" のお知らせ'),
             "source.text_after_quote")
    assert (d.pos.line, d.pos.col) == (5, 20)
    assert d.args["fixed"] == "title: '\"JAIPA\" のお知らせ'"
    in_japanese(d.render("ja"))


def test_indentation_off_its_block(checker):
    d = only(checker, REPORT.format(line=" fee: 無料"), "source.indentation")
    assert d.pos.line == 8
    in_japanese(d.render("ja"))


def test_a_key_typed_in_full_width_letters(checker):
    diags = checker.run(REPORT.format(line="ｆｅｅ: 無料"))
    (d,) = [d for d in diags if d.code == "key.fullwidth"]
    assert d.pos.line == 8 and d.args["fixed"] == "fee"
    assert "全角文字" in d.render("ja")


def test_any_other_syntax_error_is_japanese_in_japanese(checker):
    d = only(checker, MINIMAL + "  - [kind: x\n", "source.syntax")
    assert "YAML syntax error" in d.render("en")
    in_japanese(d.render("ja"))


# -- values: suggestions of the same meaning only ------------------------------------



@pytest.mark.parametrize(("written", "meant"), [
    ("一般公開", "公開"), ("オープン", "公開"), ("限定公開", "一部公開"), ("部分公開", "一部公開"),
    ("クローズド", "非公開"), ("招待制", "非公開"), ("非 公開", "非公開"),
])
def test_access_suggests_the_label_of_the_same_meaning(checker, written, meant):
    d = only(checker, SLOT.format(access=written), "value.bad_choice")
    assert d.args["hint"] == meant
    assert d.render("en").endswith(f'Did you mean "{meant}"?')
    assert d.render("ja").endswith(f"「{meant}」ではありませんか？")


@pytest.mark.parametrize("written", ["公会", "全部", "一部", "非公"])
def test_access_suggests_nothing_rather_than_a_label_a_letter_away(checker, written):
    d = only(checker, SLOT.format(access=written), "value.bad_choice")
    assert d.args["hint"] == ""  # 一部 is not 一部公開 for sure, nor 公会 公開
    assert "公開、一部公開、非公開" in d.render("ja")


# -- shapes: an example of the right one ----------------------------------------------

def test_speakers_written_as_names_get_an_example_holding_the_name(checker):
    text = SLOT.format(access="公開") + "            speakers:\n              - 川添 雄彦\n"
    d = only(checker, text, "value.text_for_mapping")
    assert d.pos.line == 14
    example = "- {name: 川添 雄彦, affiliation: 日本電信電話株式会社, position: 常務執行役員}"
    assert d.args["example"] == example
    assert d.render("en").endswith(f'not the text "川添 雄彦" alone; write it like this: {example}')
    assert d.render("ja").endswith(f"次のように書きます: {example}")


def test_sponsors_written_as_one_value_get_a_list_example(checker):
    text = REPORT.format(line="sponsors: 楽天株式会社、安心マーク推進協議会")
    d = only(checker, text, "value.expected_list")
    assert d.args["example"] == "sponsors: [楽天株式会社, 安心マーク推進協議会]"


def test_the_examples_are_yaml_of_the_right_shape():
    import yaml

    from express.load.shapes import list_example, mapping_example

    for what in ("speakers[]", "members[]", "photos[]", "slots[]", "programme[]", "groups[]",
                 "events[]", "items[]", "entries[]", "side_events[]", "articles[]"):
        item = yaml.safe_load(mapping_example(what, "値: コロン入り"))
        assert isinstance(item, list) and isinstance(item[0], dict), what
        assert "値: コロン入り" in item[0].values() or what in ("programme[]",), what
    for what in ("articles[0](report).event", "articles[1](committee).chair",
                 "articles[2](member).contact", "cover"):
        value = yaml.safe_load(mapping_example(what, "x"))
        assert isinstance(next(iter(value.values())), dict), what
    assert yaml.safe_load(list_example("sponsors", "a、b")) == {"sponsors": ["a", "b"]}


# -- keys of other kinds --------------------------------------------------------------

def test_a_key_of_other_kinds_names_the_kinds_that_take_it(checker):
    text = """\
        number: 1
        date: 2020-12-15
        articles:
          - kind: calendar
            photos:
              - file: images/a.jpg
            events:
              - {date: 2020-12-01, title: 行事}
        """
    d = only(checker, text, "key.other_kinds")
    assert (d.pos.line, d.pos.col) == (5, 5)
    assert d.args["kinds"] == "report, committee, member, article"
    assert d.render("en").endswith("only these kinds of article take it: "
                                   "report, committee, member, article")
    assert "書ける記事の種類は次のとおりです: report, committee, member, article" in d.render("ja")


def test_a_key_of_no_kind_is_still_unknown_with_a_spelling_hint(checker):
    (d,) = [d for d in checker.run(MINIMAL.replace("title: 題", "titel: 題"))
            if d.code.startswith("key.") and d.args.get("key") == "titel"]
    assert d.code == "key.unknown" and d.args["hint"] == "title"


def test_committees_and_members_take_photos_now(checker):
    text = """\
        number: 1
        date: 2020-12-15
        articles:
          - kind: committee
            name: 地域ISP部会
            photos:
              - {file: images/missing.jpg, caption: 月例会}
        """
    assert [c for _l, _c, c in checker.codes(text)] == ["image.missing"]
