"""Derived facts: computed in the model, never typed by editors."""

from __future__ import annotations

import datetime as dt

from express.model import derive
from express.model.articles import (
    Committee,
    OfficerGroup,
    Officers,
    Opinion,
    Opinions,
    Person,
    Provider,
    Providers,
    Slot,
)
from express.model.source import Pos, Text

P = Pos("t.yaml", 1, 1)


def T(s: str) -> Text:
    return Text(s, P)


def test_weekdays_and_ranges():
    assert derive.format_date(dt.date(2020, 11, 19)) == "2020年11月19日（木）"
    assert (
        derive.format_date_range(dt.date(2020, 11, 19), dt.date(2020, 11, 20))
        == "2020年11月19日（木）〜20日（金）"
    )
    assert (
        derive.format_date_range(dt.date(2020, 11, 30), dt.date(2020, 12, 1))
        == "2020年11月30日（月）〜12月1日（火）"
    )
    assert (
        derive.format_date_range(dt.date(2020, 12, 31), dt.date(2021, 1, 1))
        == "2020年12月31日（木）〜2021年1月1日（金）"
    )
    assert derive.format_date_range(dt.date(2020, 11, 18), None) == "2020年11月18日（水）"


def test_slot_duration():
    slot = Slot(P, start=dt.time(9, 50), end=dt.time(11, 20), title=T("講演"))
    assert slot.duration == 90
    assert Slot(P, start=dt.time(12, 5), end=dt.time(13, 0), break_label=T("昼")).duration == 55


def _officers(groups):
    return Officers(
        P,
        kind="officers",
        id="o",
        title=T("役員一覧"),
        groups=[
            OfficerGroup(P, role=T(role), members=[Person(P, name=T(n)) for n in names])
            for role, names in groups
        ],
    )


def test_head_counts_count_a_person_with_two_roles_once():
    o = _officers(
        [
            ("会長", ["久保 真"]),
            ("副会長", ["西山 裕之", "立石 聡明"]),
            ("専務理事", ["立石 聡明"]),
            ("理事", ["大津 康治"]),
            ("監事", ["秋山 卓司"]),
        ]
    )
    assert o.head_counts == [("理事", 4), ("監事", 1)]
    assert o.head_count_line == "理事4名 監事1名"


def test_head_counts_ignore_spacing_in_names():
    o = _officers([("副会長", ["立石 聡明"]), ("専務理事", ["立石聡明"])])
    assert o.head_count_line == "理事1名"


def test_head_counts_ignore_character_widths_as_the_repeat_check_does():
    o = _officers([("理事", ["ＫＥＮ 山田", "KEN山田", "KEN 田中"]), ("監事", ["秋山　卓司"])])
    assert o.head_count_line == "理事2名 監事1名"


def test_opinions_newest_first_stable():
    items = [
        Opinion(P, date=dt.date(2021, 4, 9), title=T("a")),
        Opinion(P, date=dt.date(2022, 2, 14), title=T("b")),
        Opinion(P, date=dt.date(2021, 4, 9), title=T("c")),
    ]
    o = Opinions(P, kind="opinions", id="x", title=T("意見書"), items=items)
    assert [i.title for i in o.newest_first] == ["b", "a", "c"]


def test_providers_grouped_in_national_order():
    entries = [
        Provider(P, name=T(n), prefecture=T(p))
        for n, p in [
            ("A", "沖縄県"),
            ("B", "東京都"),
            ("C", "北海道"),
            ("D", "東京都"),
            ("E", "大阪府"),
        ]
    ]
    p = Providers(P, kind="providers", id="p", title=T("一覧"), entries=entries)
    assert [(pref, [e.name for e in es]) for pref, es in p.by_prefecture] == [
        ("北海道", ["C"]),
        ("東京都", ["B", "D"]),
        ("大阪府", ["E"]),
        ("沖縄県", ["A"]),
    ]


def test_prefecture_table_is_complete():
    assert len(derive.PREFECTURES) == 47 == len(set(derive.PREFECTURES))


def test_chair_label_follows_the_committee_name_or_else_its_title():
    def label(name, title="題"):
        return Committee(P, kind="committee", id="c", title=T(title),
                         name=T(name) if name else None).chair_label

    assert label("クラウド部会") == "部会長"
    assert label("IGF2023ワーキンググループ") == "主査"
    assert label("ゲームNW接続性WG") == "主査"
    assert label(None, title="モバイル部会") == "部会長"
    assert label("ドメイン委員会") == "代表"


def test_attendance_line_holds_only_the_parts_given():
    assert derive.format_attendance(46, 9) == "現地46名・リモート9名　計55名"
    assert derive.format_attendance(12, None) == "現地12名"
    assert derive.format_attendance(None, 120) == "リモート120名"
    assert derive.format_attendance(0, 120) == "現地0名・リモート120名　計120名"
