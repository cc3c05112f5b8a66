"""The accessible PDF (PDF/UA-1), read back from the samples and from fresh issues: the tag
tree as poppler reads it (``pdfinfo -struct-text``, an independent reader) and as it is
written (pikepdf), page content as a reader meets it, and the ``pdfua`` checker."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest

from express.load import load_archive
from express.model.body import LineBreak
from express.pdf.template import read_template
from tests.conftest import add_fresh_issues, copy_project
from tests.pdf.conftest import SAMPLES, squash

pytestmark = pytest.mark.xdist_group("built")

FRESH = ("2023-autumn", "2021-winter")
MAILTO = "mailto:"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """The fresh issues (tests/fixtures/fresh_issues), with the samples' pictures."""
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("fresh-tags"))
    add_fresh_issues(project, FRESH)
    result = build(project, site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result


@pytest.fixture(params=SAMPLES + FRESH)
def case(request):
    """(issue, its PDF, the project) for each sample and fresh issue."""
    project, result = request.getfixturevalue("built" if request.param in SAMPLES
                                              else "fresh")
    archive, _ = load_archive(project.issues, [request.param], whole=False)
    issue = next(i for i in archive.issues if i.id == request.param)
    return issue, result.pdfs[request.param], project


# ------------------------------------------------------------------ poppler's reading


@dataclass
class Elem:
    role: str
    attrs: list[str] = field(default_factory=list)
    items: list = field(default_factory=list)  # its text pieces and kids, in order
    objects: int = 0  # annotations (OBJR) among its kids

    @property
    def kids(self) -> list[Elem]:
        return [k for k in self.items if isinstance(k, Elem)]

    def all_text(self, skip: tuple[str, ...] = ("RT",)) -> str:
        """Its text and its kids', in order (``skip``: elements left out, a ruby's
        reading)."""
        return "".join(k if isinstance(k, str) else k.all_text(skip) for k in self.items
                       if isinstance(k, str) or k.role not in skip)

    def walk(self):
        yield self
        for k in self.kids:
            yield from k.walk()


def struct_tree(pdf: Path) -> Elem:
    """The tag tree as ``pdfinfo -struct-text`` prints it (an element a line, indented two
    spaces a level; its attributes, text and object references under it)."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True,
                         check=True)
    assert not out.stderr.strip(), out.stderr.decode()
    root = Elem("(root)")
    stack: list[tuple[int, Elem]] = [(-1, root)]
    for line in out.stdout.decode().splitlines():
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack[-1][0] >= depth and len(stack) > 1:
            stack.pop()
        parent = stack[-1][1]
        if body.startswith('"'):
            parent.items.append(body[1:-1])
        elif body.startswith("/"):
            parent.attrs.append(body)
        elif body.startswith("Object "):
            parent.objects += 1
        elif body:
            elem = Elem(re.match(r"[A-Za-z0-9]+", body)[0])
            parent.items.append(elem)
            stack.append((depth, elem))
    return root


def printed(inlines) -> str:
    """A paragraph's text as the magazine prints it: a bare ``mailto:`` address without its
    scheme, a link's printed address and ruby readings apart (artifacts, readings)."""
    out = []
    for inl in inlines:
        if isinstance(inl, LineBreak):
            continue
        text = inl.text
        if inl.href and text == inl.href and text.startswith(MAILTO):
            text = text[len(MAILTO):]
        out.append(text)
    return squash("".join(out))


def written_order(issue) -> list[str]:
    """The issue's titles, subheadings, paragraphs and list items, in YAML order."""
    seq: list[str] = []

    def body(b) -> None:
        for block in getattr(b, "blocks", ()):
            items = getattr(block, "items", None)
            for inl in ([it.inlines for it in items] if items is not None
                        else [block.inlines]):
                if printed(inl):
                    seq.append(printed(inl))

    if issue.editorial:
        body(issue.editorial)
    for a in issue.articles:
        title = getattr(a, "company", None) if a.kind == "member" else None
        seq.append(squash(str(title or a.title)))
        body(getattr(a, "body", None))
    return seq


# ------------------------------------------------------------------ the tests


def test_paragraphs_and_headings_read_whole_in_the_order_of_the_yaml(case):
    """Each title, subheading, paragraph and list item of issue.yaml is one element of the
    tag tree, in YAML order: a paragraph broken across columns and pages is one ``P``."""
    issue, pdf, _ = case
    tree = struct_tree(pdf)
    texts = [squash(e.all_text()) for e in tree.walk()
             if re.fullmatch(r"P|H\d|LBody", e.role)]
    at = 0
    for want in written_order(issue):
        assert want in texts[at:], f"not one element, or out of order: {want[:40]}"
        at = texts.index(want, at) + 1


def test_a_paragraph_across_a_column_or_page_break_is_one_element(case):
    """Somewhere in every issue a paragraph goes on in the next column or page: its ``P``
    holds the marked content of both parts (one on another page is a MCR with its /Pg)."""
    _, pdf, _ = case
    with pikepdf.open(pdf) as doc:
        broken = 0
        for elem in _elements(doc.Root.StructTreeRoot.K):
            kids = elem.get("/K")
            if elem.S == "/P" and isinstance(kids, pikepdf.Array):
                ids = [k for k in kids if isinstance(k, int) or (
                    isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR")]
                broken += len(ids) > 1
        assert broken


def test_every_photo_is_a_figure_described_by_its_alt_else_its_caption(case):
    issue, pdf, _ = case
    with pikepdf.open(pdf) as doc:
        alts = [str(e.get("/Alt", "")) for e in _elements(doc.Root.StructTreeRoot.K)
                if e.S == "/Figure"]
    assert all(a.strip() for a in alts)
    wanted = [ph.alt_text for a in issue.articles for ph in getattr(a, "photos", ())]
    for alt in wanted:
        assert alt in alts
        alts.remove(alt)


def test_every_table_has_one_header_row_of_th_with_scope(case):
    """Every table has its header cells (TH, Scope Column) once, however often its header
    is printed (a split table repeats it: an artifact there), or heads each row (TH, Scope
    Row: a report's facts)."""
    _, pdf, _ = case
    tree = struct_tree(pdf)
    tables = [e for e in tree.walk() if e.role == "Table"]
    assert len(tables) >= 3
    for table in tables:
        rows = [r for r in table.kids if r.role == "TR"]
        heads = [r for r in rows if r.kids and all(c.role == "TH" for c in r.kids)
                 and all("/Scope /Column" in c.attrs for c in r.kids)]
        row_heads = all(r.kids[0].role == "TH" and "/Scope /Row" in r.kids[0].attrs
                        for r in rows)
        # a list of facts (日時, 会場 …) has no header row: its rows have their heads
        assert len(heads) == 1 or (not heads and row_heads), [r.all_text() for r in heads]
        for r in rows:
            for c in r.kids:
                assert c.role in ("TH", "TD")
                if c.role == "TH":
                    assert c.attrs and c.attrs[0].startswith("/Scope")


def test_ruby_reads_as_its_base_then_its_reading(case):
    issue, pdf, _ = case
    text = (Path(issue.folder) / "issue.yaml").read_text(encoding="utf-8")
    written = re.findall(r"\{([^{}|]+)\|([^{}]+)\}", text)
    tree = struct_tree(pdf)
    rubies = [(e.kids[0].role, e.kids[0].all_text(()), e.kids[1].role, e.kids[1].all_text(()))
              for e in tree.walk() if e.role == "Ruby"]
    assert len(rubies) == len(written)
    for base, reading in written:
        assert ("RB", base, "RT", reading) in rubies


def test_running_heads_and_folios_are_artifacts(case):
    """On every body page, any text shown above or below the text block (the running head,
    the folio) is inside an /Artifact sequence: never read with the text."""
    _, pdf, project = case
    t = read_template(project.pdf_template())
    low, high = t.bottom - 1, t.bottom + t.grid.height + 1
    outside = 0
    with pikepdf.open(pdf) as doc:
        for page in doc.pages[1:]:
            marks: list[str] = []
            y = 0.0
            ctm, saved = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
            for operands, op in pikepdf.parse_content_stream(
                    page, "BDC BMC EMC Tm Tj TJ q Q cm"):
                name = str(op)
                if name in ("BDC", "BMC"):
                    marks.append(str(operands[0]))
                elif name == "EMC":
                    marks.pop()
                elif name == "q":
                    saved.append(ctm)
                elif name == "Q":
                    ctm = saved.pop()
                elif name == "cm":
                    ctm = _times([float(v) for v in operands], ctm)
                elif name == "Tm":
                    m = _times([float(v) for v in operands], ctm)
                    y = m[5]
                elif not low <= y <= high:
                    outside += 1
                    assert "/Artifact" in marks, f"text at y={y} read as content"
    assert outside


def test_every_link_annotation_is_the_kid_of_a_link_element(case):
    """Each link annotation has a description (/Contents) and a /StructParent that leads to
    a Link element holding it as an OBJR; a page with links tabs in structure order."""
    _, pdf, _ = case
    with pikepdf.open(pdf) as doc:
        nums = doc.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        links = 0
        for page in doc.pages:
            annots = [a for a in page.obj.get("/Annots", []) if a.Subtype == "/Link"]
            if annots:
                assert page.obj.Tabs == "/S"
            for annot in annots:
                links += 1
                assert str(annot.Contents).strip()
                elem = parents[int(annot.StructParent)]
                assert elem.S == "/Link"
                kids = elem.K if isinstance(elem.K, pikepdf.Array) else [elem.K]
                assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                           and k.Obj.objgen == annot.objgen for k in kids)
        assert links


def test_the_document_says_it_is_tagged_japanese_and_pdf_ua(case):
    _, pdf, _ = case
    with pikepdf.open(pdf) as doc:
        root = doc.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == "ja"
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert root.StructTreeRoot.K.S == "/Document"
        with doc.open_metadata() as meta:
            assert meta["pdfuaid:part"] == "1"
            assert meta["dc:title"] == str(doc.docinfo.Title)
        pages = len(doc.pages)
        assert [int(p.obj.StructParents) for p in doc.pages] == list(range(pages))


def test_the_pdfua_checker_and_poppler_find_nothing(case):
    _, pdf, _ = case
    out = subprocess.run([sys.executable, "-m", "pdfua", "check", str(pdf)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert "skip" not in out.stdout, out.stdout  # every rule ran
    struct_tree(pdf)  # (poppler reads the tree without a complaint)


def _times(m, n):
    """The matrix ``m`` then ``n`` (PDF's row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _elements(kids):
    """The structure elements under ``kids`` (a /K value), depth first."""
    stack = [kids]
    while stack:
        k = stack.pop()
        if isinstance(k, pikepdf.Array):
            stack.extend(reversed(list(k)))
        elif isinstance(k, pikepdf.Dictionary) and k.get("/S") is not None:
            yield k
            if "/K" in k:
                stack.append(k.K)
