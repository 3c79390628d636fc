"""How many events the filtered timeline holds per stretch of time: the data of the browser's density sparkline.

The stretches (buckets) are days, months, years, decades, centuries or millennia: the finest unit that covers
the span of the filtered dated events in at most the number of buckets asked for. Events count in the bucket
of their start date; undated events are left out. Buckets without events are kept (count 0) so that the
buckets tile the span.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import islice
from typing import NamedTuple

from store import day_counts
from store.filter import Filter
from store.queries import UNDATED_SORT_KEY
from store.selection import Selection, select


class Bucket(NamedTuple):
    label: str  # "2025-10-09", "2025-10", "2025", "2020s", "1900–1999"
    count: int
    start: date
    end: date  # inclusive


@dataclass(frozen=True)
class _Unit:
    start_of: Callable[[date], date]  # the first day of the bucket holding a day
    after: Callable[[date], date]  # the first day of the next bucket, from a bucket's first day
    label: Callable[[date], str]  # a bucket's label, from its first day


def _years(size: int, label: Callable[[date], str]) -> _Unit:
    def start_of(day: date) -> date:
        return date(max(1, day.year // size * size), 1, 1)

    def after(start: date) -> date:
        return date(start.year // size * size + size, 1, 1)

    return _Unit(start_of, after, label)


def _next_month(start: date) -> date:
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


_UNITS = (
    _Unit(lambda day: day, lambda start: start + timedelta(days=1), date.isoformat),
    _Unit(lambda day: day.replace(day=1), _next_month, lambda start: f"{start.year:04d}-{start.month:02d}"),
    _years(1, lambda start: f"{start.year:04d}"),
    _years(10, lambda start: f"{start.year // 10 * 10}s"),
    _years(100, lambda start: f"{start.year // 100 * 100}–{start.year // 100 * 100 + 99}"),
    _years(1000, lambda start: f"{start.year // 1000 * 1000}–{start.year // 1000 * 1000 + 999}"),
)


_TO_FIRST_DAY = {10: "", 7: "-01", 4: "-01-01"}  # a day, month or year key ("2024-05") made a date


def density(conn: sqlite3.Connection, flt: Filter, buckets: int = 60) -> list[Bucket]:
    """The events `flt` selects per bucket, from the bucket of the earliest start date to that of the latest,
    in at most `buckets` buckets (when the span allows: a span of more than `buckets` millennia gets more)."""
    selection = select(conn, flt)
    if selection is None:
        return []
    actor = selection.day_counted()
    days = None if actor is not None else _events_per_day(conn, selection)
    span = day_counts.dated_span(conn, actor) if days is None else (days[0][0], days[-1][0]) if days else None
    if span is None:
        return []
    first, last = (date.fromisoformat(day) for day in span) if days is None else span
    unit = next(
        (unit for unit in _UNITS if len(list(islice(_spans(unit, first, last), buckets + 1))) <= buckets),
        _UNITS[-1],
    )
    if days is None:  # the counts read per day, month or year, as coarse as the unit allows
        width = 10 if unit is _UNITS[0] else 7 if unit is _UNITS[1] else 4
        days = [(date.fromisoformat(key + _TO_FIRST_DAY[width]), n) for key, n in day_counts.per_period(conn, actor, width)]
    counts: dict[date, int] = {}
    for day, n in days:
        start = unit.start_of(day)
        counts[start] = counts.get(start, 0) + n
    return [Bucket(unit.label(start), counts.get(start, 0), start, end) for start, end in _spans(unit, first, last)]


def bucket_index(buckets: Sequence[Bucket], day: date | None) -> int | None:
    """The index of the bucket holding `day`, or None when `day` is None or outside every bucket."""
    if day is None:
        return None
    return next((i for i, bucket in enumerate(buckets) if bucket.start <= day <= bucket.end), None)


def _events_per_day(conn: sqlite3.Connection, selection: Selection) -> list[tuple[date, int]]:
    """(start date, number of events) for each day some selected event starts on, in date order. Grouping by
    the whole sort_key lets the (sort_key, id) index hand over the groups in order, without a sort."""
    rows = conn.execute(
        f"SELECT {selection.sort_key}, count(*) FROM {selection.source}"
        f" {selection.where(f'{selection.sort_key} < ?')} GROUP BY {selection.sort_key} ORDER BY {selection.sort_key}",
        (*selection.params, UNDATED_SORT_KEY),
    ).fetchall()
    return [(date.fromisoformat(key), n) for key, n in rows]


def _spans(unit: _Unit, first: date, last: date) -> Iterator[tuple[date, date]]:
    """(first day, last day) of each bucket from the one holding `first` to the one holding `last`."""
    start = unit.start_of(first)
    while start <= last:
        try:
            after = unit.after(start)
        except (ValueError, OverflowError):  # the bucket runs to the end of the calendar
            yield start, date.max
            return
        yield start, after - timedelta(days=1)
        start = after
