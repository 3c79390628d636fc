"""The browser open while the store is written (an ingest beside it): it keeps working, notices the change, and
ctrl+r reads the store again keeping the filter and the event under the cursor."""
from __future__ import annotations

import shutil
import signal
from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, mark_changed, transaction
from store.model import Article, Event, Source, When
from store.queries import changes
from tests.processes import dateline
from tests.tui.test_app import SIZE, main, press, screen_text, settle, until
from tests.tui.timeline_store import TOTAL, build, summary_of
from tui.app import make_app
from tui.screens import main as main_screen

pytestmark = pytest.mark.anyio

STALE = "new in store: ctrl+r"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("changes") / "timeline.db")


@pytest.fixture
def store(built, tmp_path):
    return shutil.copy(built, tmp_path / "timeline.db")


def add_early_event(path) -> None:
    """Another writer adds one event in 2010, before every other: the timeline's indexes all move by one."""
    body = "Ana Lima opened the harbour in 2010."
    article = Article("news/late.md", body, "A late paper", date(2026, 2, 1))
    conn = connect(path)
    with transaction(conn):
        insert_article(conn, article)
        insert_event(conn, Event(When(date(2010, 5, 1), date(2010, 5, 1), "day"), "Ana Lima opened the harbour",
                                 ["Ana Lima"], ["FR"], [Source(article.id, article.path, article.title,
                                                               article.published, body, 0, len(body))]), {})
        mark_changed(conn)
    conn.close()


async def test_a_write_is_noticed_and_ctrl_r_shows_it_keeping_the_filter_and_the_cursor(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "p")
        await pilot.press(*"ana")
        await press(pilot, "enter")
        screen = main(app)
        assert screen.flt.persons == ("Ana Lima",) and screen.timeline.view.total == 48  # k % 4 == 0
        await press(pilot, "j", "j", "j")
        assert screen.timeline.row.summary == summary_of(12) and screen.timeline.cursor == 3

        add_early_event(store)
        screen._watch()
        await settle(pilot)
        assert screen.stale and STALE in screen_text(app)
        assert screen.timeline.view.total == 48  # nothing moves until the user asks

        await press(pilot, "ctrl+r")
        assert not screen.stale and STALE not in screen_text(app)
        assert screen.flt.persons == ("Ana Lima",) and screen.timeline.view.total == 49
        assert screen.timeline.row.summary == summary_of(12) and screen.timeline.cursor == 4
        assert screen.store_total == TOTAL + 1 and f"49 of {TOTAL + 1} events" in screen_text(app)
        await press(pilot, "g")
        assert screen.timeline.row.summary == "Ana Lima opened the harbour"


async def test_the_store_is_watched_on_a_timer_and_an_unchanged_store_raises_nothing(store, monkeypatch):
    monkeypatch.setattr(main_screen, "WATCH_INTERVAL", 0.05)
    looks = 0
    look = main_screen.MainScreen._watch

    def counted(screen) -> None:
        nonlocal looks
        looks += 1
        look(screen)

    monkeypatch.setattr(main_screen.MainScreen, "_watch", counted)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await until(pilot, lambda: looks >= 3)  # counted looks, not a time: a busy machine ticks late
        await settle(pilot)
        assert looks >= 3 and not main(app).stale and STALE not in screen_text(app)
        add_early_event(store)
        await until(pilot, lambda: main(app).stale)
        await settle(pilot)
        assert main(app).stale and STALE in screen_text(app)


async def test_f5_reloads_too_and_a_reload_without_change_keeps_everything(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "G")
        await press(pilot, "f5")
        screen = main(app)
        assert screen.timeline.cursor == TOTAL - 1 and screen.timeline.view.total == TOTAL


def write_articles(folder, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03}.md").write_text(
            f"---\npublished: 2024-05-{n % 28 + 1:02}\n---\nFrance and Japan signed trade deal number {n} on "
            f"March {n % 28 + 1}, {1990 + n}.\n", encoding="utf-8")


async def test_keys_work_while_a_writer_holds_a_write_transaction_open(store):
    """WAL: readers never wait for a writer. The write shows after it commits and the user reloads."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        writer = connect(store)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM events_fts")  # a big uncommitted change: readers must not see it
        writer.execute("UPDATE events SET summary = 'rewritten'")
        try:
            await press(pilot, "G", "enter")
            assert len(app.screen.sources) == 1  # the sources screen read its rows
            await press(pilot, "escape", "g", "slash")
            await pilot.press(*"harbour")
            await press(pilot, "enter")
            screen = main(app)
            assert screen.timeline.row.summary == summary_of(7)  # the search index as committed
            assert not any(n.title == "Store error" for n in app._notifications)
        finally:
            writer.rollback()
            writer.close()


def changes_in(path) -> int:
    conn = connect(path, readonly=True)
    try:
        return changes(conn)
    finally:
        conn.close()


def events_in(path) -> int:
    conn = connect(path, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        conn.close()


async def test_browsing_goes_on_while_dateline_ingest_writes_and_a_reload_shows_its_events(store, tmp_path):
    folder = tmp_path / "articles"
    write_articles(folder, 2000)  # far more than the test waits for: the ingest is stopped once keys ran beside it
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ingest = dateline("ingest", str(folder), "--db", str(store))
        screen = main(app)
        keys = ["pagedown", "G", "g", "enter", "escape", "right_square_bracket", "j"]
        presses = moves_while_writing = 0
        try:
            while ingest.poll() is None and moves_while_writing < 4:  # paging, ends, the sources screen
                before = changes_in(store)
                await press(pilot, keys[presses % len(keys)])
                presses += 1
                moves_while_writing += before > 0 and ingest.poll() is None and changes_in(store) > before
        finally:
            ingest.send_signal(signal.SIGINT)  # as Ctrl-C: the batches written are kept
            _, err = ingest.communicate(timeout=120)
        assert moves_while_writing == 4, err
        assert ingest.returncode == 130, err
        if app.screen is not screen:  # the loop ended on the sources screen
            await press(pilot, "escape")
        assert not any(n.title == "Store error" for n in app._notifications)
        assert screen.timeline.view.total == TOTAL

        stored = events_in(store)
        assert stored > TOTAL
        screen._watch()
        await settle(pilot)
        assert STALE in screen_text(app)
        await press(pilot, "ctrl+r")
        assert screen.store_total == stored and screen.timeline.view.total == stored
        await press(pilot, "g")
        assert screen.timeline.row.summary.startswith("France and Japan signed trade deal number 0")
        assert screen.timeline.row.start == date(1990, 3, 1)
