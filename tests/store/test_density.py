"""Events per time bucket: the unit chosen for the span, counts by start date, empty buckets kept, filters."""
from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.db import connect, insert_article, insert_event, transaction
from store.density import Bucket, bucket_index, density
from store.filter import Filter
from store.model import Article, Event, Source, When


def build(path: Path, events: list[tuple[When, list[str], list[str]]]):
    """A store holding one article and an event for each (when, persons, countries)."""
    art = Article("a.md", "Something happened.", "News", date(2025, 10, 10))
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, art)
        for number, (when, persons, countries) in enumerate(events):
            told = Source(art.id, art.path, art.title, art.published, "Something happened.", 0, 19)
            insert_event(conn, Event(when, f"event {number}", persons, countries, [told]), {})
    return conn


def day(iso: str) -> When:
    value = date.fromisoformat(iso)
    return When(value, value, "day")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Autumn 2025: two events in September (one Kim's), none in October, one in November; plus an undated
    one and a September month-long one (counted on its start, 1 September)."""
    conn = build(tmp_path_factory.mktemp("density") / "d.db", [
        (day("2025-09-01"), ["Kim Jong Un"], ["KP"]),
        (day("2025-09-30"), [], ["CN"]),
        (day("2025-11-15"), ["Kim Jong Un"], ["KP"]),
        (When.undated(), ["Kim Jong Un"], []),
        (When(date(2025, 9, 1), date(2025, 9, 30), "month"), [], ["RU"]),
    ])
    yield conn
    conn.close()


def test_a_span_of_76_days_gets_month_buckets_with_the_empty_month_kept(store):
    assert density(store, Filter()) == [
        Bucket("2025-09", 3, date(2025, 9, 1), date(2025, 9, 30)),
        Bucket("2025-10", 0, date(2025, 10, 1), date(2025, 10, 31)),
        Bucket("2025-11", 1, date(2025, 11, 1), date(2025, 11, 30)),
    ]


def test_day_buckets_when_they_fit(store):
    buckets = density(store, Filter(), buckets=76)  # 1 Sep .. 15 Nov is 30 + 31 + 15 days
    assert len(buckets) == 76
    assert buckets[0] == Bucket("2025-09-01", 2, date(2025, 9, 1), date(2025, 9, 1))
    assert buckets[29] == Bucket("2025-09-30", 1, date(2025, 9, 30), date(2025, 9, 30))
    assert buckets[-1] == Bucket("2025-11-15", 1, date(2025, 11, 15), date(2025, 11, 15))
    assert sum(bucket.count for bucket in buckets) == 4


def test_one_year_bucket_when_months_do_not_fit(store):
    assert density(store, Filter(), buckets=2) == [Bucket("2025", 4, date(2025, 1, 1), date(2025, 12, 31))]


def test_only_the_filtered_events_count_and_the_span_is_theirs(store):
    assert density(store, Filter(persons=("Kim Jong Un",))) == [
        Bucket("2025-09", 1, date(2025, 9, 1), date(2025, 9, 30)),
        Bucket("2025-10", 0, date(2025, 10, 1), date(2025, 10, 31)),
        Bucket("2025-11", 1, date(2025, 11, 1), date(2025, 11, 30)),
    ]
    assert density(store, Filter(countries=("CN",))) == [Bucket("2025-09-30", 1, date(2025, 9, 30), date(2025, 9, 30))]
    assert density(store, Filter(text="event 4")) == [Bucket("2025-09-01", 1, date(2025, 9, 1), date(2025, 9, 1))]


def test_nothing_dated_selected_gives_no_buckets(store):
    assert density(store, Filter(persons=("Nobody Known",))) == []
    assert density(store, Filter(since=date(2026, 1, 1))) == []


def test_undated_events_alone_give_no_buckets(tmp_path):
    conn = build(tmp_path / "undated.db", [(When.undated(), [], ["FR"])])
    assert density(conn, Filter()) == []


def test_decades_and_centuries_for_long_spans(tmp_path):
    conn = build(tmp_path / "long.db", [
        (When(date(1995, 1, 1), date(1995, 12, 31), "year"), [], []),
        (day("2025-10-09"), [], []),
        (day("2021-01-01"), [], []),
    ])
    assert density(conn, Filter(), buckets=10) == [  # 31 years: 4 decades
        Bucket("1990s", 1, date(1990, 1, 1), date(1999, 12, 31)),
        Bucket("2000s", 0, date(2000, 1, 1), date(2009, 12, 31)),
        Bucket("2010s", 0, date(2010, 1, 1), date(2019, 12, 31)),
        Bucket("2020s", 2, date(2020, 1, 1), date(2029, 12, 31)),
    ]
    assert density(conn, Filter(), buckets=3) == [  # 4 decades: 2 centuries
        Bucket("1900–1999", 1, date(1900, 1, 1), date(1999, 12, 31)),
        Bucket("2000–2099", 2, date(2000, 1, 1), date(2099, 12, 31)),
    ]


def test_buckets_reach_the_ends_of_the_calendar(tmp_path):
    conn = build(tmp_path / "ends.db", [(day("0001-01-01"), [], []), (day("9999-12-31"), [], [])])
    buckets = density(conn, Filter(), buckets=60)
    assert (buckets[0].start, buckets[-1].end) == (date(1, 1, 1), date(9999, 12, 31))
    assert (buckets[0].count, buckets[-1].count, len(buckets)) == (1, 1, 10)  # millennia 0–999 … 9000–9999


def test_bucket_index_finds_the_bucket_holding_a_day(store):
    buckets = density(store, Filter())
    assert bucket_index(buckets, date(2025, 10, 31)) == 1
    assert bucket_index(buckets, date(2025, 11, 30)) == 2
    assert bucket_index(buckets, date(2025, 12, 1)) is None
    assert bucket_index(buckets, None) is None


@settings(max_examples=30, deadline=None)
@given(
    starts=st.lists(st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)), min_size=1, max_size=8),
    wanted=st.integers(min_value=4, max_value=80),  # 1800–2100 fits in 4 centuries
)
def test_buckets_tile_the_span_and_count_every_dated_event(starts, wanted):
    with tempfile.TemporaryDirectory() as folder:
        conn = build(Path(folder) / "p.db", [(When(start, start, "day"), [], []) for start in starts])
        buckets = density(conn, Filter(), buckets=wanted)
        conn.close()
    assert len(buckets) <= wanted
    assert buckets[0].start <= min(starts) and max(starts) <= buckets[-1].end
    assert all(a.end + timedelta(days=1) == b.start for a, b in zip(buckets, buckets[1:]))
    assert sum(bucket.count for bucket in buckets) == len(starts)
    assert all(bucket.count == sum(bucket.start <= s <= bucket.end for s in starts) for bucket in buckets)
