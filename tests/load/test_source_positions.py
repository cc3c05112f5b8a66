"""Every value keeps its position; characters inside block text can be located."""

from __future__ import annotations

from express.model.body import Paragraph
from tests.load.conftest import MINIMAL


def test_text_positions_in_block_scalars(checker):
    checker.write(MINIMAL.replace("本文。", "一行目の本文\n      二行目に**強調**と{漢字|かんじ}"))
    from express.check import check

    archive, diags = check(checker.project)
    assert not diags.has_errors
    article = archive.issues[0].articles[0]
    assert (article.title.pos.line, article.title.pos.col) == (5, 12)
    assert article.at("title").line == 5
    para = article.body.blocks[0]
    assert isinstance(para, Paragraph)
    assert para.text == "一行目の本文二行目に強調と漢字"  # Japanese lines joined with no space
    strong = next(i for i in para.inlines if i.strong)
    assert strong.text == "強調" and (strong.source.line, strong.source.col) == (8, 13)
    ruby = next(i for i in para.inlines if i.ruby)
    assert (ruby.text, ruby.ruby) == ("漢字", "かんじ")
    second = next(i for i in para.inlines if i.text.startswith("二行目"))
    assert second.locate(2).col == 9 and second.locate(2).line == 8


def test_latin_lines_joined_with_one_space(checker):
    checker.write(MINIMAL.replace("本文。", "Internet Governance\n      Forum の略。"))
    from express.check import check

    archive, _ = check(checker.project)
    assert archive.issues[0].articles[0].body.blocks[0].text == "Internet Governance Forum の略。"
