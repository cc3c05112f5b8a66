"""Rows repeated in tables, officers listed twice or with two companies."""

from __future__ import annotations

from tests.lint.helpers import codes, found, lint

OFFICERS = """
articles:
  - kind: officers
    groups:
      - role: 副会長
        members:
          - {{name: 立石 聡明, company: 有限会社マンダラネット}}
          - {{name: {second}, company: 株式会社オキット}}
      - role: 専務理事
        members:
          - {{name: 立石聡明, company: {company}}}
"""


def test_same_person_twice_in_one_role(empty_project):
    diags = lint(empty_project, OFFICERS.format(second="立石　聡明",
                                                company="有限会社マンダラネット"))
    assert found(diags, "lint.duplicate_officer") == [(9, 20)]


def test_one_person_with_two_companies_across_roles(empty_project):
    diags = lint(empty_project, OFFICERS.format(second="井口 一", company="株式会社オキット"))
    assert found(diags, "lint.officer_company_differs") == [(12, 35)]


def test_correct_officers_raise_nothing(empty_project):
    # one person in two roles is fine; （有） is the same company type (表記ゆれ aside)
    diags = lint(empty_project, OFFICERS.format(second="井口 一", company="有限会社マンダラネット"))
    assert codes(diags) == []
    diags = lint(empty_project, OFFICERS.format(second="井口 一", company="（有）マンダラネット"))
    assert "lint.officer_company_differs" not in codes(diags)


TABLES = """
articles:
  - kind: opinions
    items:
      - date: 2021-06-14
        title: 論点整理につきまして
      - date: {opinion_day}
        title: 論点整理につきまして
  - kind: calendar
    events:
      - {{date: 2022-04-21, title: 第53回 JAIPA ISPの集い in 松山}}
      - {{date: {event_day}, title: 第53回　JAIPA ISPの集い in 松山}}
"""


def test_repeated_opinion_and_calendar_rows(empty_project):
    diags = lint(empty_project, TABLES.format(opinion_day="2021-06-14", event_day="2022-04-21"))
    assert found(diags, "lint.duplicate_item") == [(8, 9), (13, 9)]


def test_distinct_rows_raise_nothing(empty_project):
    diags = lint(empty_project, TABLES.format(opinion_day="2021-06-28", event_day="2022-04-22"))
    assert codes(diags) == []
