"""What reading a time expression takes in (`Reference`: the publication date, the tense of its clause, the
expression before it) and gives back (`Reading`: TIMEX3 type, value, mod, the interval and how it was anchored),
with the small helpers the family readers share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from store.extract.timex.intervals import UNKNOWN, when_of
from store.extract.timex.words import BOUNDARY_MODS, DATE_MODS
from store.model import When, year_problem

# The year a date value starts with ("9999-12-31", "0001-Q4", "10000"); decade values ("201") have three digits.
_LEADING_YEAR = re.compile(r"(\d{4,})(?=-|T|$)")


@dataclass(frozen=True)
class Reference:
    """The context an expression is resolved in."""

    published: date | None  # the document creation time
    direction: int = UNKNOWN  # PAST / FUTURE / UNKNOWN: the tense of the expression's clause
    previous: When | None = None  # the interval of the last resolved expression before this one
    range_start: date | None = None  # set when the expression closes a range ("Thursday through Saturday")
    day: date | None = None  # the day a clock time falls on, when the sentence names one
    story: date | None = None  # the day of a story set well before its publication, told last: weekdays are near it
    previous_value: str | None = None  # the TIMEX3 value of the expression before this one in its sentence


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    when: When | None = None
    mod: str | None = None
    anchor: str | None = None
    problem: str | None = None  # why the date it names gives no interval: a year outside the range


def dated(value: str, anchor: str | None, mod: str | None = None, type_: str = "DATE") -> Reading:
    """A DATE (or TIME) reading; its interval follows from the value, and an unresolved value has no anchor.
    A value in a year outside store.model's range gets no interval either, and says why (a year of more than
    four digits, which TIMEX3 cannot write, is written XXXX)."""
    year = _LEADING_YEAR.match(value)
    problem = year_problem(int(year[1])) if year else None
    when = None if problem else when_of(value)
    problem = problem or (when.problem if when else None)
    if problem:
        if year and len(year[1]) > 4:
            value = "XXXX" + value[year.end():]
        return Reading(type_, value, None, mod, None, problem)
    return Reading(type_, value, when, mod, anchor if when else None)


def wrapper_mod(m: re.Match) -> str | None:
    """The TIMEX3 mod of a "late …", "mid-…", "the end of …" in front of a date."""
    groups = m.groupdict()
    if groups.get("boundary"):
        word = re.search(r"beginning|start|middle|end|close|turn", m["boundary"], re.I).group().lower()
        return BOUNDARY_MODS[word]
    if groups.get("mod"):
        return DATE_MODS[m["mod"].lower()]
    return None


# "later this month", "earlier this year": the part of the period after / before the publication day.
_SIDE_OF_NOW = re.compile(r"(?:the\s+)?(?P<side>later|earlier)\b", re.I)


def narrowed(when: When | None, text: str, mod: str | None, published: date | None) -> When | None:
    """The interval an expression's modifier leaves of its period: "later this month" is the rest of the month
    from the publication day, "earlier this year" its part up to that day, and a START / MID / END mod ("early
    2024", "mid-May", "the end of the week") the first, middle or last third of the period. A day, or a
    period that does not hold the publication day for later/earlier, is left whole."""
    if when is None or when.start is None or when.precision == "day":
        return when
    side = _SIDE_OF_NOW.match(text)
    if side:
        if published is None or not when.start <= published <= when.end:
            return when
        if side["side"].lower() == "later":
            return When(published, when.end, when.precision)
        return When(when.start, published, when.precision)
    if mod not in ("START", "MID", "END"):
        return when
    if when.precision in ("year", "decade"):
        return _third_of_years(when, mod)
    third = max(1, when.days // 3)
    if mod == "START":
        return When(when.start, when.start + timedelta(days=third - 1), when.precision)
    if mod == "END":
        return When(when.end - timedelta(days=third - 1), when.end, when.precision)
    middle = when.start + timedelta(days=(when.days - third) // 2)
    return When(middle, middle + timedelta(days=third - 1), when.precision)


def _third_of_years(when: When, mod: str) -> When:
    """A third of a year in whole months (January–April, May–August, September–December), of a decade or a
    longer period in whole years ("the early 2010s": 2010–2013)."""
    part = ("START", "MID", "END").index(mod)
    if when.precision == "year":
        year = when.start.year
        first = 1 + 4 * part
        end = date(year, 12, 31) if part == 2 else date(year, first + 4, 1) - timedelta(days=1)
        return When(date(year, first, 1), end, when.precision)
    years = when.end.year - when.start.year + 1
    first = when.start.year + (0, years * 4 // 10, years * 7 // 10)[part]
    last = when.start.year + (years * 4 // 10, years * 7 // 10, years)[part] - 1
    return When(date(first, 1, 1), date(last, 12, 31), when.precision)
