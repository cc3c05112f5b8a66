"""ReportLab's text-to-bytes step for the PDF file, with ASCII taken first.

Everything ReportLab formats into the file — numbers, names, references, operators, the
page contents — passes through ``pdfdoc.pdfdocEnc``, which encodes with its PDFDocEncoding
codec, written in Python: ~15,000 calls an issue of 64 pages (~1% of its build).  Nearly
all of it is ASCII, which that encoding writes as ASCII, but for 0x18-0x1F (accents there,
which the codec refuses); :func:`install` has such text encoded as ASCII directly and
everything else by the codec, as before: the same bytes.
"""

from __future__ import annotations

import re

from reportlab.pdfbase import pdfdoc

_CODEC = pdfdoc.pdfdocEnc
_NOT_ASCII_HERE = re.compile("[\x18-\x1f]")  # where PDFDocEncoding is not ASCII


def _pdfdoc_enc(x):
    if isinstance(x, str) and x.isascii() and not _NOT_ASCII_HERE.search(x):
        return x.encode("ascii")
    return _CODEC(x)


def install() -> None:
    """From now on in this process (once)."""
    pdfdoc.pdfdocEnc = _pdfdoc_enc
