"""Each font subset's program cut from its font and compressed once per process.

At every save ReportLab cuts each subset's glyphs out of the font file (``makeSubset``)
and compresses the result.  A subset's program depends only on the face and its glyphs,
and a warm process (``express serve``) typesetting an issue again after a save embeds
mostly the same subsets: cutting and compressing them again was ~20 ms of a 0.13 s
build.  The last subsets made are kept per face, raw and compressed; the PDF is the same
bytes either way (a test compares).
"""

from __future__ import annotations

from collections import OrderedDict

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFontFace

KEPT = 32  # subsets kept per face (a CJK subset's program is ~40 KB)


def keep_subsets(face: TTFontFace) -> None:
    """Make ``face`` keep the programs of the subsets it embeds."""
    made: OrderedDict[tuple[int, ...], tuple[bytes, bytes | None]] = OrderedDict()
    cut = face.makeSubset
    add = face.addSubsetObjects

    def program(subset) -> tuple[bytes, bytes | None]:
        key = tuple(subset)
        entry = made.get(key)
        if entry is None:
            entry = made[key] = (cut(subset), None)
            if len(made) > KEPT:
                made.popitem(last=False)
        else:
            made.move_to_end(key)
        return entry

    def add_subset_objects(doc, fontname, subset):
        reference = add(doc, fontname, subset)  # calls make_subset below
        if doc.compression:
            descriptor = doc.idToObject[reference.name]
            stream = doc.idToObject[descriptor.dict["FontFile2"].name]
            key = tuple(subset)
            raw, packed = made[key]
            if packed is None:
                packed = pdfdoc.PDFZCompress.encode(raw)
                made[key] = (raw, packed)
            # compressed already: ReportLab's save applies no filter to a stream that
            # names its own
            stream.content = packed
            stream.dictionary["Filter"] = pdfdoc.PDFArray(
                [pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        return reference

    face.makeSubset = lambda subset: program(subset)[0]
    face.addSubsetObjects = add_subset_objects
