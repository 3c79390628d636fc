"""Each actor's partners (`actor_pairs`) stay equal to the events that name both as events are stored, merged,
absorbed, renamed and deleted, and the facets under a one-actor filter read from them equal those counted from
the events."""
from __future__ import annotations

from store import selection as selection_module
from store.filter import Filter
from store.queries import counted_actors, facet_counts
from tests.store.test_day_counts import churned_store


def counted_pairs(conn) -> dict[tuple[int, int], int]:
    return {(a, b): n for a, b, n in conn.execute(
        "SELECT a.actor_id, b.actor_id, count(*) FROM event_actors a JOIN event_actors b"
        " ON b.event_id = a.event_id AND b.actor_id != a.actor_id GROUP BY a.actor_id, b.actor_id")}


def kept_pairs(conn) -> dict[tuple[int, int], int]:
    return {(a, b): n for a, b, n in conn.execute("SELECT actor_id, other_id, n FROM actor_pairs WHERE n != 0")}


def test_the_pairs_follow_every_write(tmp_path):
    conn = churned_store(tmp_path / "s.db")
    assert kept_pairs(conn) == counted_pairs(conn) and len(kept_pairs(conn)) >= 8


def test_facets_under_one_actor_read_from_the_pairs_equal_those_counted(tmp_path, monkeypatch):
    conn = churned_store(tmp_path / "s.db")
    filters = [Filter(persons=("Ana Lima",)), Filter(persons=("Cy Okafor",)), Filter(countries=("JP",))]
    read = [(facet_counts(conn, flt), counted_actors(conn, "person", flt), counted_actors(conn, "country", flt))
            for flt in filters]
    monkeypatch.setattr(selection_module.Selection, "day_counted", lambda self: None)  # count from the events
    counted = [(facet_counts(conn, flt), counted_actors(conn, "person", flt), counted_actors(conn, "country", flt))
               for flt in filters]
    assert read == counted
    ana = read[0][0]["person"]
    assert ana[0].key == "Ana Lima" and ana[0].count == max(c.count for c in ana)  # in every event of hers
    assert sum(len(kinds) for facets, *_ in read for kinds in facets.values()) > 6
