"""Inline markup of body text: where bare addresses end, markup inside link text."""

from __future__ import annotations

import pytest

from express.diagnostics import Diagnostics
from express.load.markup import parse_body
from express.model.body import Body, Heading, Inline, ItemList, LineBreak, Paragraph
from express.model.source import Pos, Text


def runs(source: str) -> list[Inline]:
    """The runs of ``source`` written as a ``|`` block whose lines start at column 7."""
    lines = source.split("\n")
    text = Text(source, Pos("i.yaml", 10, 7),
                tuple(Pos("i.yaml", 10 + n, 7) for n in range(len(lines))))
    diags = Diagnostics()
    body = parse_body(text, diags)
    assert not diags
    return [i for p in body.paragraphs for i in p if isinstance(i, Inline)]


def links(source: str) -> list[tuple[str, str | None]]:
    return [(i.text, i.href) for i in runs(source) if i.href]


@pytest.mark.parametrize(("source", "href"), [
    ("資料は https://www.jaipa.or.jp/kochi/をご覧ください。", "https://www.jaipa.or.jp/kochi/"),
    ("詳細はhttps://www.jaipa.or.jp/a/（PDF）まで。", "https://www.jaipa.or.jp/a/"),
    ("See https://example.jp/a.", "https://example.jp/a"),
    ("See https://example.jp/a?x=1&y=2, then", "https://example.jp/a?x=1&y=2"),
    ("(see https://example.jp/a)", "https://example.jp/a"),
    ("'https://example.jp/q'!", "https://example.jp/q"),
    ("https://ja.wikipedia.org/wiki/Foo_(bar) は", "https://ja.wikipedia.org/wiki/Foo_(bar)"),
    ("(https://ja.wikipedia.org/wiki/Foo_(bar))", "https://ja.wikipedia.org/wiki/Foo_(bar)"),
    ("[https://example.jp/x] を", "https://example.jp/x"),
    ("mailto:info@jaipa.or.jp。", "mailto:info@jaipa.or.jp"),
    ("**https://example.jp/b**です", "https://example.jp/b"),
])
def test_bare_address_ends_where_the_address_does(source, href):
    assert links(source) == [(href, href)]


def test_text_after_an_address_is_kept_as_text():
    got = runs("資料は https://www.jaipa.or.jp/kochi/をご覧ください。")
    assert "".join(i.text for i in got) == "資料は https://www.jaipa.or.jp/kochi/をご覧ください。"
    rest = got[-1]
    assert (rest.text, rest.href) == ("をご覧ください。", None)
    assert (rest.source.line, rest.source.col) == (10, 7 + len("資料は https://www.jaipa.or.jp/kochi/"))


def test_address_ends_with_its_source_line():
    got = runs("次の行に続くURL https://www.jaipa.or.jp/b/\nをご覧ください。")
    assert [(i.text, i.href) for i in got] == [
        ("次の行に続くURL ", None), ("https://www.jaipa.or.jp/b/", "https://www.jaipa.or.jp/b/"),
        ("をご覧ください。", None)]
    assert (got[2].source.line, got[2].source.col) == (11, 7)


def test_latin_word_after_an_address_on_the_next_line_is_spaced():
    got = runs("see https://example.jp/\nfor details")
    assert "".join(i.text for i in got) == "see https://example.jp/ for details"
    assert links("see https://example.jp/\nfor details") == [
        ("https://example.jp/", "https://example.jp/")]


def test_scheme_alone_is_text():
    assert links("mailto: と書く") == []


def test_bold_inside_link_text():
    got = runs("そして[**リンクの中の太字**](https://example.jp/b)。")
    assert [(i.text, i.strong, i.href) for i in got] == [
        ("そして", False, None), ("リンクの中の太字", True, "https://example.jp/b"),
        ("。", False, None)]
    assert (got[1].source.line, got[1].source.col) == (10, 7 + len("そして[**"))


def test_ruby_and_plain_text_inside_link_text():
    got = runs("[詳しくは{漢字|かんじ}で](https://example.jp/r)")
    assert [(i.text, i.ruby, i.href) for i in got] == [
        ("詳しくは", None, "https://example.jp/r"), ("漢字", "かんじ", "https://example.jp/r"),
        ("で", None, "https://example.jp/r")]


def test_link_text_holds_no_other_link():
    assert links("[https://example.jp/a](https://example.jp/b)") == [
        ("https://example.jp/a", "https://example.jp/b")]


def test_link_inside_bold_keeps_both():
    got = runs("**太字の中に[リンク](https://example.jp/)を入れる**")
    assert [(i.text, i.strong, i.href) for i in got] == [
        ("太字の中に", True, None), ("リンク", True, "https://example.jp/"),
        ("を入れる", True, None)]


def test_bad_link_scheme_keeps_the_text_unlinked():
    text = Text("[**押す**](javascript:alert)", Pos("i.yaml", 3, 7))
    diags = Diagnostics()
    body = parse_body(text, diags)
    assert [d.code for d in diags] == ["markup.bad_link"]
    assert [(i.text, i.strong, i.href) for i in body.paragraphs[0]] == [("押す", True, None)]


@pytest.mark.parametrize(("source", "col"), [
    ("前に{A|B|C}がある", 9),
    ("前に{漢字|}がある", 9),
    ("{|かんじ}で始まる", 7),
])
def test_ruby_without_one_base_and_one_reading_is_warned_of(source, col):
    text = Text(source, Pos("i.yaml", 10, 7), (Pos("i.yaml", 10, 7),))
    diags = Diagnostics()
    parse_body(text, diags)
    (d,) = list(diags)
    assert d.code == "markup.ruby_malformed" and (d.pos.line, d.pos.col) == (10, col)


