"""The XMP metadata packet: the document's facts, agreeing with its Info dictionary, and
the standards it claims to meet.

Every edition claims PDF/UA-1 (``pdfuaid:part``: it is tagged, express/pdf/document/tags.py);
the print edition claims PDF/X-4 as well (``pdfxid:GTS_PDFXVersion``,
express/post/pdfx.py).  Both claims stand in one packet, as a file may meet both standards.
"""

from __future__ import annotations

import re
from html import escape as _escape

PDFUA_PART = 1


def xmp_date(pdf_date: str) -> str:
    """``D:20201201000000+09'00'`` as XMP writes it: ``2020-12-01T00:00:00+09:00``."""
    m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)([+-]\d\d)'(\d\d)'", pdf_date)
    if not m:
        return ""
    y, mo, d, h, mi, s, zh, zm = m.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}{zh}:{zm}"


def packet(*, title: str, author: str, subject: str, keywords: str, creator: str,
           producer: str, created: str, modified: str, doc_id: str,
           pdfx: str | None = None) -> str:
    """The packet; dates as PDF writes them (``D:…``), ``pdfx`` the PDF/X version claimed
    (None: none)."""
    def text(value: str) -> str:
        return _escape(str(value), quote=False)

    created, modified = xmp_date(created), xmp_date(modified)
    x_ns = '\n    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"' if pdfx else ""
    x_claim = (f"\n   <pdf:Trapped>False</pdf:Trapped>"
               f"\n   <pdfxid:GTS_PDFXVersion>{text(pdfx)}</pdfxid:GTS_PDFXVersion>"
               if pdfx else "")
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"{x_ns}>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{text(title)}</rdf:li></rdf:Alt>
   </dc:title>
   <dc:creator><rdf:Seq><rdf:li>{text(author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{text(subject)}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:language><rdf:Bag><rdf:li>ja</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{modified}</xmp:ModifyDate>
   <xmp:MetadataDate>{modified}</xmp:MetadataDate>
   <xmp:CreatorTool>{text(creator)}</xmp:CreatorTool>
   <pdf:Producer>{text(producer)}</pdf:Producer>
   <pdf:Keywords>{text(keywords)}</pdf:Keywords>
   <xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{doc_id}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfuaid:part>{PDFUA_PART}</pdfuaid:part>{x_claim}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
