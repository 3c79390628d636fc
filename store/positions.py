"""Where rows sit in the filtered timeline, for a browser that scrolls by row index but pages by keyset:
how many rows come before a keyset position, and the keyset position of the row at an index.

Timeline order is (sort_key, id) as in `store.queries`; `descending` is exactly the reverse order. No filter or one
actor: read from the events per day (store/day_counts.py); other filters count their rows.
"""
from __future__ import annotations

import sqlite3

from store import day_counts
from store.filter import Filter
from store.selection import select


def count_before(conn: sqlite3.Connection, flt: Filter, key: tuple[str, float], descending: bool = False) -> int:
    """How many rows `flt` selects come before the keyset position `key` (a row's key, or any (sort_key, id)
    pair between rows): the index of the first row at or after it."""
    selection = select(conn, flt)
    if selection is None:
        return 0
    actor = selection.day_counted()
    if actor is not None:
        return day_counts.count_before(conn, selection, actor, key, descending)
    return conn.execute(
        f"SELECT count(*) FROM {selection.source} {selection.where(selection.before(descending))}",
        (*selection.params, *key),
    ).fetchone()[0]


def key_at(conn: sqlite3.Connection, flt: Filter, index: int, descending: bool = False) -> tuple[str, int] | None:
    """The key of the row at `index` (from 0) among those `flt` selects, or None past the end. This walks the
    index over `index` rows (unless the day counts answer): use it only for a far jump that no known row is near."""
    selection = select(conn, flt)
    if selection is None or index < 0:
        return None
    actor = selection.day_counted()
    if actor is not None:
        return day_counts.key_at(conn, selection, actor, index, descending)
    row = conn.execute(
        f"SELECT {selection.sort_key}, {selection.event_id} FROM {selection.source} {selection.where()}"
        f" {selection.order(descending)} LIMIT 1 OFFSET ?",
        (*selection.params, index),
    ).fetchone()
    return None if row is None else (row[0], row[1])
