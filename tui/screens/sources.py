"""The sources screen: where one event is told. Under the event's summary, date, actors and what dated it, each
source article, in publication order, shows its title, outlet, publication date, file (and url), what dated this
telling, and the paragraph with the excerpt marked and the dating words marked apart; `o` opens the article at the
excerpt and `y` copies the excerpt with its citation."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from store.disputes import what_each_says, who_each_names
from store.provenance import chosen_telling, dating_note
from store.queries import EventRow, SourceRow
from tui.citation import copy_cited
from tui.article_text import marked, provenance, safe_line
from tui.dates import date_label, day_label
from tui.messages import StoreFailed
from tui.reader import StoreReader
from tui.store_workers import reports_store_errors
from tui.screens.article import ArticleScreen
from tui.widgets.key_bar import KeyBar


class SourceCard(Vertical):
    """One source: title, then outlet · publication date · file, the URL on a line of its own, then what dated
    this telling, then the paragraph with the excerpt and the dating words marked."""

    COMPONENT_CLASSES = {"source-card--excerpt", "source-card--dating"}
    DEFAULT_CSS = """
    SourceCard { height: auto; padding: 0 1; margin-bottom: 1; border-left: blank; }
    SourceCard.-selected { border-left: thick $accent; background: $boost; }
    SourceCard .title { text-style: bold; }
    SourceCard .meta { color: $text-muted; }
    SourceCard > .source-card--excerpt { background: $warning 30%; text-style: bold; }
    SourceCard > .source-card--dating { background: $success 40%; text-style: bold underline; }
    """

    class Chosen(Message):
        """The user clicked the card."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, source: SourceRow) -> None:
        super().__init__()
        self.index = index
        self.source = source

    def compose(self) -> ComposeResult:
        source = self.source
        yield Static(safe_line(source.title or source.path), classes="title")
        yield Static(provenance(source.published, source.path, None, source.outlet), classes="meta")
        if source.url:  # a line of its own: a link breaks only where it is wider than the screen
            yield Static(safe_line(source.url), classes="meta url")
        if source.dating is not None:
            note = dating_note(source.dating, source.dating.reason, source.published, day_label)
            yield Static(Content.assemble("Dated: ", safe_line(note)), classes="meta dating")
        offset = source.paragraph_start
        dating = source.dating
        words = ([(dating.start - offset, dating.end - offset, ".source-card--dating")]
                 if dating is not None and dating.start is not None and offset <= dating.start
                 and dating.end <= offset + len(source.paragraph) else [])
        yield Static(marked(source.paragraph, source.start - offset, source.end - offset, ".source-card--excerpt",
                            *words), classes="paragraph")

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.index))


class SourcesScreen(Screen):
    """The sources of the event `event_id`, one card each; the selected card is the one `o` and `y` act on."""

    DEFAULT_CSS = """
    SourcesScreen #event-summary { padding: 0 1; text-style: bold; background: $panel; }
    SourcesScreen #event-meta { padding: 0 1; color: $text-muted; background: $panel; }
    SourcesScreen #source-list { padding: 1 1 0 1; }
    """
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="sources.back"),
        Binding("down,j", "move(1)", "Next", id="sources.next"),
        Binding("up,k", "move(-1)", "Previous", id="sources.previous"),
        Binding("o", "open_article", "Open article", id="sources.open_article"),
        Binding("y", "copy_excerpt", "Copy excerpt", id="sources.copy_excerpt"),
    ]

    class Loaded(Message):
        def __init__(self, event: EventRow | None, sources: list[SourceRow],
                     disputing: list[EventRow] | None = None) -> None:
            super().__init__()
            self.event = event
            self.sources = sources
            self.disputing = disputing or []

    def __init__(self, reader: StoreReader, event_id: int) -> None:
        super().__init__()
        self.reader = reader
        self.event_id = event_id
        self.sources: list[SourceRow] = []
        self.selected = 0

    def compose(self) -> ComposeResult:
        yield Static("Loading the sources…", id="event-summary", markup=False)
        yield Static(id="event-meta", markup=False)
        yield VerticalScroll(id="source-list", can_focus=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True)
    @reports_store_errors()
    def _load(self) -> None:
        event = self.reader.event(self.event_id)
        sources = self.reader.sources(self.event_id)
        disputing = self.reader.disputing(self.event_id) if event is not None and event.disputed else []
        self.post_message(self.Loaded(event, sources, disputing))

    @on(Loaded)
    async def _show(self, message: Loaded) -> None:
        event = message.event
        if event is None:
            self.query_one("#event-summary", Static).update("This event is no longer in the store.")
            return
        self.query_one("#event-summary", Static).update(safe_line(event.summary))
        told = f"{len(message.sources)} source{'' if len(message.sources) == 1 else 's'}"
        details = [date_label(event.when, event.dated_by), ", ".join(event.persons), " ".join(event.countries), told]
        meta = safe_line(" · ".join(part for part in details if part))
        chosen = chosen_telling(message.sources, event.dated_by, event.when)
        if chosen is not None:
            note = dating_note(chosen.dating, event.dated_by, chosen.published, day_label)
            meta = Content.assemble(meta, "\nDated: ", safe_line(note))
        if event.disputed:
            said = "; ".join(what_each_says(message.sources, message.disputing, date_label))
            named = "; ".join(who_each_names(message.sources))
            if said or not named:
                meta = Content.assemble(meta, "\nThe sources disagree on the date: ",
                                        safe_line(said or "see the Dated line of each source"))
            if named:
                meta = Content.assemble(meta, "\nThe sources disagree on who took part: ", safe_line(named))
        self.query_one("#event-meta", Static).update(meta)
        self.sources = message.sources
        source_list = self.query_one("#source-list", VerticalScroll)
        if self.sources:
            await source_list.mount_all(SourceCard(index, source) for index, source in enumerate(self.sources))
            self._select(0)
        else:
            await source_list.mount(Static("The store keeps no source for this event.", id="no-source"))
        self.refresh_bindings()

    @on(StoreFailed)
    def _fail(self, message: StoreFailed) -> None:
        self.query_one("#event-summary", Static).update(Content(f"Cannot read the sources: {message.error}"))

    @on(SourceCard.Chosen)
    def _choose(self, message: SourceCard.Chosen) -> None:
        self._select(message.index)

    def _select(self, index: int) -> None:
        cards = list(self.query(SourceCard))
        self.selected = index
        for card in cards:
            card.set_class(card.index == index, "-selected")
        cards[index].scroll_visible(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on a source show greyed out while there is none."""
        if action in ("move", "open_article", "copy_excerpt") and not self.sources:
            return None
        return True

    def action_move(self, step: int) -> None:
        self._select(max(0, min(self.selected + step, len(self.sources) - 1)))

    def action_open_article(self) -> None:
        source = self.sources[self.selected]
        self.app.push_screen(ArticleScreen(self.reader, source.article_id, source.start, source.end))

    def action_copy_excerpt(self) -> None:
        copy_cited(self.app, self.sources[self.selected])

    def action_back(self) -> None:
        self.dismiss()
