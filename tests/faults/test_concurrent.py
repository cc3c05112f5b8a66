"""Two commands that write ``build/`` at once: the second waits for the first, says for
whom, and both publish whole outputs (they raced in the site swap: "internal error …
Directory not empty")."""

from __future__ import annotations

import time

import pytest

from tests.conftest import edit
from tests.faults.conftest import RUN_TIMEOUT_S, express, leftovers, outputs, start
from tests.incremental.conftest import SMALL

pytestmark = pytest.mark.xdist_group("faults")

HOLD_TIMEOUT_S = 30


def holds_lock(project, pid: int) -> bool:
    """Whether the process ``pid`` has written itself into build/.lock."""
    deadline = time.monotonic() + HOLD_TIMEOUT_S
    while time.monotonic() < deadline:
        lock = project.build / ".lock"
        if lock.is_file() and f"pid {pid})" in lock.read_text(errors="replace"):
            return True
        time.sleep(0.02)
    return False


def test_two_builds_at_once_take_turns(small_project):
    assert express(small_project.root, "build").returncode == 0
    for issue_id in SMALL:
        edit(small_project.issues / issue_id / "issue.yaml", "の本文です。", "の新しい本文です。")
    first = start(small_project.root, "build", "--force")
    held = holds_lock(small_project, first.pid)
    second = start(small_project.root, "build", "--force")
    out = [p.communicate(timeout=RUN_TIMEOUT_S) for p in (first, second)]
    assert held, "the first build never took the project's lock"
    assert [first.returncode, second.returncode] == [0, 0], out
    assert f"waiting for another express run to finish writing build/: express " \
           f"--project {small_project.root} build --force (pid {first.pid})" in out[1][1]
    assert "internal error" not in out[0][1] + out[1][1]
    assert leftovers(small_project) == []
    state = outputs(small_project)
    assert sorted(k for k in state if k.startswith("pdf/")) == \
        [f"pdf/{i}.pdf" for i in sorted(SMALL)]
    for issue_id in SMALL:
        page = small_project.build / "site" / issue_id / "01-article.html"
        assert f"{issue_id} の新しい本文です。" in page.read_text(encoding="utf-8")
    again = express(small_project.root, "build")
    assert again.returncode == 0 and outputs(small_project) == state  # nothing left to do
