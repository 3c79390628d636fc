"""Calendar arithmetic for time expressions: TIMEX3 date values at a given unit ("2025-W41", "2025-Q3", "201"),
the inclusive `When` interval a value stands for, shifting a date by whole units, and picking the weekday, month
or month-day nearest to a reference date in a given direction.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from store.model import When

PAST, UNKNOWN, FUTURE = -1, 0, 1
_HALF_YEAR = 183  # days
# Northern-hemisphere meteorological seasons: first month; winter starts in December of the year before.
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: date, count: int, unit: str) -> date:
    """`day` moved by `count` whole units (day, week, month, quarter, year, decade)."""
    if unit == "day":
        return day + timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * count
    return add_months(day, months)


def value_at(day: date, unit: str) -> str:
    """The TIMEX3 value of the `unit` that contains `day`."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        iso = day.isocalendar()
        return f"{iso.year}-W{iso.week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if unit == "year":
        return str(day.year)
    if unit == "decade":
        return str(day.year)[:3]
    raise ValueError(unit)


def when_of(value: str) -> When | None:
    """The calendar interval of an anchored TIMEX3 date or time value; None for anything else."""
    if m := _DAY.fullmatch(value):
        try:
            day = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return When(day, day, "day")
    if m := _WEEK.fullmatch(value):
        try:
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        if m[3]:
            return When(monday + timedelta(days=5), monday + timedelta(days=6), "week")
        return When(monday, monday + timedelta(days=6), "week")
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return When(date(year, month, 1), month_end(year, month), "month") if 1 <= month <= 12 else None
    if m := _PART.fullmatch(value):
        return _part_of_year(int(m[1]), m[2])
    if _YEAR.fullmatch(value):
        year = int(value)
        return When(date(year, 1, 1), date(year, 12, 31), "year") if year >= 1 else None
    if _DECADE.fullmatch(value):
        first = int(value) * 10
        return When(date(first, 1, 1), date(first + 9, 12, 31), "decade") if first >= 1 else None
    return None


def _part_of_year(year: int, part: str) -> When:
    if part[0] == "Q":
        first = (int(part[1]) - 1) * 3 + 1
        return When(date(year, first, 1), month_end(year, first + 2), "quarter")
    if part[0] == "H":
        first = 1 if part == "H1" else 7
        return When(date(year, first, 1), month_end(year, first + 5), "quarter")
    start = date(year - 1 if part == "WI" else year, _SEASON_START[part], 1)
    return When(start, add_months(start, 3) - timedelta(days=1), "quarter")


def nearest_weekday(reference: date, weekday: int, direction: int) -> date:
    """The `weekday` (0 = Monday) on or before the reference when looking back, on or after it when looking
    forward, and the closer of the two otherwise (the past one on a tie)."""
    back = reference - timedelta(days=(reference.weekday() - weekday) % 7)
    ahead = reference + timedelta(days=(weekday - reference.weekday()) % 7)
    if direction == PAST:
        return back
    if direction == FUTURE:
        return ahead
    return back if reference - back <= ahead - reference else ahead


def year_for(reference: date, month: int, day: int | None, direction: int) -> int:
    """The year that puts `month` (and `day`) on the side of the reference the direction asks for, nearest
    to it. With no direction a day takes the nearest year ("takes effect Jan. 1" in October is next year's),
    a month the reference's own year. A day that the direction would push more than half a year away is more
    likely a misread tense than a date nearly a year off: it takes the nearest year too."""
    if direction == UNKNOWN and day is None:
        return reference.year
    candidates, nearest = [], []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        start = date(year, month, 1) if day is None else _safe_date(year, month, day)
        end = month_end(year, month) if day is None else start
        if start is None:
            continue
        distance = abs((start - reference).days)
        nearest.append((distance, year))
        if (direction == PAST and start <= reference) or (direction == FUTURE and end >= reference):
            candidates.append((distance, year))
    if not candidates or (day is not None and min(candidates)[0] > _HALF_YEAR):
        return min(nearest)[1] if nearest else reference.year
    return min(candidates)[1]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
