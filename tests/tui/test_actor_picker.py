"""The fuzzy actor picker, pushed alone over a small app on a hand-made store: the candidates the store gives,
their ranking, the keys (typing, ↑ ↓, Enter, Esc), and names shown literally."""
from __future__ import annotations

import threading
from datetime import date

import pytest
from textual.app import App
from textual.widgets import OptionList
from textual.worker import WorkerCancelled

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When
from store.filter import Filter
from store.queries import counted_actors, actor_candidates
from tui.dialogs.actor_picker import ActorPicker, rank_actors
from tui.reader import StoreReader

pytestmark = pytest.mark.anyio

MARKUP_NAME = "[bold]Evil[/bold] [link=http://x]Person[/link]"
# (person, affiliation, countries, how many events): Kim Jong Un has the fewest events of the persons whose
# names hold k, j, u in order, so only the fuzzy ranking can put him first for "kju".
CAST = [
    ("Mark Jurgens", None, ["US"], 4),
    ("Kaju Okafor", None, ["NG"], 3),
    ("Kim Jong Un", "KP", ["KP", "CN"], 1),
    ("Vladimir Putin", None, ["RU"], 2),
    (MARKUP_NAME, None, ["FR"], 1),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("picker") / "picker.db"
    art = Article("a.md", "Something happened.", "News", date(2025, 10, 10))
    told = Source(art.id, art.path, art.title, art.published, "Something happened.", 0, 19)
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, art)
        for name, affiliation, countries, n_events in CAST:
            for number in range(n_events):
                insert_event(conn, Event(When(date(2025, 9, 1 + number), date(2025, 9, 1 + number), "day"),
                                         f"{name} acts", [name], countries, [told]),
                             {name: affiliation} if affiliation else {},
                             aliases={"Kim Jong Un": {"Kim Jong-un"}})
    conn.close()
    return path


@pytest.fixture
def conn(db_path):
    conn = connect(db_path, readonly=True)
    yield conn
    conn.close()


class GatedReader(StoreReader):
    """A reader whose actor look-ups wait until the test opens the gate: a slow store, on demand."""

    def __init__(self, path) -> None:
        super().__init__(path)
        self.gate = threading.Event()

    def actor_candidates(self, kind: str, text: str, limit: int = 200, among=None):
        self.gate.wait(timeout=10)
        return super().actor_candidates(kind, text, limit, among)


