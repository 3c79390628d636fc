"""The timeline marks the dates that no time of the event's own sentence gave."""
from __future__ import annotations

from datetime import date

import pytest

from store.queries import EventRow
from tui.widgets.timeline import Columns, Timeline, row_display


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
