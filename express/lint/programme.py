"""A report's programme must read as a timetable: days within the event, in date order and
each once, slots in order without overlaps, each speaker once per slot."""

from __future__ import annotations

import datetime as dt

from express.diagnostics import Diagnostics
from express.model.articles import ProgrammeDay, Report, Slot
from express.model.derive import name_key
from express.model.issue import Issue


def programme_order(issue: Issue, diags: Diagnostics) -> None:
    for article in issue.articles:
        if not isinstance(article, Report):
            continue
        ev = article.event
        _day_order(article.programme, diags)
        for day in article.programme:
            if ev is not None and not ev.start <= day.date <= (ev.end or ev.start):
                diags.warning(day.at("date"), "programme.outside_event",
                              date=day.date, start=ev.start, end=ev.end or ev.start)
            _slot_times(day.slots, diags)
            for slot in day.slots:
                _repeated_speakers(slot, diags)


def _day_order(days: list[ProgrammeDay], diags: Diagnostics) -> None:
    """Days are printed as listed: a day before the one above it reads backwards, and a
    day listed twice splits its timetable in two."""
    seen: dict[dt.date, int] = {}
    previous: ProgrammeDay | None = None
    for day in days:
        if day.date in seen:
            diags.warning(day.at("date"), "programme.repeated_day", date=day.date,
                          other=seen[day.date])
        elif previous is not None and day.date < previous.date:
            diags.warning(day.at("date"), "programme.day_out_of_order", date=day.date,
                          previous=previous.date)
        seen.setdefault(day.date, day.at("date").line)
        previous = day


def _slot_times(slots: list[Slot], diags: Diagnostics) -> None:
    """A slot starting before the previous one started is out of order; one starting
    before an earlier slot has ended overlaps it."""
    latest: Slot | None = None  # the earlier slot that ends last
    previous: Slot | None = None
    for slot in slots:
        if previous is not None and slot.start < previous.start:
            diags.warning(slot.at("time"), "slot.out_of_order",
                          time=slot.time_label, previous=previous.time_label)
        elif latest is not None and slot.start < latest.end:
            diags.warning(slot.at("time"), "slot.overlap",
                          time=slot.time_label, previous=latest.time_label)
        if latest is None or slot.end > latest.end:
            latest = slot
        previous = slot


def _repeated_speakers(slot: Slot, diags: Diagnostics) -> None:
    seen: dict[str, int] = {}
    for speaker in slot.speakers:
        key = name_key(speaker.name)
        if key in seen:
            diags.warning(speaker.at("name"), "slot.repeated_speaker",
                          name=speaker.name, other=seen[key])
        else:
            seen[key] = speaker.at("name").line
