"""ReportLab loaded without what a build does not use: HarfBuzz never, Pillow until a
picture needs it.

ReportLab's TrueType module imports ``uharfbuzz`` (installed here for OCRmyPDF) only to
offer text shaping, which it does when asked (``drawString(..., shaping=True)``, a
Paragraph style's ``shaping``) and never otherwise; express composes every line itself
(express/jtext) and writes its glyphs directly (express/pdf/paint/text.py).  Loading the
compiled HarfBuzz was ~9 ms of every process that typesets.

ReportLab's utils module imports ``PIL.Image`` (~7 ms) for the day it reads a picture;
express embeds a JPEG from its cache without Pillow (express/pdf/paint/images.py), so an
issue whose pictures are all cached JPEGs needs none.  That module gets a stand-in that
imports the real ``PIL.Image`` the first time something is asked of it.

:func:`install` puts a finder first on ``sys.meta_path`` that refuses ``uharfbuzz`` while
ReportLab's TrueType module runs (as if the package were not installed: ReportLab then
sets shaping off), and gives the PIL package the stand-in while ReportLab's utils module
runs; anything else imports both as usual.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.machinery import ModuleSpec, PathFinder

_SHAPER = "uharfbuzz"
_SHAPER_IMPORTER = "reportlab.pdfbase.ttfonts"
_PICTURES = "PIL.Image"
_PICTURES_IMPORTER = "reportlab.lib.utils"


class _Finder:
    """A ``sys.meta_path`` finder for the two imports above (it finds nothing itself)."""

    @staticmethod
    def find_spec(name: str, path=None, target=None) -> ModuleSpec | None:
        if name == _SHAPER and _initialising(_SHAPER_IMPORTER):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        if name == _PICTURES_IMPORTER and _PICTURES not in sys.modules:
            spec = PathFinder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _PicturesLater(spec.loader)
            return spec
        return None


def _initialising(module: str) -> bool:
    """Whether ``module`` is being imported now (it is in ``sys.modules``, not yet run
    to its end)."""
    found = sys.modules.get(module)
    spec = getattr(found, "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


class _Pictures(types.ModuleType):
    """``PIL.Image`` as ReportLab's utils module holds it: the real module, imported the
    first time something is asked of it."""

    def __getattr__(self, name: str):
        return getattr(importlib.import_module(_PICTURES), name)


class _PicturesLater:
    """The loader of ReportLab's utils module, running it with the PIL package's ``Image``
    a :class:`_Pictures` (what it imports as ``from PIL import Image``)."""

    def __init__(self, loader) -> None:
        self._loader = loader

    def __getattr__(self, name: str):
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec):
        return self._loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        import PIL

        stand_in = _Pictures(_PICTURES)
        if "Image" not in vars(PIL):
            PIL.Image = stand_in
        try:
            self._loader.exec_module(module)
        finally:
            if vars(PIL).get("Image") is stand_in:
                del PIL.Image


def install() -> None:
    """Load ReportLab so from now on in this process (once)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
