"""ReportLab loaded without HarfBuzz, which express never asks it to shape with.

ReportLab's TrueType module imports ``uharfbuzz`` (installed here for OCRmyPDF) only to
offer text shaping, which it does when asked (``drawString(..., shaping=True)``, a
Paragraph style's ``shaping``) and never otherwise; express composes every line itself
(express/jtext) and writes its glyphs directly (express/pdf/paint/text.py).  Loading the
compiled HarfBuzz was ~17 ms of every process that typesets.  :func:`install` puts a finder
first on ``sys.meta_path`` that refuses that one import, while ReportLab's module runs, as
if the package were not installed (ReportLab then sets shaping off); anything else in the
process imports ``uharfbuzz`` as usual.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec

_IMPORTER = "reportlab.pdfbase.ttfonts"
_REFUSED = "uharfbuzz"


class _NoShapingForReportLab:
    """A ``sys.meta_path`` finder: ``uharfbuzz`` is not found while ReportLab's TrueType
    module is being imported."""

    @staticmethod
    def find_spec(name: str, path=None, target=None) -> ModuleSpec | None:
        if name == _REFUSED and _initialising(_IMPORTER):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _initialising(module: str) -> bool:
    """Whether ``module`` is being imported now (it is in ``sys.modules``, not yet run
    to its end)."""
    found = sys.modules.get(module)
    spec = getattr(found, "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


def install() -> None:
    """Refuse ``uharfbuzz`` to ReportLab from now on in this process (once)."""
    if not any(isinstance(f, _NoShapingForReportLab) for f in sys.meta_path):
        sys.meta_path.insert(0, _NoShapingForReportLab())
