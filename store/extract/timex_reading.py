"""What reading a time expression takes in (`Reference`: the publication date, the tense of its clause, the
expression before it) and gives back (`Reading`: TIMEX3 type, value, mod, the interval and how it was anchored),
with the small helpers the family readers share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from store.extract.timex_calendar import UNKNOWN, when_of
from store.extract.timex_lexicon import BOUNDARY_MODS, DATE_MODS
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
