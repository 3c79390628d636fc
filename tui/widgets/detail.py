"""The detail area under the timeline: the whole of the event under the cursor — date, number of sources, full
summary, what dated it (once its sources are read), persons, countries by name, organisations, places with their
country, and its first source with the excerpt, cut to the lines the area has. Text from the store is shown as
plain text (never markup, no control characters)."""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from store.export import place_label
from store.disputes import what_each_says, who_each_names
from store.provenance import chosen_telling, dating_note
from store.queries import EventRow, SourceRow
from store.clean import clean_line
from tui.dates import date_label, day_label


# What the date of an event dated by its article's publication alone means.
_PUBLICATION_NOTES = {"before": " (told as past; nothing in the text dates it)",
                      "after": " (told as coming; nothing in the text dates it)",
                      "published": " (the publication day)"}


def detail_text(row: EventRow, sources: list[SourceRow] | None, names: dict[str, str],
                disputing: list[EventRow] | None = None) -> Text:
    """The event's detail; `sources` (None until read) adds what dated it, what each source says when they
    disagree and the first source; `names` the countries' names; `disputing` the events kept apart from it."""
    text = Text.assemble(
        (date_label(row.when, row.dated_by), "bold"),
        (_PUBLICATION_NOTES.get(row.dated_by, ""), "dim"),
        f"  ·  {row.n_sources} source{'' if row.n_sources == 1 else 's'}\n",
        clean_line(row.summary),
    )
    told = chosen_telling(sources or [], row.dated_by, row.when)
    if told is not None:
        note = dating_note(told.dating, row.dated_by, told.published, day_label)
        text.append_text(Text.assemble("\n", ("Dated     ", "dim"), clean_line(note)))
    if row.disputed and sources is not None:
        said = what_each_says(sources, disputing or [], date_label)
        named = who_each_names(sources)
        if said or not named:
            text.append_text(Text.assemble("\n", ("Disputed  ", "bold yellow"),
                                           clean_line("; ".join(said) or "the sources disagree on the date")))
        if named:
            text.append_text(Text.assemble("\n", ("Disputed  ", "bold yellow"), "who: ",
                                           clean_line("; ".join(named))))
    if row.persons:
        text.append_text(Text.assemble("\n", ("Persons   ", "dim"), ", ".join(map(clean_line, row.persons))))
    if row.countries:
        countries = ", ".join(f"{clean_line(names.get(code, code))} ({clean_line(code)})" for code in row.countries)
        text.append_text(Text.assemble("\n", ("Countries ", "dim"), countries))
    if row.orgs:
        text.append_text(Text.assemble("\n", ("Orgs      ", "dim"), ", ".join(map(clean_line, row.orgs))))
    if row.places:
        places = ", ".join(clean_line(place_label(place)) for place in row.places)
        text.append_text(Text.assemble("\n", ("Places    ", "dim"), places))
    if sources:
        first = sources[0]
        told = clean_line(first.title or first.path)
        if first.published:
            told += f" · {day_label(first.published)}"
        text.append_text(Text.assemble("\n", ("Source    ", "dim"), told, "\n",
                                       (f"“{clean_line(first.excerpt)}”", "italic")))
    return text


class EventDetail(Widget, can_focus=False):
    """Shows one event's detail in the fixed lines it is given (the sources screen shows all of it). A new event
    only repaints these lines: no layout pass, so the cursor stays quick on large screens."""

    BORDER_TITLE = "Event"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.event_id: int | None = None
        self._text = Text()

    def show(self, row: EventRow, sources: list[SourceRow] | None = None, names: dict[str, str] | None = None,
             disputing: list[EventRow] | None = None) -> None:
        self.event_id = row.id
        self._text = detail_text(row, sources, names or {}, disputing)
        self.refresh()

    def render(self) -> Text:
        return self._text
