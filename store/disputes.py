"""Sources that disagree on when something happened, or on who took part.

An event is disputed when two of its tellings state dates that cannot both hold (their intervals do not
overlap); when another event tells the same happening — the same persons (one names all the other does) and
more content words than merging asks for, from another article — with a stated date a few days away, so that
merging kept them apart; or when its sources name different persons and none names them all ("Putin met Xi" and
"Putin met Modi" of one meeting: a source naming fewer persons than another is not a disagreement).
The second kind is found at ingest and stored both ways in `event_disputes`; the others are read from the
tellings and from which article vouches for which actor (`event_actor_articles`).
What each source says is what the detail and the sources screen show.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from store.model import Dating, Event, When

DISPUTE_DAYS = 7  # how far apart two stated dates of one happening may lie and still be read as a disagreement
MIN_SHARED_WORDS = 3  # one more than merging asks for: the tellings must plainly tell the same thing
# ... and that many of the words of the one with fewer: an event told by many sources gathers their words, and
# three of them are easily met again by the next day's different happening of the same person
MIN_SHARED_SHARE = 1 / 3
PRECISE = ("day", "week")  # only dates this precise are compared: "in 2021" and "on 3 May 2021" do not disagree

# The SQL condition (one parameter-free fragment, with {event} for the event id column) that an event is disputed.
DISPUTED_SQL = (
    "(EXISTS (SELECT 1 FROM event_disputes d WHERE d.event_id = {event})"
    " OR EXISTS (SELECT 1 FROM sources a JOIN sources b ON b.event_id = a.event_id"
    " WHERE a.event_id = {event} AND a.dating_reason = 'explicit' AND b.dating_reason = 'explicit'"
    " AND a.told_precision IN ('day', 'week') AND b.told_precision IN ('day', 'week')"
    " AND a.told_end < b.told_start)"
    # no source names every person the sources name
    " OR (SELECT n_sources FROM events n WHERE n.id = {event}) > 1"
    " AND (SELECT count(DISTINCT x.actor_id) FROM event_actor_articles x JOIN actors p ON p.id = x.actor_id"
    " WHERE x.event_id = {event} AND p.kind = 'person')"
    " > (SELECT max(named) FROM (SELECT count(*) AS named FROM event_actor_articles x"
    " JOIN actors p ON p.id = x.actor_id WHERE x.event_id = {event} AND p.kind = 'person' GROUP BY x.article_no)))"
)


def tellings_disagree(datings: Iterable[Dating | None]) -> bool:
    """Whether two stated, precise datings of one event's tellings cannot both hold."""
    stated = [d.when for d in datings if d is not None and d.reason == "explicit" and d.when is not None
              and d.when.precision in PRECISE]
    return any(not a.overlaps(b) for i, a in enumerate(stated) for b in stated[i + 1:])


def tells_same_apart_from_date(a: Event, b: Event) -> bool:
    """Two events told by different articles, both dated by their own precise words, one naming every person the
    other names (no other party took part) and sharing MIN_SHARED_WORDS content words (and MIN_SHARED_SHARE of the
    fewer words), whose dates do not overlap
    but lie within DISPUTE_DAYS."""
    if a.when.start is None or b.when.start is None or a.when.overlaps(b.when):
        return False
    if a.dated_by != "explicit" or b.dated_by != "explicit":
        return False
    if a.when.precision not in PRECISE or b.when.precision not in PRECISE:
        return False
    if {s.article_id for s in a.sources} & {s.article_id for s in b.sources}:
        return False
    gap = max(a.when.start, b.when.start) - min(a.when.end, b.when.end)
    fewer, more = sorted((set(a.persons), set(b.persons)), key=len)
    return (gap <= timedelta(days=DISPUTE_DAYS) and bool(fewer) and fewer <= more
            and _tell_alike(a.words, b.words))


def _tell_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED_WORDS and shared >= MIN_SHARED_SHARE * min(len(a), len(b))


def window(when: When) -> When:
    """The days around `when` in which a disagreeing telling is looked for."""
    return When(max(date.min, when.start - timedelta(days=DISPUTE_DAYS)),
                min(date.max, when.end + timedelta(days=DISPUTE_DAYS)), when.precision)


def record_disputes(conn: sqlite3.Connection, event_id: int, others: Iterable[int]) -> None:
    """Store that `event_id` and each of `others` tell one happening with dates that disagree."""
    pairs = [(a, b) for other in others if other != event_id for a, b in ((event_id, other), (other, event_id))]
    conn.executemany("INSERT OR IGNORE INTO event_disputes (event_id, other_id) VALUES (?, ?)", pairs)


def disputed_ids(conn: sqlite3.Connection, ids: Sequence[int]) -> set[int]:
    """Which of `ids` are disputed (see the module docstring)."""
    if not ids:
        return set()
    marks = ", ".join("?" * len(ids))
    condition = DISPUTED_SQL.format(event="e.id")
    return {row[0] for row in conn.execute(
        f"SELECT e.id FROM events e WHERE e.id IN ({marks}) AND {condition}", list(ids))}


def disputing_events(conn: sqlite3.Connection, event_id: int) -> list[int]:
    """The events kept apart from `event_id` that tell the same happening with another date."""
    return [row[0] for row in conn.execute(
        "SELECT other_id FROM event_disputes WHERE event_id = ? ORDER BY other_id", (event_id,))]


def what_each_says(tellings: Sequence, others: Sequence, label: Callable[[When], str]) -> list[str]:
    """What the sources say of the date, one entry per date: "Thu 9 Oct 2025 per Asia Wire (“on Thursday”)"
    for the tellings dated by their own words (`tellings`: rows with outlet, title, path and dating), then
    "Fri 10 Oct 2025 per another telling: “summary”" for each event kept apart for its date (`others`: rows with
    when and summary). Nothing when the tellings agree and no event was kept apart."""
    if not others and not tellings_disagree(told.dating for told in tellings):
        return []
    by_date: dict[str, list[str]] = {}
    for told in tellings:
        dating = told.dating
        if dating is None or dating.reason != "explicit" or dating.when is None:
            continue
        who = told.outlet or told.title or told.path
        entry = who + (f" (“{dating.text}”)" if dating.text else "")
        entries = by_date.setdefault(label(dating.when), [])
        if entry not in entries:
            entries.append(entry)
    said = [f"{day} per {', '.join(entries)}" for day, entries in by_date.items()]
    said += [f"{label(other.when)} per another telling: “{other.summary}”" for other in others]
    return said


def who_each_names(tellings: Sequence) -> list[str]:
    """When the sources name different persons and none names them all, who each names, one entry per list of
    persons: "Vladimir Putin, Xi Jinping per Asia Wire"; else nothing. `tellings`: rows with article_id,
    outlet, title, path and persons (those its article names for the event)."""
    named: dict[str, tuple[str, ...]] = {}
    who: dict[str, str] = {}
    for told in tellings:
        if told.persons:
            named.setdefault(told.article_id, tuple(told.persons))
            who.setdefault(told.article_id, told.outlet or told.title or told.path)
    everyone = {person for persons in named.values() for person in persons}
    if any(set(persons) == everyone for persons in named.values()):
        return []
    by_persons: dict[tuple[str, ...], list[str]] = {}
    for article_id, persons in named.items():
        entries = by_persons.setdefault(persons, [])
        if who[article_id] not in entries:
            entries.append(who[article_id])
    return [f"{', '.join(persons)} per {', '.join(entries)}" for persons, entries in by_persons.items()]
