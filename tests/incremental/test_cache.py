"""The build cache: unchanged outputs are not made again; every input that matters counts.

"Not made again" is shown by behaviour: the file keeps its inode and modification time,
and the result says it was reused.
"""

from __future__ import annotations

import shutil

import pytest

from express.build import build
from express.buildcache import cache_dir
from express.buildcache.manifest import Manifest
from express.fonts import find_fonts
from express.pdf.template import font_candidates
from tests.conftest import edit
from tests.incremental.conftest import SMALL, stamp
from tests.pdf.conftest import write_issue


def test_nothing_changed_makes_nothing_and_one_change_makes_that_issue_and_the_site(project):
    first = build(project)
    assert first.ok and first.typeset == {"2020-winter", "2022-spring"}
    pdfs = {i: stamp(p) for i, p in first.pdfs.items()}
    index = first.site / "index.html"
    site_before = stamp(index)

    again = build(project)
    assert again.ok, [d.render("en") for d in again.diags]
    assert again.typeset == set() and again.reused == {"2020-winter", "2022-spring"}
    assert again.site_reused
    assert {i: stamp(p) for i, p in again.pdfs.items()} == pdfs
    assert stamp(index) == site_before

    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: 2022年春季号")
    changed = build(project)
    assert changed.ok and changed.typeset == {"2022-spring"} and not changed.site_reused
    assert stamp(changed.pdfs["2020-winter"]) == pdfs["2020-winter"]
    assert stamp(changed.pdfs["2022-spring"]) != pdfs["2022-spring"]
    assert "2022年春季号" in (changed.site / "2022-spring" / "index.html").read_text("utf-8")


def _font_override(project) -> None:
    """fonts/mincho.ttf: the same file as found by the template, at another path."""
    chosen, _ = find_fonts(project.root, font_candidates(project.pdf_template()))
    (project.root / "fonts").mkdir(exist_ok=True)
    shutil.copy(chosen["mincho"].path, project.root / "fonts" / "mincho.ttf")


def _change_font_content(project) -> None:
    with open(project.root / "fonts" / "mincho.ttf", "ab") as f:
        f.write(b"\0" * 4)  # past the last table: the same font, other bytes


