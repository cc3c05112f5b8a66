"""Weekdays written in the text must match their dates.

The association's printed report says 開催日：2020年11月19日（水） — but that day was a
Thursday.  Editors copy such lines; the tool derives weekdays itself, and here checks the
ones written by hand.

Which day a written date means:

- ``2020年11月19日`` (or ``令和2年…``, ``昭和64年…``, ``2020/11/19``) is that day.
- A date whose year is written in a form not read here (``20年11月19日``, ``2020（令和2）年…``,
  ``R2年…``) is not checked, nor are the dates after it in the same text that leave out
  the year: they would be read in a year the writer did not mean.
- A date without a year (``11月19日``) is the one nearest to the date the text is about:
  the previous date written in the same text, else the enclosing report's event,
  programme day or calendar entry, else the issue's date.  So ``1月8日`` in a December
  issue is next January, and ``11月18日`` in a report on a November event is that November.
- A day alone (``20日``) is in the month of the date written just before it in the same
  text — the next month when it is smaller and follows a range sign
  (``11月30日（月）〜2日（水）``) — else in the month nearest to the date the text is about.

Digits may be full-width (``１１月``); the weekday may be written （水）, （水曜）, （水曜日）
or with a holiday mark, (水・祝).

A date that is in no calendar (``2023年2月29日``, ``4月31日``, ``13月1日``) is reported too
— when it is surely a date: written with 月 and 日, or with slashes and a weekday after it
(``2/30(木)``; ``2/30`` alone may be a fraction).
"""

from __future__ import annotations

import datetime as dt
import re

from express.diagnostics import Diagnostics
from express.model.derive import weekday_ja
from express.model.issue import Issue
from express.model.walk import pieces

_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_DATE = re.compile(
    r"(?<!\d)(?:(?:(?P<era>令和|平成|昭和|大正|明治)\s*(?P<ey>元|\d{1,2})|(?P<y>\d{4}))\s*年\s*)?"
    r"(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*日"
    r"|(?<![\d/])(?:(?P<sy>\d{4})/)?(?P<sm>\d{1,2})/(?P<sd>\d{1,2})"
)
_WEEKDAY = re.compile(
    r"\s*[（(]\s*(?P<w>[月火水木金土日])(?:曜日?)?"
    r"\s*(?:[・･、,/／]?\s*(?:祝日?|休日?|振休|振替休日))?\s*[）)]"
)
_YEAR_BEFORE = re.compile(r"年\s*\Z")  # a year was written just before: not one read
_RANGE = re.compile(r"\s*(?:[〜～~\-–—―－]|から)\s*$")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def written_weekdays(issue: Issue, diags: Diagnostics) -> None:
    for piece in pieces(issue):
        if "日" not in piece.text and "/" not in piece.text:
            continue
        text = piece.text.translate(_FULL_DIGITS)
        ref = piece.date or issue.date
        last_end = 0  # end of the previous date written in this text (0: none yet)
        lost = False  # a year was written that is not read: ``ref`` is not its date
        for m in _DATE.finditer(text):
            w = _WEEKDAY.match(text, m.end())
            if w is None and not (m["m"] or m["sm"]):
                continue  # a day count (2日間), or a day that sets no month for later ones
            after = last_end > 0
            in_range = after and bool(_RANGE.search(text[last_end:m.start()]))
            if _year(m) is not None:
                lost = False
            elif _YEAR_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                lost = True
            day = None if lost else _resolve(m, ref, after, in_range)
            last_end = w.end() if w else m.end()
            if (m["m"] or w) and not _exists(m):
                diags.warning(piece.locate(m.start()), "lint.impossible_date",
                              written=piece.text[m.start():last_end].strip())
                continue
            if day is None:
                continue
            ref = day  # 11月19日から20日（金）: the month carries over
            if w is None:
                continue
            true = weekday_ja(day)
            if true != w["w"]:
                diags.warning(piece.locate(m.start()), "lint.weekday_mismatch",
                              written=piece.text[m.start():w.end()].strip(),
                              weekday_written=w["w"], date=day.isoformat(),
                              weekday_true=_WEEKDAYS_EN[day.weekday()], weekday_true_ja=true)


def _year(m: re.Match[str]) -> int | None:
    """The year ``m`` writes (Western or era), or None."""
    if m["era"]:
        return _ERAS[m["era"]] + (1 if m["ey"] == "元" else int(m["ey"]))
    year_text = m["y"] or m["sy"]
    return int(year_text) if year_text else None


def _exists(m: re.Match[str]) -> bool:
    """Whether the month and day of ``m`` are a day of its year (any leap year when it
    writes none: 2月29日 alone may well be meant)."""
    month_text = m["m"] or m["sm"]
    if month_text is None:
        return True
    year = _year(m)
    return _safe(2000 if year is None else year, int(month_text), int(m["d"] or m["sd"])
                 ) is not None


def _resolve(m: re.Match[str], ref: dt.date, after: bool, in_range: bool) -> dt.date | None:
    """The day ``m`` names, reading what it leaves out from ``ref`` (see the docstring)."""
    year = _year(m)
    month_text, day_text = m["m"] or m["sm"], m["d"] or m["sd"]
    day = int(day_text)
    try:
        if month_text is None:
            if after:  # the month of the date written just before
                return _shift_month(ref, 1 if in_range and day < ref.day else 0, day)
            options = [_shift_month(ref, k, day) for k in (-1, 0, 1)]
            return _nearest([o for o in options if o], ref)
        month = int(month_text)
        if year is not None:
            return dt.date(year, month, day)
        options = [_safe(ref.year + k, month, day) for k in (-1, 0, 1)]
        if in_range:
            options = [o for o in options if o and o >= ref]
        return _nearest([o for o in options if o], ref)
    except ValueError:
        return None


def _shift_month(ref: dt.date, months: int, day: int) -> dt.date | None:
    index = ref.year * 12 + ref.month - 1 + months
    return _safe(index // 12, index % 12 + 1, day)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest(options: list[dt.date], ref: dt.date) -> dt.date | None:
    return min(options, key=lambda d: abs((d - ref).days)) if options else None
