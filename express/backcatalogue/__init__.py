"""The back catalogue: issues made elsewhere, kept as PDFs, made searchable page by page.

``reader.TextCache`` gives the text of each page of a back issue's PDF — its text layer
through PDFium (``extract.py``), or, for a picture of a page, what Tesseract reads
(``ocr.py``) — normalised for search (``normalise.py``) and kept between builds.
"""

from express.backcatalogue.reader import BackText, PageText, TextCache

__all__ = ["BackText", "PageText", "TextCache"]
