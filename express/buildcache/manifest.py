"""What each output was made from: its key, its digest, and the diagnostics making it gave.

The diagnostics are kept so a build that reuses an output still shows its warnings (a
character no font has, for one).  Their file paths are stored absolute and shown relative
to the working directory of the build that shows them, as the loader shows paths.

The manifest is written atomically, and only after a build succeeded; a missing, damaged or
foreign manifest reads as empty, so the next build simply makes everything.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from express.atomic import write_atomic
from express.diagnostics import Diagnostic, Diagnostics, Severity
from express.model.source import Pos

FORMAT = 1


@dataclass
class Entry:
    key: str
    digest: str = ""  # the output file's SHA-256 (a PDF); "" for the site folder
    diags: list[dict] = field(default_factory=list)
    pages: int = 0  # a PDF's pages (the build says them when it keeps the PDF)

    def diagnostics(self) -> Diagnostics:
        from express.load import shown_path

        out = Diagnostics()
        for d in self.diags:
            pos = Pos(shown_path(Path(d["pos"][0])), *d["pos"][1:]) if d["pos"] else None
            out.append(Diagnostic(Severity(d["severity"]), pos, d["code"], d["args"]))
        return out


def entry(key: str, digest: str, diags: Diagnostics, pages: int = 0) -> Entry:
    """An entry for an output made from ``key`` (its diagnostics made storable)."""
    stored = [{"severity": d.severity.value,
               "pos": [os.path.abspath(d.pos.path), d.pos.line, d.pos.col] if d.pos else None,
               "code": d.code,
               "args": json.loads(json.dumps(d.args, default=str))} for d in diags]
    return Entry(key, digest, stored, pages)


@dataclass
class Manifest:
    pdfs: dict[str, Entry] = field(default_factory=dict)  # issue id → its PDF
    site: Entry | None = None
    prints: dict[str, Entry] = field(default_factory=dict)  # issue id → its print edition

    @classmethod
    def load(cls, path: Path) -> Manifest:
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT:
                return cls()
            pdfs = {str(k): _entry(v) for k, v in data["pdfs"].items()}
            site = _entry(data["site"]) if data.get("site") else None
            prints = {str(k): _entry(v) for k, v in data.get("prints", {}).items()}
            for e in [*pdfs.values(), *prints.values(), *([site] if site else [])]:
                e.diagnostics()  # every stored diagnostic must read back
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return cls()
        return cls(pdfs, site, prints)

    def save(self, path: Path) -> None:
        data = {"format": FORMAT,
                "pdfs": {k: vars(e) for k, e in sorted(self.pdfs.items())},
                "site": vars(self.site) if self.site else None,
                "prints": {k: vars(e) for k, e in sorted(self.prints.items())}}
        with contextlib.suppress(OSError):  # a cache that cannot be written is not used
            write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode())


def _entry(value: dict) -> Entry:
    if not isinstance(value["key"], str) or not isinstance(value["digest"], str) \
            or not isinstance(value["diags"], list) \
            or not all(isinstance(d["args"], dict) for d in value["diags"]):
        raise TypeError("bad entry")
    pages = value.get("pages", 0)
    if not isinstance(pages, int) or isinstance(pages, bool):
        raise TypeError("bad entry")
    return Entry(value["key"], value["digest"], value["diags"], pages)
