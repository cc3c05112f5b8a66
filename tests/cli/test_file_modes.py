"""Files the build writes get the mode a plain ``open()`` would give them (0666 less the
umask), so a web server serving ``build/`` as another user can read them."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest

from express.atomic import fresh_dir, write_atomic


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002], ids=oct)
def test_write_atomic_gives_the_mode_open_gives(tmp_path, umask):
    before = os.umask(umask)
    try:
        write_atomic(tmp_path / "out" / "a.pdf", b"%PDF")
        with open(tmp_path / "plain", "wb"):
            pass
    finally:
        os.umask(before)
    assert _mode(tmp_path / "out" / "a.pdf") == 0o666 & ~umask == _mode(tmp_path / "plain")
    assert (tmp_path / "out" / "a.pdf").read_bytes() == b"%PDF"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.pdf"]  # no temp left


def test_write_atomic_from_threads_leaves_whole_files(tmp_path):
    """Writers racing for one name each leave a whole file and no temporary behind."""
    target = tmp_path / "same.bin"
    datas = [bytes([i]) * 100_000 for i in range(8)]
    threads = [threading.Thread(target=write_atomic, args=(target, d)) for d in datas]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() in datas
    assert [p.name for p in tmp_path.iterdir()] == ["same.bin"]


def test_built_pdf_is_readable_by_others_under_umask_022(project):
    """The trial's complaint: the PDF came out 0600 though the umask was 022."""
    cmd = [sys.executable, "-m", "express", "--project", str(project.root), "build",
           "2020-winter", "--no-site"]
    subprocess.run(cmd, check=True, capture_output=True, preexec_fn=lambda: os.umask(0o022))
    assert _mode(project.build / "pdf" / "2020-winter.pdf") == 0o644


@pytest.mark.parametrize("umask", [0o022, 0o027], ids=oct)
def test_fresh_dir_gives_the_mode_mkdir_gives(tmp_path, umask):
    before = os.umask(umask)
    try:
        made = fresh_dir(tmp_path / "build", ".site-")
        (tmp_path / "plain").mkdir()
    finally:
        os.umask(before)
    assert made.parent == tmp_path / "build" and made.name.startswith(".site-")
    assert _mode(made) == 0o777 & ~umask == _mode(tmp_path / "plain")


def test_built_site_is_readable_by_others(built):
    """The site is staged in a fresh folder and renamed into place: it must not keep the
    0700 of ``tempfile.mkdtemp``."""
    project, _result = built
    umask = os.umask(0)
    os.umask(umask)
    assert _mode(project.build / "site") == 0o777 & ~umask
    assert _mode(project.build / "site" / "index.html") == 0o666 & ~umask
