"""One reader per article kind: its keys (name → required) and how to build its model.

Adding a kind means adding a reader here, a model class and its renderers; nothing else
branches on the kind.
"""

from __future__ import annotations

from collections.abc import Callable

import yaml

from express.load.images import read_image
from express.load.markup import parse_body
from express.load.values import Fields, Reader, suggest
from express.model import derive
from express.model.articles import (
    PHOTO_SIZES,
    Article,
    Attendance,
    Calendar,
    CalendarEvent,
    Committee,
    Contact,
    Event,
    Feature,
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
from express.model.body import EMPTY_BODY, Body
from express.model.source import Text

ACCESS = ("公開", "一部公開", "非公開")
# What else editors write for each access label, so a mistake is answered with the label
# of the same meaning, never with the one a letter away (一般公開 is 公開, not 一部公開).
ACCESS_SYNONYMS = {
    "公開": ("一般公開", "全公開", "全体公開", "公開セッション", "オープン", "open", "public"),
    "一部公開": ("部分公開", "限定公開", "一部非公開", "一部のみ公開", "partial"),
    "非公開": ("非公開セッション", "クローズド", "招待制", "関係者のみ", "closed", "private"),
}
COMMON = {"kind": True, "id": False, "title": False}


def body(r: Reader, node: yaml.Node, what: str, *, every_line: bool = False) -> Body:
    text = r.text_value(node, what)
    if text is None:
        return EMPTY_BODY
    return parse_body(text, r.diags, every_line=every_line)


def photo(r: Reader, node: yaml.Node) -> Photo | None:
    f = r.mapping(node, "photos[]", {"file": True, "caption": False, "size": False,
                                     "credit": False, "alt": False})
    if f is None or f.missing_required:
        return None
    image = f.get("file", lambda n, w: read_image(r, n, w))
    size = f.get("size", lambda n, w: r.choice(n, w, PHOTO_SIZES))
    if image is None:
        return None
    return Photo(f.pos, image=image, caption=f.get("caption", r.text_value),
                 size=str(size or "column"), credit=f.get("credit", r.text_value),
                 alt=f.get("alt", r.text_value), where=f.where)


def person(r: Reader, node: yaml.Node, what: str) -> Person | None:
    f = r.mapping(node, what, {"name": True, "company": False})
    if f is None or f.missing_required:
        return None
    return Person(f.pos, name=f.get("name", r.text_value),
                  company=f.get("company", r.text_value), where=f.where)


# -- report ---------------------------------------------------------------------------

EVENT_KEYS = {"start": True, "end": False, "venue": False, "address": False,
              "organizer": False, "eligibility": False, "fee": False, "sponsors": False,
              "attendance": False, "side_events": False}


def event(r: Reader, node: yaml.Node, what: str) -> Event | None:
    f = r.mapping(node, what, EVENT_KEYS)
    if f is None:
        return None
    start = f.get("start", r.date)
    end = f.get("end", r.date)
    if start and end and end < start:
        r.error(f.child("end"), "value.end_before_start", start=start, end=end)
        end = None
    attendance = None
    if (n := f.child("attendance")) is not None:
        a = r.mapping(n, f"{what}.attendance", {"onsite": False, "remote": False})
        if a is not None:
            onsite, remote = a.get("onsite", r.count), a.get("remote", r.count)
            if onsite is not None or remote is not None:
                attendance = Attendance(a.pos, onsite=onsite, remote=remote, where=a.where)

    def side(n: yaml.Node) -> SideEvent | None:
        s = r.mapping(n, f"{what}.side_events[]", {"date": True, "title": True})
        if s is None or s.missing_required:
            return None
        d, t = s.get("date", r.date), s.get("title", r.text_value)
        return SideEvent(s.pos, date=d, title=t, where=s.where) if d and t else None

    if start is None:
        return None
    return Event(
        f.pos, start=start, end=end,
        venue=f.get("venue", r.text_value), address=f.get("address", r.text_value),
        organizer=f.get("organizer", r.text_value),
        eligibility=f.get("eligibility", r.text_value), fee=f.get("fee", r.text_value),
        sponsors=r.items(f.child("sponsors"), "sponsors", lambda n: r.text_value(n, "sponsors"))
        if f.child("sponsors") is not None else [],
        attendance=attendance,
        side_events=r.items(f.child("side_events"), "side_events", side)
        if f.child("side_events") is not None else [],
        where=f.where,
    )


SLOT_KEYS = {"time": True, "title": False, "access": False, "speakers": False,
             "abstract": False, "break": False}
BREAK_EXCLUDES = ("title", "access", "speakers", "abstract")


def slot(r: Reader, node: yaml.Node) -> Slot | None:
    f = r.mapping(node, "slots[]", SLOT_KEYS)
    if f is None or f.missing_required:
        return None
    times = f.get("time", r.time_range)
    brk = f.get("break", r.text_value)
    title = f.get("title", r.text_value)
    if brk is None and title is None and f.child("break") is None:
        r.error(node, "slot.needs_title")
    # A break is only a time and its label (the spec's "or a break"): a title, access,
    # speakers or abstract beside it would be dropped without a word.
    talk = [k for k in BREAK_EXCLUDES if f.child(k) is not None]
    if f.child("break") is not None and talk:
        r.error(node, "slot.break_with_talk", keys=", ".join(talk))

    def speaker(n: yaml.Node) -> Speaker | None:
        s = r.mapping(n, "speakers[]", {"name": True, "affiliation": False, "position": False})
        if s is None or s.missing_required:
            return None
        return Speaker(s.pos, name=s.get("name", r.text_value),
                       affiliation=s.get("affiliation", r.text_value),
                       position=s.get("position", r.text_value), where=s.where)

    if times is None:
        return None
    speakers = r.items(f.child("speakers"), "speakers", speaker) if f.child("speakers") else []
    return Slot(
        f.pos, start=times[0], end=times[1], title=title,
        access=f.get("access", lambda n, w: r.choice(n, w, ACCESS, synonyms=ACCESS_SYNONYMS)),
        speakers=speakers,
        abstract=f.get("abstract", lambda n, w: body(r, n, w)) or EMPTY_BODY,
        break_label=brk, where=f.where,
    )


def programme_day(r: Reader, node: yaml.Node) -> ProgrammeDay | None:
    f = r.mapping(node, "programme[]", {"date": True, "slots": True})
    if f is None or f.missing_required:
        return None
    day = f.get("date", r.date)
    slots_node = f.child("slots")
    if isinstance(slots_node, yaml.SequenceNode) and not slots_node.value:
        r.error(slots_node, "programme.no_slots")  # it would print an empty table
    slots = r.items(slots_node, "slots", lambda n: slot(r, n))
    return ProgrammeDay(f.pos, date=day, slots=slots, where=f.where) if day else None


def report(r: Reader, f: Fields, common: dict) -> Article | None:
    ev = f.get("event", lambda n, w: event(r, n, w))
    programme = (r.items(f.child("programme"), "programme", lambda n: programme_day(r, n))
                 if f.child("programme") is not None else [])
    return Report(**common, event=ev, url=f.get("url", r.link), programme=programme,
                  body=f.get("body", lambda n, w: body(r, n, w)) or EMPTY_BODY,
                  photos=_photos(r, f))


def _photos(r: Reader, f: Fields) -> list[Photo]:
    n = f.child("photos")
    return r.items(n, "photos", lambda c: photo(r, c)) if n is not None else []


# -- the other kinds ------------------------------------------------------------------

def committee(r: Reader, f: Fields, common: dict) -> Article | None:
    return Committee(**common, name=f.get("name", r.text_value),
                     chair=f.get("chair", lambda n, w: person(r, n, w)),
                     body=f.get("body", lambda n, w: body(r, n, w)) or EMPTY_BODY,
                     photos=_photos(r, f))


def member(r: Reader, f: Fields, common: dict) -> Article | None:
    contact = None
    if (n := f.child("contact")) is not None:
        c = r.mapping(n, "contact", {"url": False, "tel": False, "email": False,
                                     "address": False})
        if c is not None:
            contact = Contact(c.pos, url=c.get("url", r.link), tel=c.get("tel", r.text_value),
                              email=c.get("email", r.email),
                              address=c.get("address", r.text_value), where=c.where)
    return Member(**common, company=f.get("company", r.text_value),
                  logo=f.get("logo", lambda n, w: read_image(r, n, w)),
                  body=f.get("body", lambda n, w: body(r, n, w)) or EMPTY_BODY,
                  contact=contact, photos=_photos(r, f))


def calendar(r: Reader, f: Fields, common: dict) -> Article | None:
    def item(n: yaml.Node) -> CalendarEvent | None:
        e = r.mapping(n, "events[]", {"date": True, "end": False, "title": True,
                                      "place": False, "url": False})
        if e is None or e.missing_required:
            return None
        start, end = e.get("date", r.date), e.get("end", r.date)
        if start and end and end < start:
            r.error(e.child("end"), "value.end_before_start", start=start, end=end)
            end = None
        title = e.get("title", r.text_value)
        if start is None or title is None:
            return None
        return CalendarEvent(e.pos, date=start, end=end, title=title,
                             place=e.get("place", r.text_value), url=e.get("url", r.link),
                             where=e.where)

    return Calendar(**common, events=r.items(f.child("events"), "events", item))


def officers(r: Reader, f: Fields, common: dict) -> Article | None:
    def group(n: yaml.Node) -> OfficerGroup | None:
        g = r.mapping(n, "groups[]", {"role": True, "members": True})
        if g is None or g.missing_required:
            return None
        role = g.get("role", r.text_value)
        members = r.items(g.child("members"), "members", lambda m: person(r, m, "members[]"))
        return OfficerGroup(g.pos, role=role, members=members, where=g.where) if role else None

    return Officers(**common, as_of=f.get("as_of", r.date),
                    groups=r.items(f.child("groups"), "groups", group),
                    note=f.get("note", r.text_value))


def opinions(r: Reader, f: Fields, common: dict) -> Article | None:
    def item(n: yaml.Node) -> Opinion | None:
        o = r.mapping(n, "items[]", {"date": True, "title": True, "url": False})
        if o is None or o.missing_required:
            return None
        d, t = o.get("date", r.date), o.get("title", r.text_value)
        if d is None or t is None:
            return None
        return Opinion(o.pos, date=d, title=t, url=o.get("url", r.link), where=o.where)

    return Opinions(**common, items=r.items(f.child("items"), "items", item))


def providers(r: Reader, f: Fields, common: dict) -> Article | None:
    def prefecture(n: yaml.Node, what: str) -> Text | None:
        value = r.text_value(n, what)
        if value is None or value in derive.PREFECTURE_ORDER:
            return value
        full = [p for p in derive.PREFECTURES if p[:-1] == value or p == value + "県"]
        hint = full[0] if full else suggest(value, derive.PREFECTURES)
        r.error(n, "value.bad_prefecture", value=value, hint=hint)
        return None

    def entry(n: yaml.Node) -> Provider | None:
        e = r.mapping(n, "entries[]", {"name": True, "prefecture": True, "url": False})
        if e is None or e.missing_required:
            return None
        name, pref = e.get("name", r.text_value), e.get("prefecture", prefecture)
        if name is None or pref is None:
            return None
        return Provider(e.pos, name=name, prefecture=pref, url=e.get("url", r.link),
                        where=e.where)

    return Providers(**common, entries=r.items(f.child("entries"), "entries", entry))


def feature(r: Reader, f: Fields, common: dict) -> Article | None:
    return Feature(**common, byline=f.get("byline", r.text_value),
                   body=f.get("body", lambda n, w: body(r, n, w)) or EMPTY_BODY,
                   photos=_photos(r, f))


Builder = Callable[[Reader, Fields, dict], Article | None]

# kind → (its own keys: name → required, builder).  The title is required where the kind
# has no sensible default title.
KINDS: dict[str, tuple[dict[str, bool], Builder]] = {
    "report": ({"title": True, "url": False, "event": True, "programme": False,
                "body": False, "photos": False}, report),
    "committee": ({"name": True, "chair": False, "body": False, "photos": False}, committee),
    "member": ({"company": True, "logo": False, "body": False, "contact": False,
                "photos": False}, member),
    "calendar": ({"events": True}, calendar),
    "officers": ({"as_of": False, "groups": True, "note": False}, officers),
    "opinions": ({"items": True}, opinions),
    "providers": ({"entries": True}, providers),
    "article": ({"title": True, "byline": False, "body": False, "photos": False}, feature),
}


def kinds_taking(key: str) -> list[str]:
    """The kinds that have ``key`` of their own (``photos``: report, committee, …)."""
    return [kind for kind, (keys, _build) in KINDS.items() if key in keys]
