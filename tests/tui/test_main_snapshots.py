"""Snapshots of the main screen (plain, filtered, at 80×24 with the sidebar folded away) and of the help, on the
hand-made store of timeline_store.py. Update with `pytest --snapshot-update` after checking the SVGs."""
from __future__ import annotations

import pytest

from tests.tui.timeline_store import build
from tui.app import make_app
from tui.screens.main import MainScreen


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("snapshots") / "timeline.db")


async def settle(pilot) -> None:
    for _ in range(6):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def main(app) -> MainScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, MainScreen))


def test_main_screen(snap_compare, store):
    async def run_before(pilot) -> None:
        await settle(pilot)
        for key in "jjj":
            await pilot.press(key)
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=(100, 30), run_before=run_before)


def test_main_screen_at_80_by_24_folds_the_sidebar(snap_compare, store):
    assert snap_compare(make_app(store), terminal_size=(80, 24), run_before=settle)


def test_filtered_view(snap_compare, store):
    async def run_before(pilot) -> None:
        await settle(pilot)
        main(pilot.app).toggle_actor("person", "Ana Lima")
        await settle(pilot)
        main(pilot.app).toggle_actor("country", "JP")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=(100, 30), run_before=run_before)


def test_help(snap_compare, store):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(store), terminal_size=(100, 30), run_before=run_before)
