"""The first view read while Textual loads: the same view as read on demand, and the interpreter's GIL switch
interval (shortened so that the read is not starved by the import beside it) back as it was once it is read."""
from __future__ import annotations

import sys

import pytest

from store.db import StoreError
from store.filter import Filter
from tests.tui.timeline_store import TOTAL, build
from tui.reader import FIRST_ROWS, PREFETCH_SWITCH_INTERVAL, StoreReader


def test_the_prefetched_first_view_is_the_one_read_on_demand_and_the_switch_interval_is_restored(tmp_path):
    path = build(tmp_path / "t.db")
    before = sys.getswitchinterval()
    assert before != PREFETCH_SWITCH_INTERVAL
    reader = StoreReader(path)
    reader.prefetch_first_view()
    view = reader.first_view()
    assert sys.getswitchinterval() == before
    assert view.total == TOTAL and view.rows == StoreReader(path).page(Filter(), limit=FIRST_ROWS)


def test_a_failed_prefetch_restores_the_switch_interval_too(tmp_path):
    before = sys.getswitchinterval()
    reader = StoreReader(tmp_path / "missing.db")
    reader.prefetch_first_view()
    with pytest.raises(StoreError):
        reader.first_view()
    assert sys.getswitchinterval() == before
