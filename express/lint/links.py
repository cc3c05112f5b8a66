"""Web and e-mail addresses that a reader could not use: ``htps://``, ``http//``,
``https:/x``, ｈｔｔｐ：／／ in full-width, ``info@jaipa`` without a domain, two @.

Addresses in running text, in ``url``/``email`` values and in link targets are read.  A
bare ``www.example.jp`` without a scheme is accepted (readers type it as it is).  Values
the loader already rejects never reach here, so nothing is reported twice.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from express.diagnostics import Diagnostics
from express.model.issue import Issue
from express.model.walk import pieces

_SCHEMES = ("http", "https")
_FULL = "Ａ-Ｚａ-ｚ０-９"
# A scheme-like word, its colon and slashes (half- or full-width), then the rest.
_URL = re.compile(
    rf"(?<![A-Za-z{_FULL}])(?P<scheme>[A-Za-z{_FULL}]{{2,8}})(?P<colon>[:：]?)"
    rf"(?P<slashes>[/／]{{1,3}})(?P<rest>[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%{_FULL}／．＿＠]*)"
)
_HOST = re.compile(r"^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?$")
_EMAIL = re.compile(rf"(?<![A-Za-z0-9._%+\-{_FULL}．＿])[A-Za-z0-9._%+\-{_FULL}．＿]+"
                    rf"(?:[@＠][A-Za-z0-9.\-{_FULL}．]*)+")
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_LOCAL = re.compile(r"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*$")


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds something written as a web or e-mail address."""
    urls = [m.span() for m in _URL.finditer(text) if m["colon"] or len(m["slashes"]) > 1]
    return urls + [m.span() for m in _EMAIL.finditer(text)]


def malformed_addresses(issue: Issue, diags: Diagnostics) -> None:
    for piece in pieces(issue, hrefs=True):
        text = piece.text
        if not any(c in text for c in "/／@＠"):
            continue
        taken: list[tuple[int, int]] = []
        for m in _URL.finditer(text):
            if not m["colon"] and len(m["slashes"]) < 2:
                continue  # TCP/IP, and/or
            taken.append(m.span())
            url = m.group(0).rstrip(".,")
            fix = _url_fix(m, url)
            if fix is not None:
                diags.warning(piece.locate(m.start()), "lint.bad_url", url=url, hint=fix)
        for m in _EMAIL.finditer(text):
            if any(lo <= m.start() < hi for lo, hi in taken):
                continue
            address = m.group(0).rstrip(".")
            fix = _email_fix(address)
            if fix is not None:
                diags.warning(piece.locate(m.start()), "lint.bad_email", address=address,
                              hint=fix)


def _url_fix(m: re.Match[str], url: str) -> str | None:
    """None for a good address; else the corrected address, or "" when none is clear."""
    scheme = unicodedata.normalize("NFKC", m["scheme"]).lower()
    if m["scheme"].lower() in _SCHEMES:
        scheme = m["scheme"]  # HTTPS:// is an unusual but working way to write it
    elif scheme not in _SCHEMES:
        close = difflib.get_close_matches(scheme, _SCHEMES, n=1, cutoff=0.6)
        if not close:
            return None  # another scheme (ftp://, git://) or not an address at all
        scheme = close[0]
    rest = unicodedata.normalize("NFKC", url[m.start("rest") - m.start():])
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1]
    good_host = bool(_HOST.match(host))
    fix = f"{scheme}://{rest}"
    if not good_host:
        return ""
    return None if fix == url else fix


def _email_fix(address: str) -> str | None:
    """None for a good address; else the corrected address, or "" when none is clear."""
    plain = unicodedata.normalize("NFKC", address)
    local, _, domain = plain.partition("@")
    if "@" in domain or not _LOCAL.match(local) or not _DOMAIN.match(domain):
        return ""
    return None if plain == address else plain
