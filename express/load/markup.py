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
_STRONG = r"\*\*(?P<strong>.+?)\*\*"
_RUBY = r"\{(?P<rbase>[^|{}\n]+)\|(?P<rtext>[^{}\n]+)\}"
_TOKEN = re.compile(
    _STRONG
    + r"|\[(?P<ltext>[^\]\n]+)\]\((?P<lhref>[^)\s]+)\)|"
    + _RUBY
    + r"|(?P<url>https?://|mailto:)"
)
# Inside a link's text: emphasis and ruby, but no link within the link.
_LABEL_TOKEN = re.compile(_STRONG + "|" + _RUBY)
# What a bare address may hold: the characters RFC 3986 allows (plus "|"), ASCII only, so
# it ends at the Japanese that follows it (資料は https://a.jp/をご覧ください).
_URL_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%|"
)
# Punctuation that ends a sentence rather than the address when it comes last.
_URL_TRAILING = ".,;:!?'*"
_URL_CLOSERS = {")": "(", "]": "["}
_URL_AT_END = re.compile(r"(?:https?://|mailto:)\S*$")


def _is_latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".,;:!?)%")


# What an editor means as ruby, well formed or not: {base|reading}.
_RUBY_LIKE = re.compile(r"\{([^{}\n]*)\|([^{}\n]*)\}")


def parse_body(text: Text, diags: Diagnostics) -> Body:
    """Blocks of ``text``; problems (bad link schemes, ruby without a base or a reading or
    with two readings) go to ``diags``."""
    for m in _RUBY_LIKE.finditer(text):
        if not m[1].strip() or not m[2].strip() or m[0].count("|") > 1:
            diags.warning(text.locate(m.start()), "markup.ruby_malformed", written=m[0])
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
        if n and chars and line and _is_latin(line[0]) and (
            _is_latin(chars[-1]) or (line[0].isalnum() and _URL_AT_END.search(lines[n - 1][0]))
        ):  # an address ends its line: the next word is not part of it
            chars.append(" ")
            where.append(-1)
        chars.extend(line)
        where.extend(range(off, off + len(line)))
    joined = "".join(chars)
    out: list[Inline] = []
    _scan(text, joined, where, 0, len(joined), out, diags)
    return tuple(out)


def _scan(text: Text, s: str, where: list[int], lo: int, hi: int, out: list[Inline],
          diags: Diagnostics, *, strong: bool = False, label: bool = False,
          href: str | None = None) -> None:
    """Runs of ``s[lo:hi]``; ``label`` inside a link's text, which holds no links (``href``:
    the link's target, None when it is not allowed)."""
    pattern = _LABEL_TOKEN if label else _TOKEN
    pos = lo
    while (m := pattern.search(s, pos, hi)) is not None:
        _emit(text, s, where, pos, m.start(), out, strong=strong, href=href)
        pos = m.end()
        if m["strong"] is not None:
            _scan(text, s, where, m.start("strong"), m.end("strong"), out, diags,
                  strong=True, label=label, href=href)
        elif m["rbase"] is not None:
            _emit(text, s, where, m.start("rbase"), m.end("rbase"), out,
                  strong=strong, href=href, ruby=m["rtext"].strip())
        elif m["lhref"] is not None:
            link = m["lhref"]
            ok = check_link(link)
            if not ok:
                diags.error(text.locate(where[m.start("lhref")]), "markup.bad_link", href=link)
            _scan(text, s, where, m.start("ltext"), m.end("ltext"), out, diags,
                  strong=strong, label=True, href=link if ok else None)
        else:
            end = _url_end(s, where, m.start(), m.end(), hi)
            if end <= m.end():  # a scheme with no address after it: plain text
                end = m.end()
                _emit(text, s, where, m.start(), end, out, strong=strong)
            else:
                _emit(text, s, where, m.start(), end, out, strong=strong, href=s[m.start():end])
            pos = end
    _emit(text, s, where, pos, hi, out, strong=strong, href=href)


def _url_end(s: str, where: list[int], start: int, i: int, hi: int) -> int:
    """Where the bare address starting at ``start`` ends (its scheme ends at ``i``): at the
    first character no address holds or at the end of its source line, less the
    punctuation that closes the sentence — a closing bracket only when unbalanced
    (https://ja.wikipedia.org/wiki/Foo_(bar) keeps its own)."""
    while i < hi and s[i] in _URL_CHARS and where[i] == where[i - 1] + 1:
        i += 1
    while i > start:
        last = s[i - 1]
        opener = _URL_CLOSERS.get(last)
        if last in _URL_TRAILING or (
            opener is not None and s.count(opener, start, i) < s.count(last, start, i)
        ):
            i -= 1
        else:
            break
    return i


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
