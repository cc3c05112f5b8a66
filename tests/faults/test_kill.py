"""``express build`` killed (SIGKILL, a real signal to a real process) at points spread over
a whole build: ``build/`` always holds the last good output or the new one, whole, never a
mix of the two or nothing; the killed build's workers end with it; the next build
succeeds and leaves nothing of the killed one behind.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from express.project import Project
from express.publish import JOURNAL
from tests.conftest import edit
from tests.faults.conftest import express, group_ends, leftovers, outputs, start
from tests.incremental.conftest import SMALL

pytestmark = pytest.mark.xdist_group("faults")

KILL_POINTS = 20
SEED = 18
OVERRUN = 1.2  # the kill points spread over this many times a build's length


def change(root) -> None:
    """What the killed builds make: both issues' text changed (two PDFs typeset by two
    workers, and the site)."""
    for issue_id in SMALL:
        edit(root / "issues" / issue_id / "issue.yaml", "の本文です。", "の改訂した本文です。")


def parts(state: dict[str, str], part: str) -> dict[str, str]:
    return {k: v for k, v in state.items() if k.startswith(part + "/")}


def test_a_build_killed_anywhere_leaves_the_old_output_or_the_new_one(small_project,
                                                                       tmp_path):
    first = express(small_project.root, "build")
    assert first.returncode == 0, first.stderr
    old = outputs(small_project)
    pristine = tmp_path / "pristine"
    shutil.copytree(small_project.root, pristine)

    reference = Project(tmp_path / "reference")
    shutil.copytree(pristine, reference.root)
    change(reference.root)
    started = time.monotonic()
    done = express(reference.root, "build", "--jobs", "2")
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    new = outputs(reference)
    assert parts(new, "pdf") != parts(old, "pdf") and parts(new, "site") != parts(old, "site")

    rng = random.Random(SEED)
    seen = {"old": 0, "new": 0, "between": 0}
    for n in range(KILL_POINTS):
        trial = Project(tmp_path / f"trial-{n}")
        shutil.copytree(pristine, trial.root)
        change(trial.root)
        # one point in each slice of a build, the last ones past its end: a build spends
        # only ~1% of its time after publishing (ending it frees nothing: express/__main__.py),
        # and one of the trials may take a little longer than the build timed above
        at = took * OVERRUN * (n + rng.random()) / KILL_POINTS
        proc = start(trial.root, "build", "--jobs", "2", output=subprocess.DEVNULL)
        time.sleep(at)
        os.kill(proc.pid, signal.SIGKILL)  # the build alone: its workers are not told
        proc.wait()
        where = f"killed {at:.2f} s into a {took:.2f} s build (point {n})"
        if not group_ends(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"processes of the build outlived it: {where}")

        state = outputs(trial)
        assert state is not None, f"build/pdf or build/site missing: {where}"
        if state == old:
            seen["old"] += 1
        elif state == new:
            seen["new"] += 1
        else:  # only between the two exchanges: the journal says publishing was decided
            assert (trial.build / JOURNAL).is_file(), f"a mix of outputs: {where}"
            assert parts(state, "pdf") == parts(new, "pdf"), where
            assert parts(state, "site") == parts(old, "site"), where
            seen["between"] += 1

        after = express(trial.root, "build")
        assert after.returncode == 0, f"{where}:\n{after.stderr}"
        assert outputs(trial) == new, where
        assert leftovers(trial) == [], where
        assert not list((trial.root / ".cache" / "build").glob(".*.tmp")), where
        shutil.rmtree(trial.root)
    # the points were spread over the build: some before it published, some after
    assert seen["old"] and seen["new"], seen
