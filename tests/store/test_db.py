"""The store's file handling and writes: opening, versions, transactions, events, merges, deletions, counts."""
from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store.db as db
from store.db import (
    StoreError,
    article_count,
    connect,
    delete_article,
    has_article,
    insert_article,
    insert_event,
    mark_changed,
    merge_candidates,
    stats,
    transaction,
    update_event,
)
from store.model import Article, Event, Place, Source, When
from store.queries import changes, load_events
from store.schema import SCHEMA_VERSION, SOURCES_TABLE, _events_text_view


def article(name: str, *lines: str, published: date | None = date(2025, 10, 7)) -> Article:
    return Article(path=f"{name}.md", body="\n".join(lines), title=f"Title of {name}", published=published)


def source(art: Article, sentence: str) -> Source:
    start = art.body.index(sentence)
    return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence))


def days(first: str, last: str | None = None, precision: str = "day") -> When:
    return When(date.fromisoformat(first), date.fromisoformat(last or first), precision)


def ev(when: When, summary: str, persons=(), countries=(), sources=(), words=(), dated_by="explicit") -> Event:
    return Event(when, summary, list(persons), list(countries), list(sources), dated_by, frozenset(words))


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "store.db", create=True)
    yield connection
    connection.close()


def assert_consistent(conn: sqlite3.Connection) -> None:
    """Precomputed counts equal the real ones; every event has sources; the full-text index holds exactly the
    words of each event's text (events_text), no more, no less; no idle actor."""
    for actor_id, n_events, linked in conn.execute(
        "SELECT id, n_events, (SELECT count(*) FROM event_actors WHERE actor_id = actors.id) FROM actors"
    ):
        assert n_events == linked > 0, actor_id
    for event_id, n_sources, real in conn.execute(
        "SELECT id, n_sources, (SELECT count(*) FROM sources WHERE event_id = events.id) FROM events"
    ):
        assert n_sources == real > 0, event_id
    began = not conn.in_transaction  # sqlite3 begins a transaction before an INSERT, even this one
    conn.execute("INSERT INTO events_fts (events_fts, rank) VALUES ('integrity-check', 1)")  # raises if not
    if began and conn.in_transaction:
        conn.commit()
    # an article vouches for an event's actor only through a source of it in that event
    assert conn.execute("SELECT count(*) FROM event_actor_articles v WHERE NOT EXISTS (SELECT 1 FROM sources s"
                        " WHERE s.event_id = v.event_id AND s.article_no = v.article_no)").fetchone()[0] == 0


def actors_of(conn, event_id: int) -> set[str]:
    return {row[0] for row in conn.execute(
        "SELECT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ?", (event_id,)
    )}


def fts_hits(conn, word: str) -> list[int]:
    return [row[0] for row in conn.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (word,))]


# Opening


def test_missing_store_without_create_names_the_file_and_how_to_make_it(tmp_path):
    path = tmp_path / "nothing.db"
    with pytest.raises(StoreError) as error:
        connect(path)
    assert str(error.value) == f"no such store: {path} (create it with: dateline ingest ARTICLES --db {path})"
    assert not path.exists()


def test_created_store_has_schema_version_wal_foreign_keys_and_row_objects(tmp_path):
    conn = connect(tmp_path / "new.db", create=True)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert isinstance(conn.execute("SELECT 1 AS one").fetchone(), sqlite3.Row)
    conn.close()


def test_existing_store_reopens_without_create_and_keeps_its_rows(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article("a", "One line."))
    conn.close()
    again = connect(path)
    assert article_count(again) == 1
    again.close()


