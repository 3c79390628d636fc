"""The events per day (`timeline_days`) stay equal to the rows they count as events are stored, merged, moved,
absorbed, renamed and deleted, and positions read from them agree with the rows counted one by one."""
from __future__ import annotations

import random
from bisect import bisect_left
from datetime import date, timedelta

import pytest

from store.db import absorb_event, bulk_load, connect, delete_article, insert_article, insert_event, rename_person, \
    transaction, update_event
from store.density import density
from store.filter import Filter
from store.model import Article, Event, Source, When
from store.positions import count_before, key_at
from store.queries import UNDATED_SORT_KEY, count_events
from store.schema import UNDATED_BLOCK
from tests.store.test_db import BEFORE_V9

PERSONS = ["Ana Lima", "Bo Chen", "Cy Okafor"]
COUNTRIES = ["FR", "JP"]


def counted_rows(conn) -> dict[tuple[int, str], int]:
    """What `timeline_days` must hold, counted from the rows themselves."""
    rows: dict[tuple[int, str], int] = {}
    for actor, sort_key, event_id in conn.execute(
            "SELECT 0, sort_key, id FROM events UNION ALL SELECT actor_id, sort_key, event_id FROM event_actors"):
        bucket = sort_key if sort_key != UNDATED_SORT_KEY else f"{sort_key}/{event_id // UNDATED_BLOCK:010d}"
        rows[actor, bucket] = rows.get((actor, bucket), 0) + 1
    return rows


def kept_rows(conn) -> dict[tuple[int, str], int]:
    return {(actor, day): n for actor, day, n in conn.execute("SELECT actor_id, bucket, n FROM timeline_days WHERE n != 0")}


def random_event(rng: random.Random, art: Article, serial: int) -> Event:
    sentence = f"Line {serial}."
    start = art.body.index(sentence)
    if rng.random() < 0.1:
        when = When(None, None, "undated")
    else:
        day = date(2024, 1, 1) + timedelta(days=rng.randint(0, 40))
        when = When(day, day, "day")
    return Event(when, f"Event {serial}", rng.sample(PERSONS, rng.randint(0, 2)), rng.sample(COUNTRIES, rng.randint(0, 1)),
                 [Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence))])


def churned_store(path, bulk: bool = False) -> object:
    """A store through every kind of write, in a fixed random order (the first ones in a db.bulk_load when `bulk`,
    the last ones after it, with the kept counts' triggers)."""
    rng = random.Random(11)
    conn = connect(path, create=True)
    arts = [Article(f"a{k}.md", "\n".join(f"Line {k * 100 + n}." for n in range(100)), f"A{k}", date(2024, 3, 1))
            for k in range(6)]
    stored: list[tuple[int, Event]] = []
    with (bulk_load if bulk else transaction)(conn):
        for art in arts:
            insert_article(conn, art)
        for serial in range(400):
            art = arts[serial // 100 if serial < 400 else 0]
            event = random_event(rng, art, serial)
            if stored and rng.random() < 0.25:  # a later telling moves an event to another day, naming others
                event_id, _ = rng.choice(stored)
                update_event(conn, event_id, event, event.sources, {})
            elif len(stored) > 2 and rng.random() < 0.05:  # two stored events found to be one
                (keep, _), (other, _) = rng.sample(stored, 2)
                absorb_event(conn, keep, other, event)
                stored = [(i, e) for i, e in stored if i != other]
            else:
                stored.append((insert_event(conn, event, {"Ana Lima": "FR"}), event))
    with transaction(conn):
        rename_person(conn, "Bo Chen", "Ana Lima")  # two persons become one
        delete_article(conn, arts[1].id)
    return conn


def test_the_day_counts_follow_every_write(tmp_path):
    conn = churned_store(tmp_path / "s.db")
    assert counted_rows(conn) == kept_rows(conn)
    assert sum(n for (actor, _), n in kept_rows(conn).items() if actor == 0) == \
        conn.execute("SELECT count(*) FROM events").fetchone()[0] > 200


def test_a_bulk_load_counts_once_at_its_end_what_the_triggers_keep(tmp_path):
    written, loaded = churned_store(tmp_path / "w.db"), churned_store(tmp_path / "b.db", bulk=True)
    for table in ("timeline_days", "actor_pairs"):
        kept = f"SELECT * FROM {table} WHERE n != 0 ORDER BY 1, 2"
        assert [tuple(row) for row in loaded.execute(kept)] == [tuple(row) for row in written.execute(kept)], table
    assert counted_rows(loaded) == kept_rows(loaded)  # the writes after the load were kept by the triggers again
    assert len(kept_rows(loaded)) > 50


def test_a_bulk_load_that_fails_leaves_the_store_and_its_triggers_as_they_were(tmp_path):
    conn = churned_store(tmp_path / "s.db")
    before = (conn.execute("SELECT count(*) FROM events").fetchone()[0], kept_rows(conn))
    triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0]
    art = Article("late.md", "Line 900.", "Late", date(2024, 3, 1))
    with pytest.raises(RuntimeError), bulk_load(conn):
        insert_article(conn, art)
        insert_event(conn, random_event(random.Random(1), art, 900), {})
        raise RuntimeError("cut short")
    assert (conn.execute("SELECT count(*) FROM events").fetchone()[0], kept_rows(conn)) == before
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone()[0] == triggers == 9