def test_well_formed_ruby_is_not_warned_of():
    assert [(i.text, i.ruby) for i in runs("{漢字|かんじ}と{A|エー}")] == [
        ("漢字", "かんじ"), ("と", None), ("A", "エー")]


# -- block markup: line breaks, subheadings, numbered lists (CommonMark's spelling) ------

def parse(source: str) -> tuple[Body, Diagnostics]:
    lines = source.split("\n")
    text = Text(source, Pos("i.yaml", 10, 7),
                tuple(Pos("i.yaml", 10 + n, 7) for n in range(len(lines))))
    diags = Diagnostics()
    return parse_body(text, diags), diags


def test_a_line_ending_in_a_backslash_is_a_line_break_at_the_backslash():
    body, diags = parse("■会社概要\\\n社名：株式会社KEES\\\n企業活動：IT研修")
    assert not diags
    [para] = body.blocks
    assert isinstance(para, Paragraph)
    assert para.text == "■会社概要\n社名：株式会社KEES\n企業活動：IT研修"
    breaks = [r for r in para.inlines if isinstance(r, LineBreak)]
    assert [(b.source.line, b.source.col) for b in breaks] == [
        (10, 7 + 5), (11, 7 + len("社名：株式会社KEES"))]


def test_lines_without_a_backslash_are_joined_as_before():
    body, _ = parse("一行目と\n二行目")
    assert body.blocks[0].text == "一行目と二行目"


def test_a_url_on_its_own_line_stays_on_its_own_line():
    body, _ = parse("概要は次のページです。\\\nhttps://www.mahoroba.jp/about\\\n上記の「お問合せ」から")
    [para] = body.blocks
    assert para.text == "概要は次のページです。\nhttps://www.mahoroba.jp/about\n上記の「お問合せ」から"
    [link] = [r for r in para.inlines if isinstance(r, Inline) and r.href]
    assert link.href == "https://www.mahoroba.jp/about"


def test_a_backslash_ending_a_paragraph_breaks_nothing_and_is_not_printed():
    body, _ = parse("会長 久保 真\\")
    assert body.blocks[0].text == "会長 久保 真"


@pytest.mark.parametrize("yen", ["¥", "￥", "＼"])
def test_a_yen_sign_at_a_line_end_is_warned_of_not_taken_for_a_break(yen):
    body, diags = parse(f"一行目{yen}\n二行目")
    assert body.blocks[0].text == f"一行目{yen}二行目"
    [d] = diags
    assert d.code == "markup.yen_break" and (d.pos.line, d.pos.col) == (10, 10)


def test_a_hash_hash_paragraph_is_a_subheading():
    body, diags = parse("本文です。\n\n## 会員のメリット\n業界動向をタイムリーに把握")
    assert not diags
    kinds = [type(b) for b in body.blocks]
    assert kinds == [Paragraph, Heading, Paragraph]
    heading = body.blocks[1]
    assert heading.text == "会員のメリット"
    assert (heading.inlines[0].source.line, heading.inlines[0].source.col) == (12, 10)


@pytest.mark.parametrize("written", ["##　全角スペース", "## 閉じる ##", "  ## 字下げ"])
def test_subheading_spellings(written):
    body, _ = parse(written)
    assert isinstance(body.blocks[0], Heading)


@pytest.mark.parametrize("written", ["#ハッシュタグ", "##", "＃＃ 全角"])
def test_not_subheadings(written):
    body, _ = parse(written)
    assert isinstance(body.blocks[0], Paragraph)


@pytest.mark.parametrize("marks", ["#", "###"])
def test_another_heading_level_is_a_subheading_with_a_warning(marks):
    body, diags = parse(f"{marks} 見出し")
    assert isinstance(body.blocks[0], Heading)
    [d] = diags
    assert d.code == "markup.heading_level" and d.args["written"] == marks


def test_numbered_list_counts_from_its_first_number():
    body, diags = parse("1. 一つ目\n1. 二つ目\n   - 詳細\n7. 三つ目")
    assert not diags
    [lst] = body.blocks
    assert isinstance(lst, ItemList) and lst.numbered
    assert [(i.level, i.number, i.text) for i in lst.items] == [
        (0, 1, "一つ目"), (0, 2, "二つ目"), (1, None, "詳細"), (0, 3, "三つ目")]


def test_a_numbered_list_may_start_elsewhere_and_use_parentheses():
    [lst] = parse("3) 三\n4) 四")[0].blocks
    assert [i.number for i in lst.items] == [3, 4]


def test_bullets_after_numbers_are_another_list():
    body, _ = parse("1. 番号\n2. 番号\n- 箇条")
    assert [b.numbered for b in body.blocks] == [True, False]


def test_a_number_inside_a_paragraph_starts_no_list_unless_it_is_one():
    body, _ = parse("設立は\n1999. 12月のことです")
    assert [type(b) for b in body.blocks] == [Paragraph]
    body, _ = parse("手順は次のとおり\n1. 申し込む")
    assert [type(b) for b in body.blocks] == [Paragraph, ItemList]


def test_every_line_mode_keeps_each_line_and_reads_no_lists():
    text = Text("一般社団法人 日本インターネットプロバイダー協会\n- 会長 久保 真",
                Pos("i.yaml", 3, 3), (Pos("i.yaml", 3, 3), Pos("i.yaml", 4, 3)))
    body = parse_body(text, Diagnostics(), every_line=True)
    [para] = body.blocks
    assert para.text == "一般社団法人 日本インターネットプロバイダー協会\n- 会長 久保 真"