def test_a_file_that_is_not_sqlite_is_refused_in_one_line_naming_it(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are not the pages of a database\n" * 200)
    with pytest.raises(StoreError) as error:
        connect(path)
    message = str(error.value)
    assert str(path) in message and "not a database" in message and "\n" not in message


def test_a_sqlite_file_of_another_program_is_not_taken_over(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE things (x)")
    other.commit()
    other.close()
    with pytest.raises(StoreError, match="not a dateline store"):
        connect(path, create=True)
    other = sqlite3.connect(path)
    assert [row[0] for row in other.execute("SELECT name FROM sqlite_master")] == ["things"]
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    other.close()


def test_a_store_from_a_newer_dateline_names_both_versions(tmp_path):
    path = tmp_path / "future.db"
    conn = connect(path, create=True)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as error:
        connect(path)
    assert f"schema version {SCHEMA_VERSION + 1}" in str(error.value) and f"dateline's {SCHEMA_VERSION}" in str(error.value)


def test_an_older_store_is_migrated_when_opened_for_writing(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    connect(path, create=True).close()
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE events ADD COLUMN note TEXT"})
    with pytest.raises(StoreError, match=f"older than {SCHEMA_VERSION + 1}"):
        connect(path, readonly=True)
    conn = connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION + 1)
    assert "note" in [row["name"] for row in conn.execute("PRAGMA table_info(events)")]
    conn.close()


def test_an_older_store_without_a_migration_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    connect(path, create=True).close()
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="cannot upgrade"):
        connect(path)


def test_readonly_connection_reads_but_cannot_write(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article("a", "One line."))
    conn.close()
    reader = connect(path, readonly=True)
    assert article_count(reader) == 1
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        insert_article(reader, article("b", "Another line."))
    reader.close()


# Transactions


def test_transaction_commits_on_success_and_rolls_back_on_error(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article("kept", "Kept."))
    with pytest.raises(RuntimeError):
        with transaction(conn):
            insert_article(conn, article("lost", "Lost."))
            raise RuntimeError("boom")
    conn.close()
    conn = connect(path)
    assert [row[0] for row in conn.execute("SELECT path FROM articles")] == ["kept.md"]
    conn.close()


def test_committed_changes_are_counted_for_watching_browsers(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    reader = connect(path, readonly=True)
    assert changes(reader) == 0
    for _ in range(2):
        with transaction(conn):
            mark_changed(conn)
    with pytest.raises(RuntimeError):
        with transaction(conn):
            mark_changed(conn)
            raise RuntimeError("boom")
    assert changes(reader) == 2
    conn.close()
    reader.close()


def test_write_functions_leave_committing_to_the_caller(tmp_path):
    path = tmp_path / "s.db"
    conn = connect(path, create=True)
    art = article("a", "Kim visited Beijing.")
    insert_article(conn, art)
    insert_event(conn, ev(days("2025-09-03"), "Kim in Beijing", ["Kim Jong Un"], ["CN"],
                          [source(art, "Kim visited Beijing.")]), {})
    conn.close()  # no commit
    conn = connect(path)
    assert stats(conn) == {"articles": 0, "events": 0, "persons": 0, "countries": 0, "sources": 0}
    conn.close()


# Articles and events


def test_articles_are_known_by_content_hash(conn):
    art = article("a", "Some text.")
    assert not has_article(conn, art.id)
    insert_article(conn, art)
    assert has_article(conn, art.id)
    assert has_article(conn, Article(path="elsewhere.md", body="Some text.").id)
    assert article_count(conn) == 1
    row = conn.execute("SELECT path, title, published, body_text(body) FROM articles").fetchone()
    assert tuple(row) == ("a.md", "Title of a", "2025-10-07", "Some text.")
    with pytest.raises(sqlite3.IntegrityError):
        insert_article(conn, art)


def test_insert_event_stores_dates_sources_actors_aliases_and_text(conn):
    art = article("li", "Li Qiang will visit Pyongyang on Thursday.", "Other news.")
    insert_article(conn, art)
    event = ev(days("2025-10-09", "2025-10-11"), "Li Qiang to visit North Korea", ["Li Qiang"], ["CN", "KP"],
               [source(art, "Li Qiang will visit Pyongyang on Thursday.")], words={"visit", "pyongyang"})
    event_id = insert_event(conn, event, {"Li Qiang": "CN"}, aliases={"Li Qiang": {"Li", "Premier Li", "Li Qiang"}})

    row = conn.execute("SELECT start, end, precision, summary, sort_key, words, n_sources FROM events").fetchone()
    assert tuple(row) == ("2025-10-09", "2025-10-11", "day", "Li Qiang to visit North Korea", "2025-10-09",
                          "pyongyang visit", 1)
    src = conn.execute("SELECT s.event_id, a.id, s.start, s.end, substr(body_text(a.body), s.start + 1, s.end - s.start),"
                       " s.dated_by FROM sources s JOIN articles a ON a.no = s.article_no").fetchone()
    assert tuple(src) == (event_id, art.id, 0, 42, "Li Qiang will visit Pyongyang on Thursday.", "explicit")
    actors = {tuple(r) for r in conn.execute("SELECT kind, name, code, n_events FROM actors")}
    assert actors == {("person", "Li Qiang", "CN", 1), ("country", "China", "CN", 1),
                      ("country", "North Korea", "KP", 1)}
    assert {r[0] for r in conn.execute("SELECT alias FROM aliases")} == {"Li", "Premier Li"}
    assert fts_hits(conn, "pyongyang") == [event_id]  # from the excerpt
    assert fts_hits(conn, "korea") == [event_id]  # from the summary
    assert_consistent(conn)


def test_undated_events_sort_after_every_date(conn):
    art = article("a", "Analysts expect more talks.")
    insert_article(conn, art)
    insert_event(conn, ev(When.undated(), "More talks expected", [], ["US"], [source(art, art.body)]), {})
    row = conn.execute("SELECT start, end, precision, sort_key FROM events").fetchone()
    assert tuple(row) == (None, None, "undated", "9999-99-99")
    assert "9999-99-99" > "9999-12-31"


def test_actor_counts_follow_shared_actors_and_affiliation_is_kept_once_known(conn):
    art = article("a", "Kim met Putin.", "Kim met Xi.")
    insert_article(conn, art)
    insert_event(conn, ev(days("2025-09-03"), "Kim meets Putin", ["Kim Jong Un", "Vladimir Putin"], ["KP", "RU"],
                          [source(art, "Kim met Putin.")]), {"Kim Jong Un": "KP"})
    insert_event(conn, ev(days("2025-09-04"), "Kim meets Xi", ["Kim Jong Un", "Xi Jinping"], ["KP", "CN"],
                          [source(art, "Kim met Xi.")]), {})
    counts = {r["name"]: (r["n_events"], r["code"]) for r in conn.execute("SELECT name, n_events, code FROM actors")}
    assert counts == {"Kim Jong Un": (2, "KP"), "Vladimir Putin": (1, None), "Xi Jinping": (1, None),
                      "North Korea": (2, "KP"), "Russia": (1, "RU"), "China": (1, "CN")}
    assert stats(conn) == {"articles": 1, "events": 2, "persons": 3, "countries": 3, "sources": 2}
    assert_consistent(conn)


def test_update_event_after_a_merge_replaces_actors_and_adds_sources(conn):
    first = article("first", "Kim will go to Beijing next week.")
    second = article("second", "Kim Jong Un arrived in Beijing on Tuesday for the parade.")
    insert_article(conn, first)
    insert_article(conn, second)
    event_id = insert_event(conn, ev(days("2025-09-01", "2025-09-07", "week"), "Kim to go to Beijing",
                                     ["Kim Jong Un", "Choe Son Hui"], ["KP", "CN"], [source(first, first.body)]), {})
    new_source = source(second, second.body)
    merged = ev(days("2025-09-02"), "Kim arrives in Beijing for the parade", ["Kim Jong Un", "Xi Jinping"],
                ["KP", "CN"], [source(first, first.body), new_source], words={"parade"}, dated_by="explicit")
    update_event(conn, event_id, merged, [new_source], {"Xi Jinping": "CN"})

    row = conn.execute("SELECT start, end, precision, summary, words, n_sources FROM events").fetchone()
    assert tuple(row) == ("2025-09-02", "2025-09-02", "day", "Kim arrives in Beijing for the parade", "parade", 2)
    assert actors_of(conn, event_id) == {"Kim Jong Un", "Xi Jinping", "North Korea", "China"}
    assert conn.execute("SELECT count(*) FROM actors WHERE name = 'Choe Son Hui'").fetchone()[0] == 0
    assert conn.execute("SELECT code FROM actors WHERE name = 'Xi Jinping'").fetchone()[0] == "CN"
    assert fts_hits(conn, "tuesday") == [event_id] and fts_hits(conn, "next") == [event_id]
    assert_consistent(conn)


def test_update_of_an_unknown_event_is_an_error(conn):
    with pytest.raises(ValueError, match="no event with id 42"):
        update_event(conn, 42, ev(days("2025-01-01"), "x"), [], {})


# Deleting an article (ingest --force)


def test_deleting_an_article_removes_the_events_only_it_told(conn):
    art = article("a", "Kim met Putin.")
    keep = article("b", "Xi met Lula.")
    for a in (art, keep):
        insert_article(conn, a)
    insert_event(conn, ev(days("2025-09-03"), "Kim meets Putin", ["Kim Jong Un", "Vladimir Putin"], ["KP"],
                          [source(art, art.body)]), {}, aliases={"Kim Jong Un": {"Kim"}})
    kept_id = insert_event(conn, ev(days("2025-09-04"), "Xi meets Lula", ["Xi Jinping"], ["CN", "BR"],
                                    [source(keep, keep.body)]), {})
    delete_article(conn, art.id)
    assert not has_article(conn, art.id)
    assert [row[0] for row in conn.execute("SELECT id FROM events")] == [kept_id]
    assert {row[0] for row in conn.execute("SELECT name FROM actors")} == {"Xi Jinping", "China", "Brazil"}
    assert conn.execute("SELECT count(*) FROM aliases").fetchone()[0] == 0
    assert fts_hits(conn, "putin") == []
    assert_consistent(conn)


def test_deleting_the_article_that_joined_later_takes_back_only_what_it_added(conn):
    early = article("early", "Li Qiang will visit North Korea.")
    late = article("late", "Li Qiang met Kim Jong Un in Pyongyang.")
    insert_article(conn, early)
    event_id = insert_event(conn, ev(days("2025-10-09"), "Li to visit", ["Li Qiang"], ["CN", "KP"],
                                     [source(early, early.body)]), {})
    insert_article(conn, late)
    late_source = source(late, late.body)
    update_event(conn, event_id, ev(days("2025-10-09"), "Li meets Kim", ["Li Qiang", "Kim Jong Un"], ["CN", "KP"],
                                    [source(early, early.body), late_source]), [late_source], {})
    delete_article(conn, late.id)
    assert actors_of(conn, event_id) == {"Li Qiang", "China", "North Korea"}
    assert conn.execute("SELECT n_sources FROM events WHERE id = ?", (event_id,)).fetchone()[0] == 1
    assert fts_hits(conn, "pyongyang") == [] and fts_hits(conn, "visit") == [event_id]
    assert_consistent(conn)


def test_deleting_the_first_article_keeps_actors_the_later_one_vouched_for(conn):
    early = article("early", "Li Qiang will visit North Korea and meet Kim Jong Un.")
    late = article("late", "Li Qiang arrived in Pyongyang.")
    insert_article(conn, early)
    event_id = insert_event(conn, ev(days("2025-10-09"), "Li to visit", ["Li Qiang", "Kim Jong Un"], ["CN", "KP"],
                                     [source(early, early.body)]), {})
    insert_article(conn, late)
    late_source = source(late, late.body)
    update_event(conn, event_id, ev(days("2025-10-09"), "Li arrives", ["Li Qiang", "Kim Jong Un"], ["CN", "KP"],
                                    [source(early, early.body), late_source]), [late_source], {})
    delete_article(conn, early.id)
    assert "Li Qiang" in actors_of(conn, event_id)
    assert conn.execute("SELECT n_sources FROM events WHERE id = ?", (event_id,)).fetchone()[0] == 1
    assert_consistent(conn)


# Merge candidates


@pytest.fixture
def merge_store(conn):
    art = article("a", "Kim will attend the parade next week.", "Putin will attend too.", "China prepares.",
                  "Kim spoke in 2015.")
    insert_article(conn, art)
    ids = {
        "kim": insert_event(conn, ev(days("2025-09-01", "2025-09-07", "week"), "Kim to attend parade",
                                     ["Kim Jong Un"], ["KP", "CN"],
                                     [source(art, "Kim will attend the parade next week.")],
                                     words={"parade", "attend"}, dated_by="published"), {"Kim Jong Un": "KP"}),
        "putin": insert_event(conn, ev(days("2025-09-03"), "Putin to attend", ["Vladimir Putin"], ["RU", "CN"],
                                       [source(art, "Putin will attend too.")]), {}),
        "china": insert_event(conn, ev(days("2025-09-01", "2025-09-30", "month"), "China prepares", [], ["CN"],
                                       [source(art, "China prepares.")]), {}),
        "old": insert_event(conn, ev(days("2015-01-01", "2015-12-31", "year"), "Kim spoke", ["Kim Jong Un"], ["KP"],
                                     [source(art, "Kim spoke in 2015.")]), {}),
    }
    return conn, art, ids


def test_merge_candidates_share_a_person_and_overlap_in_time(merge_store):
    conn, art, ids = merge_store
    [found] = merge_candidates(conn, days("2025-09-03"), ["Kim Jong Un"], ["KP"])
    assert found.id == ids["kim"]
    assert found.when == days("2025-09-01", "2025-09-07", "week")
    assert (found.summary, found.persons, found.countries) == ("Kim to attend parade", ["Kim Jong Un"], ["KP", "CN"])
    assert found.words == frozenset({"parade", "attend"}) and found.dated_by == "published"
    assert found.sources == []  # loaded without its tellings: what merging compares does not need them
    assert merge_candidates(conn, days("2025-09-03"), ["Kim Jong Un"], ["KP"], not_told_by=[art.id]) == []


def test_a_merge_indexes_only_excerpts_that_bring_new_words_and_search_finds_every_word(tmp_path):
    from store.filter import Filter
    from store.queries import count_events

    conn = connect(tmp_path / "s.db", create=True)
    first = article("a", "Kim met Putin at the harbour.")
    again = article("b", "Kim met Putin at the harbour!")  # no new word: nothing to index
    more = article("c", "Kim and Putin met near the lighthouse.")
    with transaction(conn):
        for art in (first, again, more):
            insert_article(conn, art)
        event_id = insert_event(conn, Event(days("2025-09-03"), "Kim met Putin", ["Kim"], ["KP"],
                                            [source(first, first.body)]), {})
        for art in (again, more):
            update_event(conn, event_id, Event(days("2025-09-03"), "Kim met Putin", ["Kim"], ["KP"], []),
                         [source(art, art.body)], {})
    (indexed,) = conn.execute("SELECT excerpts FROM events_fts WHERE rowid = ?", (event_id,)).fetchone()
    assert indexed == "Kim met Putin at the harbour.\nKim and Putin met near the lighthouse."
    assert conn.execute("SELECT n_sources FROM events WHERE id = ?", (event_id,)).fetchone()[0] == 3
    with transaction(conn):  # "Kim-Putin" is a phrase: its words are indexed, but never side by side yet
        joined = article("d", "Kim-Putin at the harbour.")  # every word known; "kim putin" side by side is new
        insert_article(conn, joined)
        update_event(conn, event_id, Event(days("2025-09-03"), "Kim met Putin", ["Kim"], ["KP"], []),
                     [source(joined, joined.body)], {})
    for words, hits in (("lighthouse harbour", 1), ("harbour!", 1), ("kim lighthouse", 1), ("zeppelin", 0),
                        ("Kim-Putin", 1)):
        assert count_events(conn, Filter(text=words)) == hits, words


def test_merge_candidates_need_overlap_and_a_shared_person(merge_store):
    conn, _, ids = merge_store
    assert merge_candidates(conn, days("2025-09-08"), ["Kim Jong Un"], []) == []
    assert [e.id for e in merge_candidates(conn, days("2025-09-02", "2025-09-04"), ["Vladimir Putin", "Kim Jong Un"],
                                           [])] == [ids["kim"], ids["putin"]]
    assert merge_candidates(conn, days("2025-09-03"), ["Xi Jinping"], ["CN"]) == []  # persons given: countries unused
    assert merge_candidates(conn, When.undated(), ["Kim Jong Un"], []) == []


def test_merge_candidates_fall_back_to_countries_when_no_person_is_named(merge_store):
    conn, _, ids = merge_store
    found = merge_candidates(conn, days("2025-09-20"), [], ["CN"])
    assert [e.id for e in found] == [ids["china"]]
    assert [e.id for e in merge_candidates(conn, days("2025-09-03"), [], ["CN"], limit=2)] == [ids["kim"], ids["china"]]


# Property: counts stay right through any mix of inserts, merges and deletions

PEOPLE = ["Ann Lee", "Bo Chen", "Cy Park"]
CODES = ["CN", "KP", "US"]
operation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 3), st.lists(st.sampled_from(PEOPLE), max_size=2),
              st.lists(st.sampled_from(CODES), max_size=2)),
    st.tuples(st.just("merge"), st.integers(0, 3), st.lists(st.sampled_from(PEOPLE), max_size=2),
              st.lists(st.sampled_from(CODES), max_size=2)),
    st.tuples(st.just("delete"), st.integers(0, 3)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, max_size=12))
