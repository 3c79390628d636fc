"""The main screen: header (chips, count), the timeline, the density sparkline, the detail of the event under
the cursor, and the countries and persons sidebar (hidden on narrow terminals).

The screen owns the view's state (filter, order, last search) and every store read: thread workers call the
`StoreReader` and post `tui.messages` back; the handlers update the widgets. Every few seconds a worker asks the
store whether it was written since it was read (an ingest running beside the browser); the header then says so and
ctrl+r reads it again, keeping the filter and the event under the cursor.
"""
from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from store import corrections
from store.clean import clean_line
from store.db import StoreError
from store.density import Bucket, bucket_index
from store.filter import Filter
from store.model import When
from store.pairs import Pair
from store.queries import EventRow
from store.selection import match_expression
from tui import navigation
from tui.dates import date_label
from tui.citation import copy_cited
from tui.messages import (
    CursorFound,
    DensityCounted,
    DetailLoaded,
    ExcerptRead,
    CorrectionRefused,
    FacetsCounted,
    HitsKept,
    KeyDatesFound,
    NothingFound,
    PersonCorrected,
    PersonSplit,
    RowsLoaded,
    SpellingsRead,
    StoreChanged,
    StoreFailed,
    StoreOpened,
    StoreRecounted,
    ViewCounted,
)
from tui.reader import StoreReader
from tui.store_workers import reports_store_errors
from tui.widgets.density import Density
from tui.widgets.detail import EventDetail
from tui.widgets.facets import FacetList
from tui.paths import is_sample, store_label
from tui.widgets.header import FilterHeader
from tui.widgets.key_bar import KeyBar
from tui.widgets.timeline import Timeline, View
from tui.widgets.timeline_rows import Fetch

KEY_DATES = 12  # how many key dates the key view starts with
KEY_EVENTS_PER_DATE = 2  # the top events shown under each key date
_FIELDS = {"person": "persons", "country": "countries", "org": "orgs"}  # a kind of actor → its Filter field
FOLLOW_DELAY = 0.04  # seconds the cursor rests before the detail follows it
WATCH_INTERVAL = 2.0  # seconds between two looks at whether the store was written meanwhile



QUOTED_SEARCH = 60  # characters of a search quoted in a notification; a longer one is cut with an ellipsis


def quoted_search(text: str) -> str:
    """A search as a notification quotes it: one clean line, at most QUOTED_SEARCH characters."""
    line = clean_line(text)
    return line if len(line) <= QUOTED_SEARCH else line[:QUOTED_SEARCH - 1] + "…"

