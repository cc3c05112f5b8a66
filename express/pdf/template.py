"""Reading a PDF layout template (``templates/pdf/<name>.yaml``).

Page size, margins, the text grid, fonts, sizes, colours and per-kind styles are data in the
template; Python only reads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def load_template(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def font_candidates(path: Path) -> dict[str, list[str]]:
    """Role → candidate font file names, as the template lists them."""
    return {role: list(names) for role, names in load_template(path)["fonts"].items()}
