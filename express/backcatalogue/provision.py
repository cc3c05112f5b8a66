"""Getting Tesseract and its Japanese model onto a fresh machine (``make setup`` runs this).

They are Debian packages (``tesseract-ocr``, ``tesseract-ocr-jpn``) with shared libraries
of their own, so unlike the fonts they are installed, not unpacked: as root with apt-get
(CI runs as root), and otherwise the command to run is printed.  Without them everything
still builds; only scanned back issues are not searchable, and the build says so.

``python -m express.backcatalogue.provision [--stamp FILE]``: exit status 0 either way;
``FILE`` is touched only when OCR is ready, so make tries again until it is.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

from express.backcatalogue import ocr


def install() -> bool:
    """Install the packages with apt-get when this process may; whether it ran."""
    if not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    cmd = ["apt-get", "install", "-y", "-qq", *ocr.PACKAGES]
    if subprocess.run(cmd, env=env, check=False, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False,
                       stdout=subprocess.DEVNULL)
        subprocess.run(cmd, env=env, check=False, stdout=subprocess.DEVNULL)
    ocr.tesseract_version.cache_clear()
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stamp", type=Path, default=None)
    args = parser.parse_args()
    if ocr.missing().startswith("apt-get"):
        install()
    need = ocr.missing()
    if need:
        print(f"OCR of scanned back issues is not available: {need} (as root). "
              "Everything else works; scanned pages are not searchable until then.")
        return
    print(f"OCR: {ocr.tesseract_version()} with its Japanese model, OCRmyPDF "
          f"{ocr.ocrmypdf_version()}")
    if args.stamp is not None:
        args.stamp.parent.mkdir(parents=True, exist_ok=True)
        args.stamp.touch()


if __name__ == "__main__":
    main()
