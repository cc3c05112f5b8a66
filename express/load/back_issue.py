"""Loading a back issue: ``issue.yaml`` with ``pdf:`` (a PDF made elsewhere) instead of
articles.

The PDF is checked as far as the archive needs it: inside the folder, a PDF, not damaged,
openable without a password; its page count bounds ``contents:``.  Keys that only an
issue typeset here has (``articles``, ``cover``, ``editorial``, ``template``) are refused
with what to keep, so an editor does not believe both are published.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from express.load.files import file_in_folder
from express.load.kinds import KINDS
from express.load.values import Reader, suggest
from express.model.back_issue import BackIssue, ContentsEntry
from express.model.issue import Cover, Issue

KEYS = {"number": True, "date": True, "season": False, "pdf": True, "headline": False,
        "contents": False}
TYPESET_ONLY = ("articles", "cover", "editorial", "template")  # keys of issues set here
CONTENTS_KEYS = {"title": True, "page": True, "kind": False}

# PDFium's error codes (FPDF_GetLastError) for a document it cannot open
PASSWORD_ERROR = 4
NO_SECURITY = -1  # FPDF_GetSecurityHandlerRevision of a document without encryption


def has_pdf_key(root: yaml.Node | None) -> bool:
    """Whether an issue.yaml's top mapping has ``pdf:``: the issue is a back issue."""
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value == "pdf" for k, _ in root.value)


def load_back_issue(r: Reader, root: yaml.Node, folder: Path) -> Issue | None:
    """The back issue in ``root`` (issue.yaml's top mapping, which has ``pdf:``)."""
    refused = [(k, v) for k, v in root.value
               if isinstance(k, yaml.ScalarNode) and k.value in TYPESET_ONLY]
    for key, _value in refused:
        code = "backissue.articles_and_pdf" if key.value == "articles" \
            else "backissue.typeset_key"
        r.error(key, code, key=key.value)
    f = r.mapping(root, "issue", KEYS | dict.fromkeys(TYPESET_ONLY, False))
    if f is None:
        return None
    number = f.get("number", r.positive_int)
    date = f.get("date", r.date)
    season = f.get("season", r.text_value)
    headline = f.get("headline", r.text_value)
    pdf = f.get("pdf", lambda n, w: read_pdf(r, n, w))
    contents_node = f.child("contents")
    contents = r.items(contents_node, "contents", lambda n: _entry(r, n)) \
        if contents_node is not None else []
    if pdf is not None:
        _check_contents(r, contents, pdf.pages)
        pdf.contents = contents
    if f.missing_required or refused or number is None or date is None or pdf is None:
        return None
    cover = Cover(f.pos, headline=headline, where=f.where) if headline else None
    return Issue(f.pos, id=folder.name, folder=str(folder.resolve()), number=number,
                 date=date, articles=[], season=season, cover=cover, back=pdf,
                 where=f.where)


def read_pdf(r: Reader, node: yaml.Node, what: str) -> BackIssue | None:
    """The PDF ``node`` names: inside the folder, a PDF that opens without a password."""
    found = file_in_folder(r, node, what, "pdf")
    if found is None:
        return None
    ref, real, head = found
    if b"%PDF-" not in head:  # the header may follow up to 1 KB of junk, as readers allow
        r.error(node, "pdf.format", ref=ref)
        return None
    pages, problem = inspect_pdf(real)
    if problem == "password":
        r.error(node, "pdf.password", ref=ref)
        return None
    if problem == "damaged" or not pages:
        r.error(node, "pdf.damaged", ref=ref)
        return None
    if problem == "restricted":
        r.diags.warning(r.pos(node), "pdf.restricted", ref=ref)
    return BackIssue(r.pos(node), ref=ref, path=real, pages=pages)


def inspect_pdf(path: str) -> tuple[int, str]:
    """(pages, problem) of the PDF at ``path``: problem is "" (none), "password" (it
    cannot be opened without one), "damaged", or "restricted" (it opens, but its maker
    barred copying or printing)."""
    import pypdfium2 as pdfium

    from express.pdfpages import PDFIUM

    with PDFIUM:
        try:
            doc = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            return 0, "password" if getattr(exc, "err_code", None) == PASSWORD_ERROR \
                else "damaged"
        try:
            pages = len(doc)
            secured = pdfium.raw.FPDF_GetSecurityHandlerRevision(doc.raw) != NO_SECURITY
        finally:
            doc.close()
    return pages, "restricted" if secured else ""


def _entry(r: Reader, node: yaml.Node) -> ContentsEntry | None:
    f = r.mapping(node, "contents[]", CONTENTS_KEYS)
    if f is None or f.missing_required:
        return None
    title = f.get("title", r.text_value)
    page = f.get("page", r.positive_int)
    kind = f.get("kind", r.text_value)
    if kind is not None and kind not in KINDS:
        r.error(f.child("kind"), "backissue.unknown_kind", kind=kind,
                kinds=", ".join(KINDS), hint=suggest(kind, tuple(KINDS)))
        kind = None
    if title is None or page is None:
        return None
    return ContentsEntry(f.pos, title=title, page=page, kind=str(kind) if kind else None,
                         where=f.where)


def _check_contents(r: Reader, contents: list[ContentsEntry], pages: int) -> None:
    """Each entry's page lies in the PDF, and entries follow the pages in order."""
    previous = 0
    for entry in contents:
        if entry.page > pages:
            r.diags.error(entry.at("page"), "backissue.page_beyond", page=entry.page,
                          pages=pages)
        elif entry.page < previous:
            r.diags.error(entry.at("page"), "backissue.contents_order", page=entry.page,
                          previous=previous)
        previous = max(previous, entry.page)