def test_counts_and_index_stay_right_through_any_sequence_of_writes(operations):
    arts = [article(f"a{i}", *(f"Sentence {j} of article {i}." for j in range(12))) for i in range(4)]
    used = {i: 0 for i in range(4)}  # sentences used per article, so every source is a real sentence
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(Path(folder) / "p.db", create=True)
        with transaction(conn):
            for step in operations:
                kind, which = step[0], step[1]
                art = arts[which]
                if kind == "delete":
                    if has_article(conn, art.id):
                        delete_article(conn, art.id)
                    continue
                if not has_article(conn, art.id):
                    insert_article(conn, art)
                    used[which] = 0
                new = source(art, f"Sentence {used[which]} of article {which}.")
                used[which] += 1
                event = ev(days("2025-01-01"), "summary", step[2], step[3], [new])
                existing = [row[0] for row in conn.execute("SELECT id FROM events ORDER BY id LIMIT 1")]
                if kind == "merge" and existing:
                    update_event(conn, existing[0], event, [new], {})
                else:
                    insert_event(conn, event, {})
                assert_consistent(conn)
            for art in arts:
                if has_article(conn, art.id):
                    delete_article(conn, art.id)
            assert stats(conn) == {"articles": 0, "events": 0, "persons": 0, "countries": 0, "sources": 0}
        conn.close()


