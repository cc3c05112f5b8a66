"""The few ReportLab platypus names the renderer uses, imported without paragraph.py.

Importing any ``reportlab.platypus`` module first runs the package's ``__init__``, which
imports every platypus module: ``paragraph`` alone compiles regular expressions for ~50 ms
and, with ``paraparser``, ``textsplit`` and ``tables``, costs ~70 ms of every build, yet the
renderer never sets a ReportLab Paragraph (express.jtext composes all text).  The one use
left is ``doctemplate``'s ``from reportlab.platypus.paragraph import Paragraph``, for its
demo function.

So the package module is created without running its ``__init__`` (its submodules load
from its ``__path__`` as usual), ``flowables``, ``frames`` and ``doctemplate`` are imported
with a stand-in for ``Paragraph``, and the package is completed, ``__init__`` and all, the
first time anything asks it for a name it does not have yet (``from reportlab.platypus
import Paragraph`` elsewhere in the process works as before).  If ReportLab was imported
already, or anything here fails, the package is simply imported the ordinary way.
"""

from __future__ import annotations

import importlib.util
import sys
import types

_PACKAGE = "reportlab.platypus"
_PARAGRAPH = "reportlab.platypus.paragraph"
_WANTED = ("flowables", "frames", "doctemplate")


def _paragraph(*args, **kwargs):
    """doctemplate's ``Paragraph`` until the package is completed: the real one."""
    from reportlab.platypus.paragraph import Paragraph

    return Paragraph(*args, **kwargs)


def _install_lazy_package() -> bool:
    if _PACKAGE in sys.modules:
        return False
    import reportlab

    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return False
    package = importlib.util.module_from_spec(spec)
    completed = False

    def complete() -> None:
        """Run the package's ``__init__`` (it imports the rest of platypus)."""
        nonlocal completed
        if completed:
            return
        completed = True
        package.__dict__.pop("__getattr__", None)
        from reportlab.platypus import doctemplate, paragraph

        doctemplate.Paragraph = paragraph.Paragraph
        spec.loader.exec_module(package)

    def __getattr__(name: str):
        complete()
        return getattr(package, name)

    package.__getattr__ = __getattr__
    added = [_PACKAGE]
    sys.modules[_PACKAGE] = package
    reportlab.platypus = package
    stand_in = types.ModuleType(_PARAGRAPH)
    stand_in.Paragraph = _paragraph
    sys.modules[_PARAGRAPH] = stand_in
    try:
        for name in _WANTED:
            importlib.import_module(f"{_PACKAGE}.{name}")
            added.append(f"{_PACKAGE}.{name}")
    except Exception:
        for name in added:
            sys.modules.pop(name, None)
        if getattr(reportlab, "platypus", None) is package:
            del reportlab.platypus
        return False
    finally:
        if sys.modules.get(_PARAGRAPH) is stand_in:
            del sys.modules[_PARAGRAPH]
    return True


_install_lazy_package()

from reportlab.platypus.doctemplate import (  # noqa: E402
    ActionFlowable,
    BaseDocTemplate,
    FrameBreak,
    LayoutError,
    NextPageTemplate,
    PageTemplate,
)
from reportlab.platypus.flowables import Flowable, PageBreakIfNotEmpty  # noqa: E402
from reportlab.platypus.frames import Frame  # noqa: E402

__all__ = [
    "ActionFlowable",
    "BaseDocTemplate",
    "Flowable",
    "Frame",
    "FrameBreak",
    "LayoutError",
    "NextPageTemplate",
    "PageBreakIfNotEmpty",
    "PageTemplate",
]
