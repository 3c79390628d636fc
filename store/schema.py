"""The SQLite schema of the event store, its version, and the migrations from older versions."""

SCHEMA_VERSION = 16

# A source's excerpt, read from its article's body (sources s JOIN articles a): offsets are in characters, as SQLite's
# substr counts them, and a body is stored once, compressed (store/body_text.py).
EXCERPT_SQL = "substr(body_text(a.body), s.start + 1, s.end - s.start)"
UNDATED_SORT_KEY = "9999-99-99"  # the sort_key of undated events: after every date
UNDATED_BLOCK = 4096  # undated events (one sort_key) are counted per this many event ids


def _bucket(row: str, event_id: str) -> str:
    """SQL for the `timeline_days` bucket of a row: its day, or for an undated row its block of event ids (so that
    no bucket grows with the store)."""
    return (f"CASE WHEN {row}.sort_key = '{UNDATED_SORT_KEY}' THEN '{UNDATED_SORT_KEY}/' || printf('%010d', "
            f"{row}.{event_id} / {UNDATED_BLOCK}) ELSE {row}.sort_key END")


def _counted(table: str, actor: str, event_id: str) -> str:
    """Triggers keeping `timeline_days` right as rows of `table` (events or event_actors) come, go or move."""
    new, old = (actor.format(row=row) for row in ("NEW", "OLD"))
    add = (f"INSERT INTO timeline_days (actor_id, bucket, n) VALUES ({new}, {_bucket('NEW', event_id)}, 1)"
           " ON CONFLICT (actor_id, bucket) DO UPDATE SET n = n + 1;")
    take = f"UPDATE timeline_days SET n = n - 1 WHERE actor_id = {old} AND bucket = {_bucket('OLD', event_id)};"
    moved = "OLD.sort_key IS NOT NEW.sort_key" + ("" if actor == "0" else " OR OLD.actor_id IS NOT NEW.actor_id")
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_days_in AFTER INSERT ON {table} BEGIN {add} END;
CREATE TRIGGER IF NOT EXISTS {table}_days_out AFTER DELETE ON {table} BEGIN {take} END;
CREATE TRIGGER IF NOT EXISTS {table}_days_moved AFTER UPDATE ON {table} WHEN {moved} BEGIN {take} {add} END;
"""


TIMELINE_DAYS_TRIGGERS = _counted("events", "0", "id") + _counted("event_actors", "{row}.actor_id", "event_id")


def _paired(row: str, change: str) -> str:
    """SQL adding (change "+ 1") or taking (change "- 1") the pairs of the event_actors row `row` with the other
    actors of its event, both ways."""
    if change == "+ 1":
        return "".join(
            f"INSERT INTO actor_pairs (actor_id, other_id, n) SELECT {one}, {other}, 1 FROM event_actors"
            f" WHERE event_id = {row}.event_id AND actor_id != {row}.actor_id"
            " ON CONFLICT (actor_id, other_id) DO UPDATE SET n = n + 1;"
            for one, other in ((f"{row}.actor_id", "actor_id"), ("actor_id", f"{row}.actor_id")))
    others = f"(SELECT actor_id FROM event_actors WHERE event_id = {row}.event_id AND actor_id != {row}.actor_id)"
    return (f"UPDATE actor_pairs SET n = n - 1 WHERE (actor_id = {row}.actor_id AND other_id IN {others})"
            f" OR (other_id = {row}.actor_id AND actor_id IN {others});")


# Each actor's partners kept as events gain and lose actors: a row's pairs are counted with the rows already there
# when it comes, and taken with those still there when it goes (so an event deleted row by row takes each pair once).
ACTOR_PAIRS_TRIGGERS = f"""
CREATE TRIGGER IF NOT EXISTS event_actors_pairs_in AFTER INSERT ON event_actors BEGIN {_paired("NEW", "+ 1")} END;
CREATE TRIGGER IF NOT EXISTS event_actors_pairs_out AFTER DELETE ON event_actors BEGIN {_paired("OLD", "- 1")} END;
CREATE TRIGGER IF NOT EXISTS event_actors_pairs_moved AFTER UPDATE ON event_actors
    WHEN OLD.actor_id IS NOT NEW.actor_id OR OLD.event_id IS NOT NEW.event_id
    BEGIN {_paired("OLD", "- 1")} {_paired("NEW", "+ 1")} END;
