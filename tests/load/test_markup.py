"""Inline markup of body text: where bare addresses end, markup inside link text."""

from __future__ import annotations

import pytest

from express.diagnostics import Diagnostics
from express.load.markup import parse_body
from express.model.body import Inline
from express.model.source import Pos, Text


def runs(source: str) -> list[Inline]:
    """The runs of ``source`` written as a ``|`` block whose lines start at column 7."""
    lines = source.split("\n")
    text = Text(source, Pos("i.yaml", 10, 7),
                tuple(Pos("i.yaml", 10 + n, 7) for n in range(len(lines))))
    diags = Diagnostics()
    body = parse_body(text, diags)
    assert not diags
    return [i for p in body.paragraphs for i in p]


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