def test_positions_from_the_day_counts_agree_with_the_rows(tmp_path):
    conn = churned_store(tmp_path / "s.db")
    ana = conn.execute("SELECT id FROM actors WHERE name = 'Ana Lima'").fetchone()[0]
    for flt, rows_sql, params in [
        (Filter(), "SELECT sort_key, id FROM events", ()),
        (Filter(persons=("Ana Lima",)), "SELECT sort_key, event_id FROM event_actors WHERE actor_id = ?", (ana,)),
        (Filter(countries=("JP",)), "SELECT x.sort_key, x.event_id FROM event_actors x JOIN actors a"
                                    " ON a.id = x.actor_id WHERE a.code = 'JP' AND a.kind = 'country'", ()),
    ]:
        keys = sorted(tuple(row) for row in conn.execute(rows_sql, params))
        assert count_events(conn, flt) == len(keys) > 20
        for index in (0, 1, len(keys) // 3, len(keys) // 2, len(keys) - 1, len(keys)):
            assert key_at(conn, flt, index) == (keys[index] if index < len(keys) else None)
            assert key_at(conn, flt, index, descending=True) == (keys[-1 - index] if index < len(keys) else None)
        for key in [keys[0], keys[len(keys) // 2], keys[-1], ("2024-01-15", 0.5), (UNDATED_SORT_KEY, 10 ** 9)]:
            assert count_before(conn, flt, key) == bisect_left(keys, key)
            assert count_before(conn, flt, key, descending=True) == sum(1 for k in keys if k > key)
        dated = {}
        for day, _ in keys:
            if day != UNDATED_SORT_KEY:
                dated[day] = dated.get(day, 0) + 1
        buckets = density(conn, flt, buckets=100)  # 41 days fit in days
        assert {b.label: b.count for b in buckets if b.count} == dated
        months = {month: sum(n for day, n in dated.items() if day.startswith(month)) for month in ("2024-01", "2024-02")}
        assert [(b.label, b.count) for b in density(conn, flt, buckets=2)] == list(months.items())
        assert [(b.label, b.count) for b in density(conn, flt, buckets=1)] == [("2024", sum(dated.values()))]


def test_a_version_8_store_counts_its_days_when_migrated(tmp_path):
    conn = churned_store(tmp_path / "s.db")
    expected = counted_rows(conn)
    conn.executescript(BEFORE_V9 + " UPDATE meta SET value = '8' WHERE key = 'schema_version';")
    conn.close()
    conn = connect(tmp_path / "s.db")
    assert kept_rows(conn) == expected
    with transaction(conn):  # and the triggers keep them from there
        conn.execute("UPDATE events SET sort_key = '2030-01-01' WHERE id = (SELECT min(id) FROM events)")
    assert kept_rows(conn) == counted_rows(conn)


def test_undated_events_are_counted_in_blocks_of_ids_and_found_across_them(tmp_path):
    conn = connect(tmp_path / "s.db", create=True)
    with transaction(conn):  # ids 1..9000: undated but every tenth, dated in 2024
        conn.executemany(
            "INSERT INTO events (id, start, end, precision, summary, sort_key) VALUES (?, ?, ?, ?, 'e', ?)",
            [(i, None, None, "undated", UNDATED_SORT_KEY) if i % 10 else
             (i, "2024-05-01", "2024-05-01", "day", "2024-05-01") for i in range(1, 9001)])
        conn.execute("DELETE FROM events WHERE id BETWEEN 5000 AND 5100")
    assert len([b for (actor, b) in kept_rows(conn) if b.startswith(UNDATED_SORT_KEY)]) == 3  # ids 0-4095, ...
    assert kept_rows(conn) == counted_rows(conn)
    keys = sorted(tuple(row) for row in conn.execute("SELECT sort_key, id FROM events"))
    for index in (0, 899, 900, 4000, 4500, 8000, len(keys) - 1):
        assert key_at(conn, Filter(), index) == keys[index]
        assert key_at(conn, Filter(), index, descending=True) == keys[-1 - index]
    for key in [(UNDATED_SORT_KEY, 4095), (UNDATED_SORT_KEY, 4096), (UNDATED_SORT_KEY, 4096.5),
                (UNDATED_SORT_KEY, 8191), (UNDATED_SORT_KEY, float("inf")), ("2024-05-01", 4100)]:
        assert count_before(conn, Filter(), key) == bisect_left(keys, key)
        assert count_before(conn, Filter(), key, descending=True) == sum(1 for k in keys if k > key)
