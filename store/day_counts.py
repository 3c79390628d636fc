"""Positions and counts in the timeline read from the events per day (`timeline_days`, kept by triggers): for a
filter that is no filter or one actor, how many rows come before a row, how many rows there are, which row is at
an index and the events of each day, month or year cost a read of the day counts (one per day of the store's span, a few
thousand) plus the rows of one bucket, however deep in a timeline of millions the row is.

A bucket is a day, or for undated events (which share one sort_key and are ordered by id) a block of
UNDATED_BLOCK event ids, so that no bucket grows with the store. Each function takes the selection's
`timeline_days` key (`Selection.day_counted()`); a selection that has none (several actors, a period, a search,
...) has its rows counted by the caller.
"""
from __future__ import annotations

import math
import sqlite3

from store.schema import UNDATED_BLOCK, UNDATED_SORT_KEY as UNDATED
from store.selection import Selection
_NO_ID = 2 ** 62  # past every event id


def _bucket(key: tuple[str, float]) -> tuple[str, int, int]:
    """The bucket holding keyset position `key`, and the event ids (from, to: excluded) its rows have."""
    sort_key, row_id = key
    if sort_key != UNDATED:
        return sort_key, -1, _NO_ID
    block = 0 if row_id < 0 else (_NO_ID // UNDATED_BLOCK if not math.isfinite(row_id) else int(row_id) // UNDATED_BLOCK)
    return f"{UNDATED}/{block:010d}", block * UNDATED_BLOCK, (block + 1) * UNDATED_BLOCK


def _bounds(bucket: str) -> tuple[str, int, int]:
    """The sort_key of a bucket's rows and their event ids (from, to: excluded)."""
    if not bucket.startswith(UNDATED + "/"):
        return bucket, -1, _NO_ID
    block = int(bucket[len(UNDATED) + 1:])
    return UNDATED, block * UNDATED_BLOCK, (block + 1) * UNDATED_BLOCK


def count_before(conn: sqlite3.Connection, selection: Selection, actor: int, key: tuple[str, float],
                 descending: bool = False) -> int:
    """How many rows of `selection` come before the keyset position `key` in display order: the rows of the
    buckets before its bucket, and those of its own bucket before it."""
    bucket, low, high = _bucket(key)
    buckets_before = conn.execute(
        "SELECT coalesce(sum(n), 0) FROM timeline_days WHERE actor_id = ?"
        f" AND bucket {'>' if descending else '<'} ?", (actor, bucket)).fetchone()[0]
    ids = f"{selection.event_id} > ? AND {selection.event_id} < ?" if descending else \
        f"{selection.event_id} >= ? AND {selection.event_id} < ?"
    same_bucket = conn.execute(
        f"SELECT count(*) FROM {selection.source} {selection.where(f'{selection.sort_key} = ?', ids)}",
        (*selection.params, key[0], *((key[1], high) if descending else (low, key[1])))).fetchone()[0]
    return buckets_before + same_bucket


def count(conn: sqlite3.Connection, actor: int) -> int:
    """How many rows the selection counted under `actor` holds."""
    return conn.execute("SELECT coalesce(sum(n), 0) FROM timeline_days WHERE actor_id = ?", (actor,)).fetchone()[0]


def key_at(conn: sqlite3.Connection, selection: Selection, actor: int, index: int,
           descending: bool = False) -> tuple[str, int] | None:
    """The key of the row at `index` (from 0) in display order, or None past the end: the counts are walked to
    the row's month, then to its bucket, then that bucket's rows."""
    order = "DESC" if descending else "ASC"
    seen = 0
    for month, in_month in conn.execute(  # months first (their sums in SQL), then the days of the one found
            f"SELECT substr(bucket, 1, 7) AS month, sum(n) FROM timeline_days WHERE actor_id = ? AND n > 0"
            f" GROUP BY month ORDER BY month {order}", (actor,)).fetchall():
        if seen + in_month > index:
            break
        seen += in_month
    else:
        return None
    for bucket, n in conn.execute(
            f"SELECT bucket, n FROM timeline_days WHERE actor_id = ? AND bucket BETWEEN ? AND ? AND n > 0"
            f" ORDER BY bucket {order}", (actor, month, month + "\uffff")).fetchall():
        if seen + n > index:
            sort_key, low, high = _bounds(bucket)
            where = selection.where(f"{selection.sort_key} = ?", f"{selection.event_id} >= ?",
                                    f"{selection.event_id} < ?")
            row = conn.execute(
                f"SELECT {selection.sort_key}, {selection.event_id} FROM {selection.source} {where}"
                f" {selection.order(descending)} LIMIT 1 OFFSET ?",
                (*selection.params, sort_key, low, high, index - seen)).fetchone()
            return None if row is None else (row[0], row[1])
        seen += n
    return None


def dated_span(conn: sqlite3.Connection, actor: int) -> tuple[str, str] | None:
    """The first and last day holding dated rows counted under `actor` (None when there is none)."""
    first, last = conn.execute(
        "SELECT min(bucket), max(bucket) FROM timeline_days WHERE actor_id = ? AND bucket < ? AND n > 0",
        (actor, UNDATED)).fetchone()
    return None if first is None else (first, last)


def per_period(conn: sqlite3.Connection, actor: int, width: int) -> list[tuple[str, int]]:
    """(period, number of rows) for each day (`width` 10: "2024-05-01"), month (7: "2024-05") or year (4) holding
    dated rows counted under `actor`, in order."""
    return [tuple(row) for row in conn.execute(
        "SELECT substr(bucket, 1, ?) AS period, sum(n) FROM timeline_days WHERE actor_id = ? AND bucket < ?"
        " AND n > 0 GROUP BY period ORDER BY period", (width, actor, UNDATED))]
