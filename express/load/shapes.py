"""Examples of the right shape, for a value written in the wrong one.

An editor who writes ``speakers:`` as a list of names, or ``sponsors: 楽天株式会社`` as
one value, is told what to write instead: the same words in the shape the format wants,
as one line of YAML (flow style, so the message stays on the line that names the place).
"""

from __future__ import annotations

import re

# Each block of keys (a list's item: ``name[]``), as one line: the key the written text
# most likely meant, and the rest of an example.
_MAPPINGS: dict[str, tuple[str, str, str]] = {
    # shape: (prefix, key for the written text, the other keys)
    "articles[]": ("- ", "title", "kind: article, body: 本文"),
    "cover": ("cover: ", "headline", "image: images/cover.jpg"),
    "event": ("event: ", "venue", "start: 2020-11-19, end: 2020-11-20"),
    "attendance": ("attendance: ", "onsite", "remote: 9"),
    "side_events[]": ("- ", "title", "date: 2020-11-18"),
    "programme[]": ("- ", "date", 'slots: [{time: "09:00-09:50", title: 開会挨拶}]'),
    "slots[]": ("- ", "title", 'time: "09:00-09:50"'),
    "speakers[]": ("- ", "name", "affiliation: 日本電信電話株式会社, position: 常務執行役員"),
    "photos[]": ("- ", "file", "caption: 会場の様子"),
    "chair": ("chair: ", "name", "company: EditNet株式会社"),
    "contact": ("contact: ", "url", "tel: 03-5304-7511"),
    "events[]": ("- ", "title", "date: 2022-04-21, place: 愛媛県松山市"),
    "groups[]": ("- ", "role", "members: [{name: 久保 真, company: ビッグローブ株式会社}]"),
    "members[]": ("- ", "name", "company: ビッグローブ株式会社"),
    "items[]": ("- ", "title", "date: 2022-02-14"),
    "entries[]": ("- ", "name", "prefecture: 東京都"),
}
_PLACEHOLDERS = {"title": "JAIPA Express について", "headline": "沖縄ICTフォーラム2020 開催報告",
                 "venue": "久米島 イーフ情報プラザ", "onsite": "46", "date": "2020-11-19",
                 "name": "川添 雄彦", "file": "images/photo.jpg", "url": "https://www.jaipa.or.jp/",
                 "role": "理事"}
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def shape_of(what: str) -> str:
    """The shape named by a reader's ``what``: ``articles[2](report).event`` → ``event``,
    ``articles[0](officers)`` → ``articles[]``."""
    last = what.rsplit(".", 1)[-1]
    last = re.sub(r"\(.*\)$", "", last)
    return re.sub(r"\[\d+\]$", "[]", last)


def _flow(text: str) -> str:
    """``text`` as a flow-style value: quoted when YAML would read it otherwise."""
    if re.search(r"[:#,\[\]{}&*!|>'\"%@`]|^[-?\s]|\s$", text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def mapping_example(what: str, written: str | None = None) -> str:
    """One line of YAML showing the block of keys ``what`` wants, holding ``written`` (the
    text the editor wrote in its place) where it fits; "" when there is no example."""
    shape = _MAPPINGS.get(shape_of(what))
    if shape is None:
        return ""
    prefix, key, rest = shape
    value = (written or "").strip()
    if key == "title" and _DATE.match(value):
        key = "date"  # the date of an event or opinion, written alone
    if not value or "\n" in value:
        value = _PLACEHOLDERS.get(key, "…")
    first = f"{key}: {_flow(value)}"
    if key == "date" and rest.startswith("date:"):
        rest = "title: " + _PLACEHOLDERS["title"]
    return f"{prefix}{{{first}, {rest}}}"


def list_example(what: str, written: str | None = None) -> str:
    """One line of YAML showing the list ``what`` wants, holding ``written`` as its first
    item where it fits; "" when there is no example."""
    key = shape_of(what)
    item = mapping_example(f"{key}[]", written)
    if item:
        return f"{key}: [{item.removeprefix('- ')}]"
    value = (written or "").strip()
    if not value or "\n" in value:
        return ""
    items = [_flow(v.strip()) for v in re.split(r"[、,]", value) if v.strip()]
    return f"{key}: [{', '.join(items)}]"
