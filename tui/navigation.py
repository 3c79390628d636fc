"""Where the cursor lands in a view (a filter in one order) after a jump: the same event when the filter or
the order changes, a date, the next month or year that has events, the next search hit. Each answer is a
row index and the row itself, found by a few indexed reads, never by reading the rows in between.

These functions block on SQLite: the main screen calls them from thread workers.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

from store.filter import Filter
from store.model import When
from store.queries import UNDATED_SORT_KEY, EventRow
from tui.dates import next_period, period_end, period_start
from tui.reader import StoreReader
from tui.widgets.timeline_rows import Key

AFTER_ANY_ID = float("inf")  # (day, AFTER_ANY_ID) falls after every row of that day
MAX_KEPT_HITS = 100_000  # a search with more hits is asked of the store at each n / N instead of kept
KEYS_AT_ONCE = 2_000  # a search with at most this many hits has them read at its first press (one read, a few ms)


@dataclass(frozen=True)
class HitKeys:
    """Every hit of a search under a filter (`flt` holds the search words), by key in timeline order: read once,
    then n, N and "k of n" are found in it."""

    flt: Filter
    keys: list[Key] | None  # None: more than MAX_KEPT_HITS, not kept (each press asks the store)


def hit_keys_at_once(reader: StoreReader, flt: Filter, text: str) -> tuple[HitKeys | None, int]:
    """The hits of `text` under `flt` when they are few enough (KEYS_AT_ONCE) that reading them all costs less
    than finding one hit, its rank and the count by three reads, else None (they are read after the first hit is
    shown); and how many there are."""
    hits = replace(flt, text=text)
    count = reader.count(hits)
    if count > KEYS_AT_ONCE:
        return None, count
    return HitKeys(hits, reader.event_keys(hits, KEYS_AT_ONCE)), count


def hit_keys(reader: StoreReader, flt: Filter, text: str) -> HitKeys:
    """The hits of `text` under `flt` (their keys None when there are more than MAX_KEPT_HITS)."""
    hits = replace(flt, text=text)
    return HitKeys(hits, reader.event_keys(hits, MAX_KEPT_HITS))


@dataclass(frozen=True)
class Place:
    """Row `index` of the view, and the row; `beyond`: no row was at or past the position sought, so this is
    the last row."""

    index: int
    row: EventRow | None
    beyond: bool = False


@dataclass(frozen=True)
class Hit:
    place: Place
    number: int | None  # the hit's rank among all hits, from 1; None until the hits are read (many of them)
    count: int
    wrapped: bool  # the search went past the end and started over


def just_before(row: EventRow, descending: bool) -> Key:
    """A key between `row` and the row before it in display order."""
    return row.sort_key, row.id + (0.5 if descending else -0.5)


def place_of(reader: StoreReader, flt: Filter, descending: bool, row: EventRow, total: int) -> Place:
    """Where `row` is in the view, or, when the filter leaves it out, the row that takes its place."""
    return _place_at(reader, flt, descending, just_before(row, descending), total)


def rows_around(reader: StoreReader, flt: Filter, descending: bool, place: Place, total: int,
                screenful: int) -> tuple[int, list[EventRow]]:
    """(index of the first, rows) for a screenful of rows either side of `place` (two keyset reads), so that a
    new view shows whole at once."""
    if place.row is None or not total:
        return 0, reader.page(flt, limit=2 * screenful, descending=descending)
    before = reader.page(flt, after=place.row.key, limit=screenful, descending=not descending)
    before.reverse()
    after = reader.page(flt, after=just_before(place.row, descending), limit=2 * screenful, descending=descending)
    return place.index - len(before), before + after


def place_of_date(reader: StoreReader, flt: Filter, descending: bool, when: When, total: int) -> Place:
    """The first row of `when` in display order: oldest first, the first event starting on or after its
    start; newest first, the first starting on or before its end. Past the last row, the last row."""
    return _place_at(reader, flt, descending, _period_cut(when.start, when.end, descending), total)


def place_of_step(reader: StoreReader, flt: Filter, descending: bool, row: EventRow, unit: str, later: bool,
                  total: int) -> Place | None:
    """The first row (in display order) of the nearest month or year (`unit`) with events before or after
    (`later`) the one `row` starts in; None when there is none. Undated events count as a period after all."""
    if row.start is None:
        if later:
            return None
        boundary: Key = (UNDATED_SORT_KEY, 0)
    elif later:
        after = next_period(row.start, unit)  # None in the calendar's last period: only undated events follow
        boundary = (UNDATED_SORT_KEY, 0) if after is None else (after.isoformat(), 0)
    else:
        boundary = (period_start(row.start, unit).isoformat(), 0)
    found = reader.page(flt, after=boundary, limit=1, descending=not later)
    if not found:
        return None
    day = found[0].start
    if day is None:
        return _place_at(reader, flt, descending, _period_cut(None, None, descending), total)
    return _place_at(reader, flt, descending, _period_cut(period_start(day, unit), period_end(day, unit),
                                                          descending), total)


def next_hit(reader: StoreReader, flt: Filter, descending: bool, text: str, row: EventRow | None,
             backward: bool = False, include_row: bool = False, kept: HitKeys | None = None,
             count: int | None = None) -> Hit | None:
    """The next event (in display order, or the previous one when `backward`) after `row` whose summary or
    sources hold every word of `text`, starting over from the other end when there is none; `include_row`
    lets `row` itself be the hit. None when nothing matches. With `kept` (the search's hits, read before) the
    hit, its rank and the count are found in it; `count`: how many hits there are, when counted already."""
    hits = replace(flt, text=text)
    if kept is not None and kept.flt == hits and kept.keys is not None:
        found = _kept_hit(reader, flt, descending, kept.keys, row, backward, include_row)
        if found is not None:
            return found  # else a kept hit left the store meanwhile: the store is asked
    order = descending != backward
    after: Key | None = None
    if row is not None:
        after = just_before(row, order) if include_row else row.key
    found = reader.page(hits, after=after, limit=1, descending=order)
    wrapped = not found and after is not None
    if wrapped:
        found = reader.page(hits, after=None, limit=1, descending=order)
    if not found:
        return None
    hit = found[0]
    index = reader.count_before(flt, hit.key, descending)
    count = reader.count(hits) if count is None else count
    # A hit's rank counts the hits before it, which grows with them: past KEYS_AT_ONCE it is left to the hits read
    # once the hit is shown (hit_keys, then number_of).
    number = reader.count_before(hits, hit.key, descending) + 1 if count <= KEYS_AT_ONCE else None
    return Hit(Place(index, row=hit), number, count, wrapped)


def number_of(keys: list[Key], row: EventRow, descending: bool) -> int | None:
    """The rank (from 1, in display order) of `row` among a search's hits `keys` (in timeline order); None when
    it is not one of them."""
    at = bisect_left(keys, row.key)
    if at == len(keys) or tuple(keys[at]) != tuple(row.key):
        return None
    return len(keys) - at if descending else at + 1


def _kept_hit(reader: StoreReader, flt: Filter, descending: bool, keys: list[Key], row: EventRow | None,
              backward: bool, include_row: bool) -> Hit | None:
    if not keys:
        return None
    later = descending == backward  # walking the keys towards later ones
    wrapped = False
    if row is None:
        at = 0 if later else len(keys) - 1
    elif later:
        at = (bisect_left if include_row else bisect_right)(keys, row.key)
        wrapped, at = (True, 0) if at == len(keys) else (False, at)
    else:
        at = (bisect_right if include_row else bisect_left)(keys, row.key) - 1
        wrapped, at = (True, len(keys) - 1) if at < 0 else (False, at)
    found = reader.event(keys[at][1])
    if found is None:
        return None
    return Hit(Place(reader.count_before(flt, found.key, descending), row=found), number_of(keys, found, descending),
               len(keys), wrapped)


def _place_at(reader: StoreReader, flt: Filter, descending: bool, cut: Key, total: int) -> Place:
    """The first row past the keyset position `cut` in display order, or the last row when none is."""
    index = reader.count_before(flt, cut, descending)
    found = reader.page(flt, after=cut, limit=1, descending=descending) if index < total else []
    if found:
        return Place(index, found[0])
    last = reader.page(flt, limit=1, descending=not descending)
    return Place(max(0, total - 1), last[0] if last else None, beyond=True)


def _period_cut(start: date | None, end: date | None, descending: bool) -> Key:
    if start is None or end is None:
        return (UNDATED_SORT_KEY, AFTER_ANY_ID) if descending else (UNDATED_SORT_KEY, 0)
    return (end.isoformat(), AFTER_ANY_ID) if descending else (start.isoformat(), 0)
