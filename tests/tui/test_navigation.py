"""Where jumps land, worked out by hand on the test store (see timeline_store.py for its layout)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from store.filter import Filter
from store.model import When
from tests.tui.timeline_store import TOTAL, build, index_of
from tui.navigation import hit_keys, next_hit, place_of, place_of_date, place_of_step
from tui.reader import StoreReader

ANA = Filter(persons=("Ana Lima",))  # monthly events k = 0, 4, 8, ...: 48 of them


@pytest.fixture(scope="module")
def reader(tmp_path_factory):
    return StoreReader(build(tmp_path_factory.mktemp("nav") / "t.db"))


def row_at(reader, index, flt=Filter(), descending=False):
    return reader.page(flt, limit=index + 1, descending=descending)[index]


def month(year: int, number: int) -> When:
    return When(date(year, number, 1), date(year, number, 28), "month")


def test_a_date_lands_on_its_first_event_in_either_order(reader):
    assert place_of_date(reader, Filter(), False, month(2025, 3), TOTAL).index == index_of(8 * 14)
    # Newest first: the first row is the undated one, then Dec 2025 down; March's last event comes first.
    place = place_of_date(reader, Filter(), True, When(date(2025, 3, 1), date(2025, 3, 31), "month"), TOTAL)
    assert place.index == TOTAL - 1 - index_of(8 * 14 + 7)
    assert place_of_date(reader, Filter(), False, month(2030, 1), TOTAL).index == TOTAL - 1
    assert place_of_date(reader, ANA, False, month(2024, 2), 48).index == 2  # k = 0, 4 are in January


def test_an_event_keeps_its_place_when_the_filter_or_the_order_changes(reader):
    row = row_at(reader, index_of(8))  # k = 8: Ana Lima's third event
    assert place_of(reader, ANA, False, row, 48).index == 2
    assert place_of(reader, Filter(), True, row, TOTAL).index == TOTAL - 1 - index_of(8)
    # k = 9 is not Ana Lima's: the next of hers (k = 12) takes its place.
    assert place_of(reader, ANA, False, row_at(reader, index_of(9)), 48).index == 3


def test_month_and_year_steps_skip_periods_without_events(reader):
    march = row_at(reader, index_of(8 * 14 + 3))  # 10 Mar 2025
    assert place_of_step(reader, Filter(), False, march, "month", True, TOTAL).index == index_of(8 * 15)
    assert place_of_step(reader, Filter(), False, march, "month", False, TOTAL).index == index_of(8 * 13)
    jan_2024 = row_at(reader, index_of(2))
    assert place_of_step(reader, Filter(), False, jan_2024, "month", False, TOTAL).index == 1  # Jun 2023
    assert place_of_step(reader, Filter(), False, jan_2024, "year", False, TOTAL).index == 1
    assert place_of_step(reader, Filter(), False, row_at(reader, 1), "year", False, TOTAL).index == 0  # 2015
    assert place_of_step(reader, Filter(), False, row_at(reader, 0), "year", False, TOTAL) is None
    assert place_of_step(reader, Filter(), False, row_at(reader, 0), "year", True, TOTAL).index == 1
    # From the last dated month, the undated events are next; nothing is later than them.
    december = row_at(reader, index_of(191))
    assert place_of_step(reader, Filter(), False, december, "month", True, TOTAL).index == TOTAL - 1
    assert place_of_step(reader, Filter(), False, row_at(reader, TOTAL - 1), "month", True, TOTAL) is None


def test_steps_newest_first_land_on_the_top_of_the_month(reader):
    march = row_at(reader, TOTAL - 1 - index_of(8 * 14 + 3), descending=True)
    later = place_of_step(reader, Filter(), True, march, "month", True, TOTAL)
    assert later.index == TOTAL - 1 - index_of(8 * 15 + 7)  # April's last event, at the top of April
    earlier = place_of_step(reader, Filter(), True, march, "month", False, TOTAL)
    assert earlier.index == TOTAL - 1 - index_of(8 * 13 + 7)


def test_search_hits_go_round_in_display_order(reader):
    # "harbour" is in k = 7, 57, 107, 157.
    first = next_hit(reader, Filter(), False, "harbour", row_at(reader, 0))
    assert (first.place.index, first.number, first.count, first.wrapped) == (index_of(7), 1, 4, False)
    second = next_hit(reader, Filter(), False, "harbour", first.place.row)
    assert second.place.index == index_of(57) and second.number == 2
    back = next_hit(reader, Filter(), False, "harbour", first.place.row, backward=True)
    assert (back.place.index, back.number, back.wrapped) == (index_of(157), 4, True)
    same = next_hit(reader, Filter(), False, "harbour", first.place.row, include_row=True)
    assert same.place.index == index_of(7)
    newest = next_hit(reader, Filter(), True, "harbour", None)
    assert (newest.place.index, newest.number) == (TOTAL - 1 - index_of(157), 1)
    assert next_hit(reader, Filter(), False, "zeppelin", None) is None


@pytest.mark.parametrize("flt", [Filter(), ANA])
def test_hits_read_once_land_where_the_store_asked_at_each_press_lands(reader, flt):
    """The kept hits (n, N and "k of n" found in memory) against the store's answer at every row, both orders,
    both ways, with and without the row itself."""
    kept = hit_keys(reader, flt, "harbour")
    assert kept.keys is not None and len(kept.keys) == reader.count(replace(flt, text="harbour"))
    rows = [None] + reader.page(flt, limit=1000)
    for descending in (False, True):
        for row in rows[::7]:
            for backward in (False, True):
                for include_row in (False, True):
                    asked = next_hit(reader, flt, descending, "harbour", row, backward, include_row)
                    found = next_hit(reader, flt, descending, "harbour", row, backward, include_row, kept)
                    assert found == asked
    assert hit_keys(reader, flt, "zeppelin").keys == []
    assert next_hit(reader, flt, False, "zeppelin", None, kept=hit_keys(reader, flt, "zeppelin")) is None


def test_a_search_with_more_hits_than_are_kept_asks_the_store_at_each_press(reader, monkeypatch):
    import tui.navigation as navigation

    monkeypatch.setattr(navigation, "MAX_KEPT_HITS", 3)
    kept = hit_keys(reader, Filter(), "harbour")  # four hits
    assert kept.keys is None
    row = row_at(reader, 0)
    assert next_hit(reader, Filter(), False, "harbour", row, kept=kept) == next_hit(reader, Filter(), False, "harbour", row)


def test_a_search_with_few_hits_has_them_read_at_its_first_press_and_one_with_many_does_not(reader, monkeypatch):
    import tui.navigation as navigation

    at_once, count = navigation.hit_keys_at_once(reader, Filter(), "harbour")
    assert at_once == hit_keys(reader, Filter(), "harbour") and len(at_once.keys) == count == 4
    monkeypatch.setattr(navigation, "KEYS_AT_ONCE", 3)
    assert navigation.hit_keys_at_once(reader, Filter(), "harbour") == (None, 4)  # read after the first hit


def test_a_kept_hit_gone_from_the_store_meanwhile_asks_the_store(reader):
    from tui.navigation import HitKeys

    gone = HitKeys(replace(Filter(), text="harbour"), [("2024-01-01", 10**9)])  # an id the store no longer holds
    row = row_at(reader, 0)
    assert next_hit(reader, Filter(), False, "harbour", row, kept=gone) == next_hit(reader, Filter(), False, "harbour",
                                                                                    row)


@pytest.mark.parametrize("hits", [Filter(text="harbour"), Filter(text="march"), replace(ANA, text="march")])
@pytest.mark.parametrize("walked", [1, 5, 60, 100_000])
def test_a_search_walked_from_a_row_finds_the_page_its_hits_read_all_at_once_give(reader, hits, walked, monkeypatch):
    import store.queries as queries

    flt = replace(hits, text="")
    rows = [None] + reader.page(flt, limit=1000)
    expected = {}
    monkeypatch.setattr(queries, "WALKED_PAGE", 0)  # every hit read and sorted
    for descending in (False, True):
        for row in rows[::5]:
            for limit in (1, 2):
                expected[descending, row, limit] = reader.page(hits, None if row is None else row.key, limit, descending)
    monkeypatch.setattr(queries, "WALKED_PAGE", 5)
    monkeypatch.setattr(queries, "WALK_ROWS", walked)  # the next hits looked for among this many rows first
    for (descending, row, limit), page in expected.items():
        assert reader.page(hits, None if row is None else row.key, limit, descending) == page
    assert sum(1 for page in expected.values() if page) > 20
    assert reader.count(hits) < reader.count(flt)


def test_a_hit_among_more_than_are_ranked_at_once_gets_its_rank_from_the_hits_read_after(reader, monkeypatch):
    import tui.navigation as navigation

    ranked = next_hit(reader, Filter(), True, "harbour", row_at(reader, 10))
    monkeypatch.setattr(navigation, "KEYS_AT_ONCE", 3)  # four hits
    unranked = next_hit(reader, Filter(), True, "harbour", row_at(reader, 10))
    assert unranked == replace(ranked, number=None) and ranked.number == 4
    assert navigation.number_of(hit_keys(reader, Filter(), "harbour").keys, unranked.place.row, True) == 4
    assert navigation.number_of([], unranked.place.row, True) is None
