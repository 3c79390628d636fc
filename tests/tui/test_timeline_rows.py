"""The timeline's row cache: which keyset read fills a window (from a neighbour, a cut, either end, or a seek),
and that running the reads against a store gives exactly the rows of a full scan."""
from __future__ import annotations

import random

import pytest

from store.filter import Filter
from tests.tui.timeline_store import TOTAL, build
from tui.reader import StoreReader
from tui.widgets.timeline_rows import NEAR, Fetch, TimelineRows


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    return StoreReader(build(tmp_path_factory.mktemp("rows") / "t.db"))


def rows_of(reader: StoreReader, descending: bool = False):
    return reader.page(Filter(), limit=TOTAL, descending=descending)


def test_plan_reads_forward_from_the_start_and_from_a_cached_row(reader):
    cache = TimelineRows(TOTAL)
    assert cache.plan(0, 30) == Fetch(0, 30)
    everything = rows_of(reader)
    cache.add(0, everything[:30])
    assert cache.plan(0, 30) is None
    assert cache.plan(10, 50) == Fetch(30, 20, everything[29].key)


def test_plan_reads_backward_from_the_end_and_from_a_cached_row(reader):
    everything = rows_of(reader)
    cache = TimelineRows(TOTAL)
    assert cache.plan(TOTAL - 20, TOTAL + 5) == Fetch(TOTAL - 1, 20, None, backward=True)
    cache.add(150, everything[150:170])
    # Rows 120..149 end just before cached row 150: read down from its key (nearer than row 0 is).
    assert cache.plan(120, 150) == Fetch(149, 30, everything[150].key, backward=True)


def test_plan_seeks_only_when_no_cached_row_is_near(reader):
    row = rows_of(reader)[50]  # any row serves as the one a jump landed on
    cache = TimelineRows(10_000)
    assert cache.plan(5_000, 5_040) == Fetch(5_000, 40, seek=True)
    cache.add(4_999, [row])
    assert cache.plan(5_000, 5_040) == Fetch(5_000, 40, row.key)
    assert cache.plan(4_990, 4_999) == Fetch(4_998, 9, row.key, backward=True)
    # A cached row more than NEAR rows away is not walked from.
    assert cache.plan(5_001 + NEAR, 5_010 + NEAR).seek


def test_rows_missing_both_sides_of_a_new_view_are_read_on_from_it_nearest_the_screen_first(reader):
    everything = rows_of(reader)
    cache = TimelineRows(10_000)
    cache.add(5_000, everything[:60])  # what a new view brings: rows about the cursor, 5,000 … 5,059
    screen = (5_020, 5_040)  # 21 rows from either run
    # rows missing either side: the later run is as near the screen; it is read on from the last row read
    assert cache.plan(4_900, 5_150, near=screen) == Fetch(5_060, 90, everything[59].key)
    cache.add(5_060, everything[60:150])
    assert cache.plan(4_900, 5_150, near=screen) == Fetch(4_999, 100, everything[0].key, backward=True)
    # the run nearer the screen goes first
    cache = TimelineRows(10_000)
    cache.add(5_000, everything[:60])
    assert cache.plan(4_950, 5_200, near=(4_990, 5_020)).backward
    # without a screen to be near, as before: the first run, here a seek over the rows between
    assert TimelineRows(10_000).plan(4_900, 5_150) == Fetch(4_900, 250, seek=True)


def test_cache_keeps_the_rows_nearest_the_cursor(reader):
    everything = rows_of(reader)
    cache = TimelineRows(TOTAL, keep=50)
    cache.add(0, everything[:100], around=90)
    assert len(cache) == 50
    assert cache.get(90) is everything[90] and cache.get(0) is None


@pytest.mark.parametrize("descending", [False, True])
def test_reads_planned_for_random_windows_give_the_rows_of_a_full_scan(reader, descending):
    everything = rows_of(reader, descending)
    cache = TimelineRows(TOTAL, keep=60)
    jumps = random.Random(7)
    for _ in range(40):
        start = jumps.randrange(TOTAL)
        while (fetch := cache.plan(start, start + 25)) is not None:
            first, rows = fetch.run(reader, Filter(), descending)
            assert rows == everything[first:first + len(rows)]
            cache.add(first, rows, around=start)
        assert all(cache.get(i) == everything[i] for i in range(start, min(TOTAL, start + 25)))


@pytest.mark.parametrize("descending", [False, True])
def test_a_seek_reads_the_rows_from_its_index(reader, descending):
    everything = rows_of(reader, descending)
    assert Fetch(100, 10, seek=True).run(reader, Filter(), descending) == (100, everything[100:110])
    assert Fetch(TOTAL, 10, seek=True).run(reader, Filter(), descending) == (TOTAL, [])