class MainScreen(Screen[None]):
    AUTO_FOCUS = "Timeline"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    BINDINGS = [
        Binding("enter", "open_sources", "Sources", tooltip="Open the sources of the event under the cursor",
                id="main.open_sources"),
        Binding("slash", "search", "Search", tooltip="Search summaries and sources", id="main.search"),
        Binding("w", "pairs", "Pairs", show=False, tooltip="Who met whom: the actor pairs sharing most events",
                id="main.pairs"),
        Binding("f", "only_hits", "Only hits", show=False, tooltip="Show only the search's hits, or all again",
                id="main.only_hits"),
        Binding("n", "next_hit", "Next hit", show=False, tooltip="Go to the next search hit", id="main.next_hit"),
        Binding("N", "previous_hit", "Previous hit", show=False, tooltip="Go to the previous search hit",
                id="main.previous_hit"),
        Binding("t", "jump_to_date", "Date", tooltip="Jump to a date", id="main.jump_to_date"),
        Binding("d", "key_dates", "Key dates", tooltip="The key dates of the filter and their top events, or all "
                "events again", id="main.key_dates"),
        Binding("plus", "key_date_count(4)", "More key dates", show=False, tooltip="Show four more key dates",
                id="main.more_key_dates"),
        Binding("minus", "key_date_count(-4)", "Fewer key dates", show=False, tooltip="Show four fewer key dates",
                id="main.fewer_key_dates"),
        Binding("left_square_bracket", "step('month', False)", "Previous month", show=False,
                tooltip="Go to the previous month with events", id="main.previous_month"),
        Binding("right_square_bracket", "step('month', True)", "Next month", show=False,
                tooltip="Go to the next month with events", id="main.next_month"),
        Binding("left_curly_bracket", "step('year', False)", "Previous year", show=False,
                tooltip="Go to the previous year with events", id="main.previous_year"),
        Binding("right_curly_bracket", "step('year', True)", "Next year", show=False,
                tooltip="Go to the next year with events", id="main.next_year"),
        Binding("p", "pick('person')", "Person", tooltip="Filter by a person", id="main.pick_person"),
        Binding("c", "pick('country')", "Country", tooltip="Filter by a country", id="main.pick_country"),
        Binding("o", "pick('org')", "Org", tooltip="Filter by an organisation", id="main.pick_org"),
        Binding("x", "clear", "Clear", tooltip="Clear the filters and the search", id="main.clear"),
        Binding("r", "reverse", "Newest first", show=False, tooltip="Newest first / oldest first",
                id="main.reverse"),
        Binding("y", "copy_excerpt", "Copy excerpt", show=False,
                tooltip="Copy the first excerpt of the event under the cursor", id="main.copy_excerpt"),
        Binding("ctrl+r,f5", "reload", "Reload", show=False,
                tooltip="Read the store again (after an ingest), keeping the filter and the cursor's event",
                id="main.reload"),
    ]

    def __init__(self, reader: StoreReader, today: date | None = None) -> None:
        super().__init__()
        self.reader = reader
        self.today = today or date.today()
        self.flt = Filter()
        self.key_date_count = KEY_DATES  # how many key dates the key view shows (d; + and - change it)
        self._key_request: tuple[Filter, int] | None = None  # the key dates asked for last, until they come
        self.descending = False
        self.search_text = ""
        self.generation = 0
        self.opened = False
        self.store_total: int | None = None
        self.changes_seen = 0  # the store's count of write batches when it was last read
        self.stale = False  # the store was written since
        self._watch_timer: Timer | None = None
        self._chips: list[str] = []
        self._hit: tuple[int | None, int] | None = None  # (rank, count) of the search's hit under the cursor
        self._hit_keys: navigation.HitKeys | None = None  # the current search's hits, read once (navigation)
        self._hits_wanted: tuple[Filter, str] | None = None  # (filter, text) of a search whose hits are to be read
        self._move_reach = (0, 0)  # (cursor, rows on screen) when the move under way started
        self._buckets: list[Bucket] = []
        self._moves: deque[tuple[Callable[[View, EventRow | None], None], bool]] = deque()
        self._moving = False
        self._follow_timer: Timer | None = None
        self._side_wanted: tuple[int, Filter] | None = None  # (generation, filter) whose facets wait for its rows

    @property
    def timeline(self) -> Timeline:
        return self.query_one(Timeline)

    def compose(self) -> ComposeResult:
        yield FilterHeader(store_label(self.reader.path), id="header")
        with Horizontal(id="body"):
            with Vertical(id="main-column"):
                yield Timeline(id="timeline")
                yield Static(id="empty", markup=False)
                yield Density(id="density")
                yield EventDetail(id="detail")
            with Vertical(id="sidebar"):
                yield FacetList("country", on_toggle=self.toggle_actor, id="countries")
                yield FacetList("person", on_toggle=self.toggle_actor, id="persons")
                yield FacetList("org", on_toggle=self.toggle_actor, id="orgs")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#empty").display = False
        ready = self.reader.first_view_if_ready()
        if ready is not None:  # read while Textual was loading: the first frame shows the rows
            self.on_store_opened(StoreOpened(*ready))
        else:
            self._open_store()

    # Store workers: each reads, then posts what it read.

    @work(thread=True, exclusive=True, group="open")
    @reports_store_errors()
    def _open_store(self) -> None:
        self.reader.open()
        self.post_message(StoreOpened(*self.reader.first_view()))

    @work(thread=True, exclusive=True, group="open")
    @reports_store_errors()
    def _recount_store(self) -> None:
        changes = self.reader.changes()
        self.post_message(StoreRecounted(self.reader.count(Filter()), changes))

    @work(thread=True, group="watch")
    def _look_for_changes(self, seen: int) -> None:
        try:
            changes = self.reader.changes()
        except (StoreError, sqlite3.Error):
            return  # a look in passing: the next read the user asks for reports the trouble
        if changes != seen:
            self.post_message(StoreChanged(changes))

    @work(thread=True, exclusive=True, group="view")
    @reports_store_errors()
    def _count_view(self, generation: int, flt: Filter, descending: bool, anchor: EventRow | None,
                    screenful: int) -> None:
        total = self.reader.count(flt)
        place = navigation.Place(0, None)
        if anchor is not None and total:
            place = navigation.place_of(self.reader, flt, descending, anchor, total)
        first, rows = navigation.rows_around(self.reader, flt, descending, place, total, screenful)
        names = self.reader.country_names(flt.countries)
        chips = [*flt.persons, *(names[code] for code in flt.countries), *flt.orgs,
                 *([f"only “{flt.text}”"] if flt.text else []), *(["key dates"] if flt.only is not None else [])]
        self.post_message(ViewCounted(generation, flt, descending, total, place.index, place.row, chips, first, rows))

    @work(thread=True, exclusive=True, group="facets")
    @reports_store_errors()
    def _count_facets(self, generation: int, flt: Filter) -> None:
        for kind, counts in self.reader.facet_counts(flt).items():
            self.post_message(FacetsCounted(generation, kind, counts))

    @work(thread=True, exclusive=True, group="correct")
    @reports_store_errors()
    def _correct_person(self, name: str, target: str) -> None:
        try:
            known, target = corrections.correct_person(self.reader.path, name, target)
        except ValueError as error:
            self.post_message(CorrectionRefused(str(error)))
            return
        self.post_message(PersonCorrected(name, target, known))

    @work(thread=True, exclusive=True, group="correct")
    @reports_store_errors()
    def _read_spellings(self, name: str) -> None:
        self.post_message(SpellingsRead(name, self.reader.spellings(name)))

    @work(thread=True, exclusive=True, group="correct")
    @reports_store_errors()
    def _split_person(self, name: str, alias: str) -> None:
        try:
            count = corrections.split_person(self.reader.path, name, alias)
        except ValueError as error:
            self.post_message(CorrectionRefused(str(error)))
            return
        self.post_message(PersonSplit(name, alias, count))

    @work(thread=True, exclusive=True, group="density")
    @reports_store_errors()
    def _count_density(self, generation: int, flt: Filter) -> None:
        self.post_message(DensityCounted(generation, self.reader.density(flt)))

    @work(thread=True, group="rows")
    @reports_store_errors()
    def _load_rows(self, view: View, fetch: Fetch) -> None:
        first, rows = fetch.run(self.reader, view.flt, view.descending)
        self.post_message(RowsLoaded(view.generation, first, rows))

    @work(thread=True, exclusive=True, group="detail")
    @reports_store_errors()
    def _load_detail(self, row: EventRow) -> None:
        sources = self.reader.sources(row.id)
        disputing = self.reader.disputing(row.id) if row.disputed else []
        self.post_message(DetailLoaded(row.id, sources, self.reader.country_names(row.countries), disputing))

    @work(thread=True, group="move")
    @reports_store_errors(move=True)
    def _jump_to_date(self, view: View, when: When) -> None:
        place = navigation.place_of_date(self.reader, view.flt, view.descending, when, view.total)
        side = "before" if view.descending else "after"
        note = f"No event on or {side} {date_label(when)}: this is the last one" if place.beyond else ""
        self.post_message(CursorFound(view.generation, place.index, place.row, note, around=self._around(view, place)))

    @work(thread=True, group="move")
    @reports_store_errors(move=True)
    def _step(self, view: View, row: EventRow, unit: str, later: bool) -> None:
        place = navigation.place_of_step(self.reader, view.flt, view.descending, row, unit, later, view.total)
        if place is None:
            self.post_message(NothingFound(f"No {'later' if later else 'earlier'} {unit} with events"))
        else:
            self.post_message(CursorFound(view.generation, place.index, place.row, around=self._around(view, place)))

    @work(thread=True, group="move")
    @reports_store_errors(move=True)
    def _find(self, view: View, text: str, row: EventRow | None, backward: bool, include_row: bool) -> None:
        kept = self._hit_keys  # read once, at the first press or by _keep_hits; until then the store is asked
        count = None
        if kept is None or kept.flt != replace(view.flt, text=text):
            kept, count = navigation.hit_keys_at_once(self.reader, view.flt, text)
            if kept is not None:
                self.post_message(HitsKept(kept))
        hit = navigation.next_hit(self.reader, view.flt, view.descending, text, row, backward, include_row, kept,
                                  count)
        if hit is None:
            self.post_message(NothingFound(f"No event matches “{quoted_search(text)}”", search=True))
            return
        note = "Search wrapped around" if hit.wrapped else ""
        self.post_message(CursorFound(view.generation, hit.place.index, hit.place.row, note,
                                      hit=(hit.number, hit.count), around=self._around(view, hit.place)))

    def _around(self, view: View, place: navigation.Place) -> tuple[int, list[EventRow]] | None:
        """The rows about a landing far from the cursor the move started at (read in the move's worker, so that
        the frame there needs no second read); None near it, where the rows are read already."""
        cursor, screenful = self._move_reach
        if place.row is None or abs(place.index - cursor) <= 2 * screenful:
            return None
        return navigation.rows_around(self.reader, view.flt, view.descending, place, view.total, screenful)

    @work(thread=True, exclusive=True, group="hits")
    @reports_store_errors()
    def _keep_hits(self, flt: Filter, text: str) -> None:
        """Read the search's hits once, for the next n, N and "k of n" (the press that started it asks the
        store: reading every hit can take longer than finding the first)."""
        self.post_message(HitsKept(navigation.hit_keys(self.reader, flt, text)))

    @work(thread=True, exclusive=True, group="copy")
    @reports_store_errors()
    def _read_excerpt(self, event_id: int) -> None:
        sources = self.reader.sources(event_id)
        self.post_message(ExcerptRead(sources[0] if sources else None))

    # Worker results

    def on_store_opened(self, message: StoreOpened) -> None:
        self.opened = True
        self.store_total = message.total
        self.changes_seen = message.changes
        if self._watch_timer is None:
            self._watch_timer = self.set_interval(WATCH_INTERVAL, self._watch)
        self.generation += 1
        self._show_view(ViewCounted(self.generation, self.flt, self.descending, message.total, 0,
                                    message.rows[0] if message.rows else None, [], 0, message.rows))

    def _watch(self) -> None:
        if not self.stale:
            self._look_for_changes(self.changes_seen)

    def on_store_changed(self, message: StoreChanged) -> None:
        if self.stale or message.changes == self.changes_seen:
            return
        self.stale = True
        self.query_one(FilterHeader).set_stale(True)
        self.notify("The store has new content: press ctrl+r to reload", title="Store changed", timeout=6)

    def on_store_recounted(self, message: StoreRecounted) -> None:
        self.store_total = message.total
        self.changes_seen = message.changes
        self.stale = False
        self._hit_keys = None  # the store changed: the search's hits are read again
        self.query_one(FilterHeader).set_stale(False)
        self.query_one(EventDetail).event_id = None  # its sources may have grown: read them again
        self.app.clear_notifications()  # "the store has new content" is answered
        self.notify(f"Store read again: {message.total:,} events", timeout=2)
        if self.flt.only is not None:  # the key view: the store's key dates may have changed with it
            self._ask_key_dates(replace(self.flt, only=None))
        self._refresh_view()

    def on_store_failed(self, message: StoreFailed) -> None:
        if not self.opened:
            self.app.exit(return_code=1, message=f"dateline: error: {message.error}")
            return
        self.notify(message.error, title="Store error", severity="error", markup=False)
        if message.move:
            self._move_done()

    def on_view_counted(self, message: ViewCounted) -> None:
        if message.generation == self.generation:
            self._show_view(message)

    def _show_view(self, message: ViewCounted) -> None:
        """Show a counted view, then (once it is on screen) count its facets and its density: those reads can
        take a while on a large store, and the timeline is usable meanwhile."""
        self._chips = message.chips
        view = View(message.generation, message.flt, message.descending, message.total)
        self.timeline.reset(view, message.cursor, message.row)
        self.timeline.add_rows(view.generation, message.first, message.rows)
        self._show_header(message.total)
        self._show_empty(message.total)
        self._side_wanted = (message.generation, message.flt)
        if not message.total:  # no rows to draw first
            self._count_side(message.generation)

    @on(Timeline.Drawn)
    def _view_drawn(self, message: Timeline.Drawn) -> None:
        self._count_side(message.generation)

    def _count_side(self, generation: int) -> None:
        """Count the facets and the density of view `generation` once its rows are drawn (not alongside: their
        reads and lists would delay its frame)."""
        wanted, self._side_wanted = self._side_wanted, None
        if wanted is not None and wanted[0] == generation == self.generation:
            self._count_facets(generation, wanted[1])
            self._count_density(generation, wanted[1])

    def on_rows_loaded(self, message: RowsLoaded) -> None:
        self.timeline.add_rows(message.generation, message.first, message.rows)

    @on(Timeline.RowsWanted)
    def _rows_wanted(self, message: Timeline.RowsWanted) -> None:
        self._load_rows(message.view, message.fetch)

    @on(Timeline.CursorMoved)
    def _cursor_moved(self, message: Timeline.CursorMoved) -> None:
        # The timeline paints at once; the detail and the sparkline follow when the cursor rests for a moment, so
        # that a held key or a run of page downs repaints the timeline alone.
        if message.row is not None:
            if self._follow_timer is not None:
                self._follow_timer.stop()
            self._follow_timer = self.set_timer(FOLLOW_DELAY, self._follow_cursor)

    def _follow_cursor(self) -> None:
        self._follow_timer = None
        row = self.timeline.row
        if row is None:
            return
        self.query_one(Density).set_cursor(bucket_index(self._buckets, row.start))
        detail = self.query_one(EventDetail)
        if row.id != detail.event_id:
            detail.show(row)
            self._load_detail(row)

    def on_detail_loaded(self, message: DetailLoaded) -> None:
        row = self.timeline.row
        if row is not None and row.id == message.event_id:
            self.query_one(EventDetail).show(row, message.sources, message.country_names, message.disputing)

    def on_cursor_found(self, message: CursorFound) -> None:
        if message.generation == self.timeline.view.generation:
            if message.hit is not None:
                self._hit = message.hit
                self._show_header(self.timeline.view.total)
            self.timeline.jump(message.index, message.row, message.around)
            wanted, self._hits_wanted = self._hits_wanted, None
            if message.hit is not None and wanted is not None and not self._hits_kept_for(*wanted):
                self.call_after_refresh(self._keep_hits, *wanted)
            if message.note:
                self.notify(message.note, timeout=3, markup=False)
        self._move_done()

    def on_nothing_found(self, message: NothingFound) -> None:
        self._move_done()
        if message.search:
            self._hit = (0, 0)
            self._show_header(self.timeline.view.total)
        self.notify(message.note, severity="warning", timeout=3, markup=False)

    def on_excerpt_read(self, message: ExcerptRead) -> None:
        if message.source is None:
            self.notify("This event has no source excerpt", severity="warning")
            return
        copy_cited(self.app, message.source)

    def on_facets_counted(self, message: FacetsCounted) -> None:
        if message.generation != self.generation:
            return
        selected = getattr(self.flt, _FIELDS[message.kind])
        facets = self.query_one(f"#{_FIELDS[message.kind]}", FacetList)
        facets.set_counts(message.counts, set(selected))

    @on(FacetList.CorrectionAsked)
    def _ask_correction(self, message: FacetList.CorrectionAsked) -> None:
        if is_sample(self.reader.path):
            self.notify("The bundled sample is not corrected: ingest your own articles, then correct names there",
                        severity="warning", markup=False)
            return
        if message.split:
            self._read_spellings(message.name)
            return
        others = self.query_one("#persons", FacetList).keys
        from tui.dialogs.person_name import PersonNameDialog  # loaded when first opened
        self.app.push_screen(PersonNameDialog(message.name, others),
                             lambda target: target and self._correct_person(message.name, target))

    def on_spellings_read(self, message: SpellingsRead) -> None:
        if not message.spellings:
            self.notify(f"The store knows {message.name} by that one spelling: nothing to split", markup=False)
            return
        from tui.dialogs.person_split import PersonSplitDialog  # loaded when first opened
        self.app.push_screen(PersonSplitDialog(message.name, message.spellings),
                             lambda alias: alias and self._split_person(message.name, alias))

    def on_person_split(self, message: PersonSplit) -> None:
        events = "1 event names" if message.count == 1 else f"{message.count} events name"
        self.notify(f"{message.alias} is a person of their own: {events} them", timeout=4, markup=False)
        self._recount_store()

    def on_person_corrected(self, message: PersonCorrected) -> None:
        self.notify(f"{message.name} is now {message.target}; later ingests will say so too", timeout=4,
                    markup=False)
        if message.name in self.flt.persons:  # the filter follows the person
            self.flt = _with_actor(_with_actor(self.flt, "person", message.name, False), "person",
                                   message.target, True)
        self._recount_store()

    def on_correction_refused(self, message: CorrectionRefused) -> None:
        self.notify(clean_line(message.reason), severity="warning", markup=False)

    def on_density_counted(self, message: DensityCounted) -> None:
        if message.generation != self.generation:
            return
        self._buckets = message.buckets
        row = self.timeline.row
        self.query_one(Density).set_data(message.buckets, bucket_index(message.buckets, row.start if row else None))

    # Actions

    def action_open_sources(self) -> None:
        row = self.timeline.row
        if row is None:
            return
        from tui.screens.sources import SourcesScreen  # loaded when first opened
        self.app.push_screen(SourcesScreen(self.reader, row.id))

    def action_search(self) -> None:
        from tui.dialogs.search import SearchDialog  # loaded when first opened
        self.app.push_screen(SearchDialog(self.search_text), self._search_for)

    def _search_for(self, text: str | None) -> None:
        if not text:
            return
        if not match_expression(text):
            self.notify(f"Nothing to search for in “{quoted_search(text)}”: type a word", severity="warning",
                        timeout=3, markup=False)
            return
        self.search_text = text
        self._hit = None
        self.timeline.mark_words(text)
        self._show_header(self.timeline.view.total)
        self._hits_wanted = (self.flt, text)  # read once the first hit is on screen, not in the way of finding it
        self._move(lambda view, row: self._find(view, text, row, False, True))

    def action_next_hit(self) -> None:
        self._find_again(backward=False)

    def action_previous_hit(self) -> None:
        self._find_again(backward=True)

    def _find_again(self, backward: bool) -> None:
        if not self.search_text:
            self.notify("Search first: press /", timeout=2)
            return
        text = self.search_text
        if not self._hits_kept_for(self.flt, text):
            self._keep_hits(self.flt, text)  # the filter changed since the search: its hits are read again
        self._move(lambda view, row: self._find(view, text, row, backward, False))

    def _hits_kept_for(self, flt: Filter, text: str) -> bool:
        return self._hit_keys is not None and self._hit_keys.flt == replace(flt, text=text)

    def action_jump_to_date(self) -> None:
        from tui.dialogs.date_jump import DateJumpDialog  # loaded when first opened
        self.app.push_screen(DateJumpDialog(self.today), self._jump_to)

    def _jump_to(self, when: When | None) -> None:
        if when is not None:
            self._move(lambda view, row: self._jump_to_date(view, when), needs_row=False)

    def action_step(self, unit: str, later: bool) -> None:
        self._move(lambda view, row: self._step(view, row, unit, later))

    def action_pick(self, kind: str) -> None:
        selected = tuple(getattr(self.flt, _FIELDS[kind]))
        from tui.dialogs.actor_picker import ActorPicker  # loaded when first opened
        self.app.push_screen(ActorPicker(self.reader, kind, self.flt, selected), lambda key: self._select(kind, key))

    def _select(self, kind: str, key: str | None) -> None:
        """The picked actor joins the filter; one already in it leaves it."""
        if key:
            self.toggle_actor(kind, key)

    def toggle_actor(self, kind: str, key: str) -> None:
        """Add the actor to the filter, or take it off when it is there."""
        selected = key not in getattr(self.flt, _FIELDS[kind])
        self._set_filter(_with_actor(self.flt, kind, key, selected))

    def action_clear(self) -> None:
        if self.flt == Filter() and not self.search_text:
            self.notify("No filter to clear", timeout=2)
            return
        self.search_text = ""
        self._hit = None
        self.timeline.mark_words("")
        self._set_filter(Filter())

    def action_pairs(self) -> None:
        from tui.screens.pairs import PairsScreen  # loaded when first opened
        self.app.push_screen(PairsScreen(self.reader, self.flt), self._filter_to_pair)

    def _filter_to_pair(self, pair: Pair | None) -> None:
        """Both actors of the chosen pair join the filter."""
        if pair is not None:
            flt = self.flt
            for actor in (pair.first, pair.second):
                flt = _with_actor(flt, actor.kind, actor.key, selected=True)
            self._set_filter(flt)

    def action_only_hits(self) -> None:
        """Show only the events the search finds (a filter on its words), or all of them again."""
        if self.flt.text:
            self._set_filter(replace(self.flt, text=""))
        elif self.search_text:
            self._set_filter(replace(self.flt, text=self.search_text))
        else:
            self.notify("Search first: press /", timeout=2)

    def action_key_dates(self) -> None:
        """Show the key dates of the filter with their top events, or all events again (the cursor's event kept)."""
        if self.flt.only is not None:
            self._set_filter(replace(self.flt, only=None))
            self.notify("All events", timeout=2)
        else:
            self._ask_key_dates(self.flt)

    def action_key_date_count(self, step: int) -> None:
        if self.flt.only is None:
            self.notify("Press d for the key dates first", timeout=2)
            return
        self.key_date_count = max(1, self.key_date_count + step)
        self._ask_key_dates(replace(self.flt, only=None))

    def _ask_key_dates(self, flt: Filter) -> None:
        """Find the key dates of `flt` (without `only`); only the answer to the latest request is shown."""
        self._key_request = (flt, self.key_date_count)
        self._find_key_dates(flt, self.key_date_count)

    @work(thread=True, exclusive=True, group="key_dates")
    @reports_store_errors()
    def _find_key_dates(self, flt: Filter, dates: int) -> None:
        found = self.reader.key_dates(flt, dates, KEY_EVENTS_PER_DATE)
        ids = tuple(event.id for key in found.dates for event in key.events)
        self.post_message(KeyDatesFound(flt, ids, len(found.dates), found.candidates, dates))

    def on_hits_kept(self, message: HitsKept) -> None:
        self._hit_keys = message.hits
        keys, row = message.hits.keys, self.timeline.row
        if self._hit is not None and self._hit[0] is None and keys is not None and row is not None \
                and message.hits.flt == replace(self.flt, text=self.search_text):
            self._hit = (navigation.number_of(keys, row, self.descending), self._hit[1])  # the rank left to them
            self._show_header(self.timeline.view.total)

    def on_key_dates_found(self, message: KeyDatesFound) -> None:
        if (message.flt, message.asked) != self._key_request:
            return  # asked again since, or the key view was left meanwhile (which forgets the request)
        self._key_request = None
        if not message.ids:
            self.notify("No key dates: no event of a single day under this filter", timeout=3)
            if self.flt.only is not None:  # the filter under the key view changed: show its events
                self.flt = message.flt
                self._refresh_view()
            return
        self.notify(f"Key dates: {message.dates} of {message.days} day(s) with events (+ / - for more or fewer, "
                    "d for all events)", timeout=4)
        self.flt = replace(message.flt, only=message.ids)
        self._refresh_view()

    def action_reverse(self) -> None:
        self.descending = not self.descending
        self.notify("Newest first" if self.descending else "Oldest first", timeout=2)
        self._refresh_view()

    def action_reload(self) -> None:
        if self.opened:
            self._recount_store()

    def action_copy_excerpt(self) -> None:
        row = self.timeline.row
        if row is not None:
            self._read_excerpt(row.id)

    # Cursor moves that read the store run one at a time, in the order of the keys, each from where the one
    # before left the cursor.

    def _move(self, start: Callable[[View, EventRow | None], None], needs_row: bool = True) -> None:
        """Queue a move: `start(view, row)` runs a worker that posts CursorFound or NothingFound."""
        self._moves.append((start, needs_row))
        self._next_move()

    def _next_move(self) -> None:
        while not self._moving and self._moves:
            start, needs_row = self._moves.popleft()
            view, row = self.timeline.view, self.timeline.row
            if view.total and (row is not None or not needs_row):
                self._moving = True
                self._move_reach = (self.timeline.cursor, self.timeline.page_height)  # read by its worker
                start(view, row)

    def _move_done(self) -> None:
        self._moving = False
        self._next_move()

    # Showing

    def _set_filter(self, flt: Filter) -> None:
        if flt.only is not None and replace(flt, only=None) != replace(self.flt, only=None):
            # The filter under the key view changed: its key dates are found anew, and the view (with the filter
            # it shows) stays as it is until they come, never the new filter over the old key dates' events.
            self.notify("Finding the key dates of the new filter…", timeout=2)
            self._ask_key_dates(replace(flt, only=None))
            return
        if flt.only is None:
            self._key_request = None  # leaving the key view: an answer still on its way is not shown
        self.flt = flt
        self._refresh_view()

    def _refresh_view(self) -> None:
        """Count the view anew (keeping the cursor's event in place) and refresh what depends on the filter."""
        if not self.opened:
            return
        self.generation += 1
        self._show_header(None)
        anchor = self.timeline.row if self.timeline.view.total else None
        self._count_view(self.generation, self.flt, self.descending, anchor, self.timeline.page_height)

    def _show_header(self, shown: int | None) -> None:
        search = self.search_text
        if search and self._hit is not None:
            number = "…" if self._hit[0] is None else self._hit[0]  # a rank the hits, read next, will give
            search = f"{search} ({number} of {self._hit[1]})"
        self.query_one(FilterHeader).show(self._chips, shown, self.store_total, search)

    def _show_empty(self, total: int) -> None:
        empty = self.query_one("#empty", Static)
        self.timeline.display = total > 0
        self.query_one(EventDetail).display = total > 0
        self.query_one(Density).display = total > 0
        empty.display = total == 0
        if total and self.focused is None:
            self.timeline.focus()
        if self.store_total == 0:
            empty.update(Text.assemble(
                ("This store has no events yet.", "bold"), "\n\nAdd articles to it with:\n\n    ",
                f"dateline ingest ARTICLES --db {self.reader.path}",
                "\n\n(ARTICLES: files or folders of .md, .txt, .json, .jsonl or .html news articles)",
            ))
        elif total == 0:
            empty.update(Text.assemble(
                ("No event matches the filter", "bold"),
                f": {', '.join(self._chips)}." if self._chips else ".",
                "\n\nPress x to clear the filters.",
            ))


def _with_actor(flt: Filter, kind: str, key: str, selected: bool) -> Filter:
    """`flt` with the person or country `key` added (`selected`) or taken off."""
    field = _FIELDS[kind]
    keys = [k for k in getattr(flt, field) if k != key] + ([key] if selected else [])
    return replace(flt, **{field: tuple(keys)})
