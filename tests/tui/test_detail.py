"""The detail area's text: the date as the timeline shows it, and what a date taken from the publication means."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from store.model import Dating, Place, When
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


def _told(outlet: str, persons: tuple[str, ...], dating: Dating | None = None) -> SourceRow:
    return SourceRow(outlet.lower(), f"{outlet}.md", outlet, date(2025, 5, 7), None, "Lars Berg met", 0, 13,
                     "Lars Berg met", 0, outlet=outlet, dating=dating, persons=persons)


def test_sources_naming_different_persons_get_a_disputed_who_line_and_no_date_dispute():
    event = replace(row("explicit", date(2025, 5, 5), date(2025, 5, 5)), disputed=True)
    sources = [_told("Wire", ("Lars Berg", "Ana Lima")), _told("Daily", ("Lars Berg", "Ivo Petrov")),
               _told("Post", ("Lars Berg",))]
    lines = detail_text(event, sources, {}).plain.splitlines()
    assert [line for line in lines if line.startswith("Disputed")] == [
        "Disputed  who: Lars Berg, Ana Lima per Wire; Lars Berg, Ivo Petrov per Daily; Lars Berg per Post"]


def test_sources_disagreeing_on_the_date_get_the_date_line_without_a_who_line():
    event = replace(row("explicit", date(2025, 5, 5), date(2025, 5, 5)), disputed=True)
    monday = Dating("explicit", 0, 6, "Monday", "published", When(date(2025, 5, 5), date(2025, 5, 5), "day"))
    tuesday = Dating("explicit", 0, 7, "Tuesday", "published", When(date(2025, 5, 6), date(2025, 5, 6), "day"))
    sources = [_told("Wire", ("Lars Berg",), monday), _told("Daily", ("Lars Berg",), tuesday)]
    lines = [line for line in detail_text(event, sources, {}).plain.splitlines() if line.startswith("Disputed")]
    assert lines == ["Disputed  Mon 5 May 2025 per Wire (“Monday”); Tue 6 May 2025 per Daily (“Tuesday”)"]
