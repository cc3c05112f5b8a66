"""The message catalogue: every sentence the tool says to an editor, in Japanese and English.

Messages live in ``ja.yaml`` and ``en.yaml`` beside this file, keyed by a stable code.  The
language follows the locale: Japanese where ``LANG``/``LC_ALL``/``LC_MESSAGES`` starts
with ``ja``, English otherwise.
"""

from __future__ import annotations

import os
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
    with open(_HERE / f"{lang}.yaml", encoding="utf-8") as f:
        return safe_load(f)


def message(code: str, lang: str | None = None, **args: Any) -> str:
    """The text for ``code`` in ``lang`` (default: the locale's), with ``args`` filled in."""
    lang = lang or current_language()
    template = catalogue(lang).get(code) or catalogue("en").get(code) or code
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return template
