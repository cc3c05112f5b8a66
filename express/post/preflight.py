"""Pre-flight of the print edition, read back from the PDF as a printer's check would.

* colour: no RGB anywhere — no ``rg``/``RG`` operator, no RGB colour space set or used by
  an image, in page contents and in the forms they draw;
* fonts: every font embedded (a font file in its descriptor);
* annotations: none on a page (PDF/X allows none inside the bleed box);
* text in the safe area: no character between the bleed's edge and ``safe`` inside the trim
  (the cutter's tolerance), except the folio line, which a template may set near the foot
  by design.

Each finding is named with its page; unsafe text also with the YAML position it was
written at, when it can be found among the issue's and the publication's texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pikepdf

from express.model.source import Pos
from express.model.walk import pieces

_RGB_SPACES = {"/DeviceRGB", "/CalRGB"}
_COLOUR_OPS = {"rg", "RG"}
_SPACE_OPS = {"cs", "CS"}


@dataclass(frozen=True)
class Finding:
    page: int  # 0-based physical page
    code: str  # a message code: print.rgb, print.font_not_embedded, print.annotation
    what: str


def _is_rgb(space, resources) -> bool:
    """Whether colour space ``space`` (a name or an array, maybe a resource name) is RGB."""
    if isinstance(space, pikepdf.Name):
        name = str(space)
        if name in _RGB_SPACES:
            return True
        named = resources.get("/ColorSpace", {}).get(name) if resources is not None else None
        return named is not None and _is_rgb(named, None)
    if isinstance(space, pikepdf.Array) and len(space):
        family = str(space[0])
        if family in _RGB_SPACES:
            return True
        if family == "/ICCBased":
            return int(space[1].get("/N", 0)) == 3
        if family == "/Indexed":
            return _is_rgb(space[1], resources)
    return False


def _contents(page: pikepdf.Page) -> Iterator[tuple[pikepdf.Object, pikepdf.Object]]:
    """(content-stream holder, its resources) of ``page`` and of every form it draws."""
    seen: set = set()
    stack = [(page.obj, page.obj.get("/Resources"))]
    while stack:
        holder, resources = stack.pop()
        yield holder, resources
        for xobj in (resources.get("/XObject", {}) if resources is not None else {}).values():
            if xobj.get("/Subtype") == "/Form" and xobj.objgen not in seen:
                seen.add(xobj.objgen)
                stack.append((xobj, xobj.get("/Resources", resources)))


def colour_and_fonts(pdf: pikepdf.Pdf) -> list[Finding]:
    """RGB, unembedded fonts and annotations in ``pdf``."""
    found: list[Finding] = []
    fonts_seen: set = set()
    for index, page in enumerate(pdf.pages):
        if page.obj.get("/Annots"):
            found.append(Finding(index, "print.annotation", str(len(page.obj.Annots))))
        for holder, resources in _contents(page):
            target = page if holder is page.obj else holder
            # only these operators become Python objects (a page has thousands of others)
            for operands, op in pikepdf.parse_content_stream(target, "rg RG cs CS"):
                name = str(op)
                if name in _COLOUR_OPS:
                    found.append(Finding(index, "print.rgb", f"{name} {_numbers(operands)}"))
                elif name in _SPACE_OPS and _is_rgb(operands[0], resources):
                    found.append(Finding(index, "print.rgb", f"{operands[0]} {name}"))
            if resources is None:
                continue
            for key, xobj in resources.get("/XObject", {}).items():
                if xobj.get("/Subtype") == "/Image" and _is_rgb(xobj.get("/ColorSpace"),
                                                                 resources):
                    found.append(Finding(index, "print.rgb", f"image {key}"))
            for font in resources.get("/Font", {}).values():
                if font.objgen in fonts_seen:
                    continue
                fonts_seen.add(font.objgen)
                if not _embedded(font):
                    found.append(Finding(index, "print.font_not_embedded",
                                         str(font.get("/BaseFont", "?"))[1:]))
    return found


def _numbers(operands) -> str:
    return " ".join(f"{float(v):g}" for v in operands)


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn by its own content
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(k in descriptor for k in
                                          ("/FontFile", "/FontFile2", "/FontFile3"))


@dataclass(frozen=True)
class UnsafeText:
    page: int  # 0-based physical page
    text: str
    distance: float  # from the trim, pt (negative: outside it)


def unsafe_text(data: bytes, trim: tuple[float, float, float, float], bleed: float,
                safe: float, exempt: tuple[float, float]) -> list[UnsafeText]:
    """Text between the bleed's edge and ``safe`` inside ``trim`` (x0, y0, x1, y1 in the
    page's coordinates) on each page, but none in the band ``exempt`` (y from, y to: the
    folio line); each run of such characters on a page is one finding."""
    import pypdfium2 as pdfium

    x0, y0, x1, y1 = trim
    doc = pdfium.PdfDocument(data)
    found: list[UnsafeText] = []
    try:
        for index in range(len(doc)):
            textpage = doc[index].get_textpage()
            strips = ((x0 - bleed, y0 - bleed, x1 + bleed, y0 + safe),  # foot
                      (x0 - bleed, y1 - safe, x1 + bleed, y1 + bleed),  # head
                      (x0 - bleed, y0 - bleed, x0 + safe, y1 + bleed),  # left
                      (x1 - safe, y0 - bleed, x1 + bleed, y1 + bleed))  # right
            if not any(textpage.get_text_bounded(*s).strip() for s in strips):
                continue
            run, nearest = [], safe
            for i in range(textpage.count_chars()):
                left, bottom, right, top = textpage.get_charbox(i)
                if right <= left:  # a space or a line break: no ink
                    continue
                d = min(left - x0, bottom - y0, x1 - right, y1 - top)
                middle = (bottom + top) / 2
                inside_bleed = left >= x0 - bleed and right <= x1 + bleed \
                    and bottom >= y0 - bleed and top <= y1 + bleed
                if d < safe and inside_bleed and not exempt[0] <= middle - y0 <= exempt[1]:
                    run.append(textpage.get_text_range(i, 1))
                    nearest = min(nearest, d)
                elif run:
                    found.append(UnsafeText(index, "".join(run), nearest))
                    run, nearest = [], safe
            if run:
                found.append(UnsafeText(index, "".join(run), nearest))
    finally:
        doc.close()
    return found


def locate(text: str, *sources: object) -> Pos | None:
    """Where ``text`` (as printed: maybe a part of what was written) was written among the
    texts of ``sources``: a text that is all of it first, else one it is part of."""
    wanted = re.sub(r"\s+", "", text)
    if not wanted:
        return None
    pattern = re.compile(r"\s*".join(map(re.escape, wanted)))  # spaces as printed or not
    every = [piece for source in sources for piece in pieces(source)]
    for whole in (True, False):
        for piece in every:
            found = pattern.fullmatch(piece.text.strip()) if whole \
                else pattern.search(piece.text)
            if found:
                return piece.locate(found.start() + (len(piece.text) - len(
                    piece.text.lstrip()) if whole else 0))
    return None
