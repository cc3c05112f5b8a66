"""Output profiles for the print edition: which ICC file describes the printing condition.

The print edition's photos are converted to CMYK through this profile and it is embedded as
the PDF/X output intent.  Which one, in order:

1. the printer's, named by ``print_profile:`` in ``issues/publication.yaml`` (e.g. the
   Japan Color 2011 Coated profile the printing company supplies);
2. else the one the layout template names (``print.profile``), by default
   ``FOGRA39L_coated.icc``, which ``make`` provisions (express/profiles/provision.py).

A name is looked up in the project's ``profiles/`` folder, the folders in
``$EXPRESS_PROFILE_PATH``, ``.cache/profiles`` (the provisioned default), then the system's
colour folders.  Profile files are never committed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_PROFILE = "FOGRA39L_coated.icc"
SYSTEM_DIRS = ("/usr/share/color/icc", "/usr/local/share/color/icc", "~/.local/share/icc",
               "~/.color/icc", "/Library/ColorSync/Profiles",
               "C:/Windows/System32/spool/drivers/color")
CUSTOM_CONDITION = "Custom"  # PDF/X: a printing condition not in the ICC registry


class ProfileError(Exception):
    """A profile that cannot be used: not found, unreadable, or not a CMYK output one."""


@dataclass(frozen=True)
class OutputProfile:
    path: Path
    data: bytes
    description: str  # the profile's own name ("Coated FOGRA39 …", "Japan Color 2011 Coated")
    condition: str  # OutputConditionIdentifier: the registry's name, or "Custom"
    why: str  # where it was found and who named it

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def compressed(self) -> bytes:
        """The profile Flate-compressed, to embed (made once per profile and process)."""
        return _compressed(self.data)


@functools.cache
def _compressed(data: bytes) -> bytes:
    return zlib.compress(data, 9)


def search_dirs(project: Path) -> list[Path]:
    extra = os.environ.get("EXPRESS_PROFILE_PATH", "").split(os.pathsep)
    return [project / "profiles", *(Path(p) for p in extra if p),
            project / ".cache" / "profiles",
            *(Path(os.path.expanduser(d)) for d in SYSTEM_DIRS)]


def find_profile(project: Path, name: str) -> Path | None:
    """The first file called ``name`` in :func:`search_dirs` (a path as given, if it has a
    folder in it)."""
    given = Path(name)
    if given.parent != Path("."):
        path = given if given.is_absolute() else project / given
        return path if path.is_file() else None
    for folder in search_dirs(project):
        path = folder / name
        if path.is_file():
            return path
    return None


def chosen_name(printer: object | None, template: str) -> str:
    """The profile's name: the printer's (``print_profile`` in publication.yaml) if given,
    else the template's."""
    return str(printer) if printer is not None else template


def read_profile(path: Path, condition: str, why: str) -> OutputProfile:
    """The profile at ``path``, checked to be an ICC output (printer) profile for CMYK."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProfileError(exc.strerror or str(exc)) from None
    if len(data) < 132 or data[36:40] != b"acsp":
        raise ProfileError("not an ICC profile")
    if data[16:20] != b"CMYK" or data[12:16] != b"prtr":
        raise ProfileError(f"not a CMYK printer profile (it is {data[12:16].decode('latin-1')}"
                           f" {data[16:20].decode('latin-1').strip()})")
    return OutputProfile(path, data, describe(data) or path.stem, condition or CUSTOM_CONDITION,
                         why)


def describe(data: bytes) -> str:
    """The profile's description (its ``desc`` tag), or "" when it has none readable."""
    from io import BytesIO

    from PIL import ImageCms

    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(BytesIO(data))).strip()
    except (OSError, ImageCms.PyCMSError):
        return ""
