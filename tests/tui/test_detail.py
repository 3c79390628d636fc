"""The detail area's text: the date as the timeline shows it, and what a date taken from the publication means."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from store.model import Dating, Place
from store.queries import EventRow, SourceRow
from tui.widgets.detail import detail_text


def row(dated_by: str, start: date, end: date) -> EventRow:
    return EventRow(1, start, end, "day", "Lars Berg criticised the plan", ("Lars Berg",), ("SE",), 1,
                    start.isoformat(), dated_by)


def test_an_event_dated_by_its_publication_alone_says_so():
    text = detail_text(row("before", date(2025, 5, 1), date(2025, 5, 7)), None, {"SE": "Sweden"}).plain
    assert text.startswith("by 7 May 2025 (told as past; nothing in the text dates it)  ·  1 source\n")
    coming = detail_text(row("after", date(2025, 5, 7), date(2025, 5, 13)), None, {}).plain
    assert coming.startswith("from 7 May 2025 (told as coming; nothing in the text dates it)")


def test_a_stated_date_carries_no_note():
    text = detail_text(row("explicit", date(2025, 5, 5), date(2025, 5, 5)), None, {}).plain
    assert text.startswith("Mon 5 May 2025  ·  1 source\n")


def test_organisations_and_places_have_their_own_lines_and_a_place_its_country():
    event = replace(row("explicit", date(2025, 5, 5), date(2025, 5, 5)), orgs=("Acme Corp.",),
                    places=(Place("Malmö", "SE"), Place("Atlantis")))
    lines = detail_text(event, None, {"SE": "Sweden"}).plain.splitlines()
    assert lines[2:] == ["Persons   Lars Berg", "Countries Sweden (SE)", "Orgs      Acme Corp.",
                         "Places    Malmö (SE), Atlantis"]


def test_once_the_sources_are_read_the_detail_says_what_dated_the_event():
    event = row("story", date(2025, 5, 5), date(2025, 5, 5))
    told = SourceRow("a", "a.md", "A", date(2025, 5, 7), None, "Lars Berg criticised the plan", 0, 29,
                     "Lars Berg criticised the plan", 0, dating=Dating("story", 40, 46, "Monday", "published"))
    lines = detail_text(event, [told], {}).plain.splitlines()
    assert lines[2] == ("Dated     no time in the sentence: the occasion the article dated by “Monday”, read against "
                        "the publication (Wed 7 May 2025)")
    assert "Dated" not in detail_text(event, None, {}).plain  # not before the sources are read
