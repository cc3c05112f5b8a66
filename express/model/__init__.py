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
from express.model.body import Body, Heading, Inline, ItemList, LineBreak, ListItem, Paragraph
from express.model.issue import Archive, Cover, Issue, Publication
from express.model.source import Pos, Text

__all__ = [
    "DEFAULT_TITLES", "KIND_LABELS", "Archive", "Article", "Attendance", "Body", "Calendar",
    "CalendarEvent", "Committee", "Contact", "Cover", "Event", "Feature", "Heading", "Image",
    "Inline", "Issue", "ItemList", "LineBreak", "ListItem", "Located", "Member", "OfficerGroup",
    "Officers", "Opinion", "Opinions", "Paragraph", "Person", "Photo", "Pos", "ProgrammeDay",
    "Provider", "Providers", "Publication", "Report", "SideEvent", "Slot", "Speaker", "Text",
]  # fmt: skip
