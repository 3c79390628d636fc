"""Dates as the browser writes them (each precision, intervals wider than it) and reads them (date jumps)."""
from __future__ import annotations

from datetime import date

import pytest

from store.model import When
from tui.dates import date_label, next_period, period_end, period_start, read_date


def when(start: date, end: date, precision: str) -> When:
    return When(start, end, precision)


@pytest.mark.parametrize("value, label", [
    (when(date(2025, 10, 9), date(2025, 10, 9), "day"), "Thu 9 Oct 2025"),
    (when(date(2024, 2, 29), date(2024, 2, 29), "day"), "Thu 29 Feb 2024"),
    (when(date(2025, 10, 9), date(2025, 10, 11), "day"), "9–11 Oct 2025"),
    (when(date(2025, 9, 30), date(2025, 10, 2), "day"), "30 Sep – 2 Oct 2025"),
    (when(date(2024, 12, 30), date(2025, 1, 2), "day"), "30 Dec 2024 – 2 Jan 2025"),
    (when(date(2025, 9, 1), date(2025, 9, 7), "week"), "week of 1 Sep 2025"),
    (when(date(2025, 9, 6), date(2025, 9, 7), "week"), "weekend of 6 Sep 2025"),
    (when(date(2025, 9, 1), date(2025, 9, 14), "week"), "1–14 Sep 2025"),
    (when(date(2025, 9, 1), date(2025, 9, 30), "month"), "Sep 2025"),
    (when(date(2025, 9, 1), date(2025, 11, 30), "month"), "Sep – Nov 2025"),
    (when(date(2024, 12, 1), date(2025, 1, 31), "month"), "Dec 2024 – Jan 2025"),
    (when(date(2025, 7, 1), date(2025, 9, 30), "quarter"), "Q3 2025"),
    (when(date(2025, 7, 1), date(2025, 12, 31), "quarter"), "Q3 – Q4 2025"),
    (when(date(2015, 1, 1), date(2015, 12, 31), "year"), "2015"),
    (when(date(2015, 1, 1), date(2017, 12, 31), "year"), "2015–2017"),
    (when(date(2010, 1, 1), date(2019, 12, 31), "decade"), "2010s"),
    (when(date(1990, 1, 1), date(2009, 12, 31), "decade"), "1990s–2000s"),
    (When.undated(), "undated"),
])
def test_date_label_follows_the_precision(value, label):
    assert date_label(value) == label


@pytest.mark.parametrize("dated_by, label", [
    ("before", "by 7 May 2025"),  # the week up to the publication: told as past, nothing dates it
    ("after", "from 1 May 2025"),  # the week from the publication: told as coming
    ("explicit", "1–7 May 2025"),  # the same days stated in the text
    ("published", "1–7 May 2025"),
])
def test_an_event_dated_by_its_publication_alone_reads_as_such(dated_by, label):
    assert date_label(when(date(2025, 5, 1), date(2025, 5, 7), "day"), dated_by) == label


TODAY = date(2025, 10, 15)  # a Wednesday


@pytest.mark.parametrize("text, start, end", [
    ("2025-09-03", date(2025, 9, 3), date(2025, 9, 3)),
    ("2025-09", date(2025, 9, 1), date(2025, 9, 30)),
    ("2015", date(2015, 1, 1), date(2015, 12, 31)),
    (" 2024-02 ", date(2024, 2, 1), date(2024, 2, 29)),
    ("last month", date(2025, 9, 1), date(2025, 9, 30)),
    ("next week", date(2025, 10, 20), date(2025, 10, 26)),
    ("yesterday", date(2025, 10, 14), date(2025, 10, 14)),
    ("3 Sep 2025", date(2025, 9, 3), date(2025, 9, 3)),
    ("Q3 2025", date(2025, 7, 1), date(2025, 9, 30)),
    ("the 1990s", date(1990, 1, 1), date(1999, 12, 31)),
])
def test_read_date_takes_iso_dates_and_expressions_against_today(text, start, end):
    value = read_date(text, TODAY)
    assert value is not None and (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text", ["", "soon-ish", "2025-13", "[bold]", "42nd of Smarch"])
def test_read_date_says_none_for_text_that_names_no_date(text):
    assert read_date(text, TODAY) is None


def test_periods_for_month_and_year_steps():
    day = date(2024, 12, 17)
    assert period_start(day, "month") == date(2024, 12, 1)
    assert period_end(day, "month") == date(2024, 12, 31)
    assert next_period(day, "month") == date(2025, 1, 1)
    assert period_start(day, "year") == date(2024, 1, 1)
    assert period_end(date(2024, 2, 10), "month") == date(2024, 2, 29)
    assert next_period(day, "year") == date(2025, 1, 1)


def test_periods_at_the_ends_of_the_calendar():
    # December 9999 is the last month and 9999 the last year a date can be in: nothing comes after them.
    for day in (date.max, date(9999, 12, 1)):
        assert next_period(day, "month") is None and next_period(day, "year") is None
        assert period_end(day, "month") == date.max and period_end(day, "year") == date.max
    assert next_period(date(9999, 11, 30), "month") == date(9999, 12, 1)
    assert period_end(date(9999, 11, 3), "month") == date(9999, 11, 30)
    assert next_period(date(9999, 11, 30), "year") is None
    assert period_start(date.max, "year") == date(9999, 1, 1)
    assert period_start(date.min, "month") == date.min == period_start(date.min, "year")
    assert period_end(date.min, "month") == date(1, 1, 31) and next_period(date.min, "year") == date(2, 1, 1)


@pytest.mark.parametrize("text, year", [("9999", "9999"), ("9999-12", "9999"), ("0001-01-01", "0001"),
                                        ("Q4 9999", "9999"), ("31 December 9999", "9999"), ("3000", "3000")])
def test_read_date_refuses_a_year_outside_the_years_of_events(text, year):
    with pytest.raises(ValueError, match=f"^year {year} is outside 1000–2999$"):
        read_date(text, TODAY)


@pytest.mark.parametrize("text", ["10000", "99999-12"])
def test_read_date_says_none_for_years_of_five_digits(text):
    assert read_date(text, TODAY) is None


def test_dates_module_does_not_load_spacy():
    import subprocess
    import sys

    probe = "import tui.dates, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
