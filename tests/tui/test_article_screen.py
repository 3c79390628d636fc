"""The article screen on a hand-made store: header, body with the passage marked, the passage scrolled to the
middle of the view on opening, pager keys, going back, hostile text and a missing article."""
from __future__ import annotations

from datetime import date
from time import monotonic

import pytest
from textual.app import App
from textual.content import Span
from textual.widgets import Static

from store.db import connect, insert_article, transaction
from store.model import Article
from tui.reader import StoreReader
from tui.screens.article import ArticleBody, ArticleScreen

pytestmark = pytest.mark.anyio

PASSAGE = "Negotiators agreed on a ceasefire that takes effect at midnight on Sunday."
FIRST = "Paragraph 1 opens the story."
# 40 short paragraphs, the passage in the 30th: far below the first screenful of a 30-line terminal.
PARAGRAPHS = [FIRST, *(f"Paragraph {n} adds background that the reader may skip." for n in range(2, 30)),
              f"Paragraph 30 says it plainly. {PASSAGE} Both sides confirmed it.",
              *(f"Paragraph {n} closes with reactions from abroad." for n in range(31, 41))]
LONG = Article("news/ceasefire.md", "\n\n".join(PARAGRAPHS), "Ceasefire agreed", date(2025, 10, 12),
               url="https://example.com/ceasefire")
HOSTILE = Article("news/hostile.md", "Intro.\nA \x1b]8;;http://evil\x07link\x1b]8;;\x07 and [red]markup[/red] here.",
                  "[bold]x[/] and [link=http://evil]click[/link]")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("article") / "a.db"
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, LONG)
        insert_article(conn, HOSTILE)
    conn.close()
    return path


class ScreenApp(App):
    """A bare app that shows one screen over an empty base screen."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


def article_app(store_path, article: Article | str, passage: str) -> ScreenApp:
    article_id = article if isinstance(article, str) else article.id
    start = 0 if isinstance(article, str) else article.body.index(passage)
    return ScreenApp(lambda: ArticleScreen(StoreReader(store_path), article_id, start, start + len(passage)))


async def loaded(pilot) -> None:
    """Wait until the article is shown and its passage placed: a count of pauses is not enough on a busy machine,
    where `pause()` can return before the screen handled the worker's result and laid the text out."""
    await pilot.app.workers.wait_for_complete()
    screen = pilot.app.screen
    deadline = monotonic() + 30
    while (shown(screen.query_one("#article-title")) == "Loading the article…" or screen.passage_pending) \
            and monotonic() < deadline:
        await pilot.pause()
    await pilot.pause()


def shown(widget) -> str:
    return "\n".join(widget.render_line(y).text.rstrip() for y in range(widget.size.height))


def view_rows(pilot, words: str) -> list[int]:
    """The rows of the visible body area that show `words`."""
    scroll = pilot.app.screen.query_one(ArticleBody)
    body = pilot.app.screen.query_one("#article-body", Static)
    lines = shown(body).split("\n")
    top = scroll.scroll_offset.y - body.virtual_region.y
    visible = lines[max(0, top):top + scroll.scrollable_content_region.height]
    return [row for row, line in enumerate(visible) if words in line]


async def test_header_names_title_date_file_and_url(store_path):
    async with article_app(store_path, LONG, PASSAGE).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#article-title")) == "Ceasefire agreed"
        assert shown(pilot.app.screen.query_one("#article-meta")) == (
            "Sun 12 Oct 2025 · news/ceasefire.md · https://example.com/ceasefire")


async def test_passage_is_marked_exactly(store_path):
    async with article_app(store_path, LONG, PASSAGE).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        body = pilot.app.screen.query_one("#article-body", Static)
        start = LONG.body.index(PASSAGE)
        assert body.content.plain == LONG.body
        assert list(body.content.spans) == [Span(start, start + len(PASSAGE), ".article--passage")]


async def test_a_passage_deep_in_the_body_opens_in_the_middle_of_the_view(store_path):
    async with article_app(store_path, LONG, PASSAGE).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        scroll = pilot.app.screen.query_one(ArticleBody)
        assert scroll.scroll_y > 0
        assert view_rows(pilot, "Paragraph 1 opens") == []
        rows = view_rows(pilot, "Negotiators agreed")
        middle = scroll.scrollable_content_region.height // 2
        assert len(rows) == 1 and abs(rows[0] - middle) <= 1


async def test_a_passage_in_the_first_paragraph_leaves_the_view_at_the_top(store_path):
    async with article_app(store_path, LONG, FIRST).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert pilot.app.screen.query_one(ArticleBody).scroll_y == 0
        assert view_rows(pilot, "Paragraph 1 opens") == [0]


async def test_a_passage_taller_than_the_view_opens_at_its_first_line(store_path):
    first, last = PARAGRAPHS[9], PARAGRAPHS[29]  # 21 paragraphs: 41 lines in a view of 25
    start, end = LONG.body.index(first), LONG.body.index(last) + len(last)
    app = ScreenApp(lambda: ArticleScreen(StoreReader(store_path), LONG.id, start, end))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert view_rows(pilot, "Paragraph 10 adds") == [0]


async def test_pager_keys_scroll_the_body(store_path):
    async with article_app(store_path, LONG, FIRST).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        scroll = pilot.app.screen.query_one(ArticleBody)
        await pilot.press("j", "j")
        assert scroll.scroll_y == 2
        await pilot.press("k")
        assert scroll.scroll_y == 1
        await pilot.press("G")
        assert scroll.scroll_y == scroll.max_scroll_y > 0
        await pilot.press("g")
        assert scroll.scroll_y == 0
        await pilot.press("space")
        assert scroll.scroll_y >= scroll.scrollable_content_region.height - 1
        await pilot.press("b")
        assert scroll.scroll_y == 0


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_esc_and_q_go_back(store_path, key):
    async with article_app(store_path, LONG, PASSAGE).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        assert len(pilot.app.screen_stack) == 1


async def test_markup_shows_literally_and_escape_sequences_are_dropped(store_path):
    async with article_app(store_path, HOSTILE, "A ").run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#article-title")) == "[bold]x[/] and [link=http://evil]click[/link]"
        body = pilot.app.screen.query_one("#article-body", Static)
        assert shown(body) == "Intro.\nA link and [red]markup[/red] here."
        assert "\x1b" not in body.content.plain and "\x07" not in body.content.plain


async def test_a_missing_article_says_it_is_gone(store_path):
    async with article_app(store_path, "0" * 32, "").run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#article-title")) == "This article is no longer in the store."
        assert shown(pilot.app.screen.query_one("#article-body", Static)) == ""


async def test_an_unreadable_store_is_reported_in_the_header(tmp_path):
    app = ScreenApp(lambda: ArticleScreen(StoreReader(tmp_path / "gone.db"), LONG.id, 0, 1))
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert shown(pilot.app.screen.query_one("#article-title")).replace("\n", " ").startswith(
            f"Cannot read the article: no such store: {tmp_path / 'gone.db'}")


def test_snapshot_of_the_article_screen(store_path, snap_compare):
    assert snap_compare(article_app(store_path, LONG, PASSAGE), terminal_size=(100, 30), run_before=loaded)
