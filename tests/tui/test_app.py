"""The browser driven by its keys (Pilot, 100×30) on the hand-made store of timeline_store.py: moving, paging,
ends, order, search and n/N, date jumps and [ ] { }, filters and x, copy, help, the palette, empty and bad
stores, and text from the store shown literally."""
from __future__ import annotations

from datetime import date
from time import monotonic

import pytest
from textual import events

from store.queries import UNDATED_SORT_KEY
from tests.tui.timeline_store import MARKUP, TOTAL, build, build_empty, index_of, summary_of
from tui.app import make_app
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.sources import SourcesScreen
from tui.widgets.detail import EventDetail

pytestmark = pytest.mark.anyio

SIZE = (100, 30)
PAGE = 18  # timeline rows at 100×30: 30 - header - footer - density - detail (8) - column titles


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build(tmp_path_factory.mktemp("app") / "timeline.db")


async def settle(pilot) -> None:
    """Let the workers finish and their messages land (reads may start more reads)."""
    for _ in range(6):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def until(pilot, condition, within: float = 30) -> None:
    """Pause until `condition()` holds, for `within` seconds at most (a bound for a busy machine, not a measure: it
    returns as soon as the condition holds; the caller's assertion says what was wanted if it never did)."""
    deadline = monotonic() + within
    while not condition() and monotonic() < deadline:
        await pilot.pause()


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*(("space" if ch == " " else ch) for ch in text))


def main(app) -> MainScreen:
    return next(screen for screen in app.screen_stack if isinstance(screen, MainScreen))


