"""What the browser and the command line read from the store: timeline pages (keyset paging), counts, facets,
full-text search, an event's sources, actor pickers, and whole events for export. All SQL is parameterised.

Timeline order is (sort_key, id): dated events by start date, undated ones after them, ties by id.
"""
from __future__ import annotations

import calendar
import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple

from store import day_counts
from store.filter import Filter
from store.disputes import disputed_ids
from store.model import Dating, Event, Place, Source, When, year_problem
from store.schema import EXCERPT_SQL, UNDATED_SORT_KEY
from store.selection import FTS_CLAUSE, Selection, match_expression, select

_CHUNK = 500  # ids per IN (...) list and rows per export page
ACTOR_KINDS = ("person", "country", "org")
_ROW_COLUMNS = "e.id, e.start, e.end, e.precision, e.summary, e.n_sources, e.sort_key"  # what _event_rows reads
WALK_ROWS = 20_000  # rows of the timeline walked for a search's next hits before they are read all at once
WALKED_PAGE = 5  # pages of a search up to this many rows are looked for by walking first


@dataclass(frozen=True)
class EventRow:
    """One line of the timeline."""

    id: int
    start: date | None
    end: date | None
    precision: str
    summary: str
    persons: tuple[str, ...]
    countries: tuple[str, ...]  # alpha-2 codes
    n_sources: int
    sort_key: str
    dated_by: str = "explicit"  # the latest telling's dating code (store.model.DATING_REASONS)
    orgs: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    disputed: bool = False  # its sources disagree on the date or on who took part (store/disputes.py)

    @property
    def key(self) -> tuple[str, int]:
        """The keyset position of this row: pass it as `after` to get the rows beyond it."""
        return self.sort_key, self.id

    @property
    def when(self) -> When:
        return When(self.start, self.end, self.precision)


@dataclass(frozen=True)
class SourceRow:
    """Where an event is told, with the paragraph around the excerpt (the excerpt starts at
    `start - paragraph_start` inside `paragraph`)."""

    article_id: str
    path: str
    title: str
    published: date | None
    url: str | None
    excerpt: str
    start: int
    end: int
    paragraph: str
    paragraph_start: int
    outlet: str | None = None  # the article's `source:`, the outlet that published it
    dating: Dating | None = None  # how this telling was dated
    persons: tuple[str, ...] = ()  # the persons this source's article names for the event


class ActorCount(NamedTuple):
    key: str  # a person's canonical name, or a country's alpha-2 code
    display: str  # the name to show
    count: int


@dataclass(frozen=True)
class ActorMatch:
    key: str  # a person's canonical name, or a country's alpha-2 code
    name: str
    code: str | None  # the country's code, or the person's affiliation
    n_events: int


class OutOfRange(ValueError):
    """A well-formed date in a year no event can have (store.model.FIRST_YEAR–LAST_YEAR); `problem` says so."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"bad date {text!r}: {problem}")
        self.problem = problem


def parse_period(text: str) -> When:
    """"2025-09-01" (a day), "2025-09" (a month) or "2025" (a year) as an interval. Raises ValueError for
    anything else, OutOfRange for a year outside the years of event dates."""
    text = text.strip()
    problem = ValueError(f"bad date {text!r}: use YYYY-MM-DD, YYYY-MM or YYYY")
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", text):
        raise problem
    if refused := year_problem(int(text[:4])):
        raise OutOfRange(text, refused)
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return When(day, day, "day")
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            return When(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")
        return When(date(int(text), 1, 1), date(int(text), 12, 31), "year")
    except ValueError:
        raise problem from None


def when_label(when: When, dated_by: str = "explicit") -> str:
    """A short human label: "2025-10-09", "2025-10-09 – 2025-10-11", "week of 2025-10-06", "2025-10",
    "2025-Q4", "2025", "2020s", "undated"; "by 2025-10-09" / "from 2025-10-09" for an event only its article's
    publication dates (`dated_by` "before" / "after")."""
    if when.start is None:
        return "undated"
    if dated_by == "before":
        return f"by {when.end.isoformat()}"
    if dated_by == "after":
        return f"from {when.start.isoformat()}"
    if when.precision == "week" and when.days == 7:
        return f"week of {when.start.isoformat()}"
    first, last = _bound_label(when.start, when.precision), _bound_label(when.end, when.precision)
    return first if first == last else f"{first} – {last}"


def _bound_label(day: date, precision: str) -> str:
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10 * 10}s"
    return day.isoformat()


def resolve_country(conn: sqlite3.Connection, text: str) -> str | None:
    """The alpha-2 code for a code or a name, from the store's countries first, then from ISO 3166."""
    row = conn.execute(
        "SELECT code FROM actors WHERE kind = 'country' AND (code = ? COLLATE NOCASE OR name = ? COLLATE NOCASE)",
        (text.strip(), text.strip()),
    ).fetchone()
    if row:
        return row[0]
    import pycountry  # only for a country the store does not hold

    try:
        return pycountry.countries.lookup(text.strip()).alpha_2
    except LookupError:
        return None


