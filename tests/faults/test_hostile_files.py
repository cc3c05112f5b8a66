"""Files in an issue folder that are not what they seem do not hang a build: a FIFO (the
build waited on it for ever while ``check`` saw no problem), a symlink to an endless
device (it spun at 100 %), an issue folder that is a link to the whole disk."""

from __future__ import annotations

import os

from tests.faults.conftest import express
from tests.incremental.conftest import SMALL

TIMEOUT_S = 120  # a build of two small issues takes seconds; the old one never ended


def test_fifos_and_devices_in_an_issue_folder_are_not_inputs(small_project):
    folder = small_project.issues / SMALL[0]
    (folder / "images").mkdir()
    os.mkfifo(folder / "images" / "pipe")
    (folder / "zero").symlink_to("/dev/zero")
    result = express(small_project.root, "build", timeout=TIMEOUT_S)
    assert result.returncode == 0, result.stderr
    again = express(small_project.root, "build", timeout=TIMEOUT_S)
    assert again.returncode == 0 and "(unchanged)" in again.stdout


def test_an_issue_folder_linked_to_the_disk_is_refused_not_walked(small_project):
    (small_project.issues / "2031-spring").symlink_to("/")
    result = express(small_project.root, "build", timeout=TIMEOUT_S)
    assert result.returncode == 1
    assert 'the issue folder "2031-spring" is a link to a folder elsewhere' in result.stderr
