"""One event as a timeline row (`event_row`) and one article whole (`article`), as the sources and article
screens read them."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When
from store.queries import article, event_row

VISIT = "Chinese Premier Li Qiang will visit Pyongyang on Thursday."
TALKS = "Officials said talks will resume."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    visit = Article("news/li.md", f"Intro.\n\n{VISIT}", "Li Qiang to visit", date(2025, 10, 7),
                    url="https://example.com/li")
    talks = Article("news/talks.md", TALKS)  # no title, date or url
    conn = connect(tmp_path_factory.mktemp("article") / "a.db", create=True)
    with transaction(conn):
        insert_article(conn, visit)
        insert_article(conn, talks)
        start = visit.body.index(VISIT)
        insert_event(conn, Event(
            When(date(2025, 10, 9), date(2025, 10, 9), "day"), "Li Qiang visits North Korea", ["Li Qiang"],
            ["CN", "KP"],
            [Source(visit.id, visit.path, visit.title, visit.published, VISIT, start, start + len(VISIT)),
             Source(talks.id, talks.path, "", None, TALKS, 0, len(TALKS))],
        ), {"Li Qiang": "CN"})
        insert_event(conn, Event(When.undated(), "Talks resume", [], [],
                                 [Source(talks.id, talks.path, "", None, TALKS, 0, len(TALKS))]), {})
    yield conn, visit, talks
    conn.close()


def test_article_comes_back_whole_with_its_metadata(store):
    conn, visit, _ = store
    row = article(conn, visit.id)
    assert (row.id, row.path, row.title, row.published, row.url) == (
        visit.id, "news/li.md", "Li Qiang to visit", date(2025, 10, 7), "https://example.com/li")
    assert row.body == f"Intro.\n\n{VISIT}"


def test_article_without_metadata_has_empty_title_and_no_date_or_url(store):
    conn, _, talks = store
    row = article(conn, talks.id)
    assert (row.title, row.published, row.url, row.body) == ("", None, None, TALKS)


def test_unknown_article_is_none(store):
    conn, _, _ = store
    assert article(conn, "0" * 32) is None


def test_event_row_carries_date_actors_and_source_count(store):
    conn, _, _ = store
    row = event_row(conn, 1)
    assert (row.id, row.start, row.end, row.precision, row.summary) == (
        1, date(2025, 10, 9), date(2025, 10, 9), "day", "Li Qiang visits North Korea")
    assert (row.persons, row.countries, row.n_sources) == (("Li Qiang",), ("CN", "KP"), 2)


def test_event_row_of_an_undated_event_without_actors(store):
    conn, _, _ = store
    row = event_row(conn, 2)
    assert (row.start, row.precision, row.persons, row.countries, row.n_sources) == (None, "undated", (), (), 1)
    assert row.sort_key == "9999-99-99"


def test_unknown_event_is_none(store):
    conn, _, _ = store
    assert event_row(conn, 99) is None
