"""The sidebar facet list, mounted alone in a small app: what it shows, what it posts, where the highlight goes."""
from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from store.queries import ActorCount
from tui.widgets.facets import FacetList

PERSONS = [ActorCount("Kim Jong Un", "Kim Jong Un", 3), ActorCount("Vladimir Putin", "Vladimir Putin", 2),
           ActorCount("Xi Jinping", "Xi Jinping", 1)]
COUNTRIES = [ActorCount("KP", "North Korea", 4), ActorCount("CN", "China", 2)]

pytestmark = pytest.mark.anyio


class FacetApp(App):
    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.toggled: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield FacetList(self.kind)

    def on_facet_list_toggled(self, message: FacetList.Toggled) -> None:
        self.toggled.append((message.kind, message.key))


def lines(facets: FacetList) -> list[str]:
    return [facets.render_line(y).text.rstrip() for y in range(facets.scrollable_content_region.height)]


async def test_persons_show_with_counts_and_the_selected_marked():
    app = FacetApp("person")
    async with app.run_test(size=(40, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts(PERSONS, {"Vladimir Putin"})
        await pilot.pause()
        shown = lines(facets)
        assert shown[0].split() == ["Kim", "Jong", "Un", "3"]
        assert shown[1].split() == ["✓", "Vladimir", "Putin", "2"]
        assert shown[2].split() == ["Xi", "Jinping", "1"]
        assert facets.border_title == "▸ Persons"  # the only widget that takes focus: it has the keys


async def test_countries_show_name_code_and_count():
    app = FacetApp("country")
    async with app.run_test(size=(40, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts(COUNTRIES, set())
        await pilot.pause()
        assert lines(facets)[:2] == [
            "  North Korea KP" + " " * 19 + "4",  # 36 cells inside the border and padding; the mark column
            "  China CN" + " " * 25 + "2",  # and a space first
        ]


async def test_space_and_enter_toggle_the_highlighted_actor():
    app = FacetApp("person")
    async with app.run_test(size=(40, 10)) as pilot:
        app.query_one(FacetList).set_counts(PERSONS, set())
        app.query_one(FacetList).focus()
        await pilot.press("space", "down", "enter", "j", "space", "k", "k", "enter")
        assert app.toggled == [("person", "Kim Jong Un"), ("person", "Vladimir Putin"),
                               ("person", "Xi Jinping"), ("person", "Kim Jong Un")]


async def test_a_click_toggles_too():
    app = FacetApp("country")
    async with app.run_test(size=(40, 10)) as pilot:
        app.query_one(FacetList).set_counts(COUNTRIES, set())
        await pilot.pause()
        await pilot.click(FacetList, offset=(4, 2))  # the border, then the second row
        assert app.toggled == [("country", "CN")]


async def test_new_counts_keep_the_highlight_on_the_same_actor_else_on_the_same_row():
    app = FacetApp("person")
    async with app.run_test(size=(40, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts(PERSONS, set())
        facets.focus()
        await pilot.press("down")  # Vladimir Putin
        facets.set_counts([PERSONS[1], PERSONS[0]], {"Vladimir Putin"})  # now first
        assert facets.highlighted == 0
        await pilot.press("down")  # Kim Jong Un, the second row
        facets.set_counts([PERSONS[1], PERSONS[2]], set())  # Kim gone: the second row stays highlighted
        assert facets.highlighted == 1
        facets.set_counts([PERSONS[1]], set())  # fewer rows than before: the last
        assert facets.highlighted == 0
        await pilot.press("space")
        assert app.toggled == [("person", "Vladimir Putin")]


async def test_no_counts_say_so_and_toggle_nothing():
    app = FacetApp("person")
    async with app.run_test(size=(40, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts([], set())
        facets.focus()
        await pilot.press("space", "enter")
        assert lines(facets)[0] == "no persons under this filter"
        assert app.toggled == []


async def test_markup_and_escapes_in_a_name_show_literally():
    app = FacetApp("person")
    async with app.run_test(size=(60, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts([ActorCount("[bold]Evil[/] \x1b[31mRed", "[bold]Evil[/] \x1b[31mRed", 7)], set())
        facets.focus()
        await pilot.pause()
        assert lines(facets)[0].split() == ["[bold]Evil[/]", "Red", "7"]
        await pilot.press("enter")
        assert app.toggled == [("person", "[bold]Evil[/] \x1b[31mRed")]  # the key itself is untouched


async def test_a_selected_actor_the_filtered_events_do_not_count_stays_listed_at_zero_to_be_taken_off():
    app = FacetApp("country")
    async with app.run_test(size=(40, 10)) as pilot:
        facets = app.query_one(FacetList)
        facets.set_counts([], {"KR"})  # the filter leads to no event: no count at all
        await pilot.pause()
        assert lines(facets)[0].split() == ["✓", "KR", "0"]
        facets.focus()
        await pilot.press("enter")
        assert app.toggled == [("country", "KR")]
