"""The body-text markup: paragraphs, ``## 小見出し``, ``- item`` and ``1. item`` lists, line
breaks (a line ending in a backslash), ``**強調**``, links and ruby — CommonMark's spelling.

Line breaks inside a paragraph are otherwise joined with no space between Japanese
characters and one space between two Latin words.  Every produced run stays on one source
line so that its characters can still be located in the YAML file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from express.diagnostics import Diagnostics
from express.load.values import check_link
from express.model.body import (
    Block,
    Body,
    Heading,
    Inline,
    ItemList,
    LineBreak,
    ListItem,
    Paragraph,
    Run,
)
from express.model.source import Text

_BULLET = re.compile(r"^(\s*)[-・]\s+")
_NUMBER = re.compile(r"^(\s*)(\d{1,9})[.)][ \u3000]+")
# An ATX heading: up to three spaces, one to six #, a space (a full-width one too: the
# IME's space after ##), the text, any closing #s.
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \u3000]+(.*?)(?:[ \u3000]+#+)?[ \u3000]*$")
SUBHEADING_LEVEL = 2  # "## 見出し": the one heading level the layouts set
_YEN_AT_END = re.compile(r"[¥￥＼]$")  # a backslash typed as a yen sign or full width
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


# A paragraph's text as one line: each character's offset in the value (-1: a joiner), and
# the indices where those offsets jump (sorted)
Source = tuple[list[int], list[int]]

# What an editor means as ruby, well formed or not: {base|reading}.
_RUBY_LIKE = re.compile(r"\{([^{}\n]*)\|([^{}\n]*)\}")


@dataclass
class _Line:
    text: str  # as printed: without its indent or the backslash of a line break
    offset: int  # of its first character in the value
    brk: int | None = None  # where the line break it ends with was written (None: none)


@dataclass
class _Item:
    level: int
    number: int | None
    lines: list[_Line]


@dataclass
class _Blocks:
    """The blocks of one body text, read line by line."""

    text: Text
    diags: Diagnostics
    every_line: bool  # every line ends with a line break (a signature)
    blocks: list[Block] = field(default_factory=list)
    para: list[_Line] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    indents: list[int] = field(default_factory=list)  # of the open list levels
    numbers: list[int | None] = field(default_factory=list)  # each level's next number

    def add(self, raw: str, start: int) -> None:
        """Read the line ``raw`` that starts at ``start`` in the value."""
        if not raw.strip():
            self.flush()
            return
        lead = len(raw) - len(raw.lstrip())
        if self.every_line:  # lines only: no lists or headings
            self.para.append(self._line(raw[lead:].rstrip(), start + lead))
            return
        item = _BULLET.match(raw) or _NUMBER.match(raw)
        if item is None and self.items and lead > 0:  # an item's text goes on
            self.items[-1].lines.append(self._line(raw[lead:].rstrip(), start + lead))
            return
        if item is None and (heading := _HEADING.match(raw)) is not None and heading[2]:
            self.flush()
            self._heading(heading, start)
            return
        number = int(item[2]) if item is not None and item.re is _NUMBER else None
        # a numbered list interrupts a paragraph only from 1 (CommonMark): "2020. 年…"
        # inside a paragraph is text
        if item is not None and (number in (None, 1) or self.items or not self.para):
            self._item(item, number, raw, start)
            return
        self._flush_items()
        self.para.append(self._line(raw[lead:].rstrip(), start + lead))

    def _line(self, line: str, offset: int) -> _Line:
        if self.every_line:
            return _Line(line, offset, offset + len(line))
        if line.endswith("\\"):
            return _Line(line[:-1].rstrip(), offset, offset + len(line) - 1)
        if _YEN_AT_END.search(line):
            self.diags.warning(self.text.locate(offset + len(line) - 1), "markup.yen_break",
                               written=line[-1])
        return _Line(line, offset)

    def _heading(self, m: re.Match, start: int) -> None:
        level = len(m[1])
        if level != SUBHEADING_LEVEL:
            self.diags.warning(self.text.locate(start + m.start(1)), "markup.heading_level",
                               written=m[1])
        line = m[2]
        if line.endswith("\\"):  # nothing follows a heading on its line
            line = line[:-1].rstrip()
        self.blocks.append(Heading(_inlines(self.text, [_Line(line, start + m.start(2))],
                                            self.diags)))

    def _item(self, m: re.Match, number: int | None, raw: str, start: int) -> None:
        self.flush_para()
        indent = len(m[1])
        if (self.items and (self.items[0].number is None) != (number is None)
                and indent <= self.indents[0]):
            # a bulleted list after a numbered one (or the other way) is another list
            self._flush_items()
        while self.indents and self.indents[-1] > indent:
            self.indents.pop()
            self.numbers.pop()
        if not self.indents or self.indents[-1] < indent:
            self.indents.append(indent)
            self.numbers.append(None)
        level = len(self.indents) - 1
        if number is not None:
            # numbered from the first item's number on, whatever the next ones say
            # (CommonMark): a list renumbered by moving an item stays in order
            number = self.numbers[level] if self.numbers[level] is not None else number
            self.numbers[level] = number + 1
        else:
            self.numbers[level] = None
        self.items.append(_Item(level, number, [self._line(raw[m.end():].rstrip(),
                                                           start + m.end())]))

    def flush_para(self) -> None:
        if self.para:
            self.blocks.append(Paragraph(_inlines(self.text, self.para, self.diags)))
            self.para = []

    def _flush_items(self) -> None:
        if self.items:
            self.blocks.append(ItemList(tuple(
                ListItem(i.level, _inlines(self.text, i.lines, self.diags), i.number)
                for i in self.items)))
            self.items = []
            self.indents = []
            self.numbers = []

    def flush(self) -> None:
        self.flush_para()
        self._flush_items()


def parse_body(text: Text, diags: Diagnostics, *, every_line: bool = False) -> Body:
    """Blocks of ``text``; problems (bad link schemes, ruby without a base or a reading or
    with two readings, a heading of another level than ``##``) go to ``diags``.
    ``every_line``: each line of the text is a line of its own (a signature)."""
    for m in _RUBY_LIKE.finditer(text):
        if not m[1].strip() or not m[2].strip() or m[0].count("|") > 1:
            diags.warning(text.locate(m.start()), "markup.ruby_malformed", written=m[0])
    blocks = _Blocks(text, diags, every_line)
    offset = 0
    for raw in text.split("\n"):
        blocks.add(raw, offset)
        offset += len(raw) + 1
    blocks.flush()
    return Body(tuple(blocks.blocks))


def _inlines(text: Text, lines: list[_Line], diags: Diagnostics) -> tuple[Run, ...]:
    """The runs of a paragraph's ``lines``, with a ``LineBreak`` after each line that ends
    with one (but the last: a break there ends nothing)."""
    out: list[Run] = []
    segment: list[_Line] = []
    for n, line in enumerate(lines):
        segment.append(line)
        if line.brk is not None and n + 1 < len(lines):
            _segment_runs(text, segment, diags, out)
            out.append(LineBreak(text.locate(line.brk)))
            segment = []
    _segment_runs(text, segment, diags, out)
    return tuple(out)


def _segment_runs(text: Text, lines: list[_Line], diags: Diagnostics, out: list[Run]) -> None:
    """Append the runs of ``lines``, joined into one line of text."""
    # One string for the lines, with the source offset of every character (-1: joiner),
    # and where those offsets jump (at a joiner or a line's start: a line's own characters
    # follow one another)
    chars: list[str] = []
    where: list[int] = []
    starts: list[int] = []
    for n, ln in enumerate(lines):
        line, off = ln.text, ln.offset
        if n and chars and line and _is_latin(line[0]) and (
            _is_latin(chars[-1]) or (line[0].isalnum() and _URL_AT_END.search(lines[n - 1].text))
        ):  # an address ends its line: the next word is not part of it
            starts.append(len(chars))
            chars.append(" ")
            where.append(-1)
        starts.append(len(chars))
        chars.extend(line)
        where.extend(range(off, off + len(line)))
    joined = "".join(chars)
    jumps = [i for i in dict.fromkeys(starts)
             if 0 < i < len(where) and where[i] != where[i - 1] + 1]
    _scan(text, joined, (where, jumps), 0, len(joined), out, diags)


def _scan(text: Text, s: str, source: Source, lo: int, hi: int, out: list[Run],
          diags: Diagnostics, *, strong: bool = False, label: bool = False,
          href: str | None = None) -> None:
    """Runs of ``s[lo:hi]``; ``label`` inside a link's text, which holds no links (``href``:
    the link's target, None when it is not allowed)."""
    pattern = _LABEL_TOKEN if label else _TOKEN
    pos = lo
    while (m := pattern.search(s, pos, hi)) is not None:
        _emit(text, s, source, pos, m.start(), out, strong=strong, href=href)
        pos = m.end()
        if m["strong"] is not None:
            _scan(text, s, source, m.start("strong"), m.end("strong"), out, diags,
                  strong=True, label=label, href=href)
        elif m["rbase"] is not None:
            _emit(text, s, source, m.start("rbase"), m.end("rbase"), out,
                  strong=strong, href=href, ruby=m["rtext"].strip())
        elif m["lhref"] is not None:
            link = m["lhref"]
            ok = check_link(link)
            if not ok:
                diags.error(text.locate(source[0][m.start("lhref")]), "markup.bad_link",
                            href=link)
            _scan(text, s, source, m.start("ltext"), m.end("ltext"), out, diags,
                  strong=strong, label=True, href=link if ok else None)
        else:
            end = _url_end(s, source[0], m.start(), m.end(), hi)
            if end <= m.end():  # a scheme with no address after it: plain text
                end = m.end()
                _emit(text, s, source, m.start(), end, out, strong=strong)
            else:
                _emit(text, s, source, m.start(), end, out, strong=strong, href=s[m.start():end])
            pos = end
    _emit(text, s, source, pos, hi, out, strong=strong, href=href)


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


def _emit(text: Text, s: str, source: Source, lo: int, hi: int, out: list[Run],
          *, strong: bool = False, href: str | None = None, ruby: str | None = None) -> None:
    """Append ``s[lo:hi]`` as runs, split wherever the source jumps to another line."""
    if lo >= hi:
        return
    where, jumps = source
    if ruby is not None:  # a ruby group stays whole
        out.append(Inline(s[lo:hi], _loc(text, where, lo), strong, href, ruby))
        return
    start = lo
    for i in jumps[bisect_right(jumps, lo):bisect_left(jumps, hi)]:
        out.append(Inline(s[start:i], _loc(text, where, start), strong, href, None))
        start = i
    out.append(Inline(s[start:hi], _loc(text, where, start), strong, href, None))


def _loc(text: Text, where: list[int], i: int):
    return text.locate(where[i]) if where[i] >= 0 else None
