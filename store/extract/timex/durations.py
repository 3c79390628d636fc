"""Readers for expressions that are not a point on the calendar: durations ("six years", "a 12-hour flight",
"for decades"), sets ("annual", "twice a year", "every Monday") and the vague references PRESENT_REF /
PAST_REF / FUTURE_REF ("now", "recently", "in recent years", "the coming weeks"). None of them has an interval.
"""
from __future__ import annotations

import re

from store.extract.timex.words import (
    CLOCK_UNITS, DURATION_MODS, PARTS_OF_DAY, UNITS, WEEKDAYS, count_value, weekday_number,
)
from store.extract.timex.readings import Reading, Reference

# Units written as a multiple of a smaller one: (factor, unit).
_MULTIPLES = {"decade": (10, "year"), "century": (100, "year"), "quarter": (3, "month"), "fortnight": (2, "week")}
_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "fortnightly": "P2W", "monthly": "P1M",
            "quarterly": "P3M", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}


def _unit_name(word: str) -> str:
    word = word.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def duration_value(count: float | None, unit_word: str) -> str:
    """TIMEX3 duration value: (6, "years") → P6Y, (30, "minutes") → PT30M, (2, "quarters") → P6M; a unit written
    as a multiple of a smaller one in that one, counted or not: (1, "decade") → P10Y, (None, "decades") → PXY."""
    unit = _unit_name(unit_word)
    clock = "T" if unit in CLOCK_UNITS else ""
    factor, unit = _MULTIPLES.get(unit, (1, unit))
    if count is None:
        return f"P{clock}X{UNITS[unit]}"
    count *= factor
    number = str(int(count)) if count == int(count) else f"{count:g}"
    return f"P{clock}{number}{UNITS[unit]}"


def duration(m: re.Match, ref: Reference) -> Reading | None:
    if m["n"].lower() in ("a", "an") and m["u"].lower() == "second":
        return None  # "a second A380"
    mod = m.groupdict().get("mod")
    return Reading("DURATION", duration_value(count_value(m["n"]), m["u"]),
                   mod=DURATION_MODS[re.sub(r"\s+", " ", mod.lower())] if mod else None)


def duration_adjective(m: re.Match, ref: Reference) -> Reading | None:
    """"27-year", "12-hour", "half-day", "decades-long", "year-long"."""
    if m["u2"]:
        vague = m["u2"].lower().endswith("s")
        return Reading("DURATION", duration_value(None if vague else 1, m["u2"]))
    word = m["n"].lower()
    count = 0.5 if word == "half" else 1 if word == "single" else count_value(m["n"])
    return Reading("DURATION", duration_value(count, m["u"]))


def bare_plural(m: re.Match, ref: Reference) -> Reading | None:
    """"months of talks", "lasted weeks": some number of the unit."""
    return Reading("DURATION", duration_value(None, m["u"]))


def vague_duration(m: re.Match, ref: Reference) -> Reading | None:
    if m["recent"]:
        return Reading("DATE", "PAST_REF")
    if m["u3"]:
        return Reading("DATE", "FUTURE_REF")
    return Reading("DURATION", duration_value(None, m["u"] or m["u4"]))


def vague_period(m: re.Match, ref: Reference) -> Reading | None:
    """"an undetermined period of time": some length, its unit unknown, written in days as MEANTIME writes one."""
    return Reading("DURATION", "PXD")


def set_(m: re.Match, ref: Reference) -> Reading | None:
    """A recurring time: "annual", "every Monday", "twice a year", "15 a year", "every two weeks"."""
    if m["adverb"]:
        return Reading("SET", _ADVERBS[m["adverb"].lower()])
    if m["q"].lower() in ("a", "an") and not (m["num"] or m["freq"]):
        return None  # a plain "a year" is a duration
    unit = m["u"].lower()
    if unit in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
    if unit in WEEKDAYS:
        return Reading("SET", f"XXXX-WXX-{weekday_number(unit) + 1}")
    count = 2 if (m["n"] or "").lower() == "other" else count_value(m["n"]) if m["n"] else 1
    return Reading("SET", duration_value(count, unit))


def reference(m: re.Match, ref: Reference) -> Reading | None:
    value = ("PRESENT_REF" if m["present"] or m["present2"] else "PAST_REF" if m["past"] or m["recent"]
             else "FUTURE_REF")
    return Reading("DATE", value)


HANDLERS = {"bare_plural": bare_plural, "duration": duration, "duration_adjective": duration_adjective, "vague_duration": vague_duration,
            "vague_period": vague_period,
            "set": set_, "reference": reference}
