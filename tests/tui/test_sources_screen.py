"""The sources screen on a hand-made store: the event's heading, one card per source with the excerpt marked in
its paragraph, moving between sources, copying an excerpt, opening the article, going back, and hostile text."""
from __future__ import annotations

from datetime import date

import pytest
from textual.app import App
from textual.content import Span
from textual.widgets import Static

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Dating, Event, Source, When
from tui.reader import StoreReader
from tui.screens.article import ArticleScreen
from tui.screens.sources import SourceCard, SourcesScreen

pytestmark = pytest.mark.anyio

VISIT = "Chinese Premier Li Qiang will visit Pyongyang on Thursday."
VISIT_PARAGRAPH = f"Beijing confirmed the trip. {VISIT} He will attend the celebrations."
# Raw text as an unclean store could hold it: an escape sequence inside the excerpt and markup in the title.
TALKS = "Officials said \x1b[31mthe talks\x1b[0m will resume on Friday."
TALKS_SHOWN = "Officials said the talks will resume on Friday."
HOSTILE_TITLE = "[bold]x[/] report"


def source(art: Article, sentence: str, dating: Dating | None = None) -> Source:
    start = art.body.index(sentence)
    return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence), dating)


def on_thursday(art: Article) -> Dating:
    """The visit's dating: its words "on Thursday", read against the publication."""
    words = art.body.index("on Thursday")
    return Dating("explicit", words, words + len("on Thursday"), "on Thursday", "published")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """Event 1 told by two articles (talks.md, undated, stored first; li.md, dated by its words "on Thursday");
    event 2 has no source left."""
    li = Article("news/li.md", f"Pyongyang prepares.\n\n{VISIT_PARAGRAPH}\n\nMore later.", "Li Qiang to visit",
                 date(2025, 10, 7), url="https://example.com/li", source="Asia Wire")
    talks = Article("news/talks.md", f"First paragraph.\n{TALKS} Nothing else.", HOSTILE_TITLE)
    path = tmp_path_factory.mktemp("sources") / "s.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, li)
        insert_article(conn, talks)
        insert_event(conn, Event(When(date(2025, 10, 9), date(2025, 10, 9), "day"), "Li Qiang visits North Korea",
                                 ["Li Qiang"], ["CN", "KP"], [source(talks, TALKS), source(li, VISIT, on_thursday(li))]),
                     {"Li Qiang": "CN"})
        insert_event(conn, Event(When.undated(), "Sourceless event", [], [], []), {})
    conn.close()
    return path


class ScreenApp(App):
    """A bare app that shows one screen over an empty base screen."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


def sources_app(store_path, event_id: int = 1) -> ScreenApp:
    return ScreenApp(lambda: SourcesScreen(StoreReader(store_path), event_id))


async def loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(widget) -> str:
    """The widget's text as rendered on screen, line by line."""
    return "\n".join(widget.render_line(y).text.rstrip() for y in range(widget.size.height))


def cards(app) -> list[SourceCard]:
    return list(app.screen.query(SourceCard))