def test_a_version_1_store_gets_each_actors_events_in_timeline_order(tmp_path):
    from store.filter import Filter
    from store.queries import timeline_page

    path = tmp_path / "v1.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article("a", "One line."))
        for day in (date(2025, 3, 1), date(2024, 1, 5)):
            insert_event(conn, Event(When(day, day, "day"), f"On {day}.", ["Ana Lima"], ["FR"], []), {})
    # Take the store back to the version 1 layout: no sort_key in event_actors, the old index, no dating columns.
    conn.executescript(
        "BEGIN; " + BEFORE_V9 + " DROP INDEX event_actors_timeline; ALTER TABLE event_actors DROP COLUMN sort_key;"
        " CREATE INDEX event_actors_by_actor ON event_actors (actor_id, event_id);"
        + "".join(f" ALTER TABLE sources DROP COLUMN {column};"
                  for column in ("dating_reason", "dating_start", "dating_end", "dating_text", "dating_anchor",
                                 "told_start", "told_end", "told_precision"))
        + " DROP TABLE event_disputes;"
        + " UPDATE meta SET value = '1' WHERE key = 'schema_version'; COMMIT;"
    )
    conn.close()
    conn = connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    assert {tuple(row) for row in conn.execute("SELECT event_id, sort_key FROM event_actors")} == {
        (row["id"], row["sort_key"]) for row in conn.execute("SELECT id, sort_key FROM events")
        for _ in range(2)  # one person and one country each
    }
    assert [row.summary for row in timeline_page(conn, Filter(persons=("Ana Lima",)))] == [
        "On 2024-01-05.", "On 2025-03-01."]
    conn.close()


