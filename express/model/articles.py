"""The article kinds of the issue format, as plain dataclasses (no I/O, no rendering).

Every class keeps ``pos`` (where the article's mapping starts) and ``where`` (the position of
each key's value) so later stages can point at the exact spot.  Derived facts are
properties computed from the data, never typed by editors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from express.model import derive
from express.model.body import EMPTY_BODY, Body
from express.model.source import Pos, Text


@dataclass
class Located:
    pos: Pos
    where: dict[str, Pos] = field(default_factory=dict, kw_only=True)

    def at(self, key: str) -> Pos:
        """Position of ``key``'s value, or of the mapping when the key was not written."""
        return self.where.get(key, self.pos)


@dataclass
class Image(Located):
    """A picture file inside the issue's folder; ``path`` is absolute, ``ref`` as written."""

    ref: str
    path: str


PHOTO_SIZES = ("column", "wide", "half")  # a photo's width: a column, both columns, half


@dataclass
class Photo(Located):
    """A photo in running text.  ``size`` is its width on the page (``PHOTO_SIZES``);
    ``credit`` is printed with it; ``alt`` is what a screen reader says instead of the
    picture (the web page's alt text, the PDF's tag), the caption when not written."""

    image: Image
    caption: Text | None = None
    size: str = "column"
    credit: Text | None = None
    alt: Text | None = None

    @property
    def alt_text(self) -> str:
        return str(self.alt or self.caption or "")


@dataclass
class Person(Located):
    name: Text
    company: Text | None = None


@dataclass
class Speaker(Located):
    name: Text
    affiliation: Text | None = None
    position: Text | None = None


@dataclass
class Slot(Located):
    start: dt.time
    end: dt.time
    title: Text | None = None
    access: Text | None = None
    speakers: list[Speaker] = field(default_factory=list)
    abstract: Body = EMPTY_BODY
    break_label: Text | None = None

    @property
    def is_break(self) -> bool:
        return self.break_label is not None

    @property
    def duration(self) -> int:
        """Minutes, the "(50)" of printed programmes."""
        return derive.minutes_between(self.start, self.end)

    @property
    def time_label(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M}"


@dataclass
class ProgrammeDay(Located):
    date: dt.date
    slots: list[Slot]

    @property
    def label(self) -> str:
        return derive.format_month_day(self.date)


@dataclass
class Attendance(Located):
    """Head counts as given: a part the editor left out is None, never a made-up 0."""

    onsite: int | None = None
    remote: int | None = None

    @property
    def total(self) -> int:
        return (self.onsite or 0) + (self.remote or 0)

    @property
    def label(self) -> str:
        """The printed line, ``現地46名・リモート9名　計55名`` (PDF and site alike)."""
        return derive.format_attendance(self.onsite, self.remote)


@dataclass
class SideEvent(Located):
    date: dt.date
    title: Text


@dataclass
class Event(Located):
    start: dt.date
    end: dt.date | None = None
    venue: Text | None = None
    address: Text | None = None
    organizer: Text | None = None
    eligibility: Text | None = None
    fee: Text | None = None
    sponsors: list[Text] = field(default_factory=list)
    attendance: Attendance | None = None
    side_events: list[SideEvent] = field(default_factory=list)

    @property
    def dates_label(self) -> str:
        return derive.format_date_range(self.start, self.end)


@dataclass
class Article(Located):
    """What every kind shares: its kind, page id and title."""

    kind: str
    id: str
    title: Text

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Report(Article):
    event: Event | None = None
    url: Text | None = None
    programme: list[ProgrammeDay] = field(default_factory=list)
    body: Body = EMPTY_BODY
    photos: list[Photo] = field(default_factory=list)


@dataclass
class Committee(Article):
    name: Text | None = None
    chair: Person | None = None
    body: Body = EMPTY_BODY
    photos: list[Photo] = field(default_factory=list)

    @property
    def chair_label(self) -> str:
        """What the chair is called: 部会長 of a 部会, 主査 of a working group, else 代表."""
        name = str(self.name or self.title)
        if name.endswith("部会"):
            return "部会長"
        if name.endswith(("ワーキンググループ", "WG")):
            return "主査"
        return "代表"


@dataclass
class Contact(Located):
    url: Text | None = None
    tel: Text | None = None
    email: Text | None = None
    address: Text | None = None


@dataclass
class Member(Article):
    company: Text | None = None
    logo: Image | None = None
    body: Body = EMPTY_BODY
    contact: Contact | None = None
    photos: list[Photo] = field(default_factory=list)


@dataclass
class CalendarEvent(Located):
    date: dt.date
    title: Text
    end: dt.date | None = None
    place: Text | None = None
    url: Text | None = None

    @property
    def dates_label(self) -> str:
        return derive.format_date_range(self.date, self.end)


@dataclass
class Calendar(Article):
    events: list[CalendarEvent] = field(default_factory=list)

    @property
    def in_date_order(self) -> list[CalendarEvent]:
        return sorted(self.events, key=lambda e: e.date)


@dataclass
class OfficerGroup(Located):
    role: Text
    members: list[Person]


@dataclass
class Officers(Article):
    groups: list[OfficerGroup] = field(default_factory=list)
    as_of: dt.date | None = None
    note: Text | None = None  # printed under the list: （敬称略・順不同）

    @property
    def head_counts(self) -> list[tuple[str, int]]:
        return derive.head_counts((g.role, (m.name for m in g.members)) for g in self.groups)

    @property
    def head_count_line(self) -> str:
        """``理事25名 監事3名``."""
        return derive.format_head_counts(self.head_counts)


@dataclass
class Opinion(Located):
    date: dt.date
    title: Text
    url: Text | None = None


@dataclass
class Opinions(Article):
    items: list[Opinion] = field(default_factory=list)

    @property
    def newest_first(self) -> list[Opinion]:
        return sorted(self.items, key=lambda o: o.date, reverse=True)


@dataclass
class Provider(Located):
    name: Text
    prefecture: Text
    url: Text | None = None


@dataclass
class Providers(Article):
    entries: list[Provider] = field(default_factory=list)

    @property
    def by_prefecture(self) -> list[tuple[str, list[Provider]]]:
        """Groups in the national prefecture order; entries keep the editor's order inside."""
        groups: dict[str, list[Provider]] = {}
        for entry in sorted(self.entries, key=lambda e: derive.PREFECTURE_ORDER[e.prefecture]):
            groups.setdefault(str(entry.prefecture), []).append(entry)
        return list(groups.items())


@dataclass
class Feature(Article):
    """``kind: article`` — a column, notice or interview."""

    byline: Text | None = None
    body: Body = EMPTY_BODY
    photos: list[Photo] = field(default_factory=list)


KIND_LABELS: dict[str, str] = {
    "report": "レポート",
    "committee": "部会・WG活動報告",
    "member": "会員紹介",
    "calendar": "行事一覧",
    "officers": "役員一覧",
    "opinions": "意見書",
    "providers": "全国プロバイダー一覧",
    "article": "コラム",
}

# Titles for kinds whose title the format makes optional.
DEFAULT_TITLES: dict[str, str] = {
    "calendar": "行事一覧",
    "officers": "役員一覧",
    "opinions": "提出意見書一覧",
    "providers": "全国プロバイダー一覧",
}
