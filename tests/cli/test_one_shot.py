"""The ``express`` program collects no garbage while it builds: a build's objects live until
its PDF is written, and what it leaves goes with the process (express/__main__.py)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc, sys
collections = []  # from the moment the command's modules load


def counted(phase, info):
    if phase == "start" and "express.cli" in sys.modules:
        collections.append(info["generation"])


gc.callbacks.append(counted)
sys.argv = ["express", "--project", sys.argv[1], "build", *sys.argv[2:], "--no-site", "-j1"]
from express.__main__ import run
try:
    run()
except SystemExit as exc:
    assert not exc.code, exc.code
print(len(collections), gc.get_freeze_count() > 0)
"""


def _collections(project, *ids: str) -> str:
    r = subprocess.run([sys.executable, "-c", SCRIPT, str(project.root), *ids],
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    return r.stdout.split("\n")[-2]


def test_a_build_collects_nothing_and_leaves_its_objects_to_the_system(project):
    assert _collections(project, "2022-spring") == "0 True"


def test_a_process_typesetting_several_issues_collects_between_them(project):
    assert _collections(project, "2020-winter", "2022-spring") == "1 True"
