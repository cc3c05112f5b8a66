"""Comparing names as a reader would: spaces (half- or full-width) and character widths
do not make two names differ."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """「久保 真」, 「久保　真」 and 「久保真」 are one person; ＮＴＴ and NTT one company."""
    return "".join(unicodedata.normalize("NFKC", name).split())
