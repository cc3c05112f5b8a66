"""What a back issue's cover says about it: number, season and date of issue.

JAIPA Express covers state them as 第37号, 2021年冬号 and 2021年12月15日 発行 (older ones
in the era calendar: 令和3年12月15日, 平成30年冬号).  The text is the cover's text layer
or what OCR read on it, so whitespace is ignored (OCR spaces out digits: 第 3 7 号).
A date is taken as the date of issue when 発行 follows it, or when it is the only one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}  # era year 1 = this + 1
SEASON_IDS = {"春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter",
              "新春": "new-year", "新年": "new-year"}
_YEAR = r"(\d{4}|(?:令和|平成|昭和)(?:\d{1,2}|元))年"
_NUMBER = re.compile(r"第(\d{1,4})号")
_SEASON = re.compile(_YEAR + r"(新春|新年|春|夏|秋|冬)(?:季)?号")
_DATE = re.compile(_YEAR + r"(\d{1,2})月(\d{1,2})日")
_ISSUED_AFTER = 4  # 発行 within this many characters after a date marks the date of issue


@dataclass(frozen=True)
class CoverFacts:
    number: int | None = None
    season: str | None = None  # as the cover writes it: 2021年冬号
    season_year: int | None = None  # its year in the western calendar
    season_id: str | None = None  # spring, summer, autumn, winter, new-year
    date: dt.date | None = None


def western_year(written: str) -> int | None:
    """``2021`` → 2021, ``令和3`` → 2021, ``平成元`` → 1989."""
    if written.isdigit():
        return int(written)
    era, number = written[:2], written[2:]
    if era not in ERAS:
        return None
    return ERAS[era] + (1 if number == "元" else int(number))


def read_cover(text: str) -> CoverFacts:
    """The facts ``text`` (a cover's text) states; None for each it does not."""
    flat = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    number = _NUMBER.search(flat)
    season = _SEASON.search(flat)
    season_year = western_year(season[1]) if season else None
    return CoverFacts(
        number=int(number[1]) if number and int(number[1]) > 0 else None,
        season=season[0] if season else None,
        season_year=season_year,
        season_id=SEASON_IDS[season[2]] if season else None,
        date=_issue_date(flat),
    )


def _issue_date(flat: str) -> dt.date | None:
    found: list[tuple[dt.date, bool]] = []
    for m in _DATE.finditer(flat):
        year = western_year(m[1])
        try:
            day = dt.date(year, int(m[2]), int(m[3])) if year else None
        except ValueError:
            day = None
        if day is not None:
            found.append((day, "発行" in flat[m.end():m.end() + _ISSUED_AFTER]))
    issued = [d for d, marked in found if marked]
    if issued:
        return issued[0]
    return found[0][0] if len(found) == 1 else None
