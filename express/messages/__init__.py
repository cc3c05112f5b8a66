"""The message catalogue: every sentence the tool says to an editor, in Japanese and English.

Messages live in ``ja.yaml`` and ``en.yaml`` beside this file, keyed by a stable code.  The
language follows the locale: Japanese where ``LANG``/``LC_ALL``/``LC_MESSAGES`` starts
with ``ja``, English otherwise.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from express.libyaml import safe_load

_HERE = Path(__file__).parent


def current_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The catalogue of ``lang``: code → text."""
    with open(_HERE / f"{lang}.yaml", encoding="utf-8") as f:
        return safe_load(f)


# What a terminal would act on rather than show: C0 and C1 controls (ESC clears the
# screen, CR overwrites the line), DEL, the bidirectional overrides and isolates that
# reorder what is shown, and lone surrogates (a file name's undecodable bytes), which
# cannot be printed at all.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as its escape
    (``\\x1b``, ``\\n``, ``\\u202e``), so what an editor wrote is shown, never run."""
    return _UNPRINTABLE.sub(
        lambda m: m[0].encode("unicode_escape", "backslashreplace").decode("ascii"), text)


def message(code: str, lang: str | None = None, **args: Any) -> str:
    """The text for ``code`` in ``lang`` (default: the locale's), with ``args`` filled in
    (text arguments made :func:`printable`: they are often what an editor wrote)."""
    lang = lang or current_language()
    template = catalogue(lang).get(code) or catalogue("en").get(code) or code
    args = {k: printable(v) if isinstance(v, str) else v for k, v in args.items()}
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template