"""

# The kept counts counted anew from the rows they count: by the migrations that brought them, and after a bulk load
# that wrote rows without the triggers (db.bulk_load).
def _recount_day_tallies(article: str) -> str:
    """The day tallies counted from the tellings, whose article is the column `article` (article_id before v16)."""
    return f"""
DELETE FROM day_tallies;
INSERT INTO day_tallies (day, stating, telling)
    SELECT told_start, count(DISTINCT CASE WHEN dating_reason = 'explicit' THEN {article} END),
           count(DISTINCT {article})
    FROM sources WHERE told_precision = 'day' AND told_start = told_end GROUP BY told_start;
"""


RECOUNT_DAY_TALLIES = _recount_day_tallies("article_no")
RECOUNT_TIMELINE_DAYS = """
DELETE FROM timeline_days;
INSERT INTO timeline_days (actor_id, bucket, n)
    SELECT 0, """ + _bucket("events", "id") + """ AS b, count(*) FROM events GROUP BY b;
INSERT INTO timeline_days (actor_id, bucket, n)
    SELECT actor_id, """ + _bucket("event_actors", "event_id") + """ AS b, count(*) FROM event_actors
    GROUP BY actor_id, b;
"""
RECOUNT_ACTOR_PAIRS = """
DELETE FROM actor_pairs;
INSERT INTO actor_pairs (actor_id, other_id, n)
    SELECT a.actor_id, b.actor_id, count(*) FROM event_actors a JOIN event_actors b
    ON b.event_id = a.event_id AND b.actor_id != a.actor_id GROUP BY a.actor_id, b.actor_id;
