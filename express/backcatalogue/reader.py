"""The searchable text of a back issue, page by page, made once and kept.

Reading a PDF's text layer takes PDFium a moment per page; recognising a scanned page
takes Tesseract seconds.  Both are kept in ``.cache/backissues/``:

- ``text/<key>.json``: every page's text (as read: it is normalised for search when
  used) and the outline of one PDF, keyed by the file's SHA-256 (and PDFium's build), so
  an unchanged back issue is never read again;
- ``ocr/<page>/<versions>.txt``: what OCR read on one scanned page, keyed by what the
  page shows (``extract.page_key``) and the OCR programs' versions, so a page is
  recognised once even if its PDF is saved again, re-ordered or merged with others (and
  again after Tesseract is upgraded; where it is not installed, any version's reading is
  used).

A PDF some of whose scanned pages could not be read (Tesseract not installed, OCR
failing) is not kept whole: the next build tries those pages again.  A missing or damaged
entry is simply made again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from express.atomic import write_atomic
from express.backcatalogue import ocr
from express.backcatalogue.extract import OutlineEntry, page_key, page_layer, read_layer
from express.backcatalogue.normalise import normalise

FORMAT = 1


@dataclass(frozen=True)
class PageText:
    number: int  # 1-based
    text: str  # normalised for search (see normalise.py)
    ocr: bool = False  # read from a picture by OCR (may hold misread words)


@dataclass
class BackText:
    pages: list[PageText]
    outline: list[OutlineEntry]
    unread: list[int] = field(default_factory=list)  # pictures of pages OCR did not read
    install: str = ""  # why not: what to install for OCR …
    failure: str = ""  # … or what OCR said when it failed

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.ocr]


def _sha(value: object) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()


def _pdfium() -> str:
    from express.pdfpages import version

    return version()


class TextCache:
    """Back issues' text, kept under ``folder`` (None keeps nothing)."""

    def __init__(self, folder: Path | None, cores: int = 1) -> None:
        self.folder, self.cores = folder, cores

    def read(self, pdf: Path) -> BackText:
        """The text of every page of ``pdf``, OCR'd where a page has no text layer."""
        with open(pdf, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
        entry = self._path("text", _sha([FORMAT, digest, _pdfium()]), ".json")
        kept = self._load(entry)
        if kept is not None:
            return kept
        layer = read_layer(pdf)
        blank = [n for n, text in enumerate(layer.pages, 1) if not normalise(text)]
        read, unread, install, failure = self._ocr(pdf, blank)
        raw = [read.get(n, text) for n, text in enumerate(layer.pages, 1)]
        if not unread:
            self._store(entry, raw, sorted(read), layer.outline)
        found = _text(raw, sorted(read), layer.outline)
        found.unread, found.install, found.failure = unread, install, failure
        return found

    def page(self, pdf: Path, number: int) -> BackText:
        """The text of page ``number`` alone (OCR'd if need be), as a one-page BackText."""
        raw = page_layer(pdf, number - 1)
        read, unread, install, failure = self._ocr(pdf, [] if normalise(raw) else [number])
        found = _text([read.get(number, raw)], [1] if read else [], [])
        found.pages = [PageText(number, p.text, p.ocr) for p in found.pages]
        found.unread, found.install, found.failure = unread, install, failure
        return found

    def _ocr(self, pdf: Path, pages: list[int]) -> tuple[dict[int, str], list[int], str, str]:
        """(text by page, pages not read, what to install, OCR's failure) for the pictures
        of pages ``pages``."""
        read: dict[int, str] = {}
        if not pages:
            return read, [], "", ""
        installed = ocr.tesseract_version() is not None
        versions = _sha([FORMAT, ocr.ocrmypdf_version(), ocr.tesseract_version(),
                         ocr.LANGUAGES])
        keys = {n: self._path("ocr", f"{page_key(pdf, n - 1)}/{versions}", ".txt")
                for n in pages}
        for n, path in keys.items():
            if path is None:
                continue
            # without Tesseract, what any version read is better than nothing
            for found in [path] if installed else sorted(path.parent.glob("*.txt")):
                with contextlib.suppress(OSError, UnicodeDecodeError):
                    read[n] = found.read_text(encoding="utf-8")
                    break
        todo = [n for n in pages if n not in read]
        if not todo:
            return read, [], "", ""
        if need := ocr.missing():
            return read, todo, need, ""
        try:
            found = ocr.recognise(pdf, todo, self.cores)
        except ocr.OcrFailed as exc:
            return read, todo, "", str(exc) or "OCR failed"
        for n, text in found.items():
            read[n] = text
            if (path := keys[n]) is not None:
                with contextlib.suppress(OSError):
                    write_atomic(path, text.encode())
        unread = [n for n in todo if n not in found]
        return read, unread, "", "OCRmyPDF returned no text" if unread else ""

    def _path(self, kind: str, key: str, suffix: str) -> Path | None:
        return self.folder / kind / f"{key}{suffix}" if self.folder is not None else None

    @staticmethod
    def _load(entry: Path | None) -> BackText | None:
        if entry is None:
            return None
        try:
            data = json.loads(entry.read_bytes())
            return _text([str(t) for t in data["pages"]], [int(n) for n in data["ocr"]],
                         [OutlineEntry(str(t), int(p)) for t, p in data["outline"]])
        except (OSError, ValueError, TypeError, KeyError):
            return None

    @staticmethod
    def _store(entry: Path | None, raw: list[str], ocr_pages: list[int],
               outline: list[OutlineEntry]) -> None:
        if entry is None:
            return
        data = {"pages": raw, "ocr": ocr_pages, "outline": [[o.title, o.page] for o in outline]}
        with contextlib.suppress(OSError):
            write_atomic(entry, json.dumps(data, ensure_ascii=False).encode())


def _text(raw: list[str], ocr_pages: list[int], outline: list[OutlineEntry]) -> BackText:
    """Pages as found (raw text; OCR's on ``ocr_pages``) made ready for search."""
    return BackText([PageText(n, normalise(t), n in ocr_pages) for n, t in enumerate(raw, 1)],
                    outline)
