"""The browser at the ends of the calendar: a store written by an older dateline may hold events dated
0001-01-01 and 9999-12-31 (outside today's range of event years); every date step, jump and the sparkline
must stay safe there."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction
from store.filter import Filter
from store.model import Article, Event, Source, When
from tests.tui.test_app import SIZE, main, press, screen_text, settle, type_text
from tui.app import make_app
from tui.navigation import place_of_date, place_of_step
from tui.reader import StoreReader

pytestmark = pytest.mark.anyio

FIRST, MIDDLE, LAST = date(1, 1, 1), date(2025, 3, 3), date(9999, 12, 31)
# Timeline order, oldest first: 0001-01-01, 2025-03-03, 9999-12-31, undated.
SENTENCES = ("Ana Lima arrived in year one.", "Ana Lima met Ben Okoro in Paris.",
             "Ana Lima left at the end of time.", "Nobody knows when.")


def build(path, undated: bool = True):
    body = " ".join(SENTENCES)
    article = Article("old/ends.txt", body, "Ends of the calendar", date(2025, 6, 1))
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, article)
        dates = [(FIRST, FIRST, "day"), (MIDDLE, MIDDLE, "day"), (LAST, LAST, "day")]
        for (start, end, precision), sentence in zip(dates, SENTENCES):
            at = body.index(sentence)
            source = Source(article.id, article.path, article.title, article.published, sentence, at, at + len(sentence))
            insert_event(conn, Event(When(start, end, precision), sentence, ["Ana Lima"], ["FR"], [source]), {})
        if undated:
            at = body.index(SENTENCES[3])
            source = Source(article.id, article.path, article.title, article.published, SENTENCES[3], at,
                            at + len(SENTENCES[3]))
            insert_event(conn, Event(When.undated(), SENTENCES[3], [], [], [source]), {})
    conn.close()
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("ends") / "ends.db")


@pytest.fixture(scope="module")
def store_without_undated(tmp_path_factory):
    return build(tmp_path_factory.mktemp("ends") / "dated.db", undated=False)


def test_steps_from_the_last_day_of_the_calendar(store):
    reader = StoreReader(store)
    last = reader.page(Filter(), limit=3)[2]
    assert last.start == LAST
    for unit in ("month", "year"):
        later = place_of_step(reader, Filter(), False, last, unit, True, 4)
        assert later.index == 3 and later.row.start is None  # the undated event comes after every date
        earlier = place_of_step(reader, Filter(), False, last, unit, False, 4)
        assert earlier.index == 1 and earlier.row.start == MIDDLE
        # Newest first (undated, 9999, 2025, 0001): "earlier" still means an earlier date.
        assert place_of_step(reader, Filter(), True, last, unit, False, 4).index == 2


def test_steps_from_the_first_day_of_the_calendar(store):
    reader = StoreReader(store)
    first = reader.page(Filter(), limit=1)[0]
    assert first.start == FIRST
    assert place_of_step(reader, Filter(), False, first, "month", False, 4) is None
    assert place_of_step(reader, Filter(), False, first, "year", True, 4).index == 1


def test_undated_steps_back_into_the_last_year_of_the_calendar(store):
    reader = StoreReader(store)
    undated = reader.page(Filter(), limit=4)[3]
    place = place_of_step(reader, Filter(), False, undated, "month", False, 4)
    assert place.index == 2 and place.row.start == LAST


def test_a_jump_to_the_last_month_of_the_calendar(store):
    reader = StoreReader(store)
    december = When(date(9999, 12, 1), LAST, "month")
    assert place_of_date(reader, Filter(), False, december, 4).index == 2
    assert place_of_date(reader, Filter(), True, december, 4).index == 1


async def test_brackets_and_braces_at_both_ends_of_the_calendar(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        assert timeline.row.start == FIRST
        await press(pilot, "left_square_bracket", "left_curly_bracket")  # nothing earlier: stays
        assert app.is_running and timeline.row.start == FIRST
        await press(pilot, "right_curly_bracket")
        assert timeline.row.start == MIDDLE
        await press(pilot, "right_square_bracket")
        assert timeline.row.start == LAST
        await press(pilot, "right_square_bracket")
        assert app.is_running and timeline.row.start is None  # the undated event
        await press(pilot, "left_curly_bracket")
        assert timeline.row.start == LAST
        await press(pilot, "right_curly_bracket", "left_square_bracket")
        assert app.is_running and timeline.row.start == LAST
        await press(pilot, "left_curly_bracket", "left_curly_bracket")
        assert timeline.row.start == FIRST
        assert "Ana Lima arrived in year one" in screen_text(app)


async def test_no_later_period_than_the_end_of_the_calendar(store_without_undated):
    app = make_app(store_without_undated)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        await press(pilot, "G")
        assert timeline.row.start == LAST
        for key in ("right_square_bracket", "right_curly_bracket"):
            await press(pilot, key)
            assert app.is_running and timeline.row.start == LAST
        notices = [n.message for n in app._notifications]
        assert notices == ["No later month with events", "No later year with events"]


@pytest.mark.parametrize("text, reason", [
    ("9999", "year 9999 is outside 1000–2999"),
    ("0001", "year 0001 is outside 1000–2999"),
    ("9999-12", "year 9999 is outside 1000–2999"),
    ("Q4 9999", "year 9999 is outside 1000–2999"),
    ("10000", "is not a date I can read"),
])
async def test_a_typed_date_at_or_past_the_ends_is_refused_in_the_dialog(store, text, reason):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        await type_text(pilot, text)
        await press(pilot, "enter")
        assert app.is_running and not isinstance(app.screen, type(main(app)))
        assert f"“{text}”" in screen_text(app) and reason in screen_text(app)
        await press(pilot, "escape")
        assert main(app).timeline.cursor == 0
