"""The timeline: one Line-API widget showing every event of the current view, a line per event, whatever
their number. It asks for the rows on screen (posting `RowsWanted` with a keyset `Fetch`), keeps a bounded
cache of them, and draws each line in `render_line`. There is no widget per event.

Columns: date, summary, countries, persons, sources. The date is printed when it changes from the row above
(and always on the top line), so events of one date read as a group under it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from store.clean import clean_line
from store.filter import Filter
from store.model import When
from store.queries import EventRow
from store.provenance import INFERRED
from tui.dates import date_label
from tui.widgets.timeline_rows import Fetch, TimelineRows

HEADER_LINES = 1  # the column titles, fixed above the scrolling rows


@dataclass(frozen=True)
class View:
    """What the timeline shows: the events `flt` selects, in one order; `generation` tells views apart."""

    generation: int
    flt: Filter
    descending: bool
    total: int


@dataclass(frozen=True)
class Columns:
    date: int
    summary: int
    countries: int
    persons: int
    sources: int

    @classmethod
    def fit(cls, width: int) -> "Columns":
        """Column widths for a line `width` cells wide: the event text takes what the others leave; persons go
        first when narrow, then countries. Dates are written short (`short_date`): most fit in 15 cells."""
        date, sources = (DATE_WIDTH if width >= 60 else 15), 3
        countries = 9 if width >= 50 else 0
        persons = min(22, (width - 44) // 3) if width >= 76 else 0
        gaps = _gaps(countries, persons)
        return cls(date, max(1, width - gaps - date - countries - persons - sources), countries, persons, sources)

    @property
    def width(self) -> int:
        """The cells of a line: the columns and the spaces around them (Timeline._strip); more than the width
        they were fitted to only where the event text kept its one cell."""
        return (_gaps(self.countries, self.persons) + self.date + self.summary + self.countries + self.persons
                + self.sources)


def _gaps(countries: int, persons: int) -> int:
    """The single-cell spaces of a line: lead, the inferred-date mark and a gap after the date, before sources,
    trailing, and one before each of countries and persons when shown."""
    return 5 + sum(1 for w in (countries, persons) if w)


class Timeline(ScrollView, can_focus=True):
    """Every event of a view, a line each, with a cursor."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, tooltip="Next event", id="timeline.down"),
        Binding("k,up", "cursor_up", "Up", show=False, tooltip="Previous event", id="timeline.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, tooltip="Page down",
                id="timeline.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, tooltip="Page up", id="timeline.page_up"),
        Binding("g,home", "first", "First", show=False, tooltip="First event", id="timeline.first"),
        Binding("G,end", "last", "Last", show=False, tooltip="Last event", id="timeline.last"),
    ]

    COMPONENT_CLASSES = {
        "timeline--header",
        "timeline--cursor",
        "timeline--date",
        "timeline--countries",
        "timeline--persons",
        "timeline--sources",
        "timeline--loading",
        "timeline--hit",
    }

    DEFAULT_CSS = """
    Timeline {
        overflow-x: hidden;
        background: $surface;
        & > .timeline--header { text-style: bold; color: $text-muted; background: $panel; }
        & > .timeline--date { color: $accent; text-style: bold; }
        & > .timeline--countries { color: $text-secondary; }
        & > .timeline--persons { color: $text-muted; }
        & > .timeline--sources { color: $text-muted; }
        & > .timeline--loading { color: $text-disabled; }
        & > .timeline--hit { text-style: bold reverse; }
        & > .timeline--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .timeline--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    @dataclass
    class CursorMoved(Message):
        """The cursor is on row `index`; `row` is None until that row is read."""

        index: int
        row: EventRow | None

    @dataclass
    class Drawn(Message):
        """The rows of view `generation` are being drawn for the first time (posted as they are: handled once the
        frame is out). Reads that can wait for the timeline start here, not alongside its frame."""

        generation: int

    @dataclass
    class RowsWanted(Message):
        """Rows on or near the screen are missing: run `fetch` for `view` and post `RowsLoaded` back."""

        view: View
        fetch: Fetch

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = View(0, Filter(), False, 0)
        self.cursor = 0
        self._rows = TimelineRows(0)
        self._loading = False
        self._wanted = False
        self._styles: dict[str, Style] = {}
        self._marks: re.Pattern[str] | None = None  # the search's words, marked where they start a word
        self._drawn = -1  # the last view generation whose rows were drawn (Drawn)

    def mark_words(self, search: str) -> None:
        """Mark the words of `search` in the event texts ("" marks none)."""
        words = re.findall(r"\w+", search)
        self._marks = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\w*", re.I) if words else None
        self.refresh()

    @property
    def row(self) -> EventRow | None:
        """The row under the cursor, once read."""
        return self._rows.get(self.cursor)

    def reset(self, view: View, cursor: int = 0, row: EventRow | None = None) -> None:
        """Show `view` with the cursor on row `cursor` (which is `row`, when given)."""
        self.view = view
        self._rows = TimelineRows(view.total)
        if row is not None:
            self._rows.add(cursor, [row])
        self._loading = False
        self.virtual_size = Size(self.scrollable_content_region.width, view.total + HEADER_LINES)
        self._place_cursor(cursor, announce=True)

    def jump(self, index: int, row: EventRow | None = None,
             around: tuple[int, list[EventRow]] | None = None) -> None:
        """Put the cursor on row `index` (which is `row`, when given; `around`: (index of the first, rows) read about
        it) at the top of the screen."""
        if around is not None:
            self._rows.add(around[0], around[1], around=index)
        elif row is not None:
            self._rows.add(index, [row], around=index)
        self._place_cursor(index, top=True)

    def add_rows(self, generation: int, first: int, rows: list[EventRow]) -> None:
        """Rows read for view `generation` from index `first` on (ignored when the view has changed since)."""
        if generation != self.view.generation:
            return
        had_cursor_row = self.row is not None
        self._rows.add(first, rows, around=self.cursor)
        self._loading = False
        self.refresh()
        if not had_cursor_row and self.row is not None:
            self.post_message(self.CursorMoved(self.cursor, self.row))
        if rows:
            self._request_rows()

    # Keys

    def action_cursor_down(self) -> None:
        self._place_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._place_cursor(self.cursor - 1)

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.page_height, animate=False)
        self._place_cursor(self.cursor + self.page_height)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self.page_height, animate=False)
        self._place_cursor(self.cursor - self.page_height)

    def action_first(self) -> None:
        self._place_cursor(0)

    def action_last(self) -> None:
        self._place_cursor(self.view.total - 1)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # The scrollbar is drawn again only when its thumb moves by one of the eighths of a cell it is drawn in:
        # over a million rows a page down moves it by far less, and drawing it cost a sixth of the frame.
        if self.show_vertical_scrollbar:
            bar = self.vertical_scrollbar
            position = bar.validate_position(new_value)
            if _thumb_eighth(bar, position) == _thumb_eighth(bar, bar.position):
                bar.set_reactive(ScrollBar.position, position)  # kept for dragging, not drawn
        super().watch_scroll_y(old_value, new_value)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= HEADER_LINES:
            self._place_cursor(round(self.scroll_y) + offset.y - HEADER_LINES)

    def on_focus(self) -> None:
        self._styles.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._styles.clear()
        self.refresh()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.view.total + HEADER_LINES)
        self._place_cursor(self.cursor)

    @property
    def page_height(self) -> int:
        """How many rows fit on screen under the column titles."""
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    def _place_cursor(self, index: int, top: bool = False, announce: bool = False) -> None:
        """Move the cursor to row `index` (clamped) and scroll it into sight (to the top when `top`); say so
        when it moved, when `top`, or when `announce` (the row under it may have changed)."""
        index = max(0, min(index, self.view.total - 1))
        first = round(self.scroll_y)
        if top or index < first:
            self.scroll_to(y=index, animate=False)
        elif index >= first + self.page_height:
            self.scroll_to(y=index - self.page_height + 1, animate=False)
        moved = index != self.cursor
        self.cursor = index
        self.refresh()
        self._want_rows()  # keep a screenful or more read ahead either side
        if moved or top or announce:
            self.post_message(self.CursorMoved(index, self.row))

    # Drawing: each line is built from plain strings cut to their columns (no markup, no Text objects), with the
    # component styles looked up once per style change.

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, part: str) -> Style:
        style = self._styles.get(part)
        if style is None:
            style = self._styles[part] = (self.rich_style if part == "base"
                                          else self.get_component_rich_style(f"timeline--{part}"))
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("base")
        columns = Columns.fit(width)
        if y < HEADER_LINES:
            header = base + self._style("header")
            titles = (NEWEST_FIRST if self.view.descending else "Date", *_HEADER[1:])
            cells = [(text, header) for text in titles]
            return self._strip(columns, cells, width, header)
        index = round(self.scroll_y) + y - HEADER_LINES
        if index >= self.view.total:
            return Strip.blank(width, base)
        row = self._rows.get(index)
        cursor = self._style("cursor") if index == self.cursor else None
        mark = " "
        if row is None:
            self._want_rows()
            cells = [("…", base + self._style("loading")), ("", base), ("", base), ("", base), ("", base)]
        else:
            if self._drawn != self.view.generation:
                self._drawn = self.view.generation
                self.post_message(self.Drawn(self.view.generation))
            display = row_display(row)
            above = self._rows.get(index - 1)
            show_date = index == round(self.scroll_y) or above is None or row_display(above).date != display.date
            mark = display.mark
            cells = [
                (display.date if show_date else "", base + self._style("date")),
                (display.summary, base),
                (_countries(display.countries, columns.countries), base + self._style("countries")),
                (display.persons, base + self._style("persons")),
                (display.sources, base + self._style("sources")),
            ]
        if cursor is not None:
            cells = [(text, style + cursor) for text, style in cells]
        hit = (base + self._style("hit") + (cursor or Style())) if self._marks is not None and row is not None else None
        return self._strip(columns, cells, width, base + cursor if cursor is not None else base, mark,
                           self._marks if hit is not None else None, hit)

    @staticmethod
    def _strip(columns: Columns, cells: list[tuple[str, Style]], width: int, gap: Style, mark: str = " ",
               marks: re.Pattern[str] | None = None, hit: Style | None = None) -> Strip:
        """The line: a leading space, then each shown column cut or padded to its width, a space between (after
        the date, the inferred-date mark); in the event text, the words `marks` finds in the `hit` style."""
        (date, date_style), (summary, summary_style), countries, persons, (sources, sources_style) = cells
        segments = [Segment(" ", gap), Segment(_fit(date, columns.date), date_style), Segment(mark, date_style),
                    Segment(" ", gap),
                    *_marked(_fit(summary, columns.summary), summary_style, marks, hit)]
        for (text, style), size in ((countries, columns.countries), (persons, columns.persons)):
            if size:
                segments += [Segment(" ", gap), Segment(_fit(text, size), style)]
        segments += [Segment(" ", gap), Segment(_fit(sources, columns.sources, right=True), sources_style),
                     Segment(" ", gap)]
        if columns.width == width:  # the columns fill the line exactly
            return Strip(segments, width)
        return Strip(segments).crop_extend(0, width, gap)

    # Reading rows

    def _want_rows(self) -> None:
        if not self._wanted:
            self._wanted = True
            self.call_after_refresh(self._request_rows)

    def _request_rows(self) -> None:
        """Ask for the rows missing on screen and READ_AHEAD screenfuls either side, one read at a time (a held
        page down moves a screenful every 33 ms: one screenful ahead is gone before its read is back)."""
        self._wanted = False
        if self._loading or not self.view.total:
            return
        first, margin = round(self.scroll_y), max(50, READ_AHEAD * self.page_height)
        fetch = self._rows.plan(first - margin, first + self.page_height + margin,
                                near=(first, first + self.page_height))
        if fetch is not None:
            self._loading = True
            self.post_message(self.RowsWanted(self.view, fetch))


READ_AHEAD = 2  # screenfuls of rows kept read either side of the screen
_HEADER = ("Date", "Event", "Countries", "Persons", "Src")
NEWEST_FIRST = "Date ↓ newest"  # the date column's title while `r` shows the newest events first


@dataclass(frozen=True)
class RowDisplay:
    """A row's strings as the timeline shows them: cleaned of control characters, on one line."""

    date: str
    summary: str
    countries: tuple[str, ...]
    persons: str
    sources: str
    mark: str = " "  # INFERRED_MARK after the date when no time of the sentence's own dated it