def timeline_page(
    conn: sqlite3.Connection,
    flt: Filter,
    after: tuple[str, int] | None = None,
    limit: int = 100,
    descending: bool = False,
) -> list[EventRow]:
    """Up to `limit` timeline rows past the keyset position `after` (a row's `key`), in timeline order or,
    when `descending`, in exactly the reverse order."""
    if flt.text and limit <= WALKED_PAGE:
        walked = _walked_page(conn, flt, after, limit, descending)
        if walked is not None:
            return walked
    selection = select(conn, flt, events=True)
    if selection is None:
        return []
    where, params = _past(selection, after, descending)
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM {selection.source} {where} {selection.order(descending)} LIMIT ?",
        (*params, limit),
    ).fetchall()
    return _event_rows(conn, rows)


def _past(selection: Selection, after: tuple[str, int] | None, descending: bool) -> tuple[str, list]:
    """The selection's WHERE clause and its parameters, for the rows past the keyset position `after` in display
    order (every row when None)."""
    if after is None:
        return selection.where(), list(selection.params)
    return selection.where(selection.past(descending)), [*selection.params, *after]


def _walked_page(conn: sqlite3.Connection, flt: Filter, after: tuple[str, int] | None, limit: int,
                 descending: bool) -> list[EventRow] | None:
    """A search's page found by walking the timeline (without the search) from `after`, testing each row against
    the search's hits; None when the first WALK_ROWS rows hold fewer than `limit` hits. A common word's next hit
    is a few rows away, where reading every hit to sort them (the plan of timeline_page) grows with the store."""
    walk = select(conn, replace(flt, text=""))
    if walk is None:
        return None
    where, params = _past(walk, after, descending)
    direction = "DESC" if descending else "ASC"
    rows = conn.execute(
        f"SELECT {_ROW_COLUMNS} FROM (SELECT {walk.event_id} AS id, {walk.sort_key} AS sort_key FROM {walk.source}"
        f" {where} {walk.order(descending)} LIMIT ?) w CROSS JOIN events e ON e.id = w.id"
        f" WHERE {FTS_CLAUSE.format(event='w.id')} ORDER BY w.sort_key {direction}, w.id {direction} LIMIT ?",
        (*params, WALK_ROWS, match_expression(flt.text), limit)).fetchall()
    return _event_rows(conn, rows) if len(rows) == limit else None


def event_keys(conn: sqlite3.Connection, flt: Filter, limit: int) -> list[tuple[str, int]] | None:
    """The (sort_key, id) of every event `flt` selects, in timeline order; None when there are more than `limit`."""
    selection = select(conn, flt)
    if selection is None:
        return []
    keys = conn.execute(
        f"SELECT {selection.sort_key}, {selection.event_id} FROM {selection.source} {selection.where()}"
        f" {selection.order()} LIMIT ?", (*selection.params, limit + 1)).fetchall()
    return None if len(keys) > limit else [tuple(key) for key in keys]


