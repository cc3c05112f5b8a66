"""The building blocks every article kind uses: bands, titles, headings, running text,
photos, table cells, sections.  Kinds compose these; all sizes come from the template."""

from __future__ import annotations

from collections.abc import Sequence

from express.model.articles import Photo
from express.model.body import Body, Heading, ItemList, Paragraph
from express.model.source import Pos, Text
from express.pdf.document.book import Book
from express.pdf.layout.blocks import Drawn, GridSpace, Para, Stack
from express.pdf.layout.columns import Section
from express.pdf.layout.headings import Subheading
from express.pdf.layout.photo import PhotoBlock
from express.pdf.layout.placement import frame_padding
from express.pdf.layout.platypus import Flowable
from express.pdf.layout.table import Cell, GridTable, Row
from express.pdf.layout.text import TextKit
from express.pdf.layout.wide import WideFlow, is_wide
from express.pdf.paint.images import Pictures
from express.pdf.paint.marks import Node, artifact, begin, element
from express.pdf.paint.text import ASCENT
from express.pdf.template import Template


def pos_of(value: object) -> Pos | None:
    return value.pos if isinstance(value, Text) else None


class Parts:
    def __init__(self, t: Template, kit: TextKit, pictures: Pictures, book: Book) -> None:
        self.t, self.kit, self.pictures, self.book = t, kit, pictures, book
        self.pitch = t.grid.line_pitch
        self.ink = t.colours["ink"]
        self._subheadings = 0  # bookmarks made for subheadings (their keys' numbers)
        # the part of the issue being set (an article: ``Art``), begun by its anchor
        self.part: Node | None = None

    # ------------------------------------------------------------------ text
    def para(self, text: str | None, style: str, *, colour: str | None = None,
             align: str = "justify", indent: float = 0.0, snap: bool = True,
             link: str | None = None, source: Pos | None = None, phrases: bool = False,
             keep: bool = False, min_lines: int = 1, tag: str | None = "P") -> Para | None:
        """A paragraph of ``text``; ``tag``: its role in the tag tree (None: its text is
        the content of the element it is drawn in, a table cell)."""
        spans = self.kit.spans(text, style, link=link)
        if not spans:
            return None
        st = self.t.style(style)
        para = Para(self.kit, spans, colour or self.ink, st.leading,
                    settings=self.kit.settings(align, indent, phrases),
                    grid_pitch=self.pitch if snap else None,
                    link_colour=self.t.colours["link"], source=source or pos_of(text),
                    keep_with_next=keep, min_lines=min_lines)
        para.tag = Node(tag) if tag else None
        return para

    def spans_para(self, spans, style: str, *, colour: str | None = None,
                   align: str = "justify", indent: float = 0.0, snap: bool = True,
                   source: Pos | None = None, min_lines: int = 1,
                   phrases: bool = False, tag: str | None = "P") -> Para | None:
        if not spans:
            return None
        st = self.t.style(style)
        para = Para(self.kit, spans, colour or self.ink, st.leading,
                    settings=self.kit.settings(align, indent, phrases),
                    grid_pitch=self.pitch if snap else None,
                    link_colour=self.t.colours["link"], source=source, min_lines=min_lines)
        para.tag = Node(tag) if tag else None
        return para

    def body(self, body: Body, style: str = "body", strong: str = "strong", *,
             snap: bool = True, indent: float | None = None) -> list[Flowable]:
        """Running text: paragraphs (first-line indent), subheadings and lists, on the grid
        (``snap``); subheadings of running text are bookmarked under the article."""
        out: list[Flowable] = []
        st = self.t.style(style)
        leading = self.pitch if style == "body" else st.leading
        gap = self.t.space["paragraph_lines"]
        first_indent = self.kit.body_indent if indent is None else indent
        for block in body.blocks:
            if out and gap:
                out.append(GridSpace(gap * self.pitch))
            if isinstance(block, Heading):
                out += self.subheading(block, strong, snap=snap, first=not out)
            elif isinstance(block, Paragraph):
                spans = self.kit.inline_spans(block.inlines, style, strong)
                if spans:
                    out.append(Para(self.kit, spans, self.ink, leading,
                                    settings=self.kit.settings(
                                        "justify", 0.0 if block.broken else first_indent),
                                    grid_pitch=self.pitch if snap else None,
                                    link_colour=self.t.colours["link"],
                                    source=block.inlines[0].source))
                    out[-1].tag = Node("P")
            elif isinstance(block, ItemList):
                out += self.items(block, style, strong, leading, snap=snap)
        return out

    def signature(self, signature: Body) -> list[Flowable]:
        """The editorial's signature: each line as written, flush right, broken between
        phrases where one is longer than the measure."""
        out: list[Flowable] = []
        for block in signature.blocks:
            if not isinstance(block, Paragraph):
                continue  # (a signature is read as lines only: parse_body's every_line)
            spans = self.kit.inline_spans(block.inlines, "body", "strong")
            if spans:
                out.append(Para(self.kit, spans, self.ink, self.pitch,
                                settings=self.kit.settings("right", 0.0, phrases=True),
                                grid_pitch=self.pitch, link_colour=self.t.colours["link"],
                                source=block.inlines[0].source))
                out[-1].tag = Node("P")
        return out

    def subheading(self, block: Heading, strong: str, *, snap: bool,
                   first: bool) -> list[Flowable]:
        """A subheading with the template's space above it (dropped at a column top); in
        running text (``snap``) it gets its bookmark under the article.  Out of running
        text (a programme's abstract in a table cell) it is a line in ``strong``."""
        style = "subheading" if snap else strong
        spans = self.kit.inline_spans(block.inlines, style, style)
        if not spans:
            return []
        st = self.t.style(style)
        key = ""
        if snap:
            self._subheadings += 1
            key = f"subheading-{self._subheadings}"
        head = Subheading(self.kit, spans, self.ink, st.leading,
                          settings=self.kit.settings("left", 0.0, phrases=True),
                          grid_pitch=self.pitch if snap else None,
                          link_colour=self.t.colours["link"], source=block.inlines[0].source,
                          book=self.book if snap else None, key=key, title=block.text)
        head.tag = Node("H2" if snap else "P")
        above = self.t.space["subheading_lines"] if snap and not first else 0
        return [GridSpace(above * self.pitch), head] if above else [head]

    def items(self, block: ItemList, style: str, strong: str, leading: float, *,
              snap: bool) -> list[Flowable]:
        """A list, one paragraph per item, justified, its lines hanging under the item's
        text (ぶら下げ) clear of the bullet or number: the bullet ``・`` set as a whole
        character at the list's edge, the text ``lists.hang_em`` from that edge; a number
        (``1.``) set flush right against the text.  An item nested under another starts
        under that item's text."""
        em = self.t.style(style).size
        hang = self.t.lists["hang_em"] * em
        # the room for the numbers of each level: the widest number of the level, with a
        # quarter em before the text, in half ems (at least the bullet's hang)
        room: dict[int, float] = {}
        for item in block.items:
            if item.number is not None:
                line = self.kit.line(f"{item.number}.", style)
                need = (line.width if line else 0.0) + em / 4
                room[item.level] = max(room.get(item.level, hang),
                                       -(-need // (em / 2)) * em / 2)
        out: list[Flowable] = []
        lefts: list[float] = []  # where the text of each open level starts
        # the tag tree: a list (L) of items (LI: label Lbl, body LBody), an item's nested
        # list inside it
        lists: list[Node] = [Node("L")]
        last: list[Node] = []  # the last item of each open level
        for item in block.items:
            del lefts[item.level:]
            del lists[item.level + 1:], last[item.level:]
            while len(lists) <= item.level:
                lists.append(last[-1].child("L") if last else lists[-1])
            li = lists[item.level].child("LI")
            last.append(li)
            x = lefts[-1] if lefts else 0.0
            if item.number is None:
                # the bullet's whole em box from x (the composer sets a middle dot as its
                # ink's half em, drawn ¼ em left of it: that shift is undone here)
                marker = self.kit.line("・", style)
                shift = marker.runs[0].x if marker and marker.runs else 0.0
                left, marker_x = x + hang, x - shift
            else:
                marker = self.kit.line(f"{item.number}.", style)
                left = x + room[item.level]
                marker_x = left - em / 4 - (marker.width if marker else 0.0)
            lefts.append(left)
            spans = self.kit.inline_spans(item.inlines, style, strong)
            if not spans:
                continue
            out.append(Para(self.kit, spans, self.ink, leading,
                            settings=self.kit.settings("justify", 0.0),
                            grid_pitch=self.pitch if snap else None,
                            left=left, marker=marker, marker_x=marker_x,
                            link_colour=self.t.colours["link"],
                            source=item.inlines[0].source))
            out[-1].marker_tag, out[-1].tag = li.child("Lbl"), li.child("LBody")
        return out

    def link_notes(self) -> list[Flowable]:
        """The notes of the links marked in the article just set (links.addresses: notes):
        「※1 https://…」, one a line, at the article's end; none in the other mode."""
        notes = self.kit.take_notes()
        if not notes:
            return []
        out: list[Flowable] = [self.space(self.t.space["figure_lines"])]
        for mark, address in notes:
            spans = self.kit.spans(f"{mark}　", "link_note") + self.kit.spans(
                address, "link_note", link=address)
            out.append(self.spans_para(spans, "link_note", colour=self.t.colours["muted"],
                                       align="left"))
        return out

    # ------------------------------------------------------------------ furniture
    def anchor(self, key: str, title: str, label: str) -> Drawn:
        """Where an article begins: its bookmark, and the start of its part of the tag tree
        (``self.part`` as it is now)."""
        self.book.add(key, title, label)
        part = self.part

        def paint(canv, w, h):
            _, y = canv.absolutePosition(0, 0)
            self.book.place(canv, key, y)
            begin(canv, part)

        return Drawn(0, paint, keep_with_next=True)

    def start(self, part: Node) -> Drawn:
        """Where a part of the issue without a bookmark begins (the contents): what is
        drawn from there on is ``part``'s in the tag tree."""
        return Drawn(0, lambda canv, w, h: begin(canv, part), keep_with_next=True)

    def band(self, label: str, colour: str, *, heading: str | None = None) -> Drawn:
        """The kind label in white on a colour band, a thin rule of the colour to the right.
        In the tag tree an artifact (the running head names the kind too), unless it is
        the article's ``heading`` (the editorial's 巻頭言)."""
        t, kit = self.t, self.kit
        line = kit.line(label, "band")
        lines = int(t.band["height_lines"])
        height = lines * self.pitch
        pad = t.band["padding"]
        inset = t.band["inset"]
        size = t.style("band").size

        node = Node(heading) if heading else None

        def paint(canv, w, h):
            with element(canv, node) if node else artifact(canv, "Layout"):
                paint_band(canv, w, h)

        def paint_band(canv, w, h):
            bw = (line.width if line else 0) + 2 * pad
            canv.saveState()
            canv.setFillColor(colour)
            canv.rect(0, h - self.pitch + inset, bw, self.pitch - 2 * inset, stroke=0, fill=1)
            canv.setStrokeColor(colour)
            canv.setLineWidth(t.rules["thin"])
            canv.line(bw, h - self.pitch + inset, w, h - self.pitch + inset)
            canv.restoreState()
            if line:
                base = h - self.pitch / 2 - size * (ASCENT - 0.5)
                kit.painter.draw_line(canv, line, pad, base, t.colours["band_text"])

        return Drawn(height, paint, keep_with_next=True)

    def rule(self, colour: str, width: float, *, lines: float = 1.0,
             at: float = 0.5) -> Drawn:
        """A horizontal rule in the middle of ``lines`` grid lines."""
        height = lines * self.pitch

        def paint(canv, w, h):
            canv.setStrokeColor(colour)
            canv.setLineWidth(width)
            canv.line(0, h * (1 - at), w, h * (1 - at))

        return Drawn(height, paint)

    def space(self, lines: float) -> GridSpace:
        return GridSpace(lines * self.pitch)

    def heading(self, text: str | None, *, style: str = "heading", colour: str | None = None,
                rule: str | None = None, source: Pos | None = None) -> Flowable | None:
        """A heading inside the running text: one blank line above, kept with the text."""
        para = self.para(text, style, colour=colour, align="left", phrases=True, source=source)
        if para is None:
            return None
        items: list[Flowable] = [para]
        if rule:
            items.append(self.rule(rule, self.t.rules["thin"], lines=0.0))
        return Stack(items, pitch=self.pitch, keep_with_next=True, source=source or pos_of(text))

    def with_photos(self, items: list[Flowable], photos: Sequence[Photo]) -> list[Flowable]:
        """Running text with its photos spread through it (after paragraphs, never inside a
        list or after a heading), so each photo stands near its text in the columns."""
        blocks = [b for b in (self.photo(ph) for ph in photos) if b is not None]
        if not blocks:
            return list(items)
        # places after which a photo may stand: the end of a paragraph or of a list
        spots = [i for i, f in enumerate(items)
                 if isinstance(f, Para) and not f.keepWithNext
                 and (i + 1 == len(items) or getattr(items[i + 1], "marker", None) is None)]
        if not spots:
            return list(items) + blocks
        after: dict[int, list[Flowable]] = {}
        for j, b in enumerate(blocks):
            # the j-th photo after the spot nearest (j + 1)/(k + 1) of the way into the text
            target = (j + 1) * len(items) / (len(blocks) + 1)
            spot = min(spots, key=lambda i: (abs(i + 1 - target), i))
            after.setdefault(spot, []).append(b)
        out: list[Flowable] = []
        for i, f in enumerate(items):
            out.append(f)
            out += after.get(i, [])
        return out

    def photo(self, photo: Photo, max_height: float | None = None) -> PhotoBlock | None:
        size = self.pictures.size(photo.image)
        if size is None:
            return None
        return PhotoBlock(self, photo.image, photo.caption, size,
                          max_height or self.t.grid.height * self.t.max_photo_height,
                          credit=photo.credit, half=photo.size == "half",
                          wide=photo.size == "wide", alt=photo.alt_text or PHOTO_ALT)

    # ------------------------------------------------------------------ tables
    def cell(self, *items: Flowable | None, span: int = 1) -> Cell:
        """A table cell of ``items``; its paragraphs are set to a measure of whole
        characters (:attr:`Para.whole_chars`)."""
        items = [i for i in items if i is not None]
        for item in items:
            if isinstance(item, Para):
                item.whole_chars = True
        return Cell(items, span)

    def text_cell(self, text: str | None, style: str = "table", *, colour: str | None = None,
                  link: str | None = None, span: int = 1, align: str = "left",
                  phrases: bool = True) -> Cell:
        """A cell of text, broken between phrases where the cell is too narrow (a date
        range at 〜, not inside 31日; a title between its words)."""
        return self.cell(self.para(text, style, colour=colour, snap=False, link=link,
                                   align=align, phrases=phrases, tag=None), span=span)

    def continued_cell(self, label: str, colour: str, style: str = "table_strong") -> Cell:
        """A group's label where the group goes on in the next column or page of a split
        table: 「理事（続き）」, broken between the label and （続き） when it must be."""
        return self.cell(self.para(f"{label}（続き）", style, colour=colour, snap=False,
                                   align="left", phrases=True, tag=None))

    def table(self, columns: Sequence[float], rows: list[Row], *, header: Sequence[str] = (),
              zebra: bool = True, source: Pos | None = None, background: str | None = None,
              rules: bool = True, padding: float | None = None,
              title: Flowable | None = None, title_cont: Flowable | None = None,
              row_heads: bool = False, layout: bool = False) -> GridTable:
        """A table in the template's style: the header row in ``colours.table_head`` (a
        tint, or none) ruled in the accent above and below, thin rules between rows,
        ``colours.zebra`` rows if the template has them.  In the tag tree a ``Table`` whose
        header cells head their columns, and with ``row_heads`` each row's first cell its
        row; ``layout``: no table there, only cells set side by side (a profile's head)."""
        t = self.t
        head = None
        if header:
            head = Row([self.text_cell(h, "table_head", colour=t.colours["table_head_text"])
                        for h in header])
        return GridTable(columns, rows, header=head, pitch=self.pitch,
                         padding=t.space["table_cell_padding"] if padding is None else padding,
                         head_fill=t.colours["table_head"],
                         zebra=t.colours["zebra"] if zebra else None,
                         rule=t.colours["rule"] if rules else None,
                         rule_width=t.rules["thin"],
                         head_rule=t.colours["accent"] if rules and header else None,
                         background=background, source=source,
                         min_rows=t.composition["table_min_rows"],
                         column_height=t.grid.height, title=title, title_cont=title_cont,
                         node=None if layout else Node("Table"), row_heads=row_heads)

    def badge(self, text: str, colour: str) -> Drawn:
        """A small coloured label (公開・一部公開・非公開) as a one-line cell item."""
        kit, t = self.kit, self.t
        line = kit.line(text, "badge")
        size = t.style("badge").size
        height = size * 2.0

        def paint(canv, w, h):
            lw = line.width if line else 0
            canv.saveState()
            canv.setFillColor(colour)
            canv.roundRect(0, h - size * 1.75, lw + size, size * 1.5, size * 0.3, 0, 1)
            canv.restoreState()
            if line:
                kit.painter.draw_line(canv, line, size / 2, h - size * 1.75 + size * 0.42,
                              t.colours["band_text"])

        return Drawn(height, paint)

    def sections(self, head: Sequence[Flowable | None], items: Sequence[Flowable | None], *,
                 columns: int, source: Pos | None = None, box: str | None = None,
                 rule: bool = False) -> list[Flowable]:
        """:meth:`section`, with each wide photo among ``items`` set across the columns
        (``layout/wide.py``).  In a framed section (a member's profile) wide photos stand
        in the head, under the frame's top, so the frame stays whole; with one column a
        wide photo is a column photo."""
        head = [h for h in head if h is not None]
        items = [i for i in items if i is not None]
        if columns == 1 or not any(is_wide(i) for i in items):
            return [self.section(head, items, columns=columns, source=source, box=box,
                                 rule=rule)]
        if box:
            return [self.section(head + [i for i in items if is_wide(i)],
                                 [i for i in items if not is_wide(i)], columns=columns,
                                 source=source, box=box, rule=rule)]
        return [WideFlow(head, items, lambda h, i: self.section(
            h, i, columns=columns, source=source, rule=rule), source=source)]

    def section(self, head: Sequence[Flowable | None], items: Sequence[Flowable | None], *,
                columns: int, source: Pos | None = None, box: str | None = None,
                rule: bool = False) -> Section:
        t = self.t
        return Section([h for h in head if h is not None], [i for i in items if i is not None],
                       columns=columns, gutter=t.grid.gutter, pitch=self.pitch, box=box,
                       box_pad=frame_padding(t) if box else 0.0,
                       box_width=t.rules["frame"],
                       rule=t.colours["rule"] if rule and columns > 1 else None,
                       rule_width=t.rules["column"], source=source,
                       page_height=t.grid.height)


PHOTO_ALT = "写真"  # a photo's Alt when it has neither alt nor caption


def pieces(kit: TextKit, style: str, *parts: str | None) -> list:
    """Spans of several texts in one style, each keeping its own YAML position."""
    out: list = []
    for part in parts:
        if part:
            out += kit.spans(part, style)
    return out
