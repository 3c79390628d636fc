"""The timeline marks the dates that no time of the event's own sentence gave."""
from __future__ import annotations

from datetime import date

import pytest

from store.model import When
from store.queries import EventRow
from tui.widgets.timeline import Columns, Timeline, row_display, short_date


def row(dated_by: str) -> EventRow:
    day = date(2025, 5, 5)
    return EventRow(1, day, day, "day", "Lars Berg criticised the plan", (), (), 1, day.isoformat(), dated_by)


@pytest.mark.parametrize(("dated_by", "mark"), [
    ("explicit", " "), ("story", "~"), ("previous", "~"), ("published", "~"), ("before", "~"), ("after", "~"),
])
def test_a_date_not_stated_in_the_sentence_is_marked(dated_by, mark):
    assert row_display(row(dated_by)).mark == mark


def test_the_mark_sits_between_the_date_and_the_event_text():
    columns = Columns.fit(100)
    display = row_display(row("story"))
    cells = [(display.date, None), (display.summary, None), ("", None), ("", None), ("1", None)]
    line = Timeline._strip(columns, cells, 100, None, display.mark).text
    assert line.startswith(" Mon 5 May 2025" + " " * (columns.date - len("Mon 5 May 2025")) + "~ Lars Berg")


@pytest.mark.parametrize(("when", "label"), [
    (When(date(2025, 9, 1), date(2025, 9, 7), "week"), "wk 1 Sep 2025"),
    (When(date(2025, 9, 1), date(2025, 11, 30), "day"), "1 Sep–30 Nov 2025"),
    (When(date(2024, 12, 1), date(2025, 1, 31), "month"), "Dec 2024–Jan 2025"),
    (When(date(2025, 9, 4), date(2025, 9, 4), "day"), "Thu 4 Sep 2025"),
])
def test_the_timeline_writes_dates_short_enough_for_its_date_column(when, label):
    assert short_date(when, "explicit") == label and len(label) <= Columns.fit(100).date


def test_the_event_text_takes_the_spare_width():
    assert Columns.fit(86).summary >= 36 and Columns.fit(78).summary >= 31
