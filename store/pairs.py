"""Who met whom: the pairs of actors (person–person, person–country, country–country) that share the most events
among those a filter selects, each with how its shared events spread over time.

The events are read once, latest first, at most WINDOW of them (a filter selecting more is counted over its
latest WINDOW events, and says so): on a million-event store the count stays a worker's second or two whatever
the filter, rather than a self-join of every event's actors.
"""
from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from store.filter import Filter
from store.queries import actor_key, count_events
from store.selection import select

WINDOW = 50_000  # the latest events of the selection that are counted
KINDS = ("person", "country")
UNDATED = "9999"


@dataclass(frozen=True)
class PairActor:
    kind: str  # "person" | "country"
    key: str  # what a filter names it by: a person's name, a country's code
    name: str  # what to show


@dataclass(frozen=True)
class Pair:
    first: PairActor
    second: PairActor
    count: int  # events naming both
    first_day: date | None  # the earliest and latest of those events (None when all are undated)
    last_day: date | None
    spread: tuple[int, ...]  # how many of them fall in each of the equal stretches of the selection's span


@dataclass(frozen=True)
class Pairs:
    pairs: list[Pair]
    counted: int  # events read (at most WINDOW)
    selected: int  # events the filter selects
    span: tuple[date, date] | None  # the dated span the spreads divide


def actor_pairs(conn: sqlite3.Connection, flt: Filter, limit: int = 20, buckets: int = 12,
                window: int = WINDOW) -> Pairs:
    """The `limit` pairs with most shared events among the latest `window` events `flt` selects, most first
    (ties by names)."""
    selection = select(conn, flt)
    if selection is None:
        return Pairs([], 0, 0, None)
    latest = (f"SELECT {selection.event_id} AS id, {selection.sort_key} AS sort_key FROM {selection.source}"
              f" {selection.where()} {selection.order(descending=True)} LIMIT ?")
    kinds = {row[0]: row[1:] for row in conn.execute(
        f"SELECT id, kind, name, code FROM actors WHERE kind IN ({', '.join('?' * len(KINDS))})", KINDS)}
    actors_of: dict[int, list[int]] = defaultdict(list)
    keys: dict[int, str] = {}
    for event_id, sort_key, actor_id in conn.execute(
        f"SELECT s.id, s.sort_key, ea.actor_id FROM ({latest}) s CROSS JOIN event_actors ea ON ea.event_id = s.id",
        [*selection.params, window],
    ):
        keys[event_id] = sort_key
        if actor_id in kinds:
            actors_of[event_id].append(actor_id)
    selected = count_events(conn, flt)
    counted = min(selected, window)
    together: Counter[tuple[int, int]] = Counter()
    days: dict[tuple[int, int], list[str]] = defaultdict(list)
    for event_id, ids in actors_of.items():
        for pair in combinations(sorted(set(ids)), 2):
            together[pair] += 1
            days[pair].append(keys[event_id])
    dated = [key for key in keys.values() if not key.startswith(UNDATED)]
    span = (date.fromisoformat(min(dated)), date.fromisoformat(max(dated))) if dated else None

    def actor(actor_id: int) -> PairActor:
        kind, name, code = kinds[actor_id]
        return PairActor(kind, actor_key(kind, name, code), name)

    def order(actor_id: int) -> tuple[int, str]:  # a person before a country, then by name
        kind, name, _ = kinds[actor_id]
        return KINDS.index(kind), name

    top = sorted(((tuple(sorted(pair, key=order)), count) for pair, count in together.items()),
                 key=lambda item: (-item[1], order(item[0][0]), order(item[0][1])))[:limit]
    pairs = []
    for (a, b), count in top:
        when = sorted(key for key in days[(min(a, b), max(a, b))] if not key.startswith(UNDATED))
        pairs.append(Pair(actor(a), actor(b), count, date.fromisoformat(when[0]) if when else None,
                          date.fromisoformat(when[-1]) if when else None, _spread(when, span, buckets)))
    return Pairs(pairs, counted, selected, span)


def _spread(keys: list[str], span: tuple[date, date] | None, buckets: int) -> tuple[int, ...]:
    """How many of the dated `keys` fall in each of `buckets` equal stretches of `span`."""
    counts = [0] * buckets
    if span is None:
        return tuple(counts)
    first, last = span
    days = max(1, (last - first).days + 1)
    for key in keys:
        offset = (date.fromisoformat(key) - first).days
        counts[min(buckets - 1, max(0, offset * buckets // days))] += 1
    return tuple(counts)


BARS = " ▁▂▃▄▅▆▇█"


def sparkline(spread: tuple[int, ...]) -> str:
    """The spread as bars, the fullest stretch a full bar, an empty one a space."""
    top = max(spread, default=0)
    if not top:
        return " " * len(spread)
    return "".join(BARS[0 if n == 0 else max(1, round(n * (len(BARS) - 1) / top))] for n in spread)