def test_an_older_store_is_copied_before_it_is_migrated_and_a_failed_step_leaves_it_as_it_was(tmp_path, monkeypatch):
    path = _older_store(tmp_path, monkeypatch)
    monkeypatch.setattr(db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE no_such_table ADD COLUMN x TEXT"})
    with pytest.raises(StoreError, match=f"cannot upgrade store .* to schema version {SCHEMA_VERSION + 1}"):
        connect(path)
    backup = tmp_path / f"old.db.v{SCHEMA_VERSION}.bak"
    for copy in (path, backup):  # the store is untouched, and the copy holds the same
        other = sqlite3.connect(copy)
        assert other.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert other.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        other.close()
    monkeypatch.setattr(db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE events ADD COLUMN note TEXT"})
    connect(path).close()  # a second try keeps the first copy and makes another
    assert (tmp_path / f"old.db.v{SCHEMA_VERSION}.bak.1").exists() and backup.exists()


def test_sqlite_messages_become_one_short_clean_line_with_their_meaning():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES (CAST(? AS TEXT))", (b"\xff\x1b[31m" + b"[bold]long " * 100,))
    with pytest.raises(sqlite3.Error) as error:
        conn.execute("SELECT x FROM t").fetchall()
    reason = db.error_reason(error.value)
    assert reason == ("text that is not UTF-8 in column 'x' (the file is damaged: restore a copy, or ingest the "
                      "articles into a new store)")  # the damaged bytes are not shown
    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    readonly.sqlite_errorcode = sqlite3.SQLITE_READONLY
    assert db.error_reason(readonly, writing=True) == ("attempt to write a readonly database (the file or its "
                                                       "folder is read-only for you; browsing it still works)")
    assert db.error_reason(readonly) == "attempt to write a readonly database"


# What takes a store back before version 10: each source's excerpt stored beside its offsets.
# What takes a store back before version 16: each telling keeps its article by the article's id.
BEFORE_V16 = (" DROP VIEW events_text; CREATE TABLE old_sources AS SELECT s.id, s.event_id, a.id AS article_id,"
              " s.start, s.end, s.dated_by, s.dating_reason, s.dating_start, s.dating_end, s.dating_text,"
              " s.dating_anchor, s.told_start, s.told_end, s.told_precision, s.skipped"
              " FROM sources s JOIN articles a ON a.no = s.article_no; DROP TABLE sources;"
              + SOURCES_TABLE.replace("article_no INTEGER NOT NULL REFERENCES articles(no)",
                                      "article_id TEXT NOT NULL REFERENCES articles(id)")
              + " INSERT INTO sources SELECT * FROM old_sources; DROP TABLE old_sources;"
              " CREATE INDEX sources_by_event ON sources (event_id, skipped);"
              " CREATE INDEX sources_by_article ON sources (article_id);"
              + _events_text_view("a.id = s.article_id"))
# What takes a store back before version 15: article bodies kept as plain text.
BEFORE_V15 = BEFORE_V16 + " UPDATE articles SET body = body_text(body);"
# What takes a store back before version 14: who vouches for an event's actor kept by the article's id.
BEFORE_V14 = BEFORE_V15 + (" CREATE TABLE old_vouching AS SELECT x.event_id, x.actor_id, a.id AS article_id"
              " FROM event_actor_articles x JOIN articles a ON a.no = x.article_no; DROP TABLE event_actor_articles;"
              " CREATE TABLE event_actor_articles (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
              " actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE, article_id TEXT NOT NULL,"
              " PRIMARY KEY (event_id, actor_id, article_id)) WITHOUT ROWID;"
              " INSERT INTO event_actor_articles SELECT * FROM old_vouching; DROP TABLE old_vouching;"
              " DROP INDEX articles_by_no; ALTER TABLE articles DROP COLUMN no;")
# What takes a store back before version 13: the full-text index with a copy of its text, no skipped tellings.
BEFORE_V13 = BEFORE_V14 + (" CREATE TEMP TABLE indexed AS SELECT * FROM events_text; DROP TABLE events_fts; DROP VIEW events_text;"
              " DROP INDEX sources_by_event; ALTER TABLE sources DROP COLUMN skipped;"
              " CREATE INDEX sources_by_event ON sources (event_id); CREATE VIRTUAL TABLE events_fts USING fts5 (summary, excerpts,"
              " tokenize = 'unicode61 remove_diacritics 2'); INSERT INTO events_fts (rowid, summary, excerpts)"
              " SELECT id, summary, excerpts FROM indexed; DROP TABLE indexed;")
WITH_EXCERPTS = BEFORE_V13 + (" ALTER TABLE sources ADD COLUMN excerpt TEXT NOT NULL DEFAULT '';"
                 " UPDATE sources SET excerpt = (SELECT substr(body_text(body), sources.start + 1, sources.end - sources.start)"
                 " FROM articles WHERE id = sources.article_id);")
# What takes a store back before version 9: no events per day, and no triggers keeping them.
BEFORE_V9 = WITH_EXCERPTS + "".join(f" DROP TRIGGER {table}_days_{change};" for table in ("events", "event_actors")
                                    for change in ("in", "out", "moved")) + " DROP TABLE timeline_days;"


def test_a_version_12_store_s_full_text_index_reads_its_text_from_the_bodies_and_finds_the_same_events(tmp_path):
    path = tmp_path / "v12.db"
    conn, one, two, event_id = _told_twice(  # the second telling brings no new word: left out of the index
        path, "Kim met Putin at the harbour.", "Kim met Putin at the harbour!",
        ev(days("2025-09-01"), "Leaders met", ["Kim"], ["KP"]))
    assert [row[0] for row in conn.execute("SELECT skipped FROM sources ORDER BY id")] == [0, 1]
    conn.executescript("BEGIN;" + BEFORE_V13 + " UPDATE meta SET value = '12' WHERE key = 'schema_version'; COMMIT;")
    assert "events_fts_content" in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    conn = connect(path)
    assert "events_fts_content" not in {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert [row[0] for row in conn.execute("SELECT skipped FROM sources ORDER BY id")] == [0, 0]  # every excerpt
    for word, hits in (("harbour", [event_id]), ("leaders", [event_id]), ("zeppelin", [])):
        assert fts_hits(conn, word) == hits, word
    assert_consistent(conn)
    with transaction(conn):  # the index follows the text it reads: an article's excerpt goes with it
        delete_article(conn, one.id)
    assert fts_hits(conn, "harbour") == [event_id] and fts_hits(conn, "leaders") == [event_id]
    assert_consistent(conn)


VOUCHING = ("SELECT x.event_id, x.actor_id, a.id FROM event_actor_articles x JOIN articles a ON a.no = x.article_no"
            " ORDER BY 1, 2, 3")  # who vouches for whom, by the articles' ids


def test_a_version_15_store_s_tellings_keep_their_article_by_number_and_go_with_it(tmp_path):
    from store.queries import event_sources

    path = tmp_path / "v15.db"
    conn, one, two, event_id = _told_twice(path, "Kim met Putin at the harbour.",
                                           "Kim and Putin met near the lighthouse.",
                                           ev(days("2025-09-01"), "Leaders met", ["Kim"], ["KP"]))
    told = [(row.article_id, row.excerpt) for row in event_sources(conn, event_id)]
    assert told == [(one.id, one.body), (two.id, two.body)]
    conn.executescript("BEGIN;" + BEFORE_V16 + " UPDATE meta SET value = '15' WHERE key = 'schema_version'; COMMIT;")
    assert "article_id" in {row["name"] for row in conn.execute("PRAGMA table_info(sources)")}
    conn.close()
    conn = connect(path)
    assert "article_no" in {row["name"] for row in conn.execute("PRAGMA table_info(sources)")}
    assert [(row.article_id, row.excerpt) for row in event_sources(conn, event_id)] == told
    assert fts_hits(conn, "lighthouse") == [event_id]
    assert_consistent(conn)
    with transaction(conn):  # the article's tellings go with it (the foreign key on its number)
        delete_article(conn, two.id)
    assert [row.article_id for row in event_sources(conn, event_id)] == [one.id]
    assert fts_hits(conn, "lighthouse") == [] and fts_hits(conn, "harbour") == [event_id]
    assert_consistent(conn)


def test_a_version_14_store_s_bodies_are_compressed_and_read_back_whole(tmp_path):
    from store.queries import event_sources

    path = tmp_path / "v14.db"
    conn = connect(path, create=True)
    text = "Kim met Putin at the harbour. " * 40 + "Then they sailed to the lighthouse."
    art = article("one", text)
    with transaction(conn):
        insert_article(conn, art)
        event_id = insert_event(conn, ev(days("2025-09-01"), "They sailed", ["Kim"], ["KP"],
                                         [source(art, "Then they sailed to the lighthouse.")]), {})
    stored = conn.execute("SELECT body FROM articles").fetchone()[0]
    assert isinstance(stored, bytes) and len(stored) < len(text) / 5  # forty times the same sentence
    conn.executescript("BEGIN;" + BEFORE_V15 + " UPDATE meta SET value = '14' WHERE key = 'schema_version'; COMMIT;")
    assert conn.execute("SELECT typeof(body) FROM articles").fetchone()[0] == "text"
    conn.close()
    conn = connect(path)
    assert conn.execute("SELECT body FROM articles").fetchone()[0] == stored
    (told,) = event_sources(conn, event_id)
    assert told.excerpt == "Then they sailed to the lighthouse." and told.paragraph == text
    assert fts_hits(conn, "lighthouse") == [event_id]
    assert_consistent(conn)


def _told_twice(path, first: str, second: str, merged: Event, told: Event | None = None):
    """A store of one event told by two articles (`first`, then `second`, whose telling `told` made the event
    `merged`); the event is at first `merged` as the first article alone tells it: its first person and country."""
    conn = connect(path, create=True)
    one, two = article("one", first), article("two", second)
    with transaction(conn):
        insert_article(conn, one)
        insert_article(conn, two)
        event_id = insert_event(conn, replace(merged, countries=merged.countries[:1], sources=[source(one, one.body)]),
                                {})
        update_event(conn, event_id, merged, [source(two, two.body)], {}, told=told)
    return conn, one, two, event_id


def _kim_met_putin_twice(path):
    """The second article names only Kim, and Russia."""
    return _told_twice(path, "Kim met Putin on Monday.", "Kim and Putin met on Monday.",
                       ev(days("2025-09-01"), "Kim met Putin", ["Kim", "Vladimir Putin"], ["KP", "RU"]),
                       told=ev(days("2025-09-01"), "Kim and Putin met", ["Kim"], ["RU"]))


def test_a_version_13_store_keeps_who_vouches_for_whom_by_the_article_s_number(tmp_path):
    path = tmp_path / "v13.db"
    conn, one, two, event_id = _kim_met_putin_twice(path)
    vouching = conn.execute(VOUCHING).fetchall()
    assert {row[2] for row in vouching} == {one.id, two.id} and len(vouching) == 5  # Kim twice, Putin, KP, RU
    conn.executescript("BEGIN;" + BEFORE_V14 + " UPDATE meta SET value = '13' WHERE key = 'schema_version'; COMMIT;")
    assert "article_id" in {row["name"] for row in conn.execute("PRAGMA table_info(event_actor_articles)")}
    conn.close()
    conn = connect(path)
    assert "article_no" in {row["name"] for row in conn.execute("PRAGMA table_info(event_actor_articles)")}
    assert conn.execute(VOUCHING).fetchall() == vouching
    with transaction(conn):  # a new article takes the next number, never the number of one still stored
        delete_article(conn, two.id)
        three = article("three", "Kim met Putin again on Monday.")
        insert_article(conn, three)
    numbers = dict(tuple(row) for row in conn.execute("SELECT id, no FROM articles"))
    assert len(set(numbers.values())) == 2 and numbers[three.id] > numbers[one.id]
    assert {row[2] for row in conn.execute(VOUCHING)} == {one.id}  # the deleted article vouches no more
    assert actors_of(conn, event_id) == {"Kim", "Vladimir Putin", "North Korea"}
    assert_consistent(conn)


def test_a_version_10_store_keeps_who_vouches_for_whom_without_the_index_and_deletes_it_with_its_article(tmp_path):
    path = tmp_path / "v10.db"
    conn, one, two, event_id = _kim_met_putin_twice(path)
    vouching = conn.execute(VOUCHING).fetchall()
    conn.executescript("""
        PRAGMA foreign_keys = OFF;""" + BEFORE_V13 + """
        CREATE TABLE old (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (event_id, actor_id, article_id)) WITHOUT ROWID;
        INSERT INTO old SELECT * FROM event_actor_articles; DROP TABLE event_actor_articles;
        ALTER TABLE old RENAME TO event_actor_articles;
        CREATE INDEX event_actor_articles_by_article ON event_actor_articles (article_id);
        UPDATE meta SET value = '10' WHERE key = 'schema_version';
    """)
    conn.close()
    conn = connect(path)
    assert conn.execute(VOUCHING).fetchall() == vouching
    assert conn.execute("PRAGMA foreign_key_list(event_actor_articles)").fetchall() != []  # events and actors
    assert "articles" not in {row["table"] for row in conn.execute("PRAGMA foreign_key_list(event_actor_articles)")}
    assert conn.execute("PRAGMA index_list(event_actor_articles)").fetchall() == [] or all(
        row["origin"] == "pk" for row in conn.execute("PRAGMA index_list(event_actor_articles)"))
    with transaction(conn):
        delete_article(conn, one.id)
    assert {row[2] for row in conn.execute(VOUCHING)} == {two.id}
    assert actors_of(conn, event_id) == {"Kim", "Russia"}  # only the second article's telling vouches now
    assert_consistent(conn)


def test_a_version_9_store_reads_its_excerpts_from_the_bodies_and_keeps_each_one(tmp_path):
    from store.queries import event_sources

    path = tmp_path / "v9.db"
    conn = connect(path, create=True)
    art = article("a", "Kim met Putin on Monday in Vladivostok.", "Talks went on late into the night.")
    with transaction(conn):
        insert_article(conn, art)
        first = insert_event(conn, ev(days("2025-09-01"), "Kim met Putin", ["Kim"], ["KP"],
                                      [source(art, "Kim met Putin on Monday in Vladivostok.")]), {})
        second = insert_event(conn, ev(days("2025-09-01"), "Talks went on", [], ["RU"],
                                       [source(art, "Talks went on late into the night.")]), {})
    conn.executescript(WITH_EXCERPTS + " UPDATE sources SET start = 0, end = 5 WHERE event_id = %d;" % second
                       + " UPDATE meta SET value = '9' WHERE key = 'schema_version';")
    conn.close()
    conn = connect(path)
    assert "excerpt" not in {row[1] for row in conn.execute("PRAGMA table_info(sources)")}
    assert [s.excerpt for s in event_sources(conn, first)] == ["Kim met Putin on Monday in Vladivostok."]
    # offsets that did not give the stored excerpt now point at it in the body
    assert [(s.excerpt, s.start) for s in event_sources(conn, second)] == [("Talks went on late into the night.", 40)]
    assert fts_hits(conn, "vladivostok") == [first] and fts_hits(conn, "night") == [second]


def _older_store(tmp_path, monkeypatch) -> Path:
    """A store one schema version behind this dateline's (the running version is raised by one)."""
    path = tmp_path / "old.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article("a", "One line."))
    conn.close()
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE events ADD COLUMN note TEXT;"
                                                           "CREATE INDEX events_note ON events (note)"})
    return path


def _version(path: Path) -> str:
    other = sqlite3.connect(path)
    try:
        return other.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    finally:
        other.close()


def test_an_upgrade_says_where_the_copy_is(tmp_path, monkeypatch):
    path = _older_store(tmp_path, monkeypatch)
    notes = []
    connect(path, on_upgrade=notes.append).close()
    backup = tmp_path / f"old.db.v{SCHEMA_VERSION}.bak"
    assert notes == [f"upgraded store {path} from schema version {SCHEMA_VERSION} to {SCHEMA_VERSION + 1}; "
                     f"the store as it was is saved at {backup}"]
    assert _version(path) == str(SCHEMA_VERSION + 1) and _version(backup) == str(SCHEMA_VERSION)


def test_a_store_upgraded_by_another_run_meanwhile_is_neither_copied_nor_migrated_again(tmp_path, monkeypatch):
    """Two runs open an old store at once: the second read the old version, then waited for the write lock
    while the first upgraded it. Inside the lock it reads the version again."""
    path = _older_store(tmp_path, monkeypatch)
    connect(path).close()  # the first run
    (tmp_path / f"old.db.v{SCHEMA_VERSION}.bak").unlink()
    real = db._stored_version
    reads = []

    def stale_then_real(conn, where):
        reads.append(where)
        return SCHEMA_VERSION if len(reads) == 1 else real(conn, where)

    monkeypatch.setattr(db, "_stored_version", stale_then_real)
    notes = []
    connect(path, on_upgrade=notes.append).close()  # the second run: no error, no copy, no note
    assert len(reads) == 2 and notes == []
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []
    assert _version(path) == str(SCHEMA_VERSION + 1)


def test_a_copy_left_half_written_by_a_killed_run_is_replaced_not_kept_beside(tmp_path, monkeypatch):
    path = _older_store(tmp_path, monkeypatch)
    partial = tmp_path / f"old.db.v{SCHEMA_VERSION}.bak.partial"
    partial.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # what kill -9 during the copy leaves
    connect(path).close()
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == [f"old.db.v{SCHEMA_VERSION}.bak"]
    assert _version(tmp_path / f"old.db.v{SCHEMA_VERSION}.bak") == str(SCHEMA_VERSION)


def test_a_copy_that_cannot_be_completed_is_removed_and_the_store_stays_as_it_was(tmp_path, monkeypatch):
    import errno

    path = _older_store(tmp_path, monkeypatch)

    def disk_full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(db.os, "replace", disk_full)  # the copy was written, its last step fails
    with pytest.raises(StoreError) as error:
        connect(path)
    assert str(error.value) == (f"cannot upgrade store {path}: its copy could not be written beside it (No space "
                                f"left on device); the store is unchanged, at schema version {SCHEMA_VERSION}")
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []  # no partial copy fills the disk
    assert _version(path) == str(SCHEMA_VERSION)


def test_a_version_2_store_gains_the_dating_of_each_telling(tmp_path):
    """v2 -> v3: the sources table gains dating_reason/_start/_end/_text; old tellings keep NULLs and read back
    without words."""
    path = tmp_path / "v2.db"
    conn = connect(path, create=True)
    with transaction(conn):
        art = article("a", "Kim met Putin on Monday in Vladivostok.")
        insert_article(conn, art)
        insert_event(conn, Event(When(date(2025, 9, 1), date(2025, 9, 1), "day"), "Kim met Putin", ["Kim"], ["KP"],
                                 [Source(art.id, art.path, art.title, art.published, art.body, 0, len(art.body))]),
                     {})
    conn.executescript(BEFORE_V9)
    conn.execute("DROP TABLE event_disputes")
    for column in ("dating_reason", "dating_start", "dating_end", "dating_text", "dating_anchor", "told_start",
                   "told_end", "told_precision"):
        conn.execute(f"ALTER TABLE sources DROP COLUMN {column}")
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    conn = connect(path)
    columns = [row["name"] for row in conn.execute("PRAGMA table_info(sources)")]
    assert columns[-9:-1] == ["dating_reason", "dating_start", "dating_end", "dating_text", "dating_anchor",
                              "told_start", "told_end", "told_precision"]
    (event,) = load_events(conn, [1])
    assert event.dated_by == "explicit" and event.sources[0].dating is None
    conn.close()


def test_a_version_4_store_keeps_every_actor_and_link_and_takes_organisations(tmp_path):
    """v4 -> v5: the actors table is made anew to admit organisations; ids, counts, aliases and every event's
    actors and their vouching articles stay as they were."""
    path = tmp_path / "v4.db"
    conn = connect(path, create=True)
    with transaction(conn):
        art = article("a", "Kim met Putin on Monday in Vladivostok.")
        insert_article(conn, art)
        insert_event(conn, Event(When(date(2025, 9, 1), date(2025, 9, 1), "day"), "Kim met Putin",
                                 ["Kim Jong Un", "Vladimir Putin"], ["KP", "RU"],
                                 [Source(art.id, art.path, art.title, art.published, art.body, 0, len(art.body))]),
                     {"Kim Jong Un": "KP"}, aliases={"Kim Jong Un": {"Kim"}})
    before = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
              for table in ("actors", "aliases", "event_actors", "event_actor_articles")}
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.executescript("""
        CREATE TABLE old_actors (id INTEGER PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('person','country')),
            name TEXT NOT NULL, code TEXT, n_events INTEGER NOT NULL DEFAULT 0, UNIQUE (kind, name));
        INSERT INTO old_actors SELECT * FROM actors; DROP TABLE actors; ALTER TABLE old_actors RENAME TO actors;
        """ + BEFORE_V9 + """
        ALTER TABLE sources DROP COLUMN dating_anchor; ALTER TABLE sources DROP COLUMN told_start;
        ALTER TABLE sources DROP COLUMN told_end; ALTER TABLE sources DROP COLUMN told_precision;
        DROP TABLE event_disputes;
        UPDATE meta SET value = '4' WHERE key = 'schema_version';
    """)
    conn.close()
    conn = connect(path)
    after = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in before}
    assert {t: [tuple(r) for r in rows] for t, rows in after.items()} == {
        t: [tuple(r) for r in rows] for t, rows in before.items()}
    assert len(before["event_actors"]) == 4 and before["aliases"]
    with transaction(conn):
        insert_event(conn, Event(When(date(2025, 9, 2), date(2025, 9, 2), "day"), "Sony opened a plant", [], [],
                                 [Source(art.id, art.path, art.title, art.published, art.body, 0, 3)], orgs=["Sony"]),
                     {})
    assert tuple(conn.execute("SELECT kind, n_events FROM actors WHERE name = 'Sony'").fetchone()) == ("org", 1)
    conn.close()


