"""Getting the default fonts on a fresh machine, with nothing installed by hand.

BIZ UD Mincho and BIZ UD Gothic (Morisawa, SIL Open Font License) are Debian packages.
``apt-get download`` fetches the .deb files without installing anything system-wide and
``dpkg-deb -x`` unpacks them into the project's ``.cache/fonts``.  Font binaries are never
committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PACKAGES = ("fonts-morisawa-bizud-mincho", "fonts-morisawa-bizud-gothic")


class ProvisionError(Exception):
    pass


def provision(project: Path) -> Path:
    """Unpack the default fonts into ``.cache/fonts``; returns that folder."""
    target = project / ".cache" / "fonts"
    if not shutil.which("apt-get") or not shutil.which("dpkg-deb"):
        raise ProvisionError(
            "apt-get/dpkg-deb are not available: put TrueType fonts into fonts/ instead "
            "(see fonts/README.md)"
        )
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target) as tmp:
        if _download(tmp) != 0:
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                subprocess.run(["apt-get", "update", "-qq"], check=False,
                               stdout=subprocess.DEVNULL)
            if _download(tmp) != 0:
                raise ProvisionError(
                    "apt-get download of " + " ".join(PACKAGES) + " failed: run "
                    "'apt-get update' (as root) or put fonts into fonts/ (see fonts/README.md)"
                )
        for deb in sorted(Path(tmp).glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(target / "debian")], check=True)
    return target


def _download(folder: str) -> int:
    return subprocess.run(["apt-get", "download", "-qq", *PACKAGES], cwd=folder,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