def changes(conn: sqlite3.Connection) -> int:
    """How many write batches the store has seen (`db.mark_changed`): a different number means new content."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'changes'").fetchone()
    return int(row[0]) if row else 0


def count_events(conn: sqlite3.Connection, flt: Filter) -> int:
    selection = select(conn, flt)
    if selection is None:
        return 0
    actor = selection.day_counted()
    if actor is not None:
        return day_counts.count(conn, actor)
    if selection.clauses == [FTS_CLAUSE.format(event=selection.event_id)]:  # a search alone: its index counts
        return conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?", selection.params).fetchone()[0]
    return conn.execute(f"SELECT count(*) FROM {selection.source} {selection.where()}",
                        selection.params).fetchone()[0]


def actor_counts(conn: sqlite3.Connection, kind: str, flt: Filter, limit: int = 50) -> list[ActorCount]:
    """The actors of `kind` ("person" or "country") with most events among those `flt` selects."""
    return facet_counts(conn, flt, limit)[kind]


def facet_counts(conn: sqlite3.Connection, flt: Filter, limit: int = 50) -> dict[str, list[ActorCount]]:
    """For each kind of actor ("person", "country", "org"): the `limit` actors with most events among those `flt`
    selects, most first (ties by name). Unfiltered, the stored counts answer; filtered, one pass over the selected
    events counts every kind."""
    if flt == Filter():
        return {kind: [_actor_count(kind, name, code, n) for name, code, n in conn.execute(
            "SELECT name, code, n_events FROM actors WHERE kind = ? AND n_events > 0"
            " ORDER BY n_events DESC, name LIMIT ?", (kind, limit))] for kind in ACTOR_KINDS}
    selection = select(conn, flt)
    if selection is None:
        return {kind: [] for kind in ACTOR_KINDS}
    counted = _actor_tallies(conn, selection)
    out: dict[str, list[ActorCount]] = {kind: [] for kind in ACTOR_KINDS}
    top = sorted(counted, key=lambda row: -row[1])
    for start in range(0, len(top), _CHUNK):  # names for the most counted first, until the lists are settled
        chunk = dict(top[start:start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for actor_id, kind, name, code in conn.execute(
            f"SELECT id, kind, name, code FROM actors WHERE id IN ({marks})", list(chunk)
        ):
            if kind in out:  # places are no facet
                out[kind].append(_actor_count(kind, name, code, chunk[actor_id]))
        rest = top[start + _CHUNK:start + _CHUNK + 1]
        if not rest or all(len(counts) >= limit and sorted(c.count for c in counts)[-limit] > rest[0][1]
                           for counts in out.values()):
            break  # every list is full, and no actor left can reach or tie with any list's last
    return {kind: sorted(counts, key=lambda c: (-c.count, c.display))[:limit] for kind, counts in out.items()}


def _actor_count(kind: str, name: str, code: str | None, n: int) -> ActorCount:
    return ActorCount(actor_key(kind, name, code), name, n)


def actor_key(kind: str, name: str, code: str | None) -> str:
    """How a filter names an actor: a country by its code, a person or an organisation by its name."""
    return code if kind == "country" else name


def person_aliases(conn: sqlite3.Connection, names: Sequence[str]) -> dict[str, list[str]]:
    """The other spellings the store has met for each of the persons `names` (those that have any), sorted."""
    out: dict[str, list[str]] = {}
    names = list(names)
    for start in range(0, len(names), _CHUNK):
        chunk = names[start:start + _CHUNK]
        for name, alias in conn.execute(
                f"SELECT a.name, al.alias FROM actors a JOIN aliases al ON al.actor_id = a.id WHERE a.kind = 'person'"
                f" AND a.name IN ({', '.join('?' * len(chunk))}) ORDER BY al.alias", chunk):
            out.setdefault(name, []).append(alias)
    return out


def search_ids(conn: sqlite3.Connection, text: str, flt: Filter, limit: int = 1000) -> list[int]:
    """Ids of the events `flt` selects whose summary or excerpts hold every word of `text`, in timeline order."""
    selection = select(conn, replace(flt, text=f"{flt.text} {text}")) if match_expression(text) else None
    if selection is None:
        return []
    return [row[0] for row in conn.execute(
        f"SELECT {selection.event_id} FROM {selection.source} {selection.where()} {selection.order()} LIMIT ?",
        (*selection.params, limit),
    )]


def event_sources(conn: sqlite3.Connection, event_id: int) -> list[SourceRow]:
    """The sources of one event in publication order (undated articles last, then in the order they were stored),
    each with its article's paragraph, outlet and how it was dated."""
    rows = conn.execute(
        f"SELECT a.id AS article_id, a.path, a.title, a.published, a.url, a.source, {EXCERPT_SQL} AS excerpt, s.start,"
        " s.end, body_text(a.body) AS body,"
        " s.dating_reason, s.dating_start, s.dating_end, s.dating_text, s.dating_anchor, s.told_start, s.told_end,"
        " s.told_precision FROM sources s JOIN articles a ON a.no = s.article_no WHERE s.event_id = ?"
        " ORDER BY a.published IS NULL, a.published, s.id",
        (event_id,),
    ).fetchall()
    named: dict[str, list[str]] = {}
    for article_id, name in conn.execute(
        "SELECT a.id, p.name FROM event_actor_articles x JOIN actors p ON p.id = x.actor_id"
        " JOIN articles a ON a.no = x.article_no"
        " JOIN event_actors ea ON ea.event_id = x.event_id AND ea.actor_id = x.actor_id"
        " WHERE x.event_id = ? AND p.kind = 'person' ORDER BY ea.position, p.name", (event_id,)):
        named.setdefault(article_id, []).append(name)
    out = []
    for row in rows:
        paragraph_start, paragraph = _paragraph(row["body"], row["start"], row["end"])
        out.append(SourceRow(
            article_id=row["article_id"],
            path=row["path"],
            title=row["title"],
            published=_date(row["published"]),
            url=row["url"],
            excerpt=row["excerpt"],
            start=row["start"],
            end=row["end"],
            paragraph=paragraph,
            paragraph_start=paragraph_start,
            outlet=row["source"],
            dating=_dating(row),
            persons=tuple(named.get(row["article_id"], ())),
        ))
    return out


