"""Weekdays written in the text must match their dates.

The association's printed report says 開催日：2020年11月19日（水） — but that day was a
Thursday.  Editors copy such lines; the tool derives weekdays itself, and here checks the
ones written by hand.
"""

from __future__ import annotations

import datetime as dt
import re

from express.diagnostics import Diagnostics
from express.lint.walk import texts
from express.model.derive import WEEKDAYS_JA
from express.model.issue import Issue

_DATE = re.compile(
    r"(?:(?:(?P<y>\d{4})年\s*)?(?P<m>\d{1,2})月\s*)?(?P<d>\d{1,2})日\s*"
    r"[（(](?P<w>[月火水木金土日])(?:曜日?)?[）)]"
)
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def written_weekdays(issue: Issue, diags: Diagnostics) -> None:
    for text, locate in texts(issue):
        year, month = issue.date.year, None
        for m in _DATE.finditer(text):
            year = int(m["y"]) if m["y"] else year
            month = int(m["m"]) if m["m"] else month
            if month is None:
                continue
            try:
                day = dt.date(year, month, int(m["d"]))
            except ValueError:
                continue
            true = WEEKDAYS_JA[day.weekday()]
            if true != m["w"]:
                diags.warning(locate(m.start()), "lint.weekday_mismatch", written=m.group(0),
                              weekday_written=m["w"], date=day.isoformat(),
                              weekday_true=_WEEKDAYS_EN[day.weekday()], weekday_true_ja=true)
