"""Object streams: the tag tree's thousands of small objects packed and compressed.

A tagged issue has an indirect object for every structure element (a table cell, a
paragraph, a link), each some 60 bytes and a 20-byte entry in the cross-reference table:
on a text-heavy issue that would add a third to the file.  ReportLab writes only plain
objects and a cross-reference table, so :func:`pack` gives its document a ``format`` that
writes the objects marked :class:`Packed` into one Flate-compressed object stream (PDF
1.5, ISO 32000-1 §7.5.7) and a cross-reference stream in place of the table (§7.5.8); the
other objects are written as ReportLab writes them, in the same order.  The file is
still the same bytes for the same input (ReportLab's invariant ID).
"""

from __future__ import annotations

import re
import struct
import types
import zlib

from reportlab.pdfbase.pdfdoc import PDFFile, PDFIndirectObject, PDFObject, format

from express.pdf.document import encoding

PDF_VERSION = (1, 7)  # object streams need 1.5; PDF/UA-1 is built on PDF 1.7


class Packed(PDFObject):
    """An object (never a stream) written into the object stream."""


def pack(doc) -> None:
    """Make ReportLab's document ``doc`` write its :class:`Packed` objects in an object
    stream when it is saved (its ASCII text encoded directly: see encoding.py)."""
    doc._pdfVersion = PDF_VERSION
    doc.format = types.MethodType(_format, doc)
    encoding.install()


def _format(doc) -> bytes:
    """ReportLab's ``PDFDocument.format`` (unencrypted, unsigned), with the packed objects
    in an object stream and a cross-reference stream."""
    cat, info = doc.Catalog, doc.info
    doc.Reference(cat)
    doc.Reference(info)
    numbers = doc.numberToId
    objects = doc.idToObject
    out = doc.__accum__ = PDFFile(doc._pdfVersion)
    plain: dict[int, int] = {}  # object number → offset
    packed: list[tuple[int, bytes]] = []  # (object number, body)
    n = 0
    while True:  # (formatting may register more objects: go on while there are)
        n += 1
        if n not in numbers:
            break
        name = numbers[n]
        obj = objects[name]
        if isinstance(obj, Packed):
            packed.append((n, format(obj, doc, toplevel=1)))
        else:
            offset = out.add(PDFIndirectObject(name, obj).format(doc))
            doc.idToOffset[name] = offset
            plain[n] = offset
    del doc.__accum__
    last = n - 1
    stream_no, xref_no = last + 1, last + 2
    if packed:
        head = b" ".join(b"%d %d" % (num, off) for num, off in
                         zip((num for num, _ in packed), _offsets(packed), strict=True))
        body = b"\n".join(b for _, b in packed)
        data = zlib.compress(head + b"\n" + body)
        plain[stream_no] = out.add(
            b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>"
            b"\nstream\n" % (stream_no, len(packed), len(head) + 1, len(data))
            + data + b"\nendstream\nendobj\n")
    index = {num: i for i, (num, _) in enumerate(packed)}
    size = xref_no + 1
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    xref_at = out.offset
    plain[xref_no] = xref_at
    for num in range(1, size):
        if num in index:
            rows.append(struct.pack(">BIH", 2, stream_no, index[num]))
        elif num in plain:
            rows.append(struct.pack(">BIH", 1, plain[num], 0))
        else:  # (no object stream: its number is free)
            rows.append(struct.pack(">BIH", 0, 0, 0))
    data = zlib.compress(b"".join(rows))
    ident = re.search(rb"\[.*?\]", doc.ID(), re.S)[0]
    out.add(b"%d 0 obj\n<< /Type /XRef /Size %d /W [ 1 4 2 ] /Root %s /Info %s /ID %s "
            b"/Filter /FlateDecode /Length %d >>\nstream\n" % (
                xref_no, size, doc.Reference(cat).format(doc),
                doc.Reference(info).format(doc), ident, len(data))
            + data + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out.format(doc)


def _offsets(packed: list[tuple[int, bytes]]):
    """Where each packed object's body starts after the stream's header."""
    at = 0
    for _, body in packed:
        yield at
        at += len(body) + 1
