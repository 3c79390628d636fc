"""Who met whom: actor pairs sharing most events, with when they did."""
from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction
from store.filter import Filter
from store.model import Article, Event, Source, When
from store.pairs import actor_pairs, sparkline


def day(iso: str) -> When:
    d = date.fromisoformat(iso)
    return When(d, d, "day")


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    """E1 Ana+Bo in FR on 5 Jan; E2 Ana+Bo in FR and DE on 10 Mar; E3 Ana in DE on 20 Mar; E4 Bo in FR, undated;
    E5 names only an organisation."""
    path = tmp_path_factory.mktemp("pairs") / "p.db"
    art = Article("a.md", "Something happened.", "News", date(2025, 3, 21))
    told = Source(art.id, art.path, art.title, art.published, "Something happened.", 0, 19)
    connection = connect(path, create=True)
    with transaction(connection):
        insert_article(connection, art)
        for when, persons, countries in ((day("2025-01-05"), ["Ana Lima", "Bo Chen"], ["FR"]),
                                         (day("2025-03-10"), ["Ana Lima", "Bo Chen"], ["FR", "DE"]),
                                         (day("2025-03-20"), ["Ana Lima"], ["DE"]),
                                         (When.undated(), ["Bo Chen"], ["FR"])):
            insert_event(connection, Event(when, "x", persons, countries, [told]), {})
        insert_event(connection, Event(day("2025-02-01"), "y", [], [], [told], orgs=["Acme", "Beta"]), {})
    yield connection
    connection.close()


def test_pairs_are_counted_most_first_persons_before_countries_and_organisations_left_out(conn):
    found = actor_pairs(conn, Filter())
    assert [(p.first.name, p.second.name, p.count) for p in found.pairs] == [
        ("Bo Chen", "France", 3),
        ("Ana Lima", "Bo Chen", 2), ("Ana Lima", "France", 2), ("Ana Lima", "Germany", 2),
        ("Bo Chen", "Germany", 1), ("France", "Germany", 1),
    ]
    assert (found.counted, found.selected, found.span) == (5, 5, (date(2025, 1, 5), date(2025, 3, 20)))
    bo_france = found.pairs[0]
    assert (bo_france.first.key, bo_france.second.key) == ("Bo Chen", "FR")  # what a filter names them by
    assert (bo_france.first_day, bo_france.last_day) == (date(2025, 1, 5), date(2025, 3, 10))  # undated E4 left out
    # 12 stretches of the 75 days: 5 Jan is in the first, 10 Mar (day 64) in the eleventh
    assert bo_france.spread == (1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0)
    assert sparkline(bo_france.spread) == "█         █ "


def test_pairs_under_a_filter_and_over_a_window_of_the_latest_events(conn):
    found = actor_pairs(conn, Filter(countries=("DE",)))
    assert [(p.first.name, p.second.name, p.count) for p in found.pairs][:2] == [
        ("Ana Lima", "Germany", 2), ("Ana Lima", "Bo Chen", 1)]
    latest = actor_pairs(conn, Filter(), window=2)  # the undated E4 and E3 (20 Mar) sort last
    assert (latest.counted, latest.selected) == (2, 5)
    assert [(p.first.name, p.second.name) for p in latest.pairs] == [("Ana Lima", "Germany"), ("Bo Chen", "France")]
    assert actor_pairs(conn, Filter(persons=("Nobody",))).pairs == []
