"""Pictures the site derives from its sources (cover thumbnails, downscaled photos), kept
between builds.

Making them is most of the site's cost (decoding, resampling and encoding about five
pictures per issue), yet they change only when their source does.  Each is keyed by the
SHA-256 of its source file and its recipe (sizes, format, the libraries' versions); a hit
copies the stored files into the site.  They live in ``.cache/site/``; a missing or
damaged entry is simply made again.  Once a site is written, the entries it did not use
(pictures replaced or removed since, a killed run's half-stored ones) are removed, so the
cache holds what one site needs and no more.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

from PIL import Image as PILImage

from express.atomic import fresh_dir
from express.site.media import Picture

# 2: a PNG with an EXIF orientation is turned upright, not copied as stored; 16-bit grey
# scaled to 8 bits, not clipped white
FORMAT = 2
META = "pictures.json"


class DerivedFiles:
    """Files made from one source file by a recipe; ``folder=None`` keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, source: Path, recipe: list, site: Path, paths: list[str],
            make: Callable[[], list[Picture]]) -> list[Picture]:
        """The pictures ``make()`` writes at ``paths`` in ``site``, from the cache if there."""
        if self.folder is None:
            return make()
        with open(source, "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()
        key = hashlib.sha256(json.dumps([FORMAT, digest, recipe, PILImage.__version__])
                             .encode()).hexdigest()
        entry = self.folder / key
        self.used.add(key)
        with contextlib.suppress(OSError, ValueError, TypeError):
            sizes = json.loads((entry / META).read_bytes())
            if len(sizes) == len(paths):
                pictures = [Picture(path, int(w), int(h))
                            for path, (w, h) in zip(paths, sizes, strict=True)]
                for i, path in enumerate(paths):
                    (site / path).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(entry / str(i), site / path)
                return pictures
        pictures = make()
        self._store(entry, site, pictures)
        return pictures

    def _store(self, entry: Path, site: Path, pictures: list[Picture]) -> None:
        """Keep the made files under ``entry``, whole or not at all."""
        with contextlib.suppress(OSError):
            staged = fresh_dir(self.folder, ".new-")
            try:
                for i, p in enumerate(pictures):
                    shutil.copyfile(site / p.path, staged / str(i))
                (staged / META).write_text(json.dumps([[p.width, p.height] for p in pictures]))
                if entry.exists():  # damaged (or just made by another thread)
                    shutil.rmtree(entry, ignore_errors=True)
                os.replace(staged, entry)
            finally:
                shutil.rmtree(staged, ignore_errors=True)

    def prune(self) -> None:
        """Remove every entry not used since this object was made (see the docstring)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in os.scandir(self.folder):
            if entry.name not in self.used:
                shutil.rmtree(entry.path, ignore_errors=True)
