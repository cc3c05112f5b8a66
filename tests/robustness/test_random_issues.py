"""Small random valid issues (random kinds, optional keys and mixed Japanese/Latin text)
build a PDF without an exception; an error, if any, is one the format allows (text that
cannot be laid out) and names its place in the issue file."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from express.build import build
from tests.conftest import copy_project
from tests.robustness.helpers import PREFECTURES, base_issue, write_issue

pytestmark = pytest.mark.xdist_group("robustness")

ALPHABET = ("あいうえおかきくけこさしすせそがぎアイウエオカキクケコガギ漢字協会報告会員意見"
            "行事開催東京沖縄abcdefgxyzABCXYZ0123456789「」、。（）・ー ")
LAYOUT_ERRORS = {"pdf.too_large", "lint.overflow"}

text = st.text(ALPHABET, min_size=1, max_size=40).map(str.strip).filter(bool)
long_text = st.text(ALPHABET, min_size=1, max_size=300).map(str.strip).filter(bool)
body = st.lists(long_text, min_size=1, max_size=4).map("\n\n".join)
dates = st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))


def optional(**keys):
    """A dict with each key present or not."""
    return st.fixed_dictionaries({}, optional=keys)


@st.composite
def event(draw):
    start = draw(dates)
    out = {"start": start}
    if draw(st.booleans()):
        out["end"] = start + dt.timedelta(days=draw(st.integers(0, 400)))
    out.update(draw(optional(venue=text, organizer=text, fee=text,
                             sponsors=st.lists(text, min_size=1, max_size=3))))
    return out


@st.composite
def slot(draw):
    h = draw(st.integers(8, 18))
    m = draw(st.sampled_from([0, 15, 30]))
    time = f"{h:02d}:{m:02d}-{h + 1:02d}:{m:02d}"
    if draw(st.booleans()):
        return {"time": time, "break": draw(text)}
    out = {"time": time, "title": draw(text)}
    out.update(draw(optional(
        access=st.sampled_from(["公開", "一部公開", "非公開"]), abstract=body,
        speakers=st.lists(st.fixed_dictionaries({"name": text}, optional={
            "affiliation": text, "position": text}), min_size=1, max_size=4))))
    return out


person = st.fixed_dictionaries({"name": text}, optional={"company": text})

articles = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("report"), "title": text, "event": event()},
        optional={"body": body, "url": st.just("https://example.jp/event"),
                  "programme": st.lists(st.fixed_dictionaries(
                      {"date": dates, "slots": st.lists(slot(), min_size=1, max_size=3)}),
                      min_size=1, max_size=2)}),
    st.fixed_dictionaries({"kind": st.just("committee"), "name": text},
                          optional={"chair": person, "body": body, "title": text}),
    st.fixed_dictionaries({"kind": st.just("member"), "company": text},
                          optional={"body": body, "contact": optional(
                              tel=st.just("03-1234-5678"), address=text,
                              url=st.just("https://example.jp/"))}),
    st.fixed_dictionaries({"kind": st.just("calendar"), "events": st.lists(
        st.fixed_dictionaries({"date": dates, "title": text}, optional={"place": text}),
        min_size=1, max_size=5)}),
    st.fixed_dictionaries({"kind": st.just("officers"), "groups": st.lists(
        st.fixed_dictionaries({"role": st.sampled_from(["会長", "副会長", "理事", "監事"]),
                               "members": st.lists(st.fixed_dictionaries(
                                   {"name": text, "company": text}), min_size=1,
                                   max_size=6)}), min_size=1, max_size=3)},
        optional={"as_of": dates}),
    st.fixed_dictionaries({"kind": st.just("opinions"), "items": st.lists(
        st.fixed_dictionaries({"date": dates, "title": long_text}), min_size=1, max_size=5)}),
    st.fixed_dictionaries({"kind": st.just("providers"), "entries": st.lists(
        st.fixed_dictionaries({"name": text, "prefecture": st.sampled_from(PREFECTURES)}),
        min_size=1, max_size=8)}),
    st.fixed_dictionaries({"kind": st.just("article"), "title": text},
                          optional={"byline": text, "body": body}),
)

issues = st.tuples(
    st.lists(articles, min_size=1, max_size=5),
    optional(season=text, editorial=body,
             cover=optional(headline=text, lines=st.lists(text, min_size=1, max_size=3))),
)


@pytest.fixture(scope="module")
def scratch():
    root = Path(tempfile.mkdtemp(prefix="express-random-"))
    project = copy_project(root, issues=False)
    yield project
    shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(issues)
def test_random_valid_issues_build(scratch, drawn):
    arts, extra = drawn
    write_issue(scratch, base_issue(arts, **extra))
    result = build(scratch, site=False)
    errors = [d for d in result.diags if d.is_error]
    for d in errors:
        assert d.code in LAYOUT_ERRORS and d.pos is not None and d.pos.line >= 1, \
            d.render("en")
    if not errors:
        assert result.pdfs["2031-autumn"].stat().st_size > 1000
