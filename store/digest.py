"""Key dates: the days that matter most among the events a filter selects, each with its most important events
(timeline summarisation, as the Timeline17 benchmark scores it).

A day's salience is evidence that the story's writers dated something to it, not how much was written that day:
first, how many distinct articles state the day in their own words ("on Tuesday", "on March 19") in a telling of
an event of the selection (an article published later that refers back to the day counts like one of that day);
then how many distinct articles have a telling dated to that very day at all (also by their publication). Only
tellings of one day count: a week, a month or a range names no single day. Without --since/--until the days are
looked for within the coverage of the selection, from its first article's publication to its last one's, and at
least in the MIN_SPAN_DAYS up to its last article (a few articles of one day tell the week before it): the dates a
story's articles tell in passing ("the 2003 invasion") are its background, not its key dates. (A margin before the
first article of a longer story lost more than it found on Timeline17.)

For the whole store (no filter but a period) the days are read from `day_tallies`, which ingest keeps (db.tally_days),
and a day's events are those dated to it (from the timeline's index): a million-event store answers in
milliseconds. Under a filter, days are counted from the selected events' tellings. Either way a day shows the
events (of the selection) dated to it, each under its own date only, so a stray telling of a big event neither
repeats it under another day nor crowds that day's own out; a day whose tellings' events are all dated elsewhere
gives its place to the next.

Within a day, events are ranked by the articles that tell them, and an event whose summary is already shown for
that day is not shown again.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from store.filter import Filter
from store.model import Event, When
from store.queries import load_events
from store.selection import Selection, select

MIN_SPAN_DAYS = 7  # the days up to the last article that are always looked at
COVERAGE_WALK = 2_000  # articles walked from each end of the publication order for a selection's coverage
DAY_EVENTS_READ = 200  # a key day's events with most sources that are ranked by their articles (whole store)


@dataclass(frozen=True)
class KeyEvent:
    id: int
    summary: str
    articles: int  # distinct articles telling it


@dataclass(frozen=True)
class KeyDate:
    day: date
    score: tuple[int, int]  # (articles stating the day, articles with a telling dated to it)
    events: list[KeyEvent]


@dataclass(frozen=True)
class Digest:
    dates: list[KeyDate]  # in date order
    candidates: int  # days with events of one day among the selection, within the span looked at
    span: tuple[date, date] | None  # the days looked at (None: the selection has no dated article)


def key_dates(conn: sqlite3.Connection, flt: Filter, dates: int = 12, per_date: int = 2) -> Digest:
    """The `dates` most salient days of the events `flt` selects, each with its `per_date` top events."""
    if replace(flt, since=None, until=None) == Filter():
        return _whole_store(conn, flt, dates, per_date)
    selection = select(conn, flt)
    if selection is None:
        return Digest([], 0, None)
    selected = f"SELECT {selection.event_id} AS id FROM {selection.source} {selection.where()}"
    params = selection.params
    if flt.since is not None and flt.until is not None:
        span = _span(flt, None, None, False)
    else:
        span = _span(flt, *_coverage(conn, selection, selected))
    if span is None:
        return Digest([], 0, None)
    # Each day's tellings among the selection's: the articles with one, and those whose own words state it.
    one_day = "s.told_precision = 'day' AND s.told_start = s.told_end"
    counts = conn.execute(
        f"SELECT s.told_start, count(DISTINCT CASE WHEN s.dating_reason = 'explicit' THEN s.article_no END),"
        f" count(DISTINCT s.article_no) FROM ({selected}) x JOIN sources s ON s.event_id = x.id"
        f" WHERE {one_day} AND s.told_start BETWEEN ? AND ? GROUP BY s.told_start",
        [*params, span[0].isoformat(), span[1].isoformat()]).fetchall()
    score = {day: (stating, telling) for day, stating, telling in counts}
    ranked = sorted(score, key=lambda day: (-score[day][0], -score[day][1], day))
    return Digest(_key_days(conn, ((day, score[day]) for day in ranked), dates, per_date, selection), len(score), span)


def _whole_store(conn: sqlite3.Connection, flt: Filter, dates: int, per_date: int) -> Digest:
    """Key dates read from `day_tallies`; each day's events are those dated to it, most sources first."""
    first_published, last_published = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    held = first_published is not None or conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None
    span = _span(flt, first_published, last_published, held)
    if span is None:
        return Digest([], 0, None)
    bounds = (span[0].isoformat(), span[1].isoformat())
    candidates = conn.execute("SELECT count(*) FROM day_tallies WHERE day BETWEEN ? AND ? AND telling > 0",
                              bounds).fetchone()[0]
    ranked = conn.execute("SELECT day, stating, telling FROM day_tallies WHERE day BETWEEN ? AND ? AND telling > 0"
                          " ORDER BY stating DESC, telling DESC, day", bounds).fetchall()
    return Digest(_key_days(conn, ((day, (stating, telling)) for day, stating, telling in ranked), dates, per_date),
                  candidates, span)


