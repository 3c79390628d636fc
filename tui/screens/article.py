"""The article screen: one source article whole (title, publication date, file and url over its body), with the
passage an event was read from marked and scrolled to the middle of the view when the article opens."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from store.queries import ArticleRow
from tui.article_text import line_of, marked, provenance, safe_line
from tui.messages import StoreFailed
from tui.reader import StoreReader
from tui.store_workers import reports_store_errors
from tui.widgets.key_bar import KeyBar


class ArticleBody(VerticalScroll):
    """The scrolling body, with the pager keys of less on top of the arrows and PgUp/PgDn/Home/End."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="article.down"),
        Binding("k", "scroll_up", "Up", show=False, id="article.up"),
        Binding("space", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]


class ArticleText(Static):
    """The article's text, saying when it was laid out at a new size: Textual sends a Resize event to a widget whose
    region changed (this one, when its text changes), not to the scroll around it, and Resize does not bubble."""

    class Resized(Message):
        pass

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class ArticleScreen(Screen):
    """The article `article_id` with its characters [start, end) marked and centred on opening."""

    COMPONENT_CLASSES = {"article--passage"}
    DEFAULT_CSS = """
    ArticleScreen #article-title { padding: 0 1; text-style: bold; background: $panel; }
    ArticleScreen #article-meta { padding: 0 1; color: $text-muted; background: $panel; }
    ArticleScreen ArticleBody { padding: 1 0 1 2; scrollbar-gutter: stable; overflow-x: hidden; }
    ArticleScreen #article-body { padding-right: 2; }
    ArticleScreen > .article--passage { background: $warning 30%; text-style: bold; }
    """
    BINDINGS = [Binding("escape,q", "back", "Back", id="article.back")]

    class Loaded(Message):
        def __init__(self, article: ArticleRow | None, body: Content) -> None:
            super().__init__()
            self.article = article
            self.body = body

    def __init__(self, reader: StoreReader, article_id: str, start: int, end: int) -> None:
        super().__init__()
        self.reader = reader
        self.article_id = article_id
        self.passage = (start, end)
        self._to_centre: Content | None = None  # a body shown but not yet scrolled to its passage

    def compose(self) -> ComposeResult:
        yield Static("Loading the article…", id="article-title", markup=False)
        yield Static(id="article-meta", markup=False)
        with ArticleBody(id="article-scroll"):
            yield ArticleText(id="article-body", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    @reports_store_errors()
    def _load(self) -> None:
        article = self.reader.article(self.article_id)
        body = Content("") if article is None else marked(article.body, *self.passage, ".article--passage")
        self.post_message(self.Loaded(article, body))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        article = message.article
        if article is None:
            self.query_one("#article-title", Static).update("This article is no longer in the store.")
            return
        self.query_one("#article-title", Static).update(safe_line(article.title or article.path))
        self.query_one("#article-meta", Static).update(provenance(article.published, article.path, article.url))
        self.query_one("#article-body", Static).update(message.body)
        self._to_centre = message.body if message.body.spans else None
        self.call_after_refresh(self._centre_passage)

    @property
    def passage_pending(self) -> bool:
        """The article is shown but the view is not yet scrolled to its passage."""
        return self._to_centre is not None

    @on(ArticleText.Resized)
    def _laid_out(self) -> None:
        self._centre_passage()

    @on(StoreFailed)
    def _fail(self, message: StoreFailed) -> None:
        self.query_one("#article-title", Static).update(Content(f"Cannot read the article: {message.error}"))

    def _centre_passage(self) -> None:
        """Scroll so that the marked passage sits in the middle of the view (its top, if it is taller), once."""
        body = self._to_centre
        if body is None:
            return
        passage = body.spans[0]  # the one span `marked` made
        text = self.query_one("#article-body", Static)
        width = text.content_region.width
        first = line_of(body, passage.start, width)
        last = line_of(body, max(passage.start, passage.end - 1), width)
        if text.content_region.height <= last:
            # "after refresh" can come before the layout of the new text (seen on a busy machine: the body was
            # still one line high, so there was nothing to scroll and the article opened at its top): wait for
            # the body's resize, which comes once the text is laid out.
            return
        self._to_centre = None
        region = Region(0, text.virtual_region.y + first, width, last - first + 1)
        # a region taller than the view keeps its first line visible (origin_visible), so it opens at its top
        self.query_one(ArticleBody).scroll_to_region(region, center=True, animate=False, immediate=True)

    def action_back(self) -> None:
        self.dismiss()
