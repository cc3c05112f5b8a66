"""The one fix to ReportLab's text layer: ToUnicode entries beyond U+FFFF.

ReportLab's ``makeToUnicodeCMap`` writes each subset code's Unicode value as ``<%04X>``, so
𠮷 (U+20BB7) becomes ``<20BB7>``: five hex digits, which PDF readers take as garbage.  A
ToUnicode CMap's destination is UTF-16BE, so characters beyond the BMP must be written as
a surrogate pair, ``<D842DFB7>``.  :func:`fix_bfchar` rewrites those entries of a CMap's
text; :func:`install` wraps ReportLab's function with it (idempotent, done once per process
by :class:`express.pdf.paint.fonts.FontSet`).
"""

from __future__ import annotations

import re

_ENTRY = re.compile(r"^<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>$", re.MULTILINE)


def utf16_hex(code: int) -> str:
    """``code`` as the UTF-16BE hex a CMap destination wants (a surrogate pair past U+FFFF)."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    high, low = _surrogates(code)
    return f"{high:04X}{low:04X}"


def _surrogates(code: int) -> tuple[int, int]:
    v = code - 0x10000
    return 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)


def fix_bfchar(cmap: str) -> str:
    """Rewrite bfchar entries whose destination lies beyond U+FFFF as surrogate pairs."""
    return _ENTRY.sub(lambda m: f"<{m.group(1)}> <{utf16_hex(int(m.group(2), 16))}>", cmap)


def install() -> None:
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_express_fixed", False):
        return

    def make_to_unicode_cmap(fontname, subset):
        return fix_bfchar(original(fontname, subset))

    make_to_unicode_cmap._express_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
