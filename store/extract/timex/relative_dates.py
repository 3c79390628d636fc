"""Readers for expressions counted from another time: from the publication date ("yesterday", "last month",
"later this week", "two days ago", "in three weeks") or from the expression before ("that same month",
"two years later", "the following day").
"""
from __future__ import annotations

import re
from datetime import date

from store.extract.timex.intervals import FUTURE, nearest_weekday, shift, value_at
from store.extract.timex.durations import duration, duration_value
from store.extract.timex.words import DURATION_MODS, PARTS_OF_DAY, count_value
from store.extract.timex.readings import Reading, Reference, dated, wrapper_mod

_DEICTIC_DAYS = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}
_STEPS = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "this past": -1}
_ANAPHORIC_STEPS = {"following": 1, "next": 1, "previous": -1, "preceding": -1}
_SATURDAY = 5
_PRECISION_ORDER = ("day", "week", "month", "quarter", "year", "decade")
_UNKNOWN_VALUES = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
                   "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX"}


def _unit(word: str) -> str:
    """The calendar unit of a unit word; clock units count as days when dating ("three hours ago")."""
    word = word.lower().rstrip("s")
    if word in ("centurie", "century"):
        return "century"
    return "day" if word in ("second", "minute", "hour") else word


def _counted(day: date, count: float, unit: str) -> tuple[date, str] | None:
    """`day` moved by a (possibly fractional) count of units, and the unit its value is written at
    ("a decade ago" is a year, "two weeks ago" a week); None past the ends of the calendar."""
    count, unit = {"century": (count * 100, "year"), "decade": (count * 10, "year"),
                   "fortnight": (count * 2, "week")}.get(unit, (count, unit))
    if count != int(count):
        count, unit = {"year": (count * 12, "month"), "week": (count * 7, "day")}.get(unit, (round(count), unit))
    try:
        return shift(day, int(count), unit), unit
    except (ValueError, OverflowError):
        return None


def deictic(m: re.Match, ref: Reference) -> Reading | None:
    word = re.sub(r"\s+", " ", (m["w"] or "").lower())
    part = m["p"] or m["p2"]
    code = PARTS_OF_DAY[part.lower()] if part else ("NI" if word == "tonight" else None)
    offset = _DEICTIC_DAYS[word] if word else -1 if m["near"].lower() == "last" else 0
    if ref.published is None:
        return Reading("TIME" if code else "DATE", "XXXX-XX-XX" + (f"T{code}" if code else ""))
    day = shift(ref.published, offset, "day").isoformat()
    if code:
        return dated(f"{day}T{code}", "published", wrapper_mod(m), "TIME")
    return dated(day, "published", wrapper_mod(m))


def relative_unit(m: re.Match, ref: Reference) -> Reading | None:
    unit = m["u"].lower()
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    mod = wrapper_mod(m)
    if m["the"] and unit == "weekend" and not m["boundary"]:
        return _the_weekend(ref, mod)
    if m["the"] and not (m["boundary"] or m["mod"]):
        return None  # a bare "the year" is a time expression only as "the end of the year", "earlier in the year"
    if rel == "past":  # "the past decade", "past week": a stretch of time up to now
        return Reading("DURATION", duration_value(1, unit))
    if ref.published is None:
        return Reading("DATE", _UNKNOWN_VALUES[unit], mod=mod)
    return dated(value_at(shift(ref.published, _STEPS.get(rel, 0), unit), unit), "published", mod)


def _the_weekend(ref: Reference, mod: str | None) -> Reading:
    """"over the weekend": the weekend before or after the publication date, as the tense says."""
    if ref.published is None:
        return Reading("DATE", _UNKNOWN_VALUES["weekend"], mod=mod)
    saturday = nearest_weekday(ref.published, _SATURDAY, ref.direction)
    return dated(value_at(saturday, "weekend"), "published", mod)


def ago(m: re.Match, ref: Reference) -> Reading | None:
    count = count_value(m["n"])
    if count is None:
        return Reading("DATE", "PAST_REF")
    unit = _unit(m["u"])
    if ref.published is None:
        return Reading("DATE", _UNKNOWN_VALUES.get(unit, "XXXX-XX-XX"))
    moved = _counted(ref.published, -count, unit)
    if moved is None:
        return Reading("DATE", "PAST_REF")
    mod = "APPROX" if m["mod"] and DURATION_MODS[re.sub(r"\s+", " ", m["mod"].lower())] == "APPROX" else None
    return dated(value_at(*moved), "published", mod)


def shifted(m: re.Match, ref: Reference) -> Reading | None:
    count = count_value(m["n"])
    unit = _unit(m["u"])
    if count is None or ref.previous is None:
        return Reading("DATE", _UNKNOWN_VALUES.get(unit, "XXXX-XX-XX"))
    if m["than"]:  # "arrives on November 11, three days later than planned": November 11
        return dated(value_at(ref.previous.start, ref.previous.precision), "previous")
    sign = -1 if m["dir"].lower() == "earlier" else 1
    moved = _counted(ref.previous.start, sign * count, unit)
    if moved is None:
        return Reading("DATE", _UNKNOWN_VALUES.get(unit, "XXXX-XX-XX"))
    return dated(value_at(*moved), "previous")


def anaphor(m: re.Match, ref: Reference) -> Reading | None:
    """"that same month", "that day", "the following year": the unit of the expression before (or the one
    after or before it), when that expression is at least as precise as the unit."""
    unit = (m["u"] or m["u2"] or m["u3"]).lower()
    previous = ref.previous
    if previous is None or _PRECISION_ORDER.index(previous.precision) > _PRECISION_ORDER.index(unit):
        return Reading("DATE", _UNKNOWN_VALUES[unit])
    step = _ANAPHORIC_STEPS[m["step"].lower()] if m["step"] else 0
    return dated(value_at(shift(previous.start, step, unit), unit), "previous")


def the_day(m: re.Match, ref: Reference) -> Reading | None:
    """"later in the day", "for the day": the day told of just before, else the publication's."""
    previous = ref.previous
    if previous is not None and previous.precision == "day":
        return dated(previous.start.isoformat(), "previous")
    if ref.published is None:
        return Reading("DATE", "XXXX-XX-XX")
    return dated(ref.published.isoformat(), "published")


def that_time(m: re.Match, ref: Reference) -> Reading | None:
    """"at that time": the time told before (at its own precision), else a time in the past."""
    previous = ref.previous
    if previous is None:
        return Reading("DATE", "PAST_REF")
    return dated(value_at(previous.start, previous.precision), "previous")


def unknown_date(m: re.Match, ref: Reference) -> Reading | None:
    """"at a later date": a date the text does not give."""
    return Reading("DATE", "XXXX-XX-XX")


def in_units(m: re.Match, ref: Reference) -> Reading | None:
    """"in three weeks": a date when the clause looks ahead, otherwise a duration ("first talks in six years")."""
    if ref.direction != FUTURE or ref.published is None:
        return duration(m, ref)
    count = count_value(m["n"])
    if count is None:
        return Reading("DATE", "FUTURE_REF")
    moved = _counted(ref.published, count, _unit(m["u"]))
    if moved is None:
        return Reading("DATE", "FUTURE_REF")
    return dated(value_at(*moved), "published")


HANDLERS = {"deictic": deictic, "relative_unit": relative_unit, "ago": ago, "shifted": shifted,
            "anaphor": anaphor, "in_units": in_units, "the_day": the_day, "that_time": that_time,
            "unknown_date": unknown_date}
