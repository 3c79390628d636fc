"""The browser's key view (d): the key dates of the filter with their top events, + and - for more or fewer, and d
again back to every event with the cursor's event kept (Pilot, on an invented store of store/digest's tests)."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.store.test_digest import Store
from tests.tui.test_app import SIZE, main, press, screen_text, settle
from tui.app import make_app

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Six days; day n (1..6) is stated by n articles, published on 7 May; each also tells a minor event dated by
    its publication."""
    path = tmp_path_factory.mktemp("keys") / "s.db"
    built = Store(path)
    for n in range(1, 7):
        for outlet in range(n):
            built.article(f"day{n}-outlet{outlet}", "2025-05-07", [
                (f"Storm number {n} hit the coast on May {n}.", f"2025-05-0{n}", f"May {n}"),
                (f"Outlet {outlet} of day {n} printed a correction.", "2025-05-07", None),
            ])
    built.conn.close()
    return path


async def test_d_shows_the_key_dates_events_and_d_again_every_event_with_the_cursor_kept(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        every = screen.timeline.view.total
        screen.key_date_count = 2
        await press(pilot, "d")
        assert screen.flt.only is not None and "key dates" in screen_text(app)
        # one event on each of the two most stated days, 5 and 6 May (the same storm told by each article once)
        assert [row.start.day for row in screen.reader.page(screen.flt, limit=10)] == [5, 6]
        await press(pilot, "j")
        kept = screen.timeline.row.id
        await press(pilot, "d")
        assert screen.flt.only is None and screen.timeline.view.total == every
        assert screen.timeline.row.id == kept


async def test_plus_and_minus_show_more_or_fewer_key_dates(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.key_date_count = 2
        await press(pilot, "plus")
        assert screen.flt.only is None  # not in the key view: + says to press d first
        await press(pilot, "d", "plus")
        # the six stated days; 7 May, whose events only their publication dates, would come last
        assert screen.key_date_count == 6 and screen.timeline.view.total == 6
        await press(pilot, "minus", "minus")
        assert screen.key_date_count == 1 and screen.timeline.view.total == 1


async def test_key_dates_arriving_after_the_key_view_was_left_are_not_shown(store):
    from store.filter import Filter
    from tui.messages import KeyDatesFound

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await press(pilot, "d", "d")  # in and out again
        assert screen.flt.only is None
        screen.post_message(KeyDatesFound(Filter(), (1, 2), 2, 6, screen.key_date_count))  # a late answer
        await settle(pilot)
        assert screen.flt.only is None and screen.timeline.view.total == 42


async def test_a_filter_changed_in_the_key_view_shows_nothing_mixed_until_its_key_dates_come(store):
    import threading

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.key_date_count = 2
        await press(pilot, "d")
        before, shown = screen.flt, screen.timeline.view.total
        assert before.only is not None and shown == 2
        held, asked = threading.Event(), screen.reader.key_dates
        screen.reader.key_dates = lambda *args: (held.wait(30), asked(*args))[1]  # the answer held back
        screen._set_filter(replace(before, text="storm"))
        await pilot.pause(0.2)
        screen._refresh_view()  # a recount meanwhile (a new order, a reload) shows the view as it was
        await pilot.pause(0.2)
        assert screen.flt == before and screen.timeline.view.total == shown
        held.set()
        await settle(pilot)
        assert screen.flt.only and screen.flt == replace(before, text="storm", only=screen.flt.only)
        assert [row.start.day for row in screen.reader.page(screen.flt, limit=10)] == [5, 6]
