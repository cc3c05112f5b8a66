"""The body-text markup: paragraphs, ``- item`` lists, ``**強調**``, links and ruby.

Line breaks inside a paragraph are joined with no space between Japanese characters and
one space between two Latin words.  Every produced run stays on one source line so that
its characters can still be located in the YAML file.
"""

from __future__ import annotations

import re

from express.diagnostics import Diagnostics
from express.load.values import check_link
from express.model.body import Body, BulletList, Inline, ListItem, Paragraph
from express.model.source import Text

_ITEM = re.compile(r"^(\s*)[-・]\s+")
_TOKEN = re.compile(
    r"\*\*(?P<strong>.+?)\*\*"
    r"|\[(?P<ltext>[^\]\n]+)\]\((?P<lhref>[^)\s]+)\)"
    r"|\{(?P<rbase>[^|{}\n]+)\|(?P<rtext>[^{}\n]+)\}"
    r"|(?P<url>(?:https?://|mailto:)[^\s　<>「」『』（）()、。，\[\]{}\"']+)"
)
_URL_TRAILING = ".,;:!?"


def _is_latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,;:!?)%")


def parse_body(text: Text, diags: Diagnostics) -> Body:
    """Blocks of ``text``; problems (bad link schemes) go to ``diags``."""
    blocks: list[Paragraph | BulletList] = []
    para: list[tuple[str, int]] = []  # (line text, offset of the line in ``text``)
    items: list[tuple[int, list[tuple[str, int]]]] = []
    indents: list[int] = []

    def flush_para() -> None:
        if para:
            blocks.append(Paragraph(_inlines(text, para, diags)))
            para.clear()

    def flush_items() -> None:
        if items:
            blocks.append(BulletList(tuple(
                ListItem(level, _inlines(text, lines, diags)) for level, lines in items
            )))
            items.clear()
            indents.clear()

    offset = 0
    for raw in text.split("\n"):
        start = offset
        offset += len(raw) + 1
        if not raw.strip():
            flush_para()
            flush_items()
            continue
        m = _ITEM.match(raw)
        if m:
            flush_para()
            indent = len(m.group(1))
            while indents and indents[-1] > indent:
                indents.pop()
            if not indents or indents[-1] < indent:
                indents.append(indent)
            items.append((len(indents) - 1, [(raw[m.end():], start + m.end())]))
            continue
        lead = len(raw) - len(raw.lstrip())
        if items and lead > 0:
            items[-1][1].append((raw[lead:].rstrip(), start + lead))
            continue
        flush_items()
        para.append((raw[lead:].rstrip(), start + lead))
    flush_para()
    flush_items()
    return Body(tuple(blocks))


def _inlines(text: Text, lines: list[tuple[str, int]], diags: Diagnostics) -> tuple[Inline, ...]:
    # One string for the paragraph, with the source offset of every character (-1: joiner).
    chars: list[str] = []
    where: list[int] = []
    for n, (line, off) in enumerate(lines):
        if n and chars and line and _is_latin(chars[-1]) and _is_latin(line[0]):
            chars.append(" ")
            where.append(-1)
        chars.extend(line)
        where.extend(range(off, off + len(line)))
    joined = "".join(chars)
    out: list[Inline] = []
    _scan(text, joined, where, 0, len(joined), False, out, diags)
    return tuple(out)


def _scan(text: Text, s: str, where: list[int], lo: int, hi: int, strong: bool,
          out: list[Inline], diags: Diagnostics) -> None:
    pos = lo
    for m in _TOKEN.finditer(s, lo, hi):
        _emit(text, s, where, pos, m.start(), out, strong=strong)
        if m["strong"] is not None:
            _scan(text, s, where, m.start("strong"), m.end("strong"), True, out, diags)
        elif m["lhref"] is not None:
            href = m["lhref"]
            if not check_link(href):
                diags.error(text.locate(where[m.start("lhref")]), "markup.bad_link", href=href)
                _emit(text, s, where, m.start("ltext"), m.end("ltext"), out, strong=strong)
            else:
                _emit(text, s, where, m.start("ltext"), m.end("ltext"), out,
                      strong=strong, href=href)
        elif m["rbase"] is not None:
            _emit(text, s, where, m.start("rbase"), m.end("rbase"), out,
                  strong=strong, ruby=m["rtext"].strip())
        else:
            url = m["url"].rstrip(_URL_TRAILING)
            end = m.start() + len(url)
            _emit(text, s, where, m.start(), end, out, strong=strong, href=url)
            if end < m.end():
                _emit(text, s, where, end, m.end(), out, strong=strong)
        pos = m.end()
    _emit(text, s, where, pos, hi, out, strong=strong)


def _emit(text: Text, s: str, where: list[int], lo: int, hi: int, out: list[Inline],
          *, strong: bool = False, href: str | None = None, ruby: str | None = None) -> None:
    """Append ``s[lo:hi]`` as runs, split wherever the source jumps to another line."""
    if lo >= hi:
        return
    if ruby is not None:  # a ruby group stays whole
        out.append(Inline(s[lo:hi], _loc(text, where, lo), strong, href, ruby))
        return
    start = lo
    for i in range(lo + 1, hi + 1):
        if i == hi or where[i] != where[i - 1] + 1:
            out.append(Inline(s[start:i], _loc(text, where, start), strong, href, None))
            start = i


def _loc(text: Text, where: list[int], i: int):
    return text.locate(where[i]) if where[i] >= 0 else None
