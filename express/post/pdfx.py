"""Finishing the print edition as PDF/X-4, after its pre-flight (express/post/preflight.py).

PDF/X-4 (ISO 15930-7) asks for: an output intent (``OutputIntents``, subtype GTS_PDFX,
with the CMYK output profile embedded and the printing condition named), the version in
the XMP metadata (``pdfxid:GTS_PDFXVersion``, beside PDF/UA's claim: express/post/xmp.py;
also in the Info dictionary, where older tools look), the XMP agreeing with the Info
dictionary (title, author, dates, producer, trapping), a document ID, and on every page a
TrimBox (ReportLab wrote it, with the BleedBox: express/pdf/document/press.py).  The
file is rewritten by qpdf (pikepdf) with its content untouched; the result is the same
bytes for the same input.
"""

from __future__ import annotations

import io
import uuid
from typing import TYPE_CHECKING

from express.diagnostics import Diagnostics
from express.model.issue import Archive, Issue
from express.pdf.document.press import PrintEdition
from express.pdf.template import Template
from express.post.xmp import packet
from express.profiles import CUSTOM_CONDITION

if TYPE_CHECKING:  # pikepdf and the pre-flight cost ~60 ms to import, for the print edition
    import pikepdf  # only: express/pdf/render.py imports this module for every PDF

PDFX_VERSION = "PDF/X-4"
REGISTRY = "http://www.color.org"
MM = 72 / 25.4


def finish_print(data: bytes, press: PrintEdition, issue: Issue, archive: Archive,
                 t: Template, diags: Diagnostics) -> tuple[bytes | None, Diagnostics]:
    """The print edition's PDF made PDF/X-4, with what its pre-flight found reported; None
    when it found something a printer would refuse (RGB, an unembedded font)."""
    import pikepdf

    from express.post.preflight import colour_and_fonts, locate, unsafe_text

    padding = press.padding
    if padding.added:
        diags.warning(issue.pos, f"print.padded_{padding.pad_with}", pages=padding.after_page,
                      added=padding.added, total=padding.after_page + padding.added)
    sheet = press.sheet
    folio = t.folio["bottom"]
    size = t.style("folio").size
    for hit in unsafe_text(data, sheet.trim_box, sheet.spec.bleed, sheet.spec.safe,
                           exempt=(folio - size, folio + size)):
        where = locate(hit.text, issue, archive.publication) or issue.pos
        diags.warning(where, "print.unsafe_text", page=hit.page + 1, text=hit.text[:30],
                      mm=f"{hit.distance / MM:.1f}", safe=f"{sheet.spec.safe / MM:g}")
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for finding in colour_and_fonts(pdf):
            diags.error(issue.pos, finding.code, page=finding.page + 1, what=finding.what)
        if diags.has_errors:
            return None, diags
        make_pdfx(pdf, press, issue, archive)
        out = io.BytesIO()
        pdf.save(out, compress_streams=False, deterministic_id=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return out.getvalue(), diags


def make_pdfx(pdf: pikepdf.Pdf, press: PrintEdition, issue: Issue, archive: Archive) -> None:
    """Add the output intent, the PDF/X version and the XMP metadata to ``pdf``."""
    import pikepdf

    profile = press.profile
    icc = pikepdf.Stream(pdf, profile.compressed)
    icc.Filter, icc.N = pikepdf.Name.FlateDecode, 4
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFX,
        OutputConditionIdentifier=profile.condition, OutputCondition=profile.description,
        Info=profile.description, DestOutputProfile=icc)
    if profile.condition != CUSTOM_CONDITION:
        intent.RegistryName = REGISTRY
    pdf.Root.OutputIntents = pikepdf.Array([intent])
    info = pdf.trailer.Info
    info.GTS_PDFXVersion = PDFX_VERSION
    info.Trapped = pikepdf.Name("/False")
    xmp = pikepdf.Stream(pdf, xmp_packet(info, document_id(issue, archive)).encode())
    xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
    pdf.Root.Metadata = xmp


def document_id(issue: Issue, archive: Archive) -> str:
    """The same for every build of the issue's print edition (XMP's DocumentID)."""
    home = str(archive.publication.url or archive.publication.name)
    return f"uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{home}#{issue.id}/print')}"


def xmp_packet(info, doc_id: str) -> str:
    """XMP metadata agreeing with the Info dictionary ``info``, naming PDF/X-4 (and PDF/UA-1,
    which the print edition meets as the screen edition does)."""
    def value(key: str) -> str:
        return str(info.get(key, ""))

    return packet(title=value("/Title"), author=value("/Author"), subject=value("/Subject"),
                  keywords=value("/Keywords"), creator=value("/Creator"),
                  producer=value("/Producer"), created=value("/CreationDate"),
                  modified=value("/ModDate"), doc_id=doc_id, pdfx=PDFX_VERSION)
