"""Weekdays written by hand must match their dates, read in the year the text is about."""

from __future__ import annotations

from tests.lint.helpers import codes, found, lint

CODE = "lint.weekday_mismatch"


def _editorial(project, line: str, date: str = "2020-12-15"):
    return lint(project, f"editorial: |\n  {line}\narticles:\n  - kind: calendar\n"
                         "    events: [{date: 2020-11-19, title: 集い}]\n", date=date)


def test_wrong_weekday_with_year_is_found_at_the_date(empty_project):
    diags = _editorial(empty_project, "開催日：2020年11月19日（水）-20日（金）")
    assert found(diags, CODE) == [(4, 7)]
    (d,) = [d for d in diags if d.code == CODE]
    assert d.args["weekday_true_ja"] == "木" and d.args["written"] == "2020年11月19日（水）"


def test_range_tail_without_month_is_checked(empty_project):
    diags = _editorial(empty_project, "11月19日（木）〜20日（土）")
    assert found(diags, CODE) == [(4, 13)]


def test_full_width_digits_and_weekday_forms(empty_project):
    diags = _editorial(empty_project, "１１月１９日（水曜日）と11月20日(水・祝)")
    assert found(diags, CODE) == [(4, 3), (4, 15)]


def test_date_without_year_in_a_report_uses_the_event_year(empty_project):
    # 2019-11-19 was a Tuesday; the issue is dated 2019, the event is in 2020.
    diags = lint(empty_project, """
        articles:
          - kind: report
            title: 報告
            event: {start: 2020-11-19}
            body: |
              11月18日（水）は前夜祭、19日（火）が本番。
        """, date="2019-12-01")
    assert found(diags, CODE) == [(8, 21)]


def test_january_in_a_december_issue_is_next_year(empty_project):
    # 2021-01-08 is a Friday (2020-01-08 was a Wednesday).
    assert CODE not in codes(_editorial(empty_project, "次回は1月8日（金）です。"))
    assert found(_editorial(empty_project, "次回は1月8日（水）です。"), CODE) == [(4, 6)]


def test_range_over_the_new_year_and_month_end(empty_project):
    text = "12月31日（木）〜1月1日（金）、11月30日（月）〜2日（水）"
    assert CODE not in codes(_editorial(empty_project, text))


def test_correct_dates_raise_nothing(empty_project):
    text = ("2020年11月19日（木）〜20日（金）、11月18日（水）、令和2年11月19日（木）、"
            "11/19（木）、11月20日（金曜）、11月19日・20日（木・金）、23日（月・祝）、"
            "11月19日から20日（金）まで、11月19日・20日の2日間")
    assert codes(_editorial(empty_project, text)) == []
    assert codes(_editorial(empty_project, "１１月２０日（金曜）、２３日（月・祝）")) == []
    # the month of a date written without a weekday carries to the next date
    assert codes(_editorial(empty_project, "11月19日から20日（金）まで")) == []


def test_impossible_dates_are_found_at_their_column(empty_project):
    text = "次回は2023年2月29日（水）に。4月31日に。13月1日に。2/30(木)に。令和5年2月29日。"
    written = ["2023年2月29日（水）", "4月31日", "13月1日", "2/30(木)", "令和5年2月29日"]
    diags = _editorial(empty_project, text)
    assert found(diags, "lint.impossible_date") == [(4, 3 + text.index(w)) for w in written]
    assert [d.args["written"] for d in diags.sorted()
            if d.code == "lint.impossible_date"] == written
    assert CODE not in codes(diags)


def test_things_that_are_not_surely_dates_are_not_impossible_dates(empty_project):
    text = "比率は2/30、1/32、3/45です。2月29日（木）は閏日、2024年2月29日（木）、31日間、40日。"
    diags = _editorial(empty_project, text, date="2024-03-01")
    assert codes(diags) == []


def test_older_eras_are_read(empty_project):
    """昭和64年1月7日 was a Saturday: the era was not read, 1月7日 was taken for a day near
    the issue's date, and （土） "corrected"."""
    right = _editorial(empty_project, "昭和64年1月7日（土）、平成元年1月8日（日）")
    assert found(right, CODE) == []
    diags = _editorial(empty_project, "昭和64年1月7日（日）")
    assert found(diags, CODE) == [(4, 3)]
    assert [d.args["date"] for d in diags if d.code == CODE] == ["1989-01-07"]


def test_a_year_written_in_a_form_not_read_is_not_guessed(empty_project):
    """20年11月19日 or 2020（令和2）年11月19日: the year is there but not read; the date was
    put near the issue's date and its right weekday called wrong."""
    for line in ("20年11月19日（木）", "2020（令和2）年11月19日（木）〜20日（金）",
                 "R2年11月19日（木）と11月20日（金）"):
        assert found(_editorial(empty_project, line, date="2023-01-15"), CODE) == [], line
    # a year read again afterwards is checked again
    diags = _editorial(empty_project, "20年11月19日（木）、2020年11月20日（木）")
    assert found(diags, CODE) == [(4, 16)]
