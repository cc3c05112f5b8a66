"""The build cache: what each output was made from, so an unchanged output is not made again.

Every output (an issue's PDF, the site) gets a key, a SHA-256 over the content of all its
inputs and the tool's version (``keys.py``).  ``manifest.py`` keeps, per output, the key it
was made from; ``hashes.py`` remembers file digests by their size and times, so a build
where nothing changed reads no file twice.  All of it lives in ``.cache/build/``; losing or
damaging it only costs a full build.
"""

from __future__ import annotations

from pathlib import Path


def cache_dir(project_root: Path) -> Path:
    return project_root / ".cache" / "build"
