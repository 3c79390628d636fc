"""`dateline digest`: the key dates of the events the options select, each with its top events (store/digest.py),
as a readable digest (text), as JSON (`{"timeline": [{"date", "summary", "events", "score"}]}`, what the
Timeline17 scorer reads) or as a TimelineJS timeline."""
from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from store.clean import clean_line
from store.digest import Digest, key_dates, key_events
from store.filter import filter_summary
from store.output_safety import json_text
from tui.cli.errors import fail, reported_errors
from tui.cli.options import (
    CountryOption,
    at_least_one,
    DbOption,
    OrgOption,
    PersonOption,
    SearchOption,
    SinceOption,
    UntilOption,
)
from tui.cli.stores import store_to_read
from tui.dates import day_label

DIGEST_FORMATS = ("text", "json", "timelinejs")
DatesOption = Annotated[int, typer.Option("--dates", metavar="K", callback=at_least_one, show_default=False,
                                          help="How many key dates (default 12).")]
PerDateOption = Annotated[int, typer.Option("--per-date", metavar="L", callback=at_least_one, show_default=False,
                                            help="How many events under each date (default 2).")]
DigestFormatOption = Annotated[Optional[str], typer.Option(
    "--format", metavar="FORMAT", show_default=False, help="text, json or timelinejs (default text).")]


def digest(
    db: DbOption = None,
    dates: DatesOption = 12,
    per_date: PerDateOption = 2,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    fmt: DigestFormatOption = None,
) -> None:
    """The story at a glance: the K dates its articles state most, each with its L most told events."""
    from tui.cli.queries import filter_of, reading

    shown = fmt or "text"
    if shown not in DIGEST_FORMATS:
        fail(f"unknown format {shown!r}: use one of {', '.join(DIGEST_FORMATS)}")
    with reported_errors(), reading(store_to_read(db)) as conn:
        flt = filter_of(conn, person, country, since, until, search, org)
        found = key_dates(conn, flt, dates, per_date)
        if shown == "timelinejs":
            from store.export import ArticleRefs
            from store.timelinejs import write_timelinejs

            write_timelinejs(key_events(conn, found), sys.stdout, ArticleRefs(conn), flt)
            return
    if shown == "json":
        sys.stdout.write(json_text(digest_record(found)) + "\n")
    else:
        sys.stdout.write(digest_text(found, filter_summary(flt)))


def digest_record(found: Digest) -> dict:
    return {
        "timeline": [{"date": key.day.isoformat(), "summary": [event.summary for event in key.events],
                      "events": [event.id for event in key.events], "score": key.score[0],
                      "evidence": {"articles_stating": key.score[0], "articles_telling": key.score[1]}}
                     for key in found.dates],
        "days_considered": found.candidates,
        "span": None if found.span is None else [found.span[0].isoformat(), found.span[1].isoformat()],
    }


def digest_text(found: Digest, filter_text: str) -> str:
    """The digest as plain lines for the terminal or notes: a heading, then each date with its events."""
    if not found.dates:
        return "No key dates: no event of a single day among the events selected.\n"
    first, last = found.span
    heading = (f"Key dates: {len(found.dates)} of {found.candidates} day(s) with events, "
               f"{day_label(first)} to {day_label(last)}")
    lines = [heading + (f" ({clean_line(filter_text)})" if filter_text else "")]
    for key in found.dates:
        stating, telling = key.score
        lines.append("")
        lines.append(f"{day_label(key.day)}  ·  stated by {stating} article(s), told by {telling}")
        lines.extend(f"  - {clean_line(event.summary)} ({event.articles} article(s))" for event in key.events)
    return "\n".join(lines) + "\n"
