"""The density sparkline, mounted alone in a small app: bars scaled to the busiest bucket, the labels of the
first and last buckets, the cursor's bucket marked, and the bar fitted to the width."""
from __future__ import annotations

from datetime import date

import pytest
from textual.app import App, ComposeResult

from store.density import Bucket
from tui.widgets.density import Density, bar_levels, cell_ranges

pytestmark = pytest.mark.anyio


def month(number: int, count: int) -> Bucket:
    return Bucket(f"2025-{number:02d}", count, date(2025, number, 1), date(2025, number, 28))


FOUR = [month(1, 8), month(2, 0), month(3, 1), month(4, 4)]


def test_cells_spread_few_buckets_and_sum_many():
    assert cell_ranges(4, 8) == [range(0, 1)] * 2 + [range(1, 2)] * 2 + [range(2, 3)] * 2 + [range(3, 4)] * 2
    assert cell_ranges(3, 7) == [range(0, 1)] * 3 + [range(1, 2)] * 2 + [range(2, 3)] * 2
    assert cell_ranges(6, 3) == [range(0, 2), range(2, 4), range(4, 6)]
    assert cell_ranges(7, 3) == [range(0, 2), range(2, 4), range(4, 7)]
    assert cell_ranges(0, 5) == []


def test_bars_scale_to_the_largest_and_only_empty_buckets_are_blank():
    assert bar_levels([8, 0, 1, 4]) == "█ ▁▄"
    assert bar_levels([100, 1]) == "█▁"
    assert bar_levels([0, 0]) == "  "


class DensityApp(App):
    def compose(self) -> ComposeResult:
        yield Density()


def cursor_cells(density: Density) -> str:
    """The characters drawn in the cursor style."""
    line = density.render()
    cursor = density.get_component_rich_style("density--cursor")
    return "".join(line.plain[span.start:span.end] for span in line.spans if span.style == cursor)


async def test_labels_bars_and_the_cursor_bucket():
    app = DensityApp()
    async with app.run_test(size=(26, 3)) as pilot:  # 24 cells inside the padding: 8 + 8 + 8
        density = app.query_one(Density)
        density.set_data(FOUR, cursor_index=3)
        await pilot.pause()
        assert density.render().plain == "2025-01 ██  ▁▁▄▄ 2025-04"
        assert cursor_cells(density) == "▄▄"
        density.set_cursor(1)
        assert cursor_cells(density) == "  "
        density.set_cursor(None)
        assert cursor_cells(density) == ""
        density.set_cursor(4)  # past the last bucket: no mark
        assert cursor_cells(density) == ""


async def test_many_buckets_are_summed_into_the_room_there_is():
    app = DensityApp()
    async with app.run_test(size=(30, 3)) as pilot:  # 28 cells: the labels leave 12
        density = app.query_one(Density)
        density.set_data([month(1 + i % 12, 1 + i % 2) for i in range(24)], cursor_index=23)  # counts 1, 2, …
        await pilot.pause()
        assert density.render().plain == "2025-01 ████████████ 2025-12"  # two buckets a cell: all sum to 3
        assert cursor_cells(density) == "█"  # the last cell holds buckets 22 and 23


async def test_a_narrow_bar_drops_the_labels_and_one_bucket_has_one_label():
    app = DensityApp()
    async with app.run_test(size=(20, 3)) as pilot:  # 18 cells: labels would leave 2 for 4 buckets
        density = app.query_one(Density)
        density.set_data(FOUR, cursor_index=0)
        await pilot.pause()
        assert density.render().plain == "█████    ▁▁▁▁▁▄▄▄▄"  # 18 cells for 4 buckets: 5, 4, 5, 4
        density.set_data([month(9, 2)], cursor_index=0)
        assert density.render().plain == "2025-09 " + "█" * 10


async def test_no_buckets_say_there_is_no_dated_event():
    app = DensityApp()
    async with app.run_test(size=(40, 3)) as pilot:
        density = app.query_one(Density)
        density.set_data([], cursor_index=None)
        await pilot.pause()
        assert density.render().plain == "no dated events"
