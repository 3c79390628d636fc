"""How a `Filter` becomes SQL: which rows to read the selected events from, in timeline order, so that a page, a
count, or the position of a row costs what the filter selects and not what the store holds.

An actor filter reads the actor's own slice of `event_actors`, whose (actor_id, sort_key, event_id) index keeps
each actor's events in timeline order: a page of a person's events is a short index range, and the number of
their events before a row is counted on that index alone. With several actors, the one with fewest events
drives and the others are tested per event. Without an actor, the (sort_key, id) index of `events` is read.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from store.filter import Filter


FTS_CLAUSE = "{event} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"  # a search's words


@dataclass
class Selection:
    """The events a filter selects: `FROM {source} WHERE {clauses}`, where `event_id` and `sort_key` name the
    columns that hold each event's id and timeline position; `events` says whether `e` (the events table) is
    joined in, so that its columns can be read."""

    source: str
    event_id: str
    sort_key: str
    events: bool
    clauses: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def where(self, *extra: str) -> str:
        clauses = [*self.clauses, *extra]
        return f"WHERE {' AND '.join(clauses)}" if clauses else ""

    def order(self, descending: bool = False) -> str:
        direction = "DESC" if descending else "ASC"
        return f"ORDER BY {self.sort_key} {direction}, {self.event_id} {direction}"

    def day_counted(self) -> int | None:
        """The `timeline_days` key that counts exactly these events: 0 for every event, an actor's id when the
        selection is that one actor's events; None when a clause (a second actor, a period, a search, ...) needs
        the rows counted."""
        if not self.clauses:
            return 0
        return self.params[0] if self.clauses == ["x.actor_id = ?"] else None

    def past(self, descending: bool = False) -> str:
        """The condition for rows past a keyset position (two parameters: sort_key, id) in display order."""
        return f"({self.sort_key}, {self.event_id}) {'<' if descending else '>'} (?, ?)"

    def before(self, descending: bool = False) -> str:
        """The condition for rows before a keyset position (two parameters) in display order."""
        return f"({self.sort_key}, {self.event_id}) {'>' if descending else '<'} (?, ?)"


def select(conn: sqlite3.Connection, flt: Filter, *, events: bool = False) -> Selection | None:
    """The selection of `flt`, or None when it names an actor the store does not hold. `events`: the caller
    reads columns of `e` beyond the id and the sort key."""
    actor_sets = [person_actors(conn, name) for name in flt.persons]
    actor_sets += [country_actors(conn, code) for code in flt.countries]
    actor_sets += [named_actors(conn, "org", name) for name in flt.orgs]
    if any(not actors for actors in actor_sets):
        return None
    single = [actors for actors in actor_sets if len(actors) == 1]
    needs_events = events or flt.since is not None
    if single:
        driver = min(single, key=lambda actors: actors[0][1])
        actor_sets.remove(driver)
        source = "event_actors x" + (" CROSS JOIN events e ON e.id = x.event_id" if needs_events else "")
        selection = Selection(source, "x.event_id", "x.sort_key", needs_events, ["x.actor_id = ?"], [driver[0][0]])
    else:
        selection = Selection("events e", "e.id", "e.sort_key", True)
    for actors in actor_sets:
        marks = ", ".join("?" * len(actors))
        selection.clauses.append(
            f"EXISTS (SELECT 1 FROM event_actors y WHERE y.event_id = {selection.event_id}"
            f" AND y.actor_id IN ({marks}))"
        )
        selection.params.extend(actor_id for actor_id, _ in actors)
    if flt.since is not None:
        selection.clauses.append("e.end >= ?")
        selection.params.append(flt.since.isoformat())
    if flt.until is not None:
        selection.clauses.append(f"{selection.sort_key} <= ?")  # undated rows sort after every date
        selection.params.append(flt.until.isoformat())
    if flt.disputed:
        from store.disputes import DISPUTED_SQL

        selection.clauses.append(DISPUTED_SQL.format(event=selection.event_id))
    if flt.only is not None:
        selection.clauses.append(f"{selection.event_id} IN (SELECT value FROM json_each(?))")
        selection.params.append(json.dumps(list(flt.only)))
    match = match_expression(flt.text)
    if match:
        selection.clauses.append(FTS_CLAUSE.format(event=selection.event_id))
        selection.params.append(match)
    return selection


def match_expression(text: str) -> str:
    """User text as an FTS5 query that cannot fail: every whitespace-separated term becomes a quoted prefix
    phrase (so operators, quotes and brackets are plain text); terms without a letter or digit are dropped."""
    terms = [term for term in text.split() if any(ch.isalnum() for ch in term)]
    return " ".join('"{}"*'.format(term.replace('"', '""')) for term in terms)


def person_actors(conn: sqlite3.Connection, name: str) -> list[tuple[int, int]]:
    """(id, n_events) of the persons whose name or an alias is `name`, case-insensitively."""
    return named_actors(conn, "person", name)


def named_actors(conn: sqlite3.Connection, kind: str, name: str) -> list[tuple[int, int]]:
    """(id, n_events) of the actors of `kind` ("person", "org") whose name or an alias is `name`,
    case-insensitively."""
    return [tuple(row) for row in conn.execute(
        "SELECT id, n_events FROM actors WHERE kind = ? AND (name = ? COLLATE NOCASE"
        " OR id IN (SELECT actor_id FROM aliases WHERE alias = ? COLLATE NOCASE))",
        (kind, name.strip(), name.strip()),
    )]


def country_actors(conn: sqlite3.Connection, code: str) -> list[tuple[int, int]]:
    return [tuple(row) for row in conn.execute(
        "SELECT id, n_events FROM actors WHERE kind = 'country' AND code = ? COLLATE NOCASE", (code.strip(),)
    )]
