"""Finding the font file for each role, in a documented order.

1. ``fonts/<role>.ttf`` in the project (e.g. ``fonts/mincho.ttf``): the publisher's override.
2. The template's candidate file names for the role, looked up in the project's ``fonts/``,
   the folders in ``EXPRESS_FONT_PATH``, the provisioned ``.cache/fonts`` and the system's
   font folders, in that order.

Only TrueType-outline fonts (``glyf``) are accepted: ReportLab cannot embed CFF outlines.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SYSTEM_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
    "C:/Windows/Fonts",
)
FONT_SUFFIXES = (".ttf", ".ttc", ".otf")


@dataclass(frozen=True)
class FontChoice:
    role: str
    path: Path
    why: str


@dataclass(frozen=True)
class FontProblem:
    role: str
    reason: str


def search_dirs(project: Path) -> list[Path]:
    dirs = [project / "fonts"]
    dirs += [Path(p) for p in os.environ.get("EXPRESS_FONT_PATH", "").split(os.pathsep) if p]
    dirs.append(project / ".cache" / "fonts")
    dirs += [Path(os.path.expanduser(d)) for d in SYSTEM_DIRS]
    return dirs


@cache
def _index(folder: Path) -> dict[str, Path]:
    """File name → path for every font file under ``folder`` (searched once per run)."""
    found: dict[str, Path] = {}
    if folder.is_dir():
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                if name.lower().endswith(FONT_SUFFIXES):
                    found.setdefault(name, Path(root) / name)
    return found


def forget() -> None:
    """Look at the font folders afresh (after fonts were added or removed, e.g. by
    ``express fonts --provision`` or while ``express serve`` runs)."""
    _index.cache_clear()


def outline_problem(path: Path) -> str | None:
    """Why ``path`` cannot be embedded, or None when it can.

    Reads the sfnt table directory itself (a few bytes) rather than opening the font with
    a font library, which costs more than the rest of ``express fonts``.  Remembered per file
    version (size and modification time), so a replaced file is read again.
    """
    try:
        st = path.stat()
    except OSError as exc:
        return f"not readable ({exc.strerror or exc})"
    return _outline_problem(path, st.st_size, st.st_mtime_ns)


@cache
def _outline_problem(path: Path, _size: int, _mtime_ns: int) -> str | None:
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if head[:4] == b"ttcf":  # a collection: look at its first font
                f.seek(int.from_bytes(f.read(4), "big"))
                head = f.read(12)
            if len(head) < 12 or head[:4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
                return "not a TrueType/OpenType font file"
            count = int.from_bytes(head[4:6], "big")
            tags = {f.read(16)[:4] for _ in range(count)}
    except OSError as exc:
        return f"not readable ({exc.strerror or exc})"
    if b"glyf" not in tags:
        return "CFF outlines (ReportLab embeds TrueType outlines only)"
    return None


def find_fonts(project: Path, candidates: Mapping[str, Sequence[str]]
               ) -> tuple[dict[str, FontChoice], list[FontProblem]]:
    """The file for each role in ``candidates`` (role → file names in preference order)."""
    chosen: dict[str, FontChoice] = {}
    problems: list[FontProblem] = []
    dirs = search_dirs(project)
    for role, names in candidates.items():
        override = next((project / "fonts" / f"{role}{s}" for s in (".ttf", ".ttc")
                         if (project / "fonts" / f"{role}{s}").is_file()), None)
        if override is not None:
            problem = outline_problem(override)
            if problem is None:
                chosen[role] = FontChoice(role, override, "publisher's override in fonts/")
                continue
            problems.append(FontProblem(role, f"{override}: {problem}"))
        for name in names:
            hit = next(((d, _index(d)[name]) for d in dirs if name in _index(d)), None)
            if hit is None:
                continue
            folder, path = hit
            problem = outline_problem(path)
            if problem is not None:
                problems.append(FontProblem(role, f"{path}: {problem}"))
                continue
            chosen[role] = FontChoice(role, path, f"template candidate {name!r} in {folder}")
            break
        else:
            if role not in chosen:
                problems.append(FontProblem(role, "none of " + ", ".join(names) + " was found"))
    return chosen, problems
