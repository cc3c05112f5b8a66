"""The seed's real mistakes are caught where they stand; the sample issues, which carry
the corrected material, raise nothing."""

from __future__ import annotations

import shutil

from express.check import check
from tests.conftest import FIXTURES


def _seed(project, name: str):
    shutil.copytree(FIXTURES / "seed_mistakes" / name, project.issues / name)
    _archive, diags = check(project, strict=True)
    return [(d.code, d.pos.line, d.pos.col) for d in diags.sorted()]


def test_seed_wrong_weekday_at_its_position(empty_project):
    assert _seed(empty_project, "wrong-weekday") == [("lint.weekday_mismatch", 22, 11)]


def test_seed_repeated_opinions_at_their_positions(empty_project):
    found = _seed(empty_project, "repeated-opinions")
    assert [f[0] for f in found] == ["lint.near_duplicate_item"] + ["lint.duplicate_item"] * 5
    assert all(f[2] == 9 for f in found)  # each at its "- date:" item


def test_samples_raise_nothing_even_when_strict(project):
    _archive, diags = check(project, glyphs=True, strict=True)
    assert [d.render("en") for d in diags] == []
