"""A face that keeps its subsets' programs embeds them as ReportLab itself would, the
first time and every time after, in any document."""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.pdf.paint.subset_files import KEPT, keep_subsets
from express.pdf.template import read_template


def _embedded(font: TTFont, subset: list[int], compression: int) -> bytes:
    """The font program stream and descriptor ``font`` writes for ``subset``, as formatted
    in a document's file."""
    doc = PDFDocument(compression=compression)
    ref = font.face.addSubsetObjects(doc, "AAAAAA+Test", subset)
    descriptor = doc.idToObject[ref.name]
    stream = doc.idToObject[descriptor.dict["FontFile2"].name]
    return descriptor.format(doc) + stream.format(doc)


def test_kept_subsets_embed_the_same_bytes_as_reportlab(project):
    path = find_fonts(project.root, read_template(project.pdf_template()).fonts)[0][
        "mincho"].path
    ours, theirs = TTFont("ours", str(path)), TTFont("theirs", str(path))
    cuts = []
    cut = ours.face.makeSubset
    ours.face.makeSubset = lambda subset: cuts.append(1) or cut(subset)  # counted
    keep_subsets(ours.face)
    glyphs = sorted(theirs.face.charToGlyph)
    subsets = [[0, *glyphs[n * 50:n * 50 + 200]] for n in range(KEPT + 3)]
    for subset in (*subsets[:3], *subsets[:3], *subsets, *subsets[:3]):
        assert _embedded(ours, subset, 1) == _embedded(theirs, subset, 1)
    # each subset cut once while kept; the first three again once pushed out by the others
    assert len(cuts) == len(subsets) + 3
    for subset in subsets[-3:]:  # a document without compression takes the kept program
        assert _embedded(ours, subset, 0) == _embedded(theirs, subset, 0)
    assert len(cuts) == len(subsets) + 3