def similar_actor_names(conn: sqlite3.Connection, kind: str, text: str, limit: int = 3) -> list[str]:
    """Names of actors of `kind` spelled like `text`, the whole name or one of its words ("Putn", "Vladimr Putin":
    Vladimir Putin), closest first: what to suggest for a name the store does not hold. Reads every name of the
    kind: for an error message, not for typing."""
    from difflib import get_close_matches

    spelled: dict[str, str] = {}
    for (name,) in conn.execute("SELECT name FROM actors WHERE kind = ? AND n_events > 0 ORDER BY n_events DESC",
                                (kind,)):
        for form in (name, *name.split()):
            spelled.setdefault(form.casefold(), name)
    matches = get_close_matches(text.strip().casefold(), spelled, n=limit * 3, cutoff=0.75)
    return list(dict.fromkeys(spelled[match] for match in matches))[:limit]


def find_actors(conn: sqlite3.Connection, kind: str, text: str, limit: int = 20) -> list[ActorMatch]:
    """Actors of `kind` for a picker: exact name (or country code) first, then names starting with `text`, then
    names with a word starting with it, then names or aliases containing it; more events first within each."""
    text = text.strip()
    pattern = re.sub(r"([\\%_])", r"\\\1", text)
    rows = conn.execute(
        """
        SELECT a.name, a.code, a.n_events,
          CASE WHEN a.name = :text COLLATE NOCASE OR (a.kind = 'country' AND a.code = :text COLLATE NOCASE) THEN 0
               WHEN a.name LIKE :prefix ESCAPE '\\' THEN 1
               WHEN a.name LIKE :word ESCAPE '\\' THEN 2
               WHEN a.name LIKE :inside ESCAPE '\\' THEN 3
               ELSE 4 END AS rank
        FROM actors a
        WHERE a.kind = :kind AND a.n_events > 0 AND (
          a.name LIKE :inside ESCAPE '\\'
          OR (a.kind = 'country' AND a.code = :text COLLATE NOCASE)
          OR EXISTS (SELECT 1 FROM aliases al WHERE al.actor_id = a.id AND al.alias LIKE :inside ESCAPE '\\'))
        ORDER BY rank, a.n_events DESC, a.name LIMIT :limit
        """,
        {"text": text, "prefix": f"{pattern}%", "word": f"% {pattern}%", "inside": f"%{pattern}%",
         "kind": kind, "limit": limit},
    ).fetchall()
    return [
        ActorMatch(actor_key(kind, name, code), name, code, n_events)
        for name, code, n_events, _rank in rows
    ]


