"""``express import``: back-issue folders made from a batch of PDFs (see ``batch.py``)."""

from express.importer.batch import Imported, import_pdfs

__all__ = ["Imported", "import_pdfs"]
