"""A sidebar facet list: the persons (or countries) of the filtered events, each with its event count, the ones
in the filter marked; space or Enter toggles the highlighted actor in or out of the filter.

The list is short (the store's facet query is capped), so an OptionList carries it. The widget never reads
the store: the screen hands it counts with `set_counts` and acts on its `Toggled` messages.
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.queries import ActorCount
from store.clean import clean_line

SELECTED_MARK = "✓"
_TITLES = {"person": "Persons", "country": "Countries"}
_PLURALS = {"person": "persons", "country": "countries"}


def actor_label(name: str, code: str | None = None) -> Text:
    """An untrusted actor name as plain text on one line, followed by a dimmed code when there is one."""
    label = Text(clean_line(name))
    if code:
        label.append(f" {clean_line(code)}", style="dim")
    return label


def counted_line(label: Text, count: int, mark: str | None = None) -> Table:
    """One option line: a one-cell mark column when `mark` is given, the label cut with an ellipsis to fit,
    and the count flush right."""
    line = Table.grid(expand=True, padding=(0, 1, 0, 0))
    cells = [label, Text(str(count), style="dim")]
    if mark is not None:
        line.add_column(width=1, no_wrap=True)
        cells.insert(0, Text(mark, style="bold"))
    line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    line.add_column(justify="right", no_wrap=True)
    line.add_row(*cells)
    return line


class FacetList(OptionList):
    """The actors of one kind ("person" or "country") with their counts under the current filter."""

    BINDINGS = [
        Binding("space", "select", "Toggle", id="facets.toggle"),
        Binding("j", "cursor_down", "Down", show=False, id="facets.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facets.up"),
        Binding("g", "first", "First", show=False, id="facets.first"),
        Binding("G", "last", "Last", show=False, id="facets.last"),
    ]

    DEFAULT_CSS = """
    FacetList {
        height: 1fr;
        max-height: 100%;
        border: round $border-blurred;
        padding: 0 1;
        &:focus { border: round $border; }
    }
    """

    @dataclass
    class Toggled(Message):
        """The user asked to add the actor `key` (a person's canonical name, a country's alpha-2 code) to the
        filter, or to take it off."""

        facet_list: FacetList
        kind: str
        key: str

        @property
        def control(self) -> FacetList:
            return self.facet_list

    def __init__(self, kind: str, *, id: str | None = None, classes: str | None = None) -> None:
        if kind not in _TITLES:
            raise ValueError(f"unknown facet kind {kind!r}: use 'person' or 'country'")
        super().__init__(id=id, classes=classes, markup=False)
        self.kind = kind
        self.border_title = _TITLES[kind]
        self.keys: list[str] = []  # the actor key of each option, in order

    def set_counts(self, counts: list[ActorCount], selected: set[str]) -> None:
        """Show `counts`, marking the actors whose key is in `selected`; the highlight stays on the same actor
        when it is still listed, else on the same row."""
        previous = self.highlighted
        kept = self.keys[previous] if previous is not None and previous < len(self.keys) else None
        self.keys = [count.key for count in counts]
        if not counts:
            self.set_options([Option(Text(f"no {_PLURALS[self.kind]} under this filter", style="dim"),
                                     disabled=True)])
            return
        self.set_options(self._option(count, count.key in selected) for count in counts)
        if kept in self.keys:
            self.highlighted = self.keys.index(kept)
        else:
            self.highlighted = min(previous or 0, len(self.keys) - 1)

    def _option(self, count: ActorCount, selected: bool) -> Option:
        label = actor_label(count.display, count.key if self.kind == "country" else None)
        if selected:
            label.stylize("bold")
        return Option(counted_line(label, count.count, SELECTED_MARK if selected else ""))

    def action_select(self) -> None:
        """Toggle the highlighted actor (Enter, space, or a click)."""
        if self.highlighted is not None and self.keys:
            self.post_message(self.Toggled(self, self.kind, self.keys[self.highlighted]))
