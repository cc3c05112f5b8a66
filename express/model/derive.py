"""Facts the tool derives so editors never type them: weekdays, durations, counts, orders."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable

WEEKDAYS_JA = "月火水木金土日"

# The national (JIS X 0401) order of prefectures, code 01 to 47.
PREFECTURES: tuple[str, ...] = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
    "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
    "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
    "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県",
    "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県",
    "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県",
    "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
)  # fmt: skip
PREFECTURE_ORDER = {name: i for i, name in enumerate(PREFECTURES)}

# Which head-count class an officer role belongs to.  Every director-level role counts
# toward 理事 (the association's own printed list says 理事25名 監事3名).
DIRECTOR_ROLES = ("会長", "副会長", "専務理事", "常務理事", "常任理事", "理事")


def weekday_ja(day: dt.date) -> str:
    return WEEKDAYS_JA[day.weekday()]


def format_date(day: dt.date, *, weekday: bool = True) -> str:
    """``2020年11月19日（木）``, or ``2020年11月19日`` without the weekday."""
    date = f"{day.year}年{day.month}月{day.day}日"
    return f"{date}（{weekday_ja(day)}）" if weekday else date


def format_date_range(start: dt.date, end: dt.date | None) -> str:
    """``2020年11月19日（木）〜20日（金）``: the end drops what it shares with the start."""
    if end is None or end == start:
        return format_date(start)
    if end.year != start.year:
        tail = format_date(end)
    elif end.month != start.month:
        tail = f"{end.month}月{end.day}日（{weekday_ja(end)}）"
    else:
        tail = f"{end.day}日（{weekday_ja(end)}）"
    return f"{format_date(start)}〜{tail}"


def format_month_day(day: dt.date) -> str:
    """``11月19日（木）`` for programme day headings and calendars."""
    return f"{day.month}月{day.day}日（{weekday_ja(day)}）"


def minutes_between(start: dt.time, end: dt.time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def format_attendance(onsite: int | None, remote: int | None) -> str:
    """``現地46名・リモート9名　計55名``: only the parts given (None: not given), and the
    total only when it adds something, i.e. when both are given."""
    parts = [f"{label}{n}名" for label, n in (("現地", onsite), ("リモート", remote))
             if n is not None]
    if len(parts) > 1:
        return "・".join(parts) + f"　計{(onsite or 0) + (remote or 0)}名"
    return "".join(parts)


def role_class(role: str) -> str:
    """The head-count class of a role: director roles count as 理事, others as themselves."""
    if role in DIRECTOR_ROLES or role.endswith("理事"):
        return "理事"
    return role


def name_key(name: str) -> str:
    """Names compared as a reader would, ignoring spaces and character widths: 「久保 真」,
    「久保　真」 and 「久保真」 are one person; ＮＴＴ and NTT one company."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def head_counts(groups: Iterable[tuple[str, Iterable[str]]]) -> list[tuple[str, int]]:
    """Distinct people per role class, classes in first-seen order.

    ``groups`` yields ``(role, names)``; a person listed under two roles of one class
    (副会長 and 専務理事, say) is counted once, and so is a name written two ways
    (「山田 太郎」, 「山田太郎」: the same :func:`name_key` the repeated-officer check uses).
    """
    seen: dict[str, set[str]] = {}
    for role, names in groups:
        people = seen.setdefault(role_class(role), set())
        people.update(name_key(n) for n in names)
    return [(cls, len(people)) for cls, people in seen.items()]


def format_head_counts(counts: list[tuple[str, int]]) -> str:
    """``理事25名 監事3名``."""
    return " ".join(f"{cls}{n}名" for cls, n in counts)