def _key_days(conn: sqlite3.Connection, ranked: Iterable[tuple[str, tuple[int, int]]], dates: int, per_date: int,
              selection: Selection | None = None) -> list[KeyDate]:
    """The first `dates` of the `ranked` days (with their scores) that hold an event of the selection (of the
    store without one) dated to that very day, in date order; each with its `per_date` events told by most articles.
    A day ranked for its tellings may hold no such event (its tellings' events were found to be one with an event
    dated to another day, where they show): the next day in rank takes its place."""
    in_selection = ""
    params: list = []
    if selection is not None:
        in_selection = (f" AND EXISTS (SELECT 1 FROM {selection.source}"
                        f" {selection.where(f'{selection.event_id} = dated.id')})")
        params = selection.params
    key = []
    for day, score in ranked:
        rows = conn.execute(
            "SELECT e.id, e.summary, (SELECT count(DISTINCT s.article_no) FROM sources s WHERE s.event_id = e.id)"
            " AS articles FROM (SELECT dated.id, dated.summary FROM events dated WHERE dated.sort_key = ?"
            f" AND dated.end = dated.start AND dated.precision = 'day'{in_selection}"
            " ORDER BY dated.n_sources DESC, dated.id LIMIT ?) e",
            (day, *params, DAY_EVENTS_READ)).fetchall()
        if rows:
            events = [KeyEvent(event_id, summary, articles)
                      for event_id, summary, articles in sorted(rows, key=lambda row: (-row[2], row[0]))]
            key.append(KeyDate(date.fromisoformat(day), score, _distinct(events, per_date)))
        if len(key) == dates:
            break
    return sorted(key, key=lambda found: found.day)


def _coverage(conn: sqlite3.Connection, selection: Selection, selected: str) -> tuple[str | None, str | None, bool]:
    """The first and last publication among the articles telling the selected events (`selected`: the query of
    their ids), and whether they have any telling. Walked from each end of the articles by publication (at most
    COVERAGE_WALK of them, each asked whether one of its tellings is of a selected event, the event looked up in
    the selection: a big selection's first and last are a few steps in), else counted from every telling of the
    selection."""
    tells_selected = (f"EXISTS (SELECT 1 FROM sources s WHERE s.article_no = a.no AND EXISTS (SELECT 1 FROM"
                      f" {selection.source} {selection.where(f'{selection.event_id} = s.event_id')}))")
    ends = []
    for direction in ("ASC", "DESC"):
        row = conn.execute(
            f"SELECT a.published FROM (SELECT no, published FROM articles WHERE published IS NOT NULL"
            f" ORDER BY published {direction} LIMIT ?) a WHERE {tells_selected} ORDER BY a.published {direction}"
            " LIMIT 1", [COVERAGE_WALK, *selection.params]).fetchone()
        if row is None:
            break
        ends.append(row[0])
    if len(ends) == 2:
        return ends[0], ends[1], True
    first, last, tellings = conn.execute(
        f"SELECT min(a.published), max(a.published), count(*) FROM ({selected}) x"
        " JOIN sources s ON s.event_id = x.id JOIN articles a ON a.no = s.article_no", selection.params).fetchone()
    return first, last, tellings > 0


def _distinct(events: list[KeyEvent], limit: int) -> list[KeyEvent]:
    """The first `limit` events whose summaries differ (one happening told twice is shown once)."""
    shown: list[KeyEvent] = []
    seen: set[str] = set()
    for event in events:
        text = " ".join(event.summary.split()).casefold()
        if text not in seen:
            seen.add(text)
            shown.append(event)
        if len(shown) == limit:
            break
    return shown


def _span(flt: Filter, first: str | None, last: str | None, articles: bool) -> tuple[date, date] | None:
    """The days looked at: the filter's own bounds where it gives them, else the coverage of the selection, from
    its first publication (`first`) to its last (`last`); any day when its `articles` have no date; None without
    articles."""
    if flt.since is not None and flt.until is not None:
        return flt.since, flt.until
    if first is None or last is None:
        return (flt.since or date.min, flt.until or date.max) if articles else None
    first_day, last_day = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    return flt.since or min(first_day, last_day - timedelta(days=MIN_SPAN_DAYS)), flt.until or last_day


def key_events(conn: sqlite3.Connection, found: Digest) -> list[Event]:
    """The digest's events, whole (with their sources), each dated to its key day: what a TimelineJS export of the
    key dates shows."""
    day_of = {event.id: key.day for key in found.dates for event in key.events}
    return [replace(event, when=When(day_of[event.id], day_of[event.id], "day"))
            for event in load_events(conn, list(day_of))]
