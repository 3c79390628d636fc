"""The pairs screen (w): who met whom under the view's filter; Enter filters the timeline to both."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When
from tests.tui.test_app import main, press, screen_text, settle
from tui.app import make_app
from tui.screens.pairs import PairsScreen

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Ana Lima and Bo Chen meet in France twice; Ana alone in Germany; Bo alone, undated."""
    path = tmp_path_factory.mktemp("pairs") / "p.db"
    art = Article("a.md", "Something happened.", "News", date(2025, 3, 21))
    told = Source(art.id, art.path, art.title, art.published, "Something happened.", 0, 19)
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, art)
        for number, (when, persons, countries) in enumerate((
                (When(date(2025, 1, 5), date(2025, 1, 5), "day"), ["Ana Lima", "Bo Chen"], ["FR"]),
                (When(date(2025, 3, 10), date(2025, 3, 10), "day"), ["Ana Lima", "Bo Chen"], ["FR"]),
                (When(date(2025, 3, 20), date(2025, 3, 20), "day"), ["Ana Lima"], ["DE"]),
                (When.undated(), ["Bo Chen"], ["FR"]))):
            insert_event(conn, Event(when, f"Event {number}", persons, countries, [told]), {})
    conn.close()
    return path


async def test_w_lists_the_pairs_and_enter_filters_the_timeline_to_both(store):
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "w")
        assert isinstance(app.screen, PairsScreen)
        text = screen_text(app)
        assert "4 pairs sharing most of 4 events" in text
        lines = [line for line in text.splitlines() if "Bo Chen" in line and "France" in line]
        assert lines and lines[0].split()[:5] == ["Bo", "Chen", "France", "3", "█"]
        await press(pilot, "j", "enter")  # the second pair: Ana Lima and Bo Chen (2), before Ana Lima and France
        assert not isinstance(app.screen, PairsScreen)
        assert (main(app).flt.persons, main(app).timeline.view.total) == (("Ana Lima", "Bo Chen"), 2)


async def test_escape_leaves_the_filter_as_it_was(store):
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "w", "escape")
        assert main(app).timeline.view.total == 4 and main(app).flt.persons == ()


def test_snapshot_of_the_pairs_screen(store, snap_compare):
    async def counted(pilot) -> None:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=(100, 16), run_before=counted)
