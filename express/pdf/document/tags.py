"""The tag tree (PDF/UA-1): written when the document is saved, from what was drawn.

The layout declared each element (express/pdf/paint/marks.py: ``Node``) and the painters
recorded which marked content and which link annotations belong to which; here that
becomes ``/StructTreeRoot``: one ``Document`` with the issue's parts in order (the cover,
the contents, the editorial, the articles in the order of issue.yaml, the colophon), each
element with its kids in reading order (a paragraph that goes on in the next column or on
the next page is one ``P`` with the marked content of both), the ``ParentTree`` from each
page's marked content and each annotation back to its element, ``/StructParents`` and
``/Tabs /S`` on the pages, ``/StructParent`` on the annotations and ``/MarkInfo``.
Elements that got no content (a block laid out but never drawn) are left out, but for
table cells, which keep a table's rows and columns whole.  Objects are numbered in tree
order, so the same issue gives the same bytes; they are written into an object stream
(express/pdf/document/packing.py).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFName,
    PDFPage,
    PDFString,
)

from express.pdf.document.packing import Packed
from express.pdf.paint.marks import Annot, Marks, Node, installed, mark_untagged

KEEP_EMPTY = frozenset(("TD", "TH", "TR"))


def _page_name(page: int) -> str:
    """The name ReportLab gives the (0-based) ``page``'s object."""
    return f"Page{page + 1}"


def _ref(document, name: str) -> bytes:
    """``PDFObjectReference(name).format(document)``: the object's number, written
    directly (a tree has thousands of references, each sent through ReportLab's text codec
    otherwise)."""
    return b"%d %d R" % document.idToObjectNumberAndVersion[name]


class _Raw(Packed):
    """A PDF object formatted by a function of the document (references resolved then)."""

    def __init__(self, fmt) -> None:
        self.fmt = fmt

    def format(self, document) -> bytes:
        return self.fmt(document)


def _has_content(node: Node) -> bool:
    return any(not isinstance(k, Node) or _has_content(k) for k in node.kids)


def _pruned(node: Node) -> list:
    """``node``'s kids, less the elements with no content (table cells kept)."""
    return [k for k in node.kids if not isinstance(k, Node) or k.role in KEEP_EMPTY
            or _has_content(k)]


class _Elem(Packed):
    def __init__(self, node: Node, kids: list, parent: str) -> None:
        """``kids``: marked content as (page, MCID), an :class:`Annot`, or an element's
        object name; ``parent``: the parent's object name."""
        self.node, self.kids, self.parent = node, kids, parent

    def format(self, document) -> bytes:
        node = self.node
        first = next((k[0] for k in self.kids if isinstance(k, tuple)), None)
        # (no /Type: it is optional, and a tree has thousands of elements)
        out = [b"<< /S /", node.role.encode(), b" /P ", _ref(document, self.parent)]
        if first is not None:
            out += [b" /Pg ", _ref(document, _page_name(first))]
        if node.alt:
            out += [b" /Alt ", PDFString(node.alt).format(document)]
        if node.attrs:
            owner = node.attrs.get("O", "Layout")
            pairs = " ".join(f"/{k} /{v}" for k, v in node.attrs.items() if k != "O")
            out.append(f" /A << /O /{owner} {pairs} >>".encode())
        kids = []
        for k in self.kids:
            if isinstance(k, tuple):
                page, mcid = k
                kids.append(b"%d" % mcid if page == first else
                            b"<< /Type /MCR /Pg " + _ref(document, _page_name(page))
                            + b" /MCID %d >>" % mcid)
            elif isinstance(k, Annot):
                kids.append(b"<< /Type /OBJR /Obj " + _ref(document, k.ref.name) + b" /Pg "
                            + _ref(document, _page_name(k.page)) + b" >>")
            else:
                kids.append(_ref(document, k))
        # one kid stands alone (most elements: a paragraph on one page, a cell)
        out += [b" /K ", kids[0], b" >>"] if len(kids) == 1 else \
            [b" /K [ ", b" ".join(kids), b" ] >>"]
        return b"".join(out)


def write_tree(canv, marks: Marks) -> None:
    """Add the tag tree of what ``marks`` recorded to ``canv``'s document (before saving)."""
    doc = canv._doc
    root = _Raw(lambda d: b"")  # formatted below, once its kids have their numbers
    root_ref = doc.Reference(root)
    top = Node("Document")
    parts = sorted(marks.parts, key=lambda n: n.order)  # (stable: drawing order on a tie)
    names: dict[int, str] = {}  # id(node) → the object name of its element

    def build(node: Node, parent: str) -> str:
        elem = _Elem(node, [], parent)
        name = names[id(node)] = doc.Reference(elem).name
        kids = []
        for k in (_pruned(node) if node is not top else parts):
            if isinstance(k, Node):
                if k is top or (node is top and not _has_content(k)):
                    continue
                kids.append(build(k, name))
            else:
                kids.append(k)
        elem.kids = kids
        return name

    doc_name = build(top, root_ref.name)
    # the parent tree: each page's MCIDs, then each annotation, to their elements
    nums: list[bytes] = []
    key = 0
    pages = canv._pageNumber - 1
    for page in range(pages):
        owners = [names[id(n)] for n in marks.pages.get(page, [])]

        def arr(d, owners=owners) -> bytes:
            return b"[ " + b" ".join(_ref(d, name) for name in owners) + b" ]"
        nums.append((page, arr))
        key += 1
    for annot, node in marks.annots:
        annot.pdf.struct_parent = key
        name = names[id(node)]
        nums.append((key, lambda d, name=name: _ref(d, name)))
        key += 1
    parent_tree = _Raw(lambda d: b"<< /Nums [ " + b" ".join(
        str(k).encode() + b" " + f(d) for k, f in nums) + b" ] >>")
    tree_ref = doc.Reference(parent_tree)
    root.fmt = lambda d: (b"<< /Type /StructTreeRoot /K " + _ref(d, doc_name)
                          + b" /ParentTree " + tree_ref.format(d)
                          + f" /ParentTreeNextKey {key} >>".encode())
    doc.Catalog.StructTreeRoot = root
    doc.Catalog.MarkInfo = _Raw(lambda d: b"<< /Marked true >>")


class TaggedPages:
    """Canvas methods that tag each page as it ends: its unmarked painting made artifacts,
    ``/StructParents`` (its key in the parent tree: the page's index) and, with links,
    ``/Tabs /S`` (tab through them in structure order)."""

    def showPage(self):
        if installed(self) is not None:
            self._code[:] = mark_untagged(self._code)
        super().showPage()

    def _setAnnotations(self, page):
        super()._setAnnotations(page)
        if installed(self) is None or not isinstance(page, PDFPage):
            return  # (a form)
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = self._pageNumber - 1
        if page.Annots:
            page.Tabs = PDFName("S")