def screen_text(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def summary_at_cursor(app) -> str:
    return main(app).timeline.row.summary


async def test_opens_on_the_first_event_with_the_count(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        assert timeline.cursor == 0 and timeline.row.summary == "Kim's decade of parades"
        text = screen_text(app)
        assert f"{TOTAL} events" in text and "timeline.db" in text
        assert "2015" in text and "Thu 15 Jun 2023" in text and "Mon 1 Jan 2024" in text


async def test_a_screen_taller_than_the_first_rows_read_gets_every_row(store):
    from tui.reader import FIRST_ROWS

    app = make_app(store)
    async with app.run_test(size=(100, FIRST_ROWS + 40)) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        assert timeline.page_height > FIRST_ROWS
        assert all(timeline._rows.get(i) is not None for i in range(timeline.page_height))
        assert "…" not in "".join(timeline.render_line(y).text[:3] for y in range(1, timeline.page_height + 1))


async def test_j_k_and_arrows_move_the_cursor(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "down", "down")
        assert main(app).timeline.cursor == 4 and summary_at_cursor(app) == summary_of(2)
        await press(pilot, "k", "up")
        assert main(app).timeline.cursor == 2
        await press(pilot, "k", "k", "k")
        assert main(app).timeline.cursor == 0


async def test_space_b_and_page_keys_move_a_screenful(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        await press(pilot, "space")
        assert timeline.cursor == PAGE and timeline.scroll_y == PAGE
        await press(pilot, "pagedown")
        assert timeline.cursor == 2 * PAGE and summary_at_cursor(app) == summary_of(2 * PAGE - 2)
        await press(pilot, "b")
        assert timeline.cursor == PAGE and timeline.scroll_y == PAGE
        await press(pilot, "pageup")
        assert timeline.cursor == 0 and timeline.scroll_y == 0


async def test_g_and_G_go_to_the_ends(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        await press(pilot, "G")
        assert timeline.cursor == TOTAL - 1 and timeline.row.sort_key == UNDATED_SORT_KEY
        assert "undated" in screen_text(app) and "An undated rumour" in screen_text(app)
        await press(pilot, "g")
        assert timeline.cursor == 0 and timeline.scroll_y == 0
        await press(pilot, "end")
        assert timeline.cursor == TOTAL - 1
        await press(pilot, "home")
        assert timeline.cursor == 0


async def test_r_turns_the_order_and_keeps_the_event_under_the_cursor(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, *["j"] * 5)
        await press(pilot, "r")
        timeline = main(app).timeline
        assert timeline.view.descending and timeline.cursor == TOTAL - 1 - 5
        assert summary_at_cursor(app) == summary_of(3)
        await press(pilot, "g")
        assert timeline.row.sort_key == UNDATED_SORT_KEY
        await press(pilot, "j")
        assert summary_at_cursor(app) == summary_of(191)


async def test_search_then_n_and_N(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "harbour")
        await press(pilot, "enter")
        timeline = main(app).timeline
        assert timeline.cursor == index_of(7) and timeline.scroll_y == index_of(7)
        assert "/harbour (1 of 4)" in screen_text(app)
        assert len(main(app)._hit_keys.keys) == 4  # read once, for n, N and "k of n"
        await press(pilot, "n")
        assert timeline.cursor == index_of(57)
        await press(pilot, "N", "N")
        assert timeline.cursor == index_of(157)  # wrapped round from the first hit
        assert "/harbour (4 of 4)" in screen_text(app)


async def test_a_search_with_many_hits_shows_the_first_then_its_rank_once_the_hits_are_read(store, monkeypatch):
    import tui.navigation as navigation

    monkeypatch.setattr(navigation, "KEYS_AT_ONCE", 3)  # "harbour" has four hits: too many to rank at once
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ranked = []
        kept = MainScreen.on_hits_kept

        def on_hits_kept(screen, message):
            ranked.append(screen._hit)  # the hit as shown before its search's hits came
            kept(screen, message)

        monkeypatch.setattr(MainScreen, "on_hits_kept", on_hits_kept)
        await press(pilot, "slash")
        await type_text(pilot, "harbour")
        await press(pilot, "enter")
        await settle(pilot)
        assert ranked == [(None, 4)] and main(app).timeline.cursor == index_of(7)
        assert "/harbour (1 of 4)" in screen_text(app)


async def test_keys_pressed_faster_than_the_store_answers_each_count(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "harbour")
        await press(pilot, "enter")
        screen = main(app)
        for action in ("next_hit()", "next_hit()", "previous_hit()", "step('month', True)", "step('month', True)"):
            await screen.run_action(action)  # no settling: all five start before the store answers the first
        await settle(pilot)
        # Hits k = 7, 57, 107, back to 57 (4 Aug 2024: month 57 // 8 = 7), then two months on.
        assert main(app).timeline.row.start == date(2024, 10, 1)


async def test_a_search_without_hits_leaves_the_cursor_and_says_0_of_0(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "slash")
        await type_text(pilot, "zeppelin")
        await press(pilot, "enter")
        assert main(app).timeline.cursor == 1
        assert "/zeppelin (0 of 0)" in screen_text(app)


async def test_f_shows_only_the_hits_then_all_again_and_the_hits_are_marked(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "harbour")
        await press(pilot, "enter", "f")
        assert main(app).timeline.view.total == 4 and "only “harbour”" in screen_text(app)
        timeline = main(app).timeline
        line = timeline.render_line(1)  # the first row under the column titles: a hit
        marked = [segment.text for segment in line if segment.style and segment.style.reverse]
        assert [text.lower() for text in marked] == ["harbour"]
        await press(pilot, "f")
        assert main(app).timeline.view.total == TOTAL


@pytest.mark.parametrize("query", ['"unbalanced', "'; DROP TABLE events; --", "NEAR(harbour", "[bold]x[/"])
async def test_sql_fts_syntax_and_markup_in_a_search_are_only_text(store, query):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await pilot.press(*query)
        await press(pilot, "enter")
        notices = [(n.title, n.message) for n in app._notifications]
        assert notices == [("", f"No event matches “{query}”")] or query == "NEAR(harbour", notices
        assert main(app).timeline.cursor == 0 and main(app).timeline.view.total == TOTAL
        await press(pilot, "x", "G")
        assert main(app).timeline.cursor == TOTAL - 1  # the store is whole


async def test_a_long_search_without_hits_is_quoted_cut_short(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app)._search_for("zeppelin " * 111)  # 999 characters, as the search dialog would hand it over
        await until(pilot, lambda: app._notifications)
        (notice,) = [n.message for n in app._notifications]
        assert notice == "No event matches “" + ("zeppelin " * 7)[:59] + "…”"  # 60 characters of the search


async def test_a_search_without_a_word_says_so(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "slash")
        await pilot.press(*"* ( ;")
        await press(pilot, "enter")
        assert [n.message for n in app._notifications] == ["Nothing to search for in “* ( ;”: type a word"]
        assert main(app).timeline.cursor == 1 and main(app).search_text == ""


async def test_t_jumps_to_a_typed_date(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main(app).today = date(2024, 7, 15)
        await press(pilot, "t")
        await type_text(pilot, "2025-03")
        await press(pilot, "enter")
        timeline = main(app).timeline
        assert timeline.cursor == index_of(8 * 14) and timeline.row.start == date(2025, 3, 1)
        await press(pilot, "t")
        await type_text(pilot, "last month")
        await press(pilot, "enter")
        assert timeline.row.start == date(2024, 6, 1)


async def test_a_far_jump_brings_the_rows_about_its_landing_and_a_near_one_does_not(store):
    from store.model import When
    from tui import navigation

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        view = screen.timeline.view
        screen._move_reach = (0, 10)  # the move starts at the top, 10 rows on screen
        day = date(2025, 3, 1)
        far = navigation.place_of_date(screen.reader, view.flt, view.descending, When(day, day, "day"), view.total)
        first, rows = screen._around(view, far)
        assert far.index == index_of(8 * 14) and first == far.index - 10 and len(rows) == 30
        every = screen.reader.page(view.flt, limit=TOTAL)
        assert [r.id for r in rows] == [r.id for r in every[first:first + 30]]  # the rows at those indexes
        near = navigation.Place(5, every[5])
        assert screen._around(view, near) is None


async def test_a_date_that_cannot_be_read_keeps_the_dialog_open(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "t")
        await type_text(pilot, "soonish")
        await press(pilot, "enter")
        assert not isinstance(app.screen, MainScreen)
        assert "“soonish” is not a date I can read" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and main(app).timeline.cursor == 0


async def test_brackets_step_by_month_and_braces_by_year(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        await press(pilot, "t")
        await type_text(pilot, "2025-03-10")
        await press(pilot, "enter")
        assert timeline.cursor == index_of(8 * 14 + 3)
        await press(pilot, "right_square_bracket")
        assert timeline.row.start == date(2025, 4, 1)
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert timeline.row.start == date(2025, 2, 1)
        await press(pilot, "left_curly_bracket")
        assert timeline.row.start == date(2024, 1, 1)
        await press(pilot, "left_curly_bracket")
        assert timeline.row.start == date(2023, 6, 15)
        await press(pilot, "right_curly_bracket")
        assert timeline.row.start == date(2024, 1, 1)


async def test_filters_combine_with_and_and_x_clears_them(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        screen.toggle_actor("person", "Ana Lima")
        await settle(pilot)
        assert screen.timeline.view.total == 48 and f"48 of {TOTAL} events" in screen_text(app)
        assert " Ana Lima " in screen_text(app)
        screen.toggle_actor("person", "Ben Okoro")
        await settle(pilot)
        assert screen.timeline.view.total == 16  # k % 12 == 0
        screen.toggle_actor("country", "JP")
        await settle(pilot)
        assert screen.timeline.view.total == 16 and " Japan " in screen_text(app)  # every k % 12 == 0 has JP
        screen.toggle_actor("country", "DE")
        await settle(pilot)
        assert screen.timeline.view.total == 0
        assert "No event matches the filter" in screen_text(app) and "Press x" in screen_text(app)
        await press(pilot, "x")
        assert screen.timeline.view.total == TOTAL and screen.flt.persons == ()
        assert f"{TOTAL} events" in screen_text(app) and " of " not in screen_text(app).splitlines()[0]


async def test_a_filters_facets_are_counted_once_its_rows_are_drawn_and_an_empty_views_at_once(store, monkeypatch):
    from tui.widgets.facets import FacetList
    from tui.widgets.timeline import Timeline

    seen: list[tuple[str, int]] = []
    post = Timeline.post_message
    monkeypatch.setattr(Timeline, "post_message", lambda self, message: (
        seen.append(("drawn", message.generation)) if isinstance(message, Timeline.Drawn) else None,
        post(self, message))[1])
    set_counts = FacetList.set_counts
    monkeypatch.setattr(FacetList, "set_counts", lambda self, counts, selected: (
        seen.append(("facets", main(self.app).generation)), set_counts(self, counts, selected))[1])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        seen.clear()
        screen.toggle_actor("person", "Ana Lima")
        await settle(pilot)
        generation = screen.generation
        assert seen[0] == ("drawn", generation) and seen.count(("facets", generation)) == 3
        seen.clear()
        screen.toggle_actor("country", "XX")  # no event names it: nothing to draw, the facets still come
        await settle(pilot)
        assert screen.timeline.view.total == 0 and seen.count(("facets", screen.generation)) == 3


async def test_p_and_c_pick_a_person_and_a_country_by_typing(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        await press(pilot, "p")
        await type_text(pilot, "ana")
        await press(pilot, "enter")
        assert screen.flt.persons == ("Ana Lima",)
        assert screen.timeline.view.total == 48  # k % 4 == 0 for k in 0 … 191
        await press(pilot, "c")
        await type_text(pilot, "japan")
        await press(pilot, "enter")
        assert screen.flt.countries == ("JP",)
        assert screen.timeline.view.total == 16  # and k % 3 == 0: k % 12 == 0
        header = screen_text(app).splitlines()[0]
        assert "Ana Lima" in header and "Japan" in header
        assert f"16 of {TOTAL} events" in header


async def test_o_in_the_sources_opens_the_article_at_the_passage(store):
    from tui.screens.article import ArticleScreen

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "enter", "o")
        assert isinstance(app.screen, ArticleScreen)
        assert summary_of(0).lower() in screen_text(app)
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_y_copies_the_first_excerpt_with_its_citation_and_shows_it(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "y")
        cited = f"“Reporters wrote that {summary_of(0).lower()}.” — The first paper, Mon 5 Jan 2026, news/first.md"
        assert app.clipboard == cited
        (shown,) = [n for n in app._notifications if n.title == "Excerpt and citation"]
        assert shown.message.endswith("then copy it from here):\n" + cited)


async def test_markup_in_a_summary_is_shown_literally(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        text = screen_text(app)
        assert "[bold red]Loud[/bold red] claims about" in text  # in the timeline row
        assert MARKUP[:60] in text.replace("\n ", " ")  # and in full in the detail area


async def test_question_mark_and_f1_show_the_help(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "jump to a date" in screen_text(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, MainScreen)


async def test_the_command_palette_lists_the_actions(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await type_text(pilot, "newest first")
        # the palette searches in the background: wait for its one match, not a fixed time
        await until(pilot, lambda: one_command(app, "Newest first"))
        await press(pilot, "enter")
        assert main(app).descending


def one_command(app, title: str) -> bool:
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    return bool(found) and found.first().option_count == 1 and title in str(found.first().get_option_at_index(0).prompt)


async def test_q_quits(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_an_empty_store_says_how_to_ingest(tmp_path):
    path = build_empty(tmp_path / "empty.db")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "This store has no events yet" in text
        assert "dateline ingest ARTICLES --db" in text and "empty.db" in text
        await press(pilot, "j", "G", "y", "enter", "n", "right_square_bracket")
        assert isinstance(app.screen, MainScreen)


async def test_a_missing_store_ends_the_app_with_an_error_and_creates_nothing(tmp_path):
    path = tmp_path / "missing.db"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    assert not path.exists()


async def test_tab_reaches_the_country_list_where_space_toggles_a_filter(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab")
        assert app.focused.id == "countries"
        await press(pilot, "space")  # the top country: France and Germany have 96 each, France first by name
        assert main(app).flt.countries == ("FR",) and main(app).timeline.view.total == 96
        await press(pilot, "space")
        assert main(app).flt.countries == () and main(app).timeline.view.total == TOTAL


async def test_x_right_after_a_toggle_clears_the_filter_the_toggle_made(store):
    """Tab space x in one burst (no pause between the keys): the last key wins, every time."""
    for _ in range(3):
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for key, character in (("tab", "\t"), ("space", " "), ("x", "x")):  # as a terminal sends them:
                app.post_message(events.Key(key, character))  # queued together, none waited for
            await settle(pilot)
            assert main(app).flt.countries == () and main(app).timeline.view.total == TOTAL
            assert [n.message for n in app._notifications] == []  # not "No filter to clear"


async def test_no_color_is_honoured(store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.no_color
        styles = {segment.style.color for strip in app.screen._compositor.render_strips() for segment in strip
                  if segment.style and segment.style.color}
        assert all(color.is_system_defined or color.triplet is None or len({*color.triplet}) == 1
                   for color in styles)  # monochrome: only greys


async def test_enter_opens_the_sources_and_escape_comes_back(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "enter")
        assert isinstance(app.screen, SourcesScreen)
        assert "The second paper" in screen_text(app)  # event k = 0 has a second source
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen) and main(app).timeline.cursor == 2


async def test_the_detail_follows_the_cursor_row_when_the_filter_replaces_it(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(EventDetail)
        assert "Kim's decade of parades" in str(detail.render())
        main(app).toggle_actor("person", "Ana Lima")  # row 0 is still row 0, but now event k = 0
        await settle(pilot)
        assert main(app).timeline.cursor == 0
        text = str(detail.render())
        assert summary_of(0) in text and "Kim's decade" not in text and "Ana Lima, Ben Okoro" in text


async def test_escape_sequences_in_a_summary_never_reach_the_terminal(tmp_path):
    from store.db import connect, insert_article, insert_event, transaction
    from store.model import Article, Event, Source, When

    body = "Officials \x1b[31mshouted\x1b[0m at \x1b]8;;http://x\x07dawn."
    article = Article("raw.md", body, "Raw \x1b[2Jtitle", date(2025, 1, 2))
    conn = connect(tmp_path / "raw.db", create=True)
    with transaction(conn):
        insert_article(conn, article)
        insert_event(conn, Event(When(date(2025, 1, 1), date(2025, 1, 1), "day"), body, [], [],
                                 [Source(article.id, article.path, article.title, article.published, body, 0,
                                         len(body))]), {})
    conn.close()
    app = make_app(tmp_path / "raw.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Officials shouted at dawn." in text
        assert "\x1b" not in text and "\x07" not in text


async def test_newest_first_and_the_focused_list_are_shown_in_words(store):
    app = make_app(store)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        assert "Date ↓ newest" not in screen_text(app) and "▸ " not in screen_text(app)
        await press(pilot, "r")
        assert "Date ↓ newest" in screen_text(app)
        await press(pilot, "tab")
        assert "▸ Countries" in screen_text(app)
        await press(pilot, "tab")
        assert "▸ Persons" in screen_text(app) and "▸ Countries" not in screen_text(app)


async def test_two_screenfuls_of_rows_either_side_are_read_ahead(tmp_path):
    """A held page down moves a screenful every 33 ms: the rows two screenfuls ahead are read before it gets there."""
    from tests.test_make_store import load_generator

    path = tmp_path / "big.db"
    load_generator().make_store(path, 2000, seed=2)
    app = make_app(path)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        timeline = main(app).timeline
        for _ in range(6):
            await press(pilot, "pagedown")  # past the rows read with the first view
        first, height = round(timeline.scroll_y), timeline.page_height
        kept = range(first - 2 * height, min(timeline.view.total, first + 3 * height))
        assert first > 200 and 2 * height > 50  # beyond the first view; more than the 50 rows once read ahead
        assert [i for i in kept if timeline._rows.get(i) is None] == []
