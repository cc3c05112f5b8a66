"""The issue model: plain dataclasses, no I/O, never importing a renderer."""

from express.model.articles import (
    DEFAULT_TITLES,
    KIND_LABELS,
    Article,
    Attendance,
    Calendar,
    CalendarEvent,
    Committee,
    Contact,
    Event,
    Feature,
    Image,
    Located,
    Member,
    OfficerGroup,
    Officers,
    Opinion,
    Opinions,
    Person,
    Photo,
    ProgrammeDay,
    Provider,
    Providers,
    Report,
    SideEvent,
    Slot,
    Speaker,
)
from express.model.body import Body, BulletList, Inline, ListItem, Paragraph
from express.model.issue import Archive, Cover, Issue, Publication
from express.model.source import Pos, Text

__all__ = [
    "DEFAULT_TITLES", "KIND_LABELS", "Archive", "Article", "Attendance", "Body", "BulletList",
    "Calendar", "CalendarEvent", "Committee", "Contact", "Cover", "Event", "Feature", "Image",
    "Inline", "Issue", "ListItem", "Located", "Member", "OfficerGroup", "Officers", "Opinion",
    "Opinions", "Paragraph", "Person", "Photo", "Pos", "ProgrammeDay", "Provider", "Providers",
    "Publication", "Report", "SideEvent", "Slot", "Speaker", "Text",
]  # fmt: skip
