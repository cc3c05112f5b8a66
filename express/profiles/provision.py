"""Making the default output profile on a fresh machine, once.

No freely licensed, ready-made CMYK profile for a standard printing condition is packaged
for Debian (``colord-data`` dropped its FOGRA ones; Ghostscript's ``default_cmyk.icc`` is a
generic SWOP-like profile for no registered condition, and the ECI/Adobe/Japan Color
profiles may not be redistributed freely).  Debian's ``icc-profiles-free`` does ship the
FOGRA39L characterisation data (the ISO 12647-2 coated offset condition, Zlib licence), and
ArgyllCMS's ``colprof`` makes an ICC profile from it: about 20 s, once, kept in
``.cache/profiles`` like the fonts.  The profile's settings are those of a sheet-fed coated
offset job: 330 % total ink, a ramp black generation (GCR for a stable grey balance).

``colprof`` and the data are used where installed (``.ci/run`` installs the Debian packages
``argyll`` and ``icc-profiles-free``); otherwise the packages are fetched with
``apt-get download`` and unpacked into ``.cache/profiles/debian``, as the fonts are.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from express.atomic import write_atomic
from express.profiles import DEFAULT_PROFILE

PACKAGES = ("argyll", "icc-profiles-free")
DATA = "FOGRA39L.ti3"
DESCRIPTION = "Coated FOGRA39 (ISO 12647-2:2004/Amd 1), from FOGRA39L data (JAIPA Express)"
COPYRIGHT = "Made with ArgyllCMS colprof from the FOGRA39L characterisation data " \
            "(icc-profiles-free, Zlib licence)"
COLPROF = ("-qm",  # medium quality: the default, ~20 s
           "-kr",  # black generation: a ramp from white to black
           "-l330", "-L100",  # total ink limit 330 %, black up to 100 %
           "-nc")  # the measurement data is not copied into the profile (smaller)


class ProvisionError(Exception):
    pass


def provision(project: Path) -> Path:
    """The default profile in ``.cache/profiles``, made if it is not there yet."""
    folder = project / ".cache" / "profiles"
    target = folder / DEFAULT_PROFILE
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    unpacked = folder / "debian"
    colprof, data = _tools(unpacked)
    if colprof is None or data is None:
        _fetch(folder, unpacked)
        colprof, data = _tools(unpacked)
    if colprof is None or data is None:
        raise ProvisionError(f"ArgyllCMS's colprof or {DATA} is missing: install the Debian "
                             f"packages {' and '.join(PACKAGES)} (as root: apt-get install "
                             f"{' '.join(PACKAGES)}), or put the printer's profile into "
                             "profiles/ (see profiles/README.md)")
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        shutil.copy(data, Path(tmp) / DATA)
        out = Path(tmp).resolve() / DEFAULT_PROFILE
        done = subprocess.run([colprof, *COLPROF, "-D", DESCRIPTION, "-C", COPYRIGHT,
                               "-O", str(out), Path(DATA).stem], cwd=tmp,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0 or not out.is_file():
            raise ProvisionError(f"colprof failed: {done.stderr.strip()[-500:]}")
        write_atomic(target, out.read_bytes())
    return target


def _tools(unpacked: Path) -> tuple[str | None, Path | None]:
    """``colprof`` and the FOGRA39L data: installed, else unpacked before."""
    colprof = shutil.which("colprof")
    if colprof is None and (unpacked / "usr" / "bin" / "colprof").is_file():
        colprof = str(unpacked / "usr" / "bin" / "colprof")
    data = next((p for p in (Path("/usr/share/color/icc") / DATA,
                             unpacked / "usr" / "share" / "color" / "icc" / DATA)
                 if p.is_file()), None)
    return colprof, data


def _fetch(folder: Path, unpacked: Path) -> None:
    """``apt-get download`` the packages and unpack them (nothing installed system-wide)."""
    if not shutil.which("apt-get") or not shutil.which("dpkg-deb"):
        return
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        run = ["apt-get", "download", "-qq", *PACKAGES]
        quiet = {"cwd": tmp, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        if subprocess.run(run, **quiet).returncode != 0:
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                subprocess.run(["apt-get", "update", "-qq"], check=False,
                               stdout=subprocess.DEVNULL)
            if subprocess.run(run, **quiet).returncode != 0:
                return
        for deb in sorted(Path(tmp).glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(unpacked)], check=True)