def all_events(conn: sqlite3.Connection, flt: Filter) -> Iterator[Event]:
    """Every event `flt` selects, in timeline order, with actors and sources, read a page at a time."""
    after = None
    while True:
        page = timeline_page(conn, flt, after=after, limit=_CHUNK)
        yield from load_events(conn, [row.id for row in page])
        if len(page) < _CHUNK:
            return
        after = page[-1].key


def load_events(conn: sqlite3.Connection, ids: Sequence[int], *, with_sources: bool = True) -> list[Event]:
    """Stored events as model objects (id, when, summary, words, persons, countries, orgs, sources, dated_by), in the
    order of `ids`; ids not in the store are skipped. Without sources, `sources` stays empty and `dated_by` is
    read from the latest telling alone."""
    events: dict[int, Event] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, start, end, precision, summary, words FROM events WHERE id IN ({marks})", chunk
        ):
            events[row["id"]] = Event(
                when=When(_date(row["start"]), _date(row["end"]), row["precision"]),
                summary=row["summary"],
                persons=[],
                countries=[],
                sources=[],
                words=frozenset(row["words"].split()),
                id=row["id"],
            )
        for event_id, found in _actor_lists(conn, chunk):
            for field_name, values in found.items():
                getattr(events[event_id], field_name).extend(values)
        if not with_sources:
            for event_id, dated_by in _latest_datings(conn, chunk).items():
                events[event_id].dated_by = dated_by
            continue
        for row in conn.execute(
            f"SELECT s.event_id, a.id AS article_id, a.path, a.title, a.published, {EXCERPT_SQL} AS excerpt, s.start,"
            " s.end,"
            " s.dated_by,"
            " s.dating_reason, s.dating_start, s.dating_end, s.dating_text, s.dating_anchor, s.told_start,"
            " s.told_end, s.told_precision"
            f" FROM sources s JOIN articles a ON a.no = s.article_no WHERE s.event_id IN ({marks}) ORDER BY s.id",
            chunk,
        ):
            event = events[row["event_id"]]
            event.sources.append(Source(
                article_id=row["article_id"],
                path=row["path"],
                title=row["title"],
                published=_date(row["published"]),
                excerpt=row["excerpt"],
                start=row["start"],
                end=row["end"],
                dating=_dating(row),
            ))
            event.dated_by = row["dated_by"]  # the latest source carries the event's current dating
    return [events[i] for i in ids if i in events]


