"""How the browser writes and reads dates: an event's date as its precision allows ("Thu 9 Oct 2025", "week of
1 Sep 2025", "Sep 2025", "Q3 2025", "2015", "2010s", "undated"), what a typed date jump means ("2025-09",
"last month"), and the month or year a [ ] { } step starts from.

English names are spelt out here rather than taken from the locale, so the timeline reads the same everywhere.
"""
from __future__ import annotations

from datetime import date, timedelta

from store.extract.timex.intervals import add_months
from store.model import When
from store.queries import OutOfRange, parse_period

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SATURDAY = 5


def date_label(when: When, dated_by: str = "explicit") -> str:
    """The event's date at its own precision; an interval wider than its precision names both ends. An event
    that only its article's publication dates (`dated_by` "before" or "after") reads "by 7 May 2025" or
    "from 7 May 2025", the publication day."""
    if when.start is None or when.end is None:
        return "undated"
    start, end = when.start, when.end
    if dated_by == "before":
        return f"by {_day(end)}"
    if dated_by == "after":
        return f"from {_day(start)}"
    if when.precision == "week":
        if when.days == 7:
            return f"week of {_day(start)}"
        if when.days == 2 and start.weekday() == SATURDAY:
            return f"weekend of {_day(start)}"
        return _day_range(start, end)
    if when.precision == "month":
        return _range(f"{MONTHS[start.month - 1]}", f"{MONTHS[end.month - 1]}", start.year, end.year,
                      same=(start.year, start.month) == (end.year, end.month))
    if when.precision == "quarter":
        first, last = f"Q{(start.month - 1) // 3 + 1}", f"Q{(end.month - 1) // 3 + 1}"
        return _range(first, last, start.year, end.year, same=first == last and start.year == end.year)
    if when.precision == "year":
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if when.precision == "decade":
        first, last = f"{start.year // 10 * 10}s", f"{end.year // 10 * 10}s"
        return first if first == last else f"{first}–{last}"
    if start == end:
        return f"{WEEKDAYS[start.weekday()]} {_day(start)}"
    return _day_range(start, end)


def day_label(day: date) -> str:
    """One day as the timeline writes it: "Tue 7 Oct 2025"."""
    return date_label(When(day, day, "day"))


def _day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _day_range(start: date, end: date) -> str:
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {MONTHS[end.month - 1]} {end.year}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


def _range(first: str, last: str, first_year: int, last_year: int, same: bool) -> str:
    """"Sep 2025", "Sep – Nov 2025" or "Dec 2024 – Jan 2025" (and the same for quarters)."""
    if same:
        return f"{first} {first_year}"
    if first_year == last_year:
        return f"{first} – {last} {last_year}"
    return f"{first} {first_year} – {last} {last_year}"


def read_date(text: str, today: date) -> When | None:
    """What a typed date jump names: "2025-09-03", "2025-09", "2015", or an expression such as "last month",
    "next week", "3 Sep 2025", "Q3 2025", "the 1990s" read against `today`. None when it names no date; raises
    ValueError saying why when it names one in a year outside the years of event dates ("9999")."""
    try:
        return parse_period(text)
    except OutOfRange as error:
        raise ValueError(error.problem) from None
    except ValueError:
        pass
    # The time-expression reader compiles its patterns on import: load it on the first typed date, not at start.
    from store.extract.timex.normalise import normalise
    from store.extract.timex.readings import Reference

    reading = normalise(text, Reference(today))
    if reading is not None and reading.problem:
        raise ValueError(reading.problem)
    return reading.when if reading is not None else None


def period_start(day: date, unit: str) -> date:
    """The first day of the month or year (`unit`) holding `day`."""
    return day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)


def period_end(day: date, unit: str) -> date:
    """The last day of the month or year (`unit`) holding `day` (date.max in the calendar's last one)."""
    after = next_period(day, unit)
    return date.max if after is None else after - timedelta(days=1)


def next_period(day: date, unit: str) -> date | None:
    """The first day of the month or year (`unit`) after the one holding `day`; None after the calendar's last
    (December 9999, which a store written before event years had a range may hold)."""
    if (day.year, day.month if unit == "month" else 12) == (date.max.year, 12):
        return None
    if unit == "month":
        return add_months(period_start(day, unit), 1)
    return date(day.year + 1, 1, 1)
