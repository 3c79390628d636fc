"""Row positions in the filtered timeline: rows before a keyset position, and the key of the row at an index."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect
from store.filter import Filter
from store.positions import count_before, key_at
from store.queries import UNDATED_SORT_KEY
from tests.tui.timeline_store import TOTAL, build


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    conn = connect(build(tmp_path_factory.mktemp("positions") / "t.db"), readonly=True)
    yield conn
    conn.close()


def test_count_before_a_date_and_between_rows(conn):
    # 2 rows (2015, 2023) come before 2024; 8 a month after that.
    assert count_before(conn, Filter(), ("2024-01-01", 0)) == 2
    assert count_before(conn, Filter(), ("2024-03-01", 0)) == 2 + 16
    assert count_before(conn, Filter(), (UNDATED_SORT_KEY, 0)) == TOTAL - 1
    # Newest first: only the undated row comes before the last day of 2025.
    assert count_before(conn, Filter(), ("2025-12-31", float("inf")), descending=True) == 1
    # Monthly event k has id k + 3: just before k = 2 (id 5, 7 Jan 2024) come 2015, 2023, k = 0 and k = 1.
    assert count_before(conn, Filter(), ("2024-01-07", 4.5)) == 4


def test_count_before_under_a_filter(conn):
    ana = Filter(persons=("Ana Lima",))  # k = 0, 4, 8, ...: one event in 4
    assert count_before(conn, ana, ("2024-03-01", 0)) == 4  # k = 0, 4, 8, 12 of the first 16
    assert count_before(conn, Filter(persons=("Nobody",)), ("2024-03-01", 0)) == 0


def test_key_at_finds_the_row_at_an_index(conn):
    assert key_at(conn, Filter(), 0) == ("2015-01-01", 1)
    assert key_at(conn, Filter(), 2) == ("2024-01-01", 3)
    assert key_at(conn, Filter(), TOTAL - 1) == (UNDATED_SORT_KEY, TOTAL)
    assert key_at(conn, Filter(), TOTAL) is None
    assert key_at(conn, Filter(), 0, descending=True) == (UNDATED_SORT_KEY, TOTAL)
    assert key_at(conn, Filter(persons=("Ana Lima",)), 1) == (date(2024, 1, 13).isoformat(), 4 + 3)
