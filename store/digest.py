"""Key dates: the days that matter most among the events a filter selects, each with its most important events
(timeline summarisation, as the Timeline17 benchmark scores it).

A day's salience is evidence that the story's writers dated something to it, not how much was written that day:
- first, how many distinct articles state the day in their own words ("on Tuesday", "on March 19") for an event
  of the selection (an article published later that refers back to the day counts like one of that day);
- then how many distinct articles tell an event of that day at all (also those dated by their publication);
- then how many articles were published that day.
Only tellings of one day count (a week, a month or a range names no single day): an event dated to the day, or a
telling whose own words state the day. Without --since/--until the days
are looked for within the coverage of the selection, from its first article's publication to its last one's, and
at least in the MIN_SPAN_DAYS up to its last article (a few articles of one day tell the week before it): the dates
a story's articles tell in passing ("the 2003 invasion") are its background, not its key dates. (A margin before
the first article of a longer story lost more than it found on Timeline17.)

Within a day, events are ranked by the articles that tell them, then by the articles that state the day, and an
event whose summary is already shown for that day is not shown again.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from store.filter import Filter
from store.selection import select

MIN_SPAN_DAYS = 7  # the days up to the last article that are always looked at


@dataclass(frozen=True)
class KeyEvent:
    id: int
    summary: str
    articles: int  # distinct articles telling it


@dataclass(frozen=True)
class KeyDate:
    day: date
    score: tuple[int, int, int]  # (articles stating the day, articles telling events of it, articles published)
    events: list[KeyEvent]


@dataclass(frozen=True)
class Digest:
    dates: list[KeyDate]  # in date order
    candidates: int  # days with events of one day among the selection, within the span looked at
    span: tuple[date, date] | None  # the days looked at (None: the selection has no dated article)


def key_dates(conn: sqlite3.Connection, flt: Filter, dates: int = 12, per_date: int = 2) -> Digest:
    """The `dates` most salient days of the events `flt` selects, each with its `per_date` top events."""
    selection = select(conn, flt, events=True)
    if selection is None:
        return Digest([], 0, None)
    rows = conn.execute(
        f"SELECT e.id, e.start, e.end, e.precision, e.summary, s.article_id, s.dating_reason, s.told_precision,"
        f" s.told_start, s.told_end, a.published FROM {selection.source}"
        f" JOIN sources s ON s.event_id = {selection.event_id} JOIN articles a ON a.id = s.article_id"
        f" {selection.where()}",
        selection.params,
    ).fetchall()
    span = _span(flt, [row[10] for row in rows])
    if span is None:
        return Digest([], 0, None)
    first, last = (day.isoformat() for day in span)
    stating: dict[str, set[str]] = defaultdict(set)  # day → articles stating it
    telling: dict[str, set[str]] = defaultdict(set)  # day → articles telling an event of it
    published: dict[str, set[str]] = defaultdict(set)  # day → articles published on it
    event_articles: dict[int, set[str]] = defaultdict(set)
    event_stated: dict[int, set[str]] = defaultdict(set)
    summaries: dict[int, str] = {}
    days_of: dict[str, dict[int, None]] = defaultdict(dict)  # day → its events, in the order met
    for (event_id, start, end, precision, summary, article_id, reason, told_precision, told_start, told_end,
         published_on) in rows:
        summaries[event_id] = summary
        event_articles[event_id].add(article_id)
        if published_on:
            published[published_on[:10]].add(article_id)
        if precision == "day" and start == end and first <= start <= last:
            telling[start].add(article_id)
            days_of[start][event_id] = None
        if reason == "explicit" and told_precision == "day" and told_start == told_end and first <= told_start <= last:
            stating[told_start].add(article_id)
            event_stated[event_id].add(article_id)
            days_of[told_start][event_id] = None
    score = {day: (len(stating[day]), len(telling[day]), len(published[day])) for day in days_of}
    chosen = sorted(sorted(days_of, key=lambda day: (-score[day][0], -score[day][1], day))[:dates])
    key = []
    for day in chosen:
        ranked = sorted(days_of[day], key=lambda i: (-len(event_articles[i]), -len(event_stated[i]), i))
        shown: list[KeyEvent] = []
        seen: set[str] = set()
        for event_id in ranked:
            text = " ".join(summaries[event_id].split()).casefold()
            if text in seen:
                continue
            seen.add(text)
            shown.append(KeyEvent(event_id, summaries[event_id], len(event_articles[event_id])))
            if len(shown) == per_date:
                break
        key.append(KeyDate(date.fromisoformat(day), score[day], shown))
    return Digest(key, len(days_of), span)


def _span(flt: Filter, published: list[str | None]) -> tuple[date, date] | None:
    """The days looked at: the filter's own bounds where it gives them, else the coverage of the selection."""
    if flt.since is not None and flt.until is not None:
        return flt.since, flt.until
    days = sorted(p[:10] for p in published if p)
    if not days:
        return (flt.since or date.min, flt.until or date.max) if published else None
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    return flt.since or min(first, last - timedelta(days=MIN_SPAN_DAYS)), flt.until or last