# Shown right after the date of an event that no time in its own sentence dates (the story's occasion, the event
# before it, the publication): the detail says what did.
INFERRED_MARK = "~"


DATE_WIDTH = 17  # "1 Sep–30 Nov 2025", "Dec 2024–Jan 2025"; wider ranges are cut


def short_date(when: When, dated_by: str) -> str:
    """The timeline's date: `date_label` without the spaces around a range's dash, "wk" for "week of"."""
    label = date_label(when, dated_by)
    return label.replace(" – ", "–").replace("weekend of ", "wkend ").replace("week of ", "wk ")


@lru_cache(maxsize=8192)
def row_display(row: EventRow) -> RowDisplay:
    return RowDisplay(short_date(row.when, row.dated_by), clean_line(row.summary),
                      tuple(clean_line(c) for c in row.countries), ", ".join(clean_line(p) for p in row.persons),
                      ("!" if row.disputed else "") + str(row.n_sources),
                      INFERRED_MARK if row.dated_by in INFERRED else " ")


def _marked(text: str, style: Style, marks: re.Pattern[str] | None, hit: Style | None) -> list[Segment]:
    """`text` as segments, the stretches `marks` finds in `hit`."""
    if marks is None or hit is None:
        return [Segment(text, style)]
    segments, at = [], 0
    for found in marks.finditer(text):
        segments += [Segment(text[at:found.start()], style), Segment(found.group(), hit)]
        at = found.end()
    return [*segments, Segment(text[at:], style)]