async def test_heading_names_the_event_its_date_actors_and_source_count(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#event-summary")) == "Li Qiang visits North Korea"
        assert shown(pilot.app.screen.query_one("#event-meta")) == (
            "Thu 9 Oct 2025 · Li Qiang · CN KP · 2 sources\n"
            "Dated: stated: “on Thursday”, read against the publication (Tue 7 Oct 2025)")


async def test_the_heading_says_which_source_names_whom_when_they_disagree_on_who_took_part(tmp_path):
    from store.ingest import ingest

    news = tmp_path / "news"
    news.mkdir()
    for name, partner in (("wire", "Prime Minister Tomas Berg"), ("daily", "Chancellor Ivo Petrov")):
        (news / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: 2025-05-08\nsource: {name.title()}\n---\n\n"
                                         f"On 5 May 2025 President Ana Lima met {partner} in Oslo for talks on fishing"
                                         " quotas.\n")
    ingest([news], tmp_path / "s.db")
    async with sources_app(tmp_path / "s.db").run_test(size=(140, 30)) as pilot:
        await loaded(pilot)
        meta = shown(pilot.app.screen.query_one("#event-meta")).splitlines()
        assert meta[-1] in ("The sources disagree on who took part: Ana Lima, Tomas Berg per Wire; Ana Lima, Ivo"
                            " Petrov per Daily", "The sources disagree on who took part: Ana Lima, Ivo Petrov per"
                            " Daily; Ana Lima, Tomas Berg per Wire")
        assert not any("on the date" in line for line in meta)


async def test_each_source_shows_title_outlet_date_file_url_dating_and_paragraph_in_publication_order(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        first, second = cards(pilot.app)  # li.md, published, before talks.md, which has no date but was stored first
        assert shown(first.query_one(".title")) == "Li Qiang to visit"
        assert shown(first.query_one(".meta")) == "Asia Wire · Tue 7 Oct 2025 · news/li.md"
        assert shown(first.query_one(".url")) == "https://example.com/li"  # a line of its own: never broken
        assert shown(first.query_one(".dating")) == (
            "Dated: stated: “on Thursday”, read against the publication (Tue 7 Oct 2025)")
        assert not second.query(".dating")  # stored without a dating: nothing said
        assert shown(first.query_one(".paragraph")).replace("\n", " ") == VISIT_PARAGRAPH
        assert shown(second.query_one(".meta")) == "no publication date · news/talks.md"


async def test_excerpt_mark_covers_exactly_the_excerpt(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        paragraph = cards(pilot.app)[0].query_one(".paragraph", Static)
        start = VISIT_PARAGRAPH.index(VISIT)
        assert paragraph.content.plain == VISIT_PARAGRAPH
        words = VISIT_PARAGRAPH.index("on Thursday")
        assert list(paragraph.content.spans) == [Span(start, start + len(VISIT), ".source-card--excerpt"),
                                                 Span(words, words + len("on Thursday"), ".source-card--dating")]
        # and on screen the marked style (bold) lands on the excerpt's characters and on no others
        bold = "".join(segment.text for y in range(paragraph.size.height)
                       for segment in paragraph.render_line(y) if segment.style and segment.style.bold)
        assert bold.split() == VISIT.split()


async def test_markup_in_a_title_shows_literally_and_escape_sequences_are_dropped(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        second = cards(pilot.app)[1]
        assert shown(second.query_one(".title")) == HOSTILE_TITLE
        paragraph = second.query_one(".paragraph", Static)
        text = shown(paragraph).replace("\n", " ")
        assert text == f"{TALKS_SHOWN} Nothing else."  # the paragraph is the excerpt's line of the body
        assert "\x1b" not in paragraph.content.plain and "[31m" not in text
        assert list(paragraph.content.spans) == [Span(0, len(TALKS_SHOWN), ".source-card--excerpt")]


async def test_down_up_j_k_move_between_sources_and_stop_at_the_ends(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        screen = pilot.app.screen

        def selected() -> list[int]:
            return [card.index for card in cards(pilot.app) if card.has_class("-selected")]

        assert selected() == [0]
        await pilot.press("j")
        assert selected() == [1] and screen.selected == 1
        await pilot.press("down")
        assert selected() == [1]
        await pilot.press("k")
        assert selected() == [0]
        await pilot.press("down", "up", "up")
        assert selected() == [0]


async def test_a_click_selects_a_source(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.click(cards(pilot.app)[1])
        assert pilot.app.screen.selected == 1 and cards(pilot.app)[1].has_class("-selected")


async def test_y_copies_the_selected_excerpt_cleaned_with_its_citation(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("y")
        assert pilot.app.clipboard == f"“{VISIT}” — Asia Wire, Li Qiang to visit, Tue 7 Oct 2025, https://example.com/li"
        await pilot.press("j", "y")
        assert pilot.app.clipboard == f"“{TALKS_SHOWN}” — {HOSTILE_TITLE}, no publication date, news/talks.md"


async def test_o_opens_the_selected_article_at_the_excerpt_and_esc_comes_back(store_path):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        sources_screen = pilot.app.screen
        await pilot.press("j", "o")
        await loaded(pilot)
        article = pilot.app.screen
        talks = sources_screen.sources[1]
        assert isinstance(article, ArticleScreen)
        assert (article.article_id, article.passage) == (talks.article_id, (talks.start, talks.end))
        await pilot.press("escape")
        assert pilot.app.screen is sources_screen


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_esc_and_q_go_back(store_path, key):
    async with sources_app(store_path).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        assert not isinstance(pilot.app.screen, SourcesScreen)
        assert len(pilot.app.screen_stack) == 1


async def test_an_event_without_sources_says_so_and_o_y_do_nothing(store_path):
    async with sources_app(store_path, event_id=2).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        screen = pilot.app.screen
        assert shown(screen.query_one("#no-source")) == "The store keeps no source for this event."
        assert shown(screen.query_one("#event-meta")) == "undated · 0 sources"
        await pilot.press("o", "y", "j")
        assert pilot.app.screen is screen and pilot.app.clipboard == ""


async def test_an_unknown_event_says_it_is_gone(store_path):
    async with sources_app(store_path, event_id=99).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#event-summary")) == "This event is no longer in the store."
        assert cards(pilot.app) == []


async def test_an_unreadable_store_is_reported_in_the_heading(tmp_path):
    async with sources_app(tmp_path / "gone.db").run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#event-summary")).replace("\n", " ").startswith(
            f"Cannot read the sources: no such store: {tmp_path / 'gone.db'}")


def test_snapshot_of_the_sources_screen(store_path, snap_compare):
    assert snap_compare(sources_app(store_path), terminal_size=(100, 30), run_before=loaded)
