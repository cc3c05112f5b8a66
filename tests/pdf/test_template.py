"""Reading layout templates: every value the layout uses is a checked key of the template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from express.pdf.template import NUMBER_SECTIONS, TemplateError, read_template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "pdf"


def changed(tmp_path: Path, change: Callable[[dict[str, Any]], object],
            name: str = "a4-magazine") -> Path:
    """A copy of template ``name`` with ``change`` applied to its data."""
    with open(TEMPLATES / f"{name}.yaml", encoding="utf-8") as f:
        data = yaml.safe_load(f)
    change(data)
    path = tmp_path / f"{name}-changed.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def error_of(path: Path) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        read_template(path)
    return info.value


@pytest.mark.parametrize("name", ["a4-magazine", "b5-single"])
def test_image_limits_are_template_values(name):
    t = read_template(TEMPLATES / f"{name}.yaml")
    raw = yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert t.max_photo_height == raw["images"]["max_height"]
    assert t.max_crop == raw["images"]["max_crop"]


@pytest.mark.parametrize(("key", "value", "problem"), [
    ("max_crop", 0.6, "must be at most 0.5"),
    ("max_crop", -0.1, "must be 0 or more"),
    ("max_crop", "a quarter", "must be a number"),
    ("max_height", 0, "must be positive"),
    ("max_height", 1.5, "must be at most 1"),
])
def test_a_bad_image_limit_names_its_key(tmp_path, key, value, problem):
    path = changed(tmp_path, lambda d: d["images"].__setitem__(key, value))
    err = error_of(path)
    assert err.key == f"images.{key}" and problem in err.problem


def test_no_cropping_is_a_valid_limit(tmp_path):
    path = changed(tmp_path, lambda d: d["images"].__setitem__("max_crop", 0))
    assert read_template(path).max_crop == 0.0


@pytest.mark.parametrize("key", ["ppi", "jpeg_quality", "max_height", "max_crop"])
def test_a_missing_image_setting_names_its_key(tmp_path, key):
    path = changed(tmp_path, lambda d: d["images"].pop(key))
    err = error_of(path)
    assert (err.key, err.problem) == (f"images.{key}", "is missing")


@pytest.mark.parametrize(("section", "key"), [
    (section, key) for section, keys in NUMBER_SECTIONS.items() for key in keys])
def test_a_missing_layout_number_names_its_key(tmp_path, section, key):
    """No layout number has a fallback in Python: a template without it is refused."""
    path = changed(tmp_path, lambda d: d[section].pop(key))
    err = error_of(path)
    assert (err.key, err.problem) == (f"{section}.{key}", "is missing")


@pytest.mark.parametrize("section", [*NUMBER_SECTIONS, "images", "programme"])
def test_a_missing_section_names_it(tmp_path, section):
    err = error_of(changed(tmp_path, lambda d: d.pop(section)))
    assert (err.key, err.problem) == (section, "is missing")


def test_a_key_the_layout_does_not_read_is_refused(tmp_path):
    """A misspelt key would otherwise be ignored while the layout used something else."""
    path = changed(tmp_path, lambda d: d["space"].__setitem__("figure_line", 1))
    err = error_of(path)
    assert err.key == "space.figure_line" and "figure_lines" in err.problem


def test_a_layout_number_must_be_a_number(tmp_path):
    path = changed(tmp_path, lambda d: d["rules"].__setitem__("thin", "hairline"))
    err = error_of(path)
    assert err.key == "rules.thin" and "must be a number" in err.problem


def test_table_min_rows_has_its_default_in_one_place(tmp_path):
    path = changed(tmp_path, lambda d: d["composition"].pop("table_min_rows"))
    assert read_template(path).composition["table_min_rows"] == 1


def test_the_contents_rule_needs_a_dash(tmp_path):
    """ReportLab refuses a dash pattern of nothing (an internal error when drawing)."""
    path = changed(tmp_path, lambda d: d["contents"].update(rule_dash=0, rule_gap=0))
    err = error_of(path)
    assert (err.key, err.problem) == ("contents.rule_dash", "must be positive")


def test_a_kind_colour_is_not_a_key_any_more(tmp_path):
    """One accent for every kind (colours.accent): a colour per kind is refused by name."""
    path = changed(tmp_path, lambda d: d["kinds"]["report"].__setitem__("colour", "#2e7d32"))
    err = error_of(path)
    assert err.key == "kinds.report.colour" and "colours.accent" in err.problem


@pytest.mark.parametrize(("key", "value", "problem"), [
    ("keep_together", "yes", "must be true or false"),
    ("new_page", None, "must be true or false"),
])
def test_a_kind_switch_is_true_or_false(tmp_path, key, value, problem):
    path = changed(tmp_path, lambda d: d["kinds"]["member"].__setitem__(key, value))
    err = error_of(path)
    assert err.key == f"kinds.member.{key}" and problem in err.problem


def test_table_fills_may_be_none_and_the_template_may_choose_zebra_rows(tmp_path):
    t = read_template(TEMPLATES / "a4-magazine.yaml")
    assert t.colours["zebra"] is None  # thin rules and one tint by default
    def zebra(d):
        d["colours"].update(zebra="#f3f6f9", table_head="none")
        d["print"]["cmyk"]["#f3f6f9"] = [5, 2, 0, 0]  # (every colour has its inks)

    path = changed(tmp_path, zebra)
    t = read_template(path)
    assert t.colours["zebra"] == "#f3f6f9" and t.colours["table_head"] is None
    # a colour that must be painted may not be none
    err = error_of(changed(tmp_path, lambda d: d["colours"].__setitem__("ink", "none")))
    assert err.key == "colours.ink"


@pytest.mark.parametrize(("key", "value"), [("warn_empty", 1.5), ("last_page_fill", 2)])
def test_plan_shares_are_fractions(tmp_path, key, value):
    err = error_of(changed(tmp_path, lambda d: d["plan"].__setitem__(key, value)))
    assert err.key == f"plan.{key}"


def test_link_addresses_are_after_or_notes(tmp_path):
    err = error_of(changed(tmp_path, lambda d: d["links"].__setitem__("addresses", "footer")))
    assert err.key == "links.addresses" and "after, notes" in err.problem


@pytest.mark.parametrize(("change", "key", "problem"), [
    (lambda d: d.pop("latin"), "latin", "is missing"),
    (lambda d: d["latin"].__setitem__("heading", {"font": "latin-sans", "size": 1,
                                                  "baseline_em": 0}),
     "latin.heading", "is not a role under fonts"),
    (lambda d: d["latin"]["mincho"].__setitem__("font", "latin-serif-x"),
     "latin.mincho.font", "is not a role under fonts"),
    (lambda d: d["latin"]["mincho"].__setitem__("font", "gothic"),
     "latin.mincho.font", "has a Latin face of its own"),
    (lambda d: d["latin"]["mincho"].__setitem__("size", 3), "latin.mincho.size",
     "must be from 0.5 to 2"),
    (lambda d: d["latin"]["mincho"].pop("baseline_em"), "latin.mincho.baseline_em",
     "is missing"),
    (lambda d: d["latin"]["mincho"].__setitem__("baseline_em", 0.9),
     "latin.mincho.baseline_em", "must be from -0.5 to 0.5"),
    (lambda d: d["latin"]["mincho"].__setitem__("kerning", True), "latin.mincho.kerning",
     "is not a key of a Latin face"),
    (lambda d: d["composition"].__setitem__("jl_space_max", 0.2),
     "composition.jl_space_max", "must be at least composition.jl_space"),
])
def test_a_latin_face_names_its_mistake(tmp_path, change, key, problem):
    err = error_of(changed(tmp_path, change))
    assert err.key == key and problem in err.problem, (err.key, err.problem)


@pytest.mark.parametrize("name", ["a4-magazine", "b5-single"])
def test_each_japanese_role_has_a_proportional_latin_face(name):
    t = read_template(TEMPLATES / f"{name}.yaml")
    assert {r: f.font for r, f in t.latin.items()} == {
        "mincho": "latin-serif", "gothic": "latin-sans", "gothic-bold": "latin-sans-bold"}
    assert t.fonts["latin-serif"][0] == "BIZUDPMincho-Regular.ttf"
    assert "gothic-bold-fixed" not in t.latin  # (its figures line times up)
    assert t.style("table_time").font == "gothic-bold-fixed"