def test_a_version_5_store_keeps_every_actor_and_takes_places(tmp_path):
    """v5 -> v6: the actors table is made anew to admit places below the country; what it held stays."""
    path = tmp_path / "v5.db"
    conn = connect(path, create=True)
    with transaction(conn):
        art = article("a", "Kim met Putin on Monday in Vladivostok.")
        insert_article(conn, art)
        insert_event(conn, Event(When(date(2025, 9, 1), date(2025, 9, 1), "day"), "Kim met Putin",
                                 ["Kim Jong Un"], ["KP"],
                                 [Source(art.id, art.path, art.title, art.published, art.body, 0, len(art.body))],
                                 orgs=["Sony"]), {})
    before = conn.execute("SELECT * FROM actors ORDER BY id").fetchall()
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.executescript("""
        CREATE TABLE old_actors (id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('person','country','org')),
            name TEXT NOT NULL, code TEXT, n_events INTEGER NOT NULL DEFAULT 0, UNIQUE (kind, name));
        INSERT INTO old_actors SELECT * FROM actors; DROP TABLE actors; ALTER TABLE old_actors RENAME TO actors;
        """ + BEFORE_V9 + """
        ALTER TABLE sources DROP COLUMN dating_anchor; ALTER TABLE sources DROP COLUMN told_start;
        ALTER TABLE sources DROP COLUMN told_end; ALTER TABLE sources DROP COLUMN told_precision;
        DROP TABLE event_disputes;
        UPDATE meta SET value = '5' WHERE key = 'schema_version';
    """)
    conn.close()
    conn = connect(path)
    assert [tuple(r) for r in conn.execute("SELECT * FROM actors ORDER BY id")] == [tuple(r) for r in before]
    with transaction(conn):
        insert_event(conn, Event(When(date(2025, 9, 2), date(2025, 9, 2), "day"), "Kim left", ["Kim Jong Un"], [],
                                 [Source(art.id, art.path, art.title, art.published, art.body, 0, 3)],
                                 places=[Place("Vladivostok", "RU")]), {})
    assert tuple(conn.execute("SELECT kind, code FROM actors WHERE name = 'Vladivostok'").fetchone()) == ("place", "RU")
    (event,) = [e for e in load_events(conn, [1, 2]) if e.places]
    assert event.places == [Place("Vladivostok", "RU")] and event.persons == ["Kim Jong Un"]
    conn.close()


def _create_when_released(path: str, barrier, results) -> None:
    try:
        barrier.wait(timeout=30)
        connect(path, create=True).close()
        results.put("ok")
    except Exception as error:  # noqa: BLE001 - reported to the test
        results.put(f"{type(error).__name__}: {error}")


def test_runs_creating_the_same_new_store_at_once_all_succeed(tmp_path):
    """Four processes open one new store for creation at the same instant, 30 times over: every open succeeds
    (before: "database is locked" at the switch to WAL, or "not a dateline store" on the other's half-made
    schema, in about one open of eight)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    outcomes = []
    for round_number in range(30):
        path = str(tmp_path / f"new-{round_number}.db")
        barrier, results = context.Barrier(4), context.Queue()
        workers = [context.Process(target=_create_when_released, args=(path, barrier, results)) for _ in range(4)]
        for worker in workers:
            worker.start()
        outcomes += [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=60)
        conn = connect(path, readonly=True)
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        conn.close()
    assert outcomes == ["ok"] * 120