CHANGES = {  # what changes → the issues typeset again
    "a file in an issue's folder": (lambda p: (p.issues / SMALL[0] / "x.png").write_text("x"),
                                    {SMALL[0]}),
    "the template": (lambda p: edit(p.pdf_template(), "fonts:", "# changed\nfonts:"),
                     set(SMALL)),
    "the publication": (lambda p: edit(p.issues / "publication.yaml", "tel: 03-5304-7511",
                                       "tel: 03-5304-7512"), set(SMALL)),
    "a font's path": (_font_override, set(SMALL)),
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_input_invalidates(small_project, change):
    assert build(small_project, site=False).typeset == set(SMALL)
    make_change, expected = CHANGES[change]
    make_change(small_project)
    result = build(small_project, site=False)
    assert result.ok, [d.render("en") for d in result.diags]
    assert result.typeset == expected


def test_font_content_invalidates(small_project):
    _font_override(small_project)
    assert build(small_project, [SMALL[0]], site=False).typeset == {SMALL[0]}
    _change_font_content(small_project)
    assert build(small_project, [SMALL[0]], site=False).typeset == {SMALL[0]}
    assert build(small_project, [SMALL[0]], site=False).typeset == set()


def test_other_template_option_invalidates_and_force_remakes(small_project):
    assert build(small_project, site=False).typeset == set(SMALL)
    assert build(small_project, site=False, template="b5-single").typeset == set(SMALL)
    assert build(small_project, site=False, template="b5-single").typeset == set()
    assert build(small_project, site=False, template="b5-single",
                 force=True).typeset == set(SMALL)


def test_replaced_pdf_is_made_again(small_project):
    first = build(small_project, site=False)
    path = first.pdfs[SMALL[0]]
    path.write_bytes(b"%PDF-1.4 not ours")
    assert build(small_project, site=False).typeset == {SMALL[0]}
    assert path.read_bytes() != b"%PDF-1.4 not ours"


def test_a_reused_pdf_still_reports_its_warnings(empty_project):
    path = write_issue(empty_project, body="笑顔😀です。")
    first = build(empty_project, site=False)
    second = build(empty_project, site=False)
    assert second.typeset == set()
    warned = [[(d.code, d.pos) for d in r.diags if d.code == "lint.missing_glyph"]
              for r in (first, second)]
    assert warned[0] and warned[0] == warned[1]
    assert warned[1][0][1].path.endswith(str(path.relative_to(empty_project.root)))


def test_a_failed_build_changes_no_output_and_does_not_poison_the_cache(project):
    first = build(project)
    before = {p: p.read_bytes() for p in first.pdfs.values()}
    index = first.site / "2022-spring" / "index.html"
    site_before = index.read_bytes()
    manifest = (cache_dir(project.root) / "manifest.json").read_bytes()

    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: 2022年春季号")
    photo = project.issues / "2020-winter" / "images" / "kumejima-beach.jpg"
    good = photo.read_bytes()
    photo.write_bytes(good[:2000])  # passes the check, fails when typeset
    failed = build(project)
    assert not failed.ok
    assert {p: p.read_bytes() for p in first.pdfs.values()} == before
    assert index.read_bytes() == site_before
    assert (cache_dir(project.root) / "manifest.json").read_bytes() == manifest

    photo.write_bytes(good)
    fixed = build(project)
    assert fixed.ok and fixed.typeset == {"2022-spring"}
    assert "2022年春季号" in index.read_text("utf-8")


GARBAGE = [b"", b"\x00\xff garbage", b"[1, 2]", b'{"format": 1, "pdfs": {"x": {"key": 1}}}',
           b'{"format": 1, "pdfs": {}, "site": {"key": "k", "digest": "", "diags": [{}]}}',
           b'{"format": 1, "pdfs": {"x": {"key": "k", "digest": "", "diags": '
           b'[{"severity": "bad", "pos": null, "code": "c", "args": {}}]}}}']


@pytest.mark.parametrize("data", GARBAGE)
def test_a_damaged_manifest_reads_as_empty(tmp_path, data):
    path = tmp_path / "manifest.json"
    path.write_bytes(data)
    assert Manifest.load(path) == Manifest()


def test_a_damaged_cache_costs_a_rebuild_not_a_traceback(small_project):
    assert build(small_project, site=False).ok
    for name in ("manifest.json", "hashes.json"):
        (cache_dir(small_project.root) / name).write_bytes(b"{\x00garbage")
    result = build(small_project, site=False)
    assert result.ok and result.typeset == set(SMALL)
    assert build(small_project, site=False).typeset == set()


def test_site_pictures_from_the_cache_are_those_made_afresh(project):
    first = build(project)
    pictures = {p.relative_to(first.site): p.read_bytes()
                for p in first.site.rglob("*") if p.suffix in (".jpg", ".png", ".webp")}
    assert len(pictures) > 6
    metas = list((project.root / ".cache" / "site").glob("*/pictures.json"))
    assert metas
    metas[0].write_text("[[1, 2, garbage")  # a damaged entry is made again
    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: 2022年春季号")
    again = build(project)
    assert again.ok and not again.site_reused
    now = {p: (again.site / p).read_bytes() for p in pictures}
    covers = {p for p in pictures if p.parts[0] == "2022-spring" and p.stem == "cover"}
    assert len(covers) == 2 and all(now[p] != pictures[p] for p in covers)  # a new PDF
    assert {p: b for p, b in now.items() if p not in covers} == \
        {p: b for p, b in pictures.items() if p not in covers}


def test_an_issue_saved_while_building_is_built_again(small_project, monkeypatch):
    import express.build

    real_check = express.build.check

    def check_then_editor_saves(project, ids, **options):
        loaded = real_check(project, ids, **options)
        edit(project.issues / SMALL[0] / "issue.yaml", "本文です。", "新しい本文です。")
        return loaded

    monkeypatch.setattr(express.build, "check", check_then_editor_saves)
    assert build(small_project, site=False).typeset == set(SMALL)  # from the old text
    monkeypatch.setattr(express.build, "check", real_check)
    assert build(small_project, site=False).typeset == {SMALL[0]}


def test_dependency_versions_are_those_importlib_metadata_finds():
    from importlib import metadata

    from express.buildcache.keys import DEPENDENCIES, installed_versions

    assert installed_versions(DEPENDENCIES) == [metadata.version(d) for d in DEPENDENCIES]
    assert installed_versions(("no-such-package-here",)) == [""]


def test_a_pdf_only_build_of_one_issue_keeps_the_others_cached(small_project):
    """Without the site the other issues are not loaded; their cache entries stay."""
    first = build(small_project)
    assert first.ok and first.typeset == set(SMALL)
    one, other = SMALL
    kept = stamp(first.pdfs[other])
    alone = build(small_project, [one], site=False, force=True)
    assert alone.ok and alone.typeset == {one} and set(alone.pdfs) == {one}
    again = build(small_project)
    assert again.ok and again.typeset == set()
    assert stamp(again.pdfs[other]) == kept


def test_a_pdf_only_build_of_one_issue_reads_no_other_issues_files(small_project):
    """Its key reads the issue's own folder alone: in an archive of many issues, the
    others' pictures were each looked at on every such build."""
    one, other = SMALL
    picture = small_project.issues / other / "images" / "photo.jpg"
    picture.parent.mkdir()
    picture.write_bytes(b"not looked at")
    assert build(small_project, [one], site=False).ok
    store = (cache_dir(small_project.root) / "hashes.json").read_text(encoding="utf-8")
    assert f"{one}/issue.yaml" in store and f"{other}/" not in store