def _event_rows(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[EventRow]:
    """Timeline rows from `events` rows (id, start, end, precision, summary, n_sources, sort_key), with their
    actors."""
    ids = [row["id"] for row in rows]
    actors = dict(_actor_lists(conn, ids))
    try:
        datings = _latest_datings(conn, ids)
    except sqlite3.DatabaseError:  # `sources` damaged: the rows, read from `events`, are shown without it (the
        datings = {}  # event's sources say what is wrong when opened)
    disputed = disputed_ids(conn, ids) if datings else set()
    return [_event_row(row, actors.get(row["id"], {}), datings.get(row["id"], "explicit"), row["id"] in disputed)
            for row in rows]


def _event_row(row: sqlite3.Row, actors: dict[str, list], dated_by: str, disputed: bool) -> EventRow:
    return EventRow(
        id=row["id"],
        start=_date(row["start"]),
        end=_date(row["end"]),
        precision=row["precision"],
        summary=row["summary"],
        persons=tuple(actors.get("persons", ())),
        countries=tuple(actors.get("countries", ())),
        n_sources=row["n_sources"],
        sort_key=row["sort_key"],
        dated_by=dated_by,
        orgs=tuple(actors.get("orgs", ())),
        places=tuple(actors.get("places", ())),
        disputed=disputed,
    )


def _dating(row: sqlite3.Row) -> Dating | None:
    """A telling's dating from its `sources` row (None when stored before datings were kept)."""
    if row["dating_reason"] is None:
        return None
    told = (When(date.fromisoformat(row["told_start"]), date.fromisoformat(row["told_end"]), row["told_precision"])
            if row["told_start"] else None)
    return Dating(row["dating_reason"], row["dating_start"], row["dating_end"], row["dating_text"],
                  row["dating_anchor"], told)


def _latest_datings(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, str]:
    """The dating code of each event's latest telling (which carries the event's current dating)."""
    out: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        out.update(conn.execute(
            f"SELECT event_id, dated_by FROM sources WHERE id IN"
            f" (SELECT max(id) FROM sources WHERE event_id IN ({marks}) GROUP BY event_id)", chunk).fetchall())
    return out


def _actor_lists(conn: sqlite3.Connection, ids: Sequence[int]) -> Iterator[tuple[int, dict[str, list]]]:
    """(event id, {"persons": names, "countries": codes, "orgs": names, "places": Place list}) for each of `ids`
    that has actors, each list in stored order."""
    if not ids:
        return
    marks = ", ".join("?" * len(ids))
    lists: dict[int, dict[str, list]] = {}
    for event_id, kind, name, code in conn.execute(
        "SELECT ea.event_id, a.kind, a.name, a.code FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
        f" WHERE ea.event_id IN ({marks}) ORDER BY ea.event_id, ea.position",
        list(ids),
    ):
        found = lists.setdefault(event_id, {"persons": [], "countries": [], "orgs": [], "places": []})
        if kind == "person":
            found["persons"].append(name)
        elif kind == "country":
            found["countries"].append(code)
        elif kind == "org":
            found["orgs"].append(name)
        else:
            found["places"].append(Place(name, code))
    yield from lists.items()


def _paragraph(body: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the line block of `body` holding [start, end), without surrounding blanks."""
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end)
    text = body[first:len(body) if last < 0 else last]
    lead = len(text) - len(text.lstrip())
    return first + lead, text.strip()


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@dataclass(frozen=True)
class ArticleRow:
    """A stored article, whole: what the browser shows when a source is opened."""

    id: str
    path: str
    title: str
    published: date | None
    url: str | None
    body: str


def country_names(conn: sqlite3.Connection, codes: Sequence[str]) -> dict[str, str]:
    """The stored name of each country code the store holds ("KP" → "North Korea")."""
    marks = ", ".join("?" * len(codes))
    return dict(conn.execute(
        f"SELECT code, name FROM actors WHERE kind = 'country' AND code IN ({marks})", list(codes)
    ).fetchall()) if codes else {}


def event_row(conn: sqlite3.Connection, event_id: int) -> EventRow | None:
    """One event as a timeline row, or None when the store holds no event with that id."""
    row = conn.execute(
        "SELECT id, start, end, precision, summary, n_sources, sort_key FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    if row is None:
        return None
    return _event_rows(conn, [row])[0]


def disputing_rows(conn: sqlite3.Connection, event_id: int) -> list[EventRow]:
    """The events kept apart from `event_id` because their sources date the same happening differently."""
    from store.disputes import disputing_events

    return [row for other in disputing_events(conn, event_id) if (row := event_row(conn, other)) is not None]


def article(conn: sqlite3.Connection, article_id: str) -> ArticleRow | None:
    """The article with that id, body included, or None when the store does not hold it."""
    row = conn.execute(
        "SELECT id, path, title, published, url, body_text(body) AS body FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    return ArticleRow(row["id"], row["path"], row["title"], _date(row["published"]), row["url"], row["body"])


def _actor_tallies(conn: sqlite3.Connection, selection, kind: str | None = None) -> list[tuple[int, int]]:
    """(actor id, number of selected events naming it) for every actor (of `kind`) the selected events name.
    Driven from the selected events (CROSS JOIN fixes the loop order): each is looked up once and its actors
    counted, instead of testing every actor's events against the selection. One actor's events: read from the
    counts of its partners (actor_pairs), whatever their number."""
    actor = selection.day_counted()
    if actor:  # one actor's events: its partners are kept counted (actor_pairs), and it names itself in each
        of_kind = " JOIN actors a ON a.id = p.other_id AND a.kind = ?" if kind else ""
        own = [(actor, day_counts.count(conn, actor))] if kind is None or conn.execute(
            "SELECT kind FROM actors WHERE id = ?", (actor,)).fetchone()[0] == kind else []
        return own + conn.execute(
            f"SELECT p.other_id, p.n FROM actor_pairs p{of_kind} WHERE p.actor_id = ? AND p.n > 0",
            [*([kind] if kind else []), actor]).fetchall()
    of_kind = " JOIN actors a ON a.id = ea.actor_id WHERE a.kind = ?" if kind else ""
    return conn.execute(
        f"SELECT ea.actor_id, count(*) FROM (SELECT {selection.event_id} AS id FROM {selection.source}"
        f" {selection.where()}) s CROSS JOIN event_actors ea ON ea.event_id = s.id{of_kind} GROUP BY ea.actor_id",
        [*selection.params, *([kind] if kind else [])],
    ).fetchall()


def counted_actors(conn: sqlite3.Connection, kind: str, flt: Filter) -> dict[int, int] | None:
    """Actor id → how many of the events `flt` selects name them, for the actors of `kind` those events name;
    None for no filter (every actor's stored count holds)."""
    if flt == Filter():
        return None
    selection = select(conn, flt)
    return {} if selection is None else dict(_actor_tallies(conn, selection, kind))


def actor_candidates(conn: sqlite3.Connection, kind: str, text: str, limit: int = 200,
                     among: dict[int, int] | None = None) -> list[ActorMatch]:
    """Actors of `kind` for a fuzzy picker to rank: those whose name (or an alias, or a country's code) holds
    the characters of `text` in order ("kju" finds "Kim Jong Un"). The exact name or code comes first, then
    names holding `text` as it is typed, then the rest; more events first within each. Empty `text`: the
    actors with most events. Letters match case-insensitively for ASCII only (SQLite's LIKE). The aliases are
    searched once as a set (IN), not per actor (EXISTS): five times faster on 100k persons. With `among`
    (counted_actors under a filter), only those actors, with those counts: none that leads to no event."""
    text = " ".join(text.split())
    escaped = [re.sub(r"([\\%_])", r"\\\1", char) for char in text]
    counts = "a.n_events" if among is None else "j.value"
    within = "" if among is None else " JOIN json_each(:among) j ON CAST(j.key AS INTEGER) = a.id"
    rows = conn.execute(
        f"""
        SELECT a.name, a.code, {counts},
          CASE WHEN a.name = :text COLLATE NOCASE OR (a.kind = 'country' AND a.code = :text COLLATE NOCASE) THEN 0
               WHEN a.name LIKE :inside ESCAPE '\\' THEN 1
               ELSE 2 END AS rank
        FROM actors a{within}
        WHERE a.kind = :kind AND a.n_events > 0 AND (
          a.name LIKE :scattered ESCAPE '\\'
          OR (a.kind = 'country' AND a.code = :text COLLATE NOCASE)
          OR a.id IN (SELECT actor_id FROM aliases WHERE alias LIKE :scattered ESCAPE '\\'))
        ORDER BY rank, {counts} DESC, a.name LIMIT :limit
        """,
        {"text": text, "inside": f"%{''.join(escaped)}%", "scattered": f"%{'%'.join(escaped)}%",
         "kind": kind, "limit": limit, "among": json.dumps(among or {})},
    ).fetchall()
    return [
        ActorMatch(actor_key(kind, name, code), name, code, n_events)
        for name, code, n_events, _rank in rows
    ]