def _fit(text: str, width: int, right: bool = False) -> str:
    """`text` cut (with an ellipsis) or padded to exactly `width` cells, on the right or, when `right`, the left."""
    cells = cell_len(text)
    if cells > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, width)
    padding = " " * (width - cells)
    return padding + text if right else text + padding


def _thumb_eighth(bar: ScrollBar, position: float) -> int | None:
    """Where the scrollbar draws its thumb's top for `position`, in eighths of a cell (ScrollBarRender.render_bar's
    arithmetic); None when it draws no thumb."""
    size, virtual, window = bar.size.height, bar.window_virtual_size, bar.window_size
    if not (window and size and virtual) or window >= virtual or size == virtual:
        return None
    thumb = max(1, window / (virtual / size))
    return int((size - thumb) * position / (virtual - window) * 8)


def _countries(codes: tuple[str, ...], width: int) -> str:
    """Country codes that fit in `width`, then "+n" for the rest."""
    shown: list[str] = []
    for count, code in enumerate(codes):
        rest = len(codes) - count - 1
        candidate = " ".join([*shown, code])
        if len(candidate) + (len(f" +{rest}") if rest else 0) > width:
            return " ".join([*shown, f"+{len(codes) - count}"])
        shown.append(code)
    return " ".join(shown)
