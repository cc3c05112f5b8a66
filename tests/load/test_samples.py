"""The sample issues carry the seed's real content and check clean; the seed's real
mistakes are caught."""

from __future__ import annotations

import shutil

from express.check import check
from express.model.articles import (
    KIND_LABELS,
    Calendar,
    Committee,
    Member,
    Officers,
    Opinions,
    Providers,
    Report,
)
from tests.conftest import FIXTURES, ROOT


def test_samples_check_clean(project):
    archive, diags = check(project)
    assert [d.render("en") for d in diags] == []
    assert len(archive.issues) >= 2


def test_samples_use_every_article_kind(project):
    archive, _ = check(project)
    kinds = {a.kind for i in archive.issues for a in i.articles}
    assert kinds == set(KIND_LABELS)


def test_samples_reproduce_the_seeds_officer_count(project):
    archive, _ = check(project)
    (officers,) = [a for i in archive.issues for a in i.articles if isinstance(a, Officers)]
    assert officers.head_count_line == "理事25名 監事3名"


def test_samples_carry_the_forum_report(project):
    archive, _ = check(project)
    (report,) = [a for i in archive.issues for a in i.articles if isinstance(a, Report)]
    assert "久米島" in report.title
    assert report.event.dates_label == "2020年11月19日（木）〜20日（金）"
    assert report.event.attendance.total == 55
    slots = report.programme[0].slots
    assert [s.duration for s in slots][:3] == [50, 90, 45]
    assert any(s.is_break for s in slots)
    speakers = {sp.name.replace(" ", "") for s in slots for sp in s.speakers}
    assert "川添雄彦" in speakers and "松原実穂子" in speakers


def test_samples_committees_members_calendar_opinions_providers(project):
    archive, _ = check(project)
    arts = [a for i in archive.issues for a in i.articles]
    names = {a.name for a in arts if isinstance(a, Committee)}
    assert {"行政法律部会", "地域ISP部会", "クラウド部会"} <= names
    assert any(isinstance(a, Member) and "まほろば" in a.company for a in arts)
    (cal,) = [a for a in arts if isinstance(a, Calendar)]
    assert any("ISPの集い" in e.title for e in cal.events)
    (ops,) = [a for a in arts if isinstance(a, Opinions)]
    dates = [o.date for o in ops.newest_first]
    assert dates == sorted(dates, reverse=True) and len(
        set((o.date, o.title) for o in ops.items)
    ) == len(ops.items)
    (prov,) = [a for a in arts if isinstance(a, Providers)]
    assert prov.by_prefecture[0][0] in ("北海道", "青森県", "岩手県", "宮城県")


def _fixture_project(empty_project, name):
    shutil.copytree(FIXTURES / "seed_mistakes" / name, empty_project.issues / name)
    return empty_project


def test_seed_wrong_weekday_is_flagged(empty_project):
    _archive, diags = check(_fixture_project(empty_project, "wrong-weekday"))
    hits = [d for d in diags if d.code == "lint.weekday_mismatch"]
    assert len(hits) == 1  # 19日（水） is wrong; 11月18日（水） in the same text is right
    assert hits[0].args["weekday_true_ja"] == "木"
    assert not diags.has_errors  # a warning: it does not stop the build


def test_seed_repeated_opinions_are_flagged(empty_project):
    _archive, diags = check(_fixture_project(empty_project, "repeated-opinions"))
    exact = [d for d in diags if d.code == "lint.duplicate_item"]
    near = [d for d in diags if d.code == "lint.near_duplicate_item"]
    assert len(exact) == 5 and len(near) == 1
    assert all(d.pos.line > 0 for d in exact + near)


def test_format_docs_are_the_shared_contract():
    ours = (ROOT / "docs" / "issue-format.md").read_text(encoding="utf-8")
    assert "kind: report" in ours and "archive_url" in ours