class PickerApp(App):
    def __init__(self, db_path, kind: str, reader: StoreReader | None = None, flt: Filter = Filter(),
                 selected: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.reader = reader or StoreReader(db_path)
        self.kind = kind
        self.flt, self.selected = flt, selected
        self.picked: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(ActorPicker(self.reader, self.kind, self.flt, self.selected), self.picked.append)


async def settle(pilot) -> None:
    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:  # the dialog, dismissed by the answer its worker posted, cancels that worker as it
            pass                 # returns (seen on a busy machine): nothing is left to wait for
        await pilot.pause()


def shown(app: PickerApp) -> list[str]:
    options = app.screen.query_one("#actor-matches", OptionList)
    return [options.render_line(y).text.rstrip() for y in range(options.option_count)]


# The candidates and their ranking


def test_candidates_hold_the_typed_letters_in_order(conn):
    assert {actor.key for actor in actor_candidates(conn, "person", "kju")} == {
        "Mark Jurgens", "Kaju Okafor", "Kim Jong Un"}
    assert [actor.key for actor in actor_candidates(conn, "person", "")] == [  # most events first, then by name
        "Mark Jurgens", "Kaju Okafor", "Vladimir Putin", "Kim Jong Un", MARKUP_NAME]
    assert [actor.key for actor in actor_candidates(conn, "person", "kim jong-un")] == ["Kim Jong Un"]  # alias
    assert actor_candidates(conn, "person", "%") == [] and actor_candidates(conn, "person", "_") == []


def test_candidates_put_the_exact_name_or_code_first_then_the_name_holding_the_text(conn):
    assert [actor.key for actor in actor_candidates(conn, "person", "in")] == [
        "Vladimir Putin", MARKUP_NAME, "Kim Jong Un"]  # "in" in a row, more events first; then i…n apart
    assert [actor.key for actor in actor_candidates(conn, "country", "us")] == ["US", "RU"]  # code; Russia
    assert [actor.key for actor in actor_candidates(conn, "country", "russia")] == ["RU"]


def test_fuzzy_ranking_puts_kim_jong_un_first_for_kju(conn):
    ranked = rank_actors("person", "kju", actor_candidates(conn, "person", "kju"))
    # Kim Jong Un: three word starts; the other two tie (K, J, U with two of them in a row, one word start),
    # so the one with more events comes first.
    assert [match.actor.key for match in ranked] == ["Kim Jong Un", "Mark Jurgens", "Kaju Okafor"]
    assert ranked[0].offsets == (0, 4, 9)  # K, J, U: the letters to underline


def test_a_country_code_typed_outranks_a_name_holding_it(conn):
    # By name alone Russia ("us" in a row) would beat United States (u…s apart); the code US matches whole.
    ranked = rank_actors("country", "us", actor_candidates(conn, "country", "us"))
    assert [match.actor.key for match in ranked] == ["US", "RU"]
    assert ranked[0].offsets == (14, 15)  # in "United States US"


def test_without_text_the_store_order_stays(conn):
    candidates = actor_candidates(conn, "person", "")
    assert [match.actor for match in rank_actors("person", "", candidates)] == candidates


# The dialog


async def test_typing_ranks_the_matches_and_enter_returns_the_first_key(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k", "j", "u")
        await settle(pilot)
        assert [line.split()[:3] for line in shown(app)] == [
            ["Kim", "Jong", "Un"], ["Mark", "Jurgens", "4"], ["Kaju", "Okafor", "3"]]
        assert shown(app)[0].split() == ["Kim", "Jong", "Un", "KP", "1"]  # the affiliation, the events
        first = app.screen.query_one("#actor-matches", OptionList).render_line(0)
        assert "".join(seg.text for seg in first if seg.style and seg.style.underline) == "KJU"
        await pilot.press("enter")
        await pilot.pause()
        assert app.picked == ["Kim Jong Un"]


async def test_enter_typed_before_the_matches_arrive_waits_for_them(db_path):
    reader = GatedReader(db_path)
    app = PickerApp(db_path, "person", reader)
    async with app.run_test(size=(80, 24)) as pilot:
        reader.gate.set()
        await settle(pilot)
        reader.gate.clear()
        await pilot.press("k", "j", "u", "enter")
        await pilot.pause()
        assert app.picked == [] and shown(app)[0].startswith("Mark Jurgens")  # still the matches for ""
        reader.gate.set()
        await settle(pilot)
        assert app.picked == ["Kim Jong Un"]


async def test_arrows_choose_another_match(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k", "j", "u")
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "up", "enter")  # stops at the last, then back one
        await pilot.pause()
        assert app.picked == ["Mark Jurgens"]


async def test_without_text_the_actors_with_most_events_are_offered(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(shown(app)) == 5
        await pilot.press("enter")
        await pilot.pause()
        assert app.picked == ["Mark Jurgens"]


def test_under_a_filter_only_the_actors_of_its_events_are_candidates_counted_among_them(conn):
    among = counted_actors(conn, "country", Filter(persons=("Kim Jong Un",)))
    found = actor_candidates(conn, "country", "", among=among)
    assert [(actor.key, actor.n_events) for actor in found] == [("CN", 1), ("KP", 1)]  # not US, NG, RU, FR
    assert counted_actors(conn, "country", Filter()) is None
    assert counted_actors(conn, "person", Filter(persons=("Nobody",))) == {}


async def test_the_picker_under_a_filter_offers_no_actor_that_leads_to_no_event_and_marks_the_selected(db_path):
    app = PickerApp(db_path, "country", flt=Filter(countries=("KP",)), selected=("KP",))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert [line.split() for line in shown(app)] == [["China", "CN", "1"], ["✓", "North", "Korea", "KP", "1"]]
        await pilot.press("k", "p", "enter")
        await settle(pilot)
        assert app.picked == ["KP"]  # the main screen takes a selected one off the filter


async def test_a_country_is_returned_by_its_code(db_path):
    app = PickerApp(db_path, "country")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("u", "s")
        await settle(pilot)
        assert shown(app)[0].split() == ["United", "States", "US", "4"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.picked == ["US"]


async def test_escape_returns_none(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k", "escape")
        await pilot.pause()
        assert app.picked == [None]


async def test_no_match_says_so_and_enter_keeps_the_picker_open(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("z", "z", "enter")
        await settle(pilot)
        assert shown(app) == ["no person matches “zz”"]
        assert app.picked == [] and isinstance(app.screen, ActorPicker)


async def test_markup_in_a_name_shows_literally(db_path):
    app = PickerApp(db_path, "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e", "v", "i", "l")
        await settle(pilot)
        assert shown(app)[0].split()[:2] == ["[bold]Evil[/bold]", "[link=http://x]Person[/link]"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.picked == [MARKUP_NAME]


async def test_a_store_that_cannot_be_read_is_reported_in_the_list(tmp_path):
    app = PickerApp(tmp_path / "missing.db", "person")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert shown(app)[0].startswith("no such store:")
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert app.picked == [None]