"""

# The tables of kept counts, as SCHEMA creates them and the migrations that brought them do.
DAY_TALLIES_TABLE = """
CREATE TABLE IF NOT EXISTS day_tallies (
    day TEXT PRIMARY KEY,
    stating INTEGER NOT NULL DEFAULT 0,
    telling INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
"""
TIMELINE_DAYS_TABLE = """
CREATE TABLE IF NOT EXISTS timeline_days (
    actor_id INTEGER NOT NULL,
    bucket TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (actor_id, bucket)
) WITHOUT ROWID;
"""
ACTOR_PAIRS_TABLE = """
CREATE TABLE IF NOT EXISTS actor_pairs (
    actor_id INTEGER NOT NULL,
    other_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (actor_id, other_id)
) WITHOUT ROWID;
"""

EVENT_ACTOR_ARTICLES_TABLE = """
CREATE TABLE IF NOT EXISTS event_actor_articles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    article_no INTEGER NOT NULL,    -- articles.no
    PRIMARY KEY (event_id, actor_id, article_no)
) WITHOUT ROWID;
"""
# A new article's number: one more than the highest (read from articles_by_no).
ARTICLE_NO = "(SELECT coalesce(max(no), 0) + 1 FROM articles)"
ARTICLE_OF_ID = "(SELECT no FROM articles WHERE id = ?)"  # a stored article's number, from its id (a parameter)

# The full-text index of events (rowid = events.id) indexes each event's summary and the excerpts of its tellings
# not marked `skipped` (db._refresh_merged skips a telling whose excerpt brings no word the row holds), joined by
# newlines in telling order. The text is not stored twice: the index reads it from the view `events_text`, over
# the summaries and the article bodies. A row must therefore be taken out of the index (db._unindex) before its
# summary or its tellings change, while the view still gives the words it was indexed with, and put back after.
def _events_text_view(article_join: str) -> str:
    """The view, with tellings joined to their articles on `article_join` (by the article's id before v16)."""
    return f"""
CREATE VIEW IF NOT EXISTS events_text AS SELECT e.id AS id, e.summary AS summary,
    (SELECT group_concat(excerpt, char(10)) FROM (SELECT {EXCERPT_SQL} AS excerpt FROM sources s
     JOIN articles a ON {article_join} WHERE s.event_id = e.id AND s.skipped = 0 ORDER BY s.id)) AS excerpts
    FROM events e;
"""


EVENTS_TEXT_VIEW = _events_text_view("a.no = s.article_no")
# A telling of an event: its article (by number), the excerpt's offsets, how it was dated.
SOURCES_TABLE = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_no INTEGER NOT NULL REFERENCES articles(no) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,           -- the excerpt: these offsets into the article's body (EXCERPT_SQL)
    dated_by TEXT NOT NULL DEFAULT 'explicit',   -- the event's dating when this telling was stored
    dating_reason TEXT,             -- this telling's own dating (Event.dated_by codes), and the words that gave
    dating_start INTEGER,           -- it: their offsets in the article body and their text (NULL when no words
    dating_end INTEGER,             -- dated it: the publication day, undated)
    dating_text TEXT,
    dating_anchor TEXT,             -- what those words were read against: 'absolute', 'published', 'previous'
    told_start TEXT,                -- the interval this telling gave the event before merging (NULL when
    told_end TEXT,                  -- undated or stored before tellings kept it)
    told_precision TEXT,
    skipped INTEGER NOT NULL DEFAULT 0  -- 1: its excerpt is left out of the event's full-text row (events_text)
);
"""
SOURCES_INDEXES = """
CREATE INDEX IF NOT EXISTS sources_by_event ON sources (event_id, skipped);  -- events_text reads the unskipped
CREATE INDEX IF NOT EXISTS sources_by_article ON sources (article_no);
"""
EVENTS_FTS_TABLE = """
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5 (summary, excerpts, content = 'events_text',
    content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
"""

# Dates are ISO strings. Undated events have start/end NULL and sort after dated ones: queries order by
# (start IS NULL, start, id), which the index on (sort_key, id) serves; sort_key is start or '9999-99-99'.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,            -- content hash of body (Article.id)
    path TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    source TEXT,
    url TEXT,
    published TEXT,                 -- ISO date or NULL
    body TEXT NOT NULL,             -- zlib-compressed UTF-8 (a blob): read it with body_text() (store/body_text.py)
    ingested_at TEXT NOT NULL,
    no INTEGER                      -- its number in this store (ARTICLE_NO): sources and vouching keep it
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    start TEXT,                     -- ISO date, inclusive; NULL when undated
    end TEXT,
    precision TEXT NOT NULL CHECK (precision IN ('day','week','month','quarter','year','decade','undated')),
    summary TEXT NOT NULL,
    sort_key TEXT NOT NULL,         -- start, or '9999-99-99' for undated: one index gives the timeline order
    words TEXT NOT NULL DEFAULT '', -- Event.words joined by spaces: what merging compares
    n_sources INTEGER NOT NULL DEFAULT 0
);
""" + SOURCES_TABLE + """
CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person','country','org','place')),
    name TEXT NOT NULL,             -- canonical full name, the country's common name, the organisation's name
    code TEXT,                      -- alpha-2: the country itself, a person's affiliation, a place's country
    n_events INTEGER NOT NULL DEFAULT 0,   -- precomputed count for unfiltered facets
    UNIQUE (kind, name)
);
CREATE TABLE IF NOT EXISTS aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE TABLE IF NOT EXISTS event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,   -- order of the actor among the event's persons (or countries)
    sort_key TEXT NOT NULL DEFAULT '',     -- the event's sort_key, so that each actor's events have an order
    PRIMARY KEY (event_id, actor_id)
) WITHOUT ROWID;
-- Which articles vouch for an event's actor: when an article is deleted, actors no remaining article vouches for
-- leave the event. An article vouches only through a source of it in that event, so db.delete_article finds an
-- article's rows through its sources' events: no index (and no foreign key, which would need one) on the article.
-- The article is kept by its number (articles.no), not its 32-character id: the table has several rows per event.
""" + EVENT_ACTOR_ARTICLES_TABLE + """
-- The analyst's own corrections, applied on top of extraction: the person called `name` is `target` (dateline
-- people merge / rename). Every ingest after them, --force included, calls `name` `target`.
CREATE TABLE IF NOT EXISTS person_corrections (
    name TEXT PRIMARY KEY,
    target TEXT NOT NULL
);
-- Events that tell one happening but were kept apart because their sources date it differently (both
-- directions stored): each is flagged, and each names the other.
CREATE TABLE IF NOT EXISTS event_disputes (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, other_id)
) WITHOUT ROWID;
-- Per day, how many distinct articles tell something of that very day in one of their sentences (`telling`) and
-- how many state it in their own words (`stating`): the evidence key dates are ranked by (store/digest.py), kept
-- as articles come and go, so that the key dates of a whole store are read rather than counted.
""" + DAY_TALLIES_TABLE + """
-- How many events each day of the timeline holds (the bucket is the sort_key; undated events are bucketed by blocks
-- of ids, '9999-99-99/0000000003'), for all events (actor_id 0) and for each actor's events; kept by the triggers
-- below (TIMELINE_DAYS_TRIGGERS), so that where a row sits, how many rows there are and which row is at an index are
-- read from these counts (store/day_counts.py).
""" + TIMELINE_DAYS_TABLE + """
-- For each actor, how many events name it with each other actor (both ways), kept by ACTOR_PAIRS_TRIGGERS: the facet
-- counts under a one-actor filter are read here (store/queries.py), not counted from the actor's events.
""" + ACTOR_PAIRS_TABLE + """
CREATE INDEX IF NOT EXISTS events_order ON events (sort_key, id);
CREATE INDEX IF NOT EXISTS articles_by_published ON articles (published);  -- the store's coverage, read at once
CREATE UNIQUE INDEX IF NOT EXISTS articles_by_no ON articles (no);
CREATE INDEX IF NOT EXISTS event_actors_timeline ON event_actors (actor_id, sort_key, event_id);
""" + SOURCES_INDEXES + """CREATE INDEX IF NOT EXISTS aliases_by_alias ON aliases (alias);
""" + EVENTS_TEXT_VIEW + EVENTS_FTS_TABLE + TIMELINE_DAYS_TRIGGERS + ACTOR_PAIRS_TRIGGERS
# What takes a store from version v to v + 1 (run in one transaction by db.connect).
MIGRATIONS: dict[int, str] = {
    # v2: each actor's events in timeline order, so a filtered page or count reads only that actor's slice.
    1: """
    ALTER TABLE event_actors ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    UPDATE event_actors SET sort_key = (SELECT sort_key FROM events WHERE events.id = event_actors.event_id);
    DROP INDEX IF EXISTS event_actors_by_actor;
    CREATE INDEX event_actors_timeline ON event_actors (actor_id, sort_key, event_id);
    """,
    # v3: how each telling was dated, with the words that dated it (export's "dated_by").
    2: """
    ALTER TABLE sources ADD COLUMN dating_reason TEXT;
    ALTER TABLE sources ADD COLUMN dating_start INTEGER;
    ALTER TABLE sources ADD COLUMN dating_end INTEGER;
    ALTER TABLE sources ADD COLUMN dating_text TEXT;
    """,
    # v4: the analyst's corrections of persons.
    3: """
    CREATE TABLE IF NOT EXISTS person_corrections (name TEXT PRIMARY KEY, target TEXT NOT NULL);
    """,
    # v5: organisations are actors too. SQLite cannot change a CHECK: the table is made anew and filled (db.py
    # runs migrations with foreign keys off, so that dropping the old table takes nothing with it).
    4: """
    CREATE TABLE actors_v5 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person','country','org')),
        name TEXT NOT NULL,
        code TEXT,
        n_events INTEGER NOT NULL DEFAULT 0,
        UNIQUE (kind, name)
    );
    INSERT INTO actors_v5 (id, kind, name, code, n_events) SELECT id, kind, name, code, n_events FROM actors;
    DROP TABLE actors;
    ALTER TABLE actors_v5 RENAME TO actors;
    """,
    # v6: places below the country (cities, regions) are actors too, with their country's code.
    5: """
    CREATE TABLE actors_v6 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('person','country','org','place')),
        name TEXT NOT NULL,
        code TEXT,
        n_events INTEGER NOT NULL DEFAULT 0,
        UNIQUE (kind, name)
    );
    INSERT INTO actors_v6 (id, kind, name, code, n_events) SELECT id, kind, name, code, n_events FROM actors;
    DROP TABLE actors;
    ALTER TABLE actors_v6 RENAME TO actors;
    """,
    # v7: what a telling's dating words were read against (Dating.anchor), the interval it gave the event, and
    # the events kept apart because their sources date them differently.
    6: """
    ALTER TABLE sources ADD COLUMN dating_anchor TEXT;
    ALTER TABLE sources ADD COLUMN told_start TEXT;
    ALTER TABLE sources ADD COLUMN told_end TEXT;
    ALTER TABLE sources ADD COLUMN told_precision TEXT;
    CREATE TABLE IF NOT EXISTS event_disputes (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        other_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        PRIMARY KEY (event_id, other_id)
    ) WITHOUT ROWID;
    """,
    # v8: the per-day tallies of key dates, counted once from the tellings; the articles by publication date.
    7: """
    """ + DAY_TALLIES_TABLE + """
    CREATE INDEX IF NOT EXISTS articles_by_published ON articles (published);
    """ + _recount_day_tallies("article_id"),
    # v9: the events of each day of the timeline, for all events and per actor, counted once and then kept.
    8: """
    """ + TIMELINE_DAYS_TABLE + """
    """ + RECOUNT_TIMELINE_DAYS + TIMELINE_DAYS_TRIGGERS,
    # v10: excerpts are read from the article bodies by their offsets, not stored twice. An excerpt that its offsets
    # do not give (none is stored so; a store edited by hand) gets the offsets of where it is in the body first.
    9: """
    UPDATE sources AS s SET start = f.at - 1, end = f.at - 1 + length(s.excerpt)
        FROM (SELECT t.id, instr(a.body, t.excerpt) AS at FROM sources t JOIN articles a ON a.id = t.article_id
              WHERE length(t.excerpt) > 0 AND substr(a.body, t.start + 1, t.end - t.start) IS NOT t.excerpt) AS f
        WHERE s.id = f.id AND f.at > 0;
    ALTER TABLE sources DROP COLUMN excerpt;
    """,
    # v11: who vouches for an event's actor, without an index on the article (a quarter of a big store's size):
    # the table is made anew without the foreign key on it (db.py runs migrations with foreign keys off).
    10: """
    CREATE TABLE event_actor_articles_v11 (
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL,
        PRIMARY KEY (event_id, actor_id, article_id)
    ) WITHOUT ROWID;
    INSERT INTO event_actor_articles_v11 SELECT event_id, actor_id, article_id FROM event_actor_articles;
    DROP TABLE event_actor_articles;
    ALTER TABLE event_actor_articles_v11 RENAME TO event_actor_articles;
    """,
    # v12: each actor's partners counted once, then kept by triggers.
    11: """
    """ + ACTOR_PAIRS_TABLE + """
    """ + RECOUNT_ACTOR_PAIRS + ACTOR_PAIRS_TRIGGERS,
    # v13: the full-text index reads its text from the summaries and the article bodies instead of a copy of its own
    # (a fifth of a big store); it is built anew from every telling's excerpt.
    12: """
    DROP TABLE events_fts;
    ALTER TABLE sources ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
    DROP INDEX sources_by_event;
    CREATE INDEX sources_by_event ON sources (event_id, skipped);
    """ + _events_text_view("a.id = s.article_id") + EVENTS_FTS_TABLE + """
    INSERT INTO events_fts (events_fts) VALUES ('rebuild');
    """,
    # v14: who vouches for an event's actor is kept by the article's number, not its 32-character id.
    13: """
    ALTER TABLE articles ADD COLUMN no INTEGER;
    UPDATE articles SET no = rowid;
    CREATE UNIQUE INDEX articles_by_no ON articles (no);
    """ + EVENT_ACTOR_ARTICLES_TABLE.replace("event_actor_articles", "event_actor_articles_v14") + """
    INSERT INTO event_actor_articles_v14 (event_id, actor_id, article_no)
        SELECT x.event_id, x.actor_id, a.no FROM event_actor_articles x JOIN articles a ON a.id = x.article_id;
    DROP TABLE event_actor_articles;
    ALTER TABLE event_actor_articles_v14 RENAME TO event_actor_articles;
    """,
    # v15: article bodies are kept compressed (the full-text index reads them through events_text, unchanged).
    14: """
    UPDATE articles SET body = body_pack(body) WHERE typeof(body) = 'text';
    """,
    # v16: a telling keeps its article by number, not by its 32-character id (the table and its index on the
    # article shrink by a third). The table is made anew (db.py runs migrations with foreign keys off).
    15: """
    DROP VIEW events_text;
    """ + SOURCES_TABLE.replace("sources (", "sources_v16 (", 1) + """
    INSERT INTO sources_v16 SELECT s.id, s.event_id, a.no, s.start, s.end, s.dated_by, s.dating_reason,
        s.dating_start, s.dating_end, s.dating_text, s.dating_anchor, s.told_start, s.told_end, s.told_precision,
        s.skipped FROM sources s JOIN articles a ON a.id = s.article_id;
    DROP TABLE sources;
    ALTER TABLE sources_v16 RENAME TO sources;
    """ + SOURCES_INDEXES + EVENTS_TEXT_VIEW,
}

