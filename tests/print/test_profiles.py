"""Which output profile the print edition uses (express profiles), and making the default."""

from __future__ import annotations

import pytest

from express.profiles import chosen_name, find_profile, read_profile
from express.profiles.provision import ProvisionError, provision
from tests.print.conftest import PROFILE, run


def test_profiles_shows_the_template_default(project):
    r = run(project, "profiles")
    assert r.exit_code == 0, r.output
    assert "Coated FOGRA39" in r.output and "FOGRA39L_coated.icc" in r.output
    assert "(print.profile in a4-magazine.yaml)" in r.output


def test_profiles_names_the_printers_profile_when_missing(project):
    pub = project.issues / "publication.yaml"
    pub.write_text(pub.read_text(encoding="utf-8") + "print_profile: JC2011.icc\n",
                   encoding="utf-8")
    r = run(project, "profiles")
    assert r.exit_code == 1
    assert "JC2011.icc: MISSING (print_profile in publication.yaml)" in r.output


def test_the_printers_profile_wins_and_is_found_in_profiles(project):
    assert chosen_name(None, "FOGRA39L_coated.icc") == "FOGRA39L_coated.icc"
    assert chosen_name("JC2011.icc", "FOGRA39L_coated.icc") == "JC2011.icc"
    (project.root / "profiles").mkdir()
    (project.root / "profiles" / "JC2011.icc").write_bytes(PROFILE.read_bytes())
    found = find_profile(project.root, "JC2011.icc")
    assert found == project.root / "profiles" / "JC2011.icc"
    profile = read_profile(found, "JC11", "test")
    assert profile.condition == "JC11" and profile.description.startswith("Coated FOGRA39")
    assert read_profile(found, "", "test").condition == "Custom"


def test_the_default_profile_is_made_once(project):
    target = project.root / ".cache" / "profiles" / "FOGRA39L_coated.icc"
    target.parent.mkdir(parents=True)
    target.write_bytes(PROFILE.read_bytes())
    assert provision(project.root) == target  # there already: not made again


def test_without_argyll_set_up_says_what_to_install(project, monkeypatch):
    import express.profiles.provision as prov

    monkeypatch.setattr(prov.shutil, "which", lambda name: None)  # no colprof, no apt-get
    with pytest.raises(ProvisionError) as info:
        provision(project.root)
    assert "apt-get install argyll icc-profiles-free" in str(info.value)
    assert "profiles/" in str(info.value)
