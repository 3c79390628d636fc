"""The header line: the store's name, the selected actors as chips, the last search, "n of N events", and a mark
when the store has changed since it was read."""
from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from store.clean import clean_line


class FilterHeader(Widget):
    """One line: title and chips on the left (cut with an ellipsis when long), the count on the right."""

    COMPONENT_CLASSES = {"header--title", "header--chip", "header--search", "header--count", "header--stale"}

    DEFAULT_CSS = """
    FilterHeader {
        height: 1;
        background: $panel;
        color: $foreground;
        & > .header--title { text-style: bold; color: $accent; }
        & > .header--chip { background: $primary-muted; color: $text-primary; }
        & > .header--search { color: $text-warning; }
        & > .header--count { text-style: bold; }
        & > .header--stale { background: $warning-muted; color: $text-warning; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.chips: list[str] = []
        self.search = ""
        self.shown: int | None = None
        self.total: int | None = None
        self.stale = False

    def show(self, chips: list[str], shown: int | None, total: int | None, search: str = "") -> None:
        """Show the selected actors' names, the last search, and how many of all events pass the filter."""
        self.chips, self.shown, self.total, self.search = chips, shown, total, search
        self.refresh()

    def set_stale(self, stale: bool) -> None:
        """Mark (or unmark) the counts as older than the store."""
        self.stale = stale
        self.refresh()

    @property
    def count_text(self) -> str:
        if self.shown is None or self.total is None:
            return "counting…"
        events = f"{self.total:,} event{'' if self.total == 1 else 's'}"
        return events if self.shown == self.total else f"{self.shown:,} of {events}"

    def render(self) -> Text:
        left = Text.assemble(" ", (clean_line(self.title), self._style("title")))
        for chip in self.chips:
            left.append("  ")
            left.append(f" {clean_line(chip)} ", style=self._style("chip"))
        if self.search:
            left.append(f"  /{clean_line(self.search)}", style=self._style("search"))
        count = Text(f" {self.count_text} ", style=self._style("count"))
        if self.stale:
            count = Text.assemble((" new in store: ctrl+r ", self._style("stale")), count)
        room = max(0, self.size.width - count.cell_len)
        left.truncate(room, overflow="ellipsis", pad=True)
        return left + count

    def _style(self, part: str):
        return self.get_component_rich_style(f"header--{part}")
