"""A programme reads as a timetable: slots in order, no overlaps, each speaker once."""

from __future__ import annotations

from tests.lint.helpers import codes, found, lint

REPORT = """
articles:
  - kind: report
    title: 報告
    event: {{start: 2020-11-19, end: 2020-11-20}}
    programme:
      - date: {day}
        slots:
          - time: "09:00-10:00"
            title: 基調講演
            speakers:
              - name: 川添 雄彦
              - name: {second}
          - time: "{t2}"
            title: パネル
          - time: "{t3}"
            title: 閉会
"""


def _lint(project, t2="10:00-11:00", t3="11:00-11:30", second="松原 実穂子",
          day="2020-11-19"):
    return lint(project, REPORT.format(t2=t2, t3=t3, second=second, day=day))


def test_overlap_is_found_at_the_slot_time(empty_project):
    diags = _lint(empty_project, t2="09:50-11:00")
    assert found(diags, "slot.overlap") == [(15, 19)]
    assert "slot.out_of_order" not in codes(diags)


def test_a_slot_inside_an_earlier_long_slot_overlaps_it(empty_project):
    diags = _lint(empty_project, t2="10:00-12:00", t3="11:00-11:30")
    (d,) = [d for d in diags if d.code == "slot.overlap"]
    assert (d.pos.line, d.pos.col) == (17, 19) and d.args["previous"] == "10:00–12:00"


def test_out_of_order_is_reported_distinctly(empty_project):
    diags = _lint(empty_project, t3="08:00-08:30")
    assert found(diags, "slot.out_of_order") == [(17, 19)]
    assert "slot.overlap" not in codes(diags)


def test_speaker_twice_in_one_slot(empty_project):
    diags = _lint(empty_project, second="川添　雄彦")
    assert found(diags, "slot.repeated_speaker") == [(14, 23)]


def test_programme_day_outside_the_event(empty_project):
    assert found(_lint(empty_project, day="2020-11-21"), "programme.outside_event") == [(8, 15)]


def test_a_correct_programme_raises_nothing(empty_project):
    assert codes(_lint(empty_project)) == []


DAYS = """
articles:
  - kind: report
    title: 報告
    event: {{start: 2020-11-19, end: 2020-11-20}}
    programme:
      - date: {first}
        slots:
          - {{time: "09:00-10:00", title: 基調講演}}
      - date: {second}
        slots:
          - {{time: "10:00-11:00", title: パネル}}
"""


def test_programme_days_out_of_order_or_repeated(empty_project):
    diags = lint(empty_project, DAYS.format(first="2020-11-20", second="2020-11-19"))
    assert found(diags, "programme.day_out_of_order") == [(11, 15)]
    diags = lint(empty_project, DAYS.format(first="2020-11-19", second="2020-11-19"))
    assert found(diags, "programme.repeated_day") == [(11, 15)]
    (d,) = [d for d in diags if d.code == "programme.repeated_day"]
    assert d.args["other"] == 8 and "programme.day_out_of_order" not in codes(diags)
    assert codes(lint(empty_project, DAYS.format(first="2020-11-19",
                                                 second="2020-11-20"))) == []
