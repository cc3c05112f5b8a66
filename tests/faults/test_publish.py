"""Publishing: the PDFs and the site appear together or not at all, what a killed run left
is finished or undone by the next command, and nothing grows for ever."""

from __future__ import annotations

import json
import os
import shutil

import pytest

import express.publish
from express.atomic import exchange
from express.build import build
from express.project import Project
from express.publish import JOURNAL, Stage, settle
from tests.conftest import edit
from tests.faults.conftest import express as run_express
from tests.faults.conftest import leftovers, outputs
from tests.incremental.conftest import SMALL


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "f").write_text("a")
    (b / "f").write_text("b")
    ino = a.stat().st_ino
    assert exchange(a, b)
    assert (a / "f").read_text() == "b" and (b / "f").read_text() == "a"
    assert b.stat().st_ino == ino


def staged(build_dir, contents: dict[str, str]) -> Stage:
    stage = Stage(build_dir)
    for part, text in contents.items():
        (stage.part(part) / "index.html").write_text(text)
    return stage


def current(build_dir) -> dict[str, str]:
    return {p: (build_dir / p / "index.html").read_text() for p in ("pdf", "site")
            if (build_dir / p / "index.html").is_file()}


@pytest.mark.parametrize("can_exchange", [True, False])
def test_publish_puts_every_part_in_place_and_leaves_nothing(tmp_path, monkeypatch,
                                                             can_exchange):
    if not can_exchange:  # NFS, macOS: two renames
        monkeypatch.setattr(express.publish, "exchange", lambda a, b: False)
    build_dir = tmp_path / "build"
    staged(build_dir, {"pdf": "old pdf", "site": "old site"}).publish(["pdf", "site"])
    staged(build_dir, {"pdf": "new pdf", "site": "new site"}).publish(["pdf", "site"])
    assert current(build_dir) == {"pdf": "new pdf", "site": "new site"}
    assert sorted(os.listdir(build_dir)) == ["pdf", "site"]


def killed_between_parts(build_dir, can_exchange: bool) -> None:
    """What a build killed after publishing build/pdf, before build/site, leaves (or, with
    two renames, between the renames of build/site: no build/site at all)."""
    staged(build_dir, {"pdf": "old pdf", "site": "old site"}).publish(["pdf", "site"])
    stage = staged(build_dir, {"pdf": "new pdf", "site": "new site"})
    journal = {"stage": stage.path.name,
               "parts": {p: express.publish._identity(stage.path / p) for p in ("pdf", "site")}}
    (build_dir / JOURNAL).write_text(json.dumps(journal))
    express.publish._swap(stage.path / "pdf", build_dir / "pdf")
    if not can_exchange:
        os.rename(build_dir / "site", stage.path / "site.old")


@pytest.mark.parametrize("can_exchange", [True, False])
def test_the_next_command_finishes_a_publish_cut_short(tmp_path, can_exchange):
    project = Project(tmp_path)
    (tmp_path / "issues").mkdir()
    killed_between_parts(project.build, can_exchange)
    if not can_exchange:
        assert not (project.build / "site").exists()  # what a kill there left before
    result = run_express(tmp_path, "check")  # any command
    assert "Traceback" not in result.stderr
    assert current(project.build) == {"pdf": "new pdf", "site": "new site"}
    assert leftovers(project) == []


def test_a_stage_without_journal_is_discarded_and_an_old_swap_restored(tmp_path):
    build_dir = tmp_path / "build"
    staged(build_dir, {"site": "old site"}).publish(["site"])
    Stage(build_dir).part("site")  # killed while making it: never published
    (build_dir / ".site-0123456789abcdef").mkdir()  # the old code's stage …
    os.rename(build_dir / "site", build_dir / ".site.old")  # … and its cut swap
    settle(build_dir)
    assert current(build_dir) == {"site": "old site"}
    assert sorted(os.listdir(build_dir)) == ["site"]


def test_a_site_that_fails_leaves_the_previous_pdfs_too(small_project):
    """A failure in the site stage (here: .cache/jinja is a file, so the site's templates
    cannot be cached) came after the PDFs were replaced; now nothing is."""
    assert build(small_project).ok
    before = outputs(small_project)
    for issue_id in SMALL:
        edit(small_project.issues / issue_id / "issue.yaml", "の本文です。", "の改訂です。")
    jinja = small_project.root / ".cache" / "jinja"
    shutil.rmtree(jinja)
    jinja.write_text("in the way")
    result = run_express(small_project.root, "build")
    assert result.returncode == 74, result.stderr
    assert ".cache/jinja" in result.stderr and "internal error" not in result.stderr
    assert "the previous PDFs and site are as they were" in result.stderr
    assert outputs(small_project) == before
    assert leftovers(small_project) == []


def test_pdfs_of_removed_issues_and_unused_pictures_do_not_pile_up(project):
    assert build(project).ok
    pictures = project.root / ".cache" / "site"
    used = set(os.listdir(pictures))
    (pictures / ("0" * 64)).mkdir()  # an entry no site uses (a picture since replaced)
    (pictures / ".new-0123456789abcdef").mkdir()  # a killed run's half-stored entry
    shutil.rmtree(project.issues / "2022-spring")
    result = build(project)
    assert result.ok
    assert sorted(p.name for p in (project.build / "pdf").iterdir()) == ["2020-winter.pdf"]
    assert not (project.build / "site" / "2022-spring").exists()
    assert set(os.listdir(pictures)) < used


def test_a_publish_that_cannot_be_undone_says_what_it_replaced(tmp_path, monkeypatch):
    """Should build/site fail to be replaced and build/pdf then fail to go back, the
    journal stays, the error names what was replaced, and the next command finishes."""
    build_dir = tmp_path / "build"
    staged(build_dir, {"pdf": "old pdf", "site": "old site"}).publish(["pdf", "site"])
    real = express.publish._swap
    calls = []

    def failing(new, target):
        calls.append(target.name)
        if len(calls) > 1:
            raise PermissionError(13, "Permission denied", str(target))
        real(new, target)

    monkeypatch.setattr(express.publish, "_swap", failing)
    with pytest.raises(express.publish.PublishCut) as cut:
        staged(build_dir, {"pdf": "new pdf", "site": "new site"}).publish(["pdf", "site"])
    assert cut.value.replaced == ["pdf"] and (build_dir / JOURNAL).is_file()
    monkeypatch.setattr(express.publish, "_swap", real)
    settle(build_dir)
    assert current(build_dir) == {"pdf": "new pdf", "site": "new site"}
    assert sorted(os.listdir(build_dir)) == ["pdf", "site"]
