"""Calendar arithmetic behind time expressions, on dates checked by hand: 2025-10-07 is a Tuesday; 2024-12-30
is the Monday that opens ISO week 2025-W01; 2010-01-04 opens 2010-W01, so 2010-W04 runs Jan 25..31."""
from __future__ import annotations

from datetime import date

import pytest

from store.extract.timex.intervals import FUTURE, PAST, UNKNOWN, nearest_weekday, value_at, when_of, year_for
from store.model import When


@pytest.mark.parametrize("value, when", [
    ("2025-10-07", When(date(2025, 10, 7), date(2025, 10, 7), "day")),
    ("2025-10-07T18:00Z", When(date(2025, 10, 7), date(2025, 10, 7), "day")),
    ("2010-07-16TMO", When(date(2010, 7, 16), date(2010, 7, 16), "day")),
    ("2025-W41", When(date(2025, 10, 6), date(2025, 10, 12), "week")),
    ("2010-W04-WE", When(date(2010, 1, 30), date(2010, 1, 31), "week")),
    ("2024-02", When(date(2024, 2, 1), date(2024, 2, 29), "month")),
    ("2025-Q3", When(date(2025, 7, 1), date(2025, 9, 30), "quarter")),
    ("2009-H2", When(date(2009, 7, 1), date(2009, 12, 31), "quarter")),
    ("2011-SU", When(date(2011, 6, 1), date(2011, 8, 31), "quarter")),
    ("2025-WI", When(date(2024, 12, 1), date(2025, 2, 28), "quarter")),
    ("2015", When(date(2015, 1, 1), date(2015, 12, 31), "year")),
    ("201", When(date(2010, 1, 1), date(2019, 12, 31), "decade")),
])
def test_when_of_anchored_values(value, when):
    assert when_of(value) == when


@pytest.mark.parametrize("value", ["P6Y", "PRESENT_REF", "XXXX-XX-XX", "XXXX-WXX-2", "2025-13", "2025-02-30",
                                   "2021-W53"])
def test_when_of_durations_references_and_impossible_dates_is_none(value):
    assert when_of(value) is None


@pytest.mark.parametrize("day, unit, value", [
    (date(2025, 9, 1), "week", "2025-W36"),
    (date(2024, 12, 30), "week", "2025-W01"),
    (date(2025, 10, 11), "weekend", "2025-W41-WE"),
    (date(2025, 11, 30), "quarter", "2025-Q4"),
    (date(2025, 10, 7), "decade", "202"),
])
def test_value_at(day, unit, value):
    assert value_at(day, unit) == value


def test_nearest_weekday():
    tuesday = date(2025, 10, 7)
    assert nearest_weekday(tuesday, 1, PAST) == tuesday == nearest_weekday(tuesday, 1, FUTURE)
    assert nearest_weekday(tuesday, 4, PAST) == date(2025, 10, 3)
    assert nearest_weekday(tuesday, 4, FUTURE) == date(2025, 10, 10)
    assert nearest_weekday(tuesday, 0, UNKNOWN) == date(2025, 10, 6)
    assert nearest_weekday(tuesday, 3, UNKNOWN) == date(2025, 10, 9)


def test_year_for_month_days_and_months():
    assert year_for(date(2026, 1, 5), 12, 30, PAST) == 2025
    assert year_for(date(2026, 1, 5), 12, 30, UNKNOWN) == 2025  # no tense: the nearest December 30
    assert year_for(date(2026, 1, 5), 12, None, UNKNOWN) == 2026  # no tense: a month of the reference's year
    # A past tense that would put October 12 nearly a year back is taken for a misread: the nearer one wins.
    assert year_for(date(2005, 10, 4), 10, 12, PAST) == 2005
    assert year_for(date(2025, 10, 7), 1, None, PAST) == 2025
    assert year_for(date(2025, 10, 7), 11, None, PAST) == 2024
    assert year_for(date(2025, 10, 7), 1, None, FUTURE) == 2026
    assert year_for(date(2025, 10, 7), 10, None, FUTURE) == 2025
