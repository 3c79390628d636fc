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
milliseconds. Under a filter, days and events are counted from the selected events' tellings.

Within a day, events are ranked by the articles that tell them, and an event whose summary is already shown for
that day is not shown again.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from store.filter import Filter
from store.selection import select

MIN_SPAN_DAYS = 7  # the days up to the last article that are always looked at
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
    selection = select(conn, flt, events=True)
    if selection is None:
        return Digest([], 0, None)
    rows = conn.execute(
        f"SELECT e.id, e.summary, s.article_id, s.dating_reason, s.told_precision, s.told_start, s.told_end,"
        f" a.published FROM {selection.source}"
        f" JOIN sources s ON s.event_id = {selection.event_id} JOIN articles a ON a.id = s.article_id"
        f" {selection.where()}",
        selection.params,
    ).fetchall()
    span = _span(flt, [row[7] for row in rows])
    if span is None:
        return Digest([], 0, None)
    first, last = (day.isoformat() for day in span)
    stating: dict[str, set[str]] = defaultdict(set)  # day → articles stating it
    telling: dict[str, set[str]] = defaultdict(set)  # day → articles with a telling dated to it
    event_articles: dict[int, set[str]] = defaultdict(set)
    summaries: dict[int, str] = {}
    days_of: dict[str, dict[int, None]] = defaultdict(dict)  # day → its events, in the order met
    for event_id, summary, article_id, reason, precision, told_start, told_end, _ in rows:
        summaries[event_id] = summary
        event_articles[event_id].add(article_id)
        if precision == "day" and told_start == told_end and first <= told_start <= last:
            telling[told_start].add(article_id)
            days_of[told_start][event_id] = None
            if reason == "explicit":
                stating[told_start].add(article_id)
    score = {day: (len(stating[day]), len(telling[day])) for day in days_of}
    chosen = sorted(sorted(days_of, key=lambda day: (-score[day][0], -score[day][1], day))[:dates])
    key = []
    for day in chosen:
        ranked = sorted(days_of[day], key=lambda i: (-len(event_articles[i]), i))
        events = [KeyEvent(i, summaries[i], len(event_articles[i])) for i in ranked]
        key.append(KeyDate(date.fromisoformat(day), score[day], _distinct(events, per_date)))
    return Digest(key, len(days_of), span)


def _whole_store(conn: sqlite3.Connection, flt: Filter, dates: int, per_date: int) -> Digest:
    """Key dates read from `day_tallies`; each day's events are those dated to it, most sources first."""
    first_published, last_published = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    dated = [first_published, last_published] if first_published else []
    if not dated and conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
        dated = [None]  # articles without a publication date: any day
    span = _span(flt, dated)
    if span is None:
        return Digest([], 0, None)
    bounds = (span[0].isoformat(), span[1].isoformat())
    candidates = conn.execute("SELECT count(*) FROM day_tallies WHERE day BETWEEN ? AND ? AND telling > 0",
                              bounds).fetchone()[0]
    top = conn.execute(
        "SELECT day, stating, telling FROM day_tallies WHERE day BETWEEN ? AND ? AND telling > 0"
        " ORDER BY stating DESC, telling DESC, day LIMIT ?", (*bounds, dates)).fetchall()
    key = []
    for day, stating, telling in sorted(tuple(row) for row in top):
        rows = conn.execute(
            "SELECT e.id, e.summary, (SELECT count(DISTINCT s.article_id) FROM sources s WHERE s.event_id = e.id)"
            " AS articles FROM (SELECT id, summary FROM events WHERE sort_key = ? AND end = start"
            " AND precision = 'day' ORDER BY n_sources DESC, id LIMIT ?) e", (day, DAY_EVENTS_READ)).fetchall()
        events = [KeyEvent(event_id, summary, articles)
                  for event_id, summary, articles in sorted(rows, key=lambda row: (-row[2], row[0]))]
        key.append(KeyDate(date.fromisoformat(day), (stating, telling), _distinct(events, per_date)))
    return Digest(key, candidates, span)


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


def _span(flt: Filter, published: list[str | None]) -> tuple[date, date] | None:
    """The days looked at: the filter's own bounds where it gives them, else the coverage of the selection."""
    if flt.since is not None and flt.until is not None:
        return flt.since, flt.until
    days = sorted(p[:10] for p in published if p)
    if not days:
        return (flt.since or date.min, flt.until or date.max) if published else None
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    return flt.since or min(first, last - timedelta(days=MIN_SPAN_DAYS)), flt.until or last
