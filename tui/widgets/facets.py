"""A sidebar facet list: the persons (or countries, or organisations) of the filtered events, each with its event count, the ones
in the filter marked; space or Enter toggles the highlighted actor in or out of the filter. In the persons list,
`e` asks to correct who the highlighted person is and `s` which of their spellings is someone else (the screen
opens the dialog and stores the correction).

The list is short (the store's facet query is capped), so an OptionList carries it. The widget never reads
the store: the screen hands it counts with `set_counts` and acts on its `Toggled` messages.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from store.queries import ActorCount
from store.clean import clean_line

SELECTED_MARK = "✓"
FOCUS_MARK = "▸ "  # before the title of the list that has the keys
_TITLES = {"person": "Persons", "country": "Countries", "org": "Organisations"}
_PLURALS = {"person": "persons", "country": "countries", "org": "organisations"}


def actor_label(name: str, code: str | None = None) -> Text:
    """An untrusted actor name as plain text on one line, followed by a dimmed code when there is one."""
    label = Text(clean_line(name))
    if code:
        label.append(f" {clean_line(code)}", style="dim")
    return label


def counted_line(label: Text, count: int, width: int, mark: str | None = None) -> Text:
    """One option line `width` cells wide: a one-cell mark column when `mark` is given, the label cut with an
    ellipsis to fit, and the count flush right. Plain text: a list of them lays out in no time."""
    number = f"{count:,}"
    lead = Text(f"{mark or ' '} ", style="bold") if mark is not None else Text()
    label = label.copy()
    label.truncate(max(1, width - lead.cell_len - len(number) - 1), overflow="ellipsis", pad=True)
    return Text.assemble(lead, label, " ", (number, "dim"), no_wrap=True, end="")


def option_width(options: OptionList) -> int:
    """The cells an option line has in `options` (a default before the list is laid out)."""
    return options.scrollable_content_region.width or 28


class FacetList(OptionList):
    """The actors of one kind ("person" or "country") with their counts under the current filter."""

    BINDINGS = [
        Binding("space", "select", "Toggle", id="facets.toggle"),
        Binding("j", "cursor_down", "Down", show=False, id="facets.down"),
        Binding("k", "cursor_up", "Up", show=False, id="facets.up"),
        Binding("g", "first", "First", show=False, id="facets.first"),
        Binding("G", "last", "Last", show=False, id="facets.last"),
        Binding("e", "correct", "Correct name", tooltip="Rename this person, or make them one with another",
                id="facets.correct"),
        Binding("s", "split", "Split", tooltip="Make one of this person's other spellings a person of their own",
                id="facets.split"),
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

    @dataclass
    class CorrectionAsked(Message):
        """The user asked to correct who the person `name` is (`split`: which of their spellings is someone
        else)."""

        facet_list: FacetList
        name: str
        split: bool = False

        @property
        def control(self) -> FacetList:
            return self.facet_list

    def __init__(self, kind: str, *, on_toggle: Callable[[str, str], None] | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        """`on_toggle(kind, key)`, when given, is called at once instead of posting `Toggled`: a key pressed right
        after the toggle (space then x) then acts on the filter the toggle made, not on the one before it."""
        if kind not in _TITLES:
            raise ValueError(f"unknown facet kind {kind!r}: use 'person', 'country' or 'org'")
        super().__init__(id=id, classes=classes, markup=False)
        self.kind = kind
        self._on_toggle = on_toggle
        self.border_title = _TITLES[kind]
        self.keys: list[str] = []  # the actor key of each option, in order
        self._shown: tuple[list[ActorCount], set[str]] = ([], set())

    def on_focus(self) -> None:
        self.border_title = f"{FOCUS_MARK}{_TITLES[self.kind]}"  # where the keys go, without relying on colour

    def on_blur(self) -> None:
        self.border_title = _TITLES[self.kind]

    def set_counts(self, counts: list[ActorCount], selected: set[str]) -> None:
        """Show `counts`, marking the actors whose key is in `selected`; the highlight stays on the same actor
        when it is still listed, else on the same row. A selected actor the filtered events do not count (the
        filter leads to no event) is listed first at 0, so that it can be taken off here."""
        listed = {count.key for count in counts}
        counts = [ActorCount(key, key, 0) for key in sorted(selected - listed)] + list(counts)
        self._shown = (counts, selected)
        previous = self.highlighted
        kept = self.keys[previous] if previous is not None and previous < len(self.keys) else None
        self.keys = [count.key for count in counts]
        if not counts:
            self.set_options([Option(Text(f"no {_PLURALS[self.kind]} under this filter", style="dim"),
                                     disabled=True)])
            return
        width = option_width(self)
        self.set_options(self._option(count, count.key in selected, width) for count in counts)
        self.call_after_refresh(self._fit_counts, width)
        if kept in self.keys:
            self.highlighted = self.keys.index(kept)
        else:
            self.highlighted = min(previous or 0, len(self.keys) - 1)

    def _fit_counts(self, width: int) -> None:
        """Lay the lines out again when the list turned out narrower than they were made for (a scrollbar
        appeared, or the first layout came after them): else the counts fall off the right edge."""
        if self._shown[0] and option_width(self) != width:
            self.set_counts(*self._shown)

    def on_resize(self) -> None:
        if self._shown[0]:
            self.set_counts(*self._shown)

    def _option(self, count: ActorCount, selected: bool, width: int) -> Option:
        code = count.key if self.kind == "country" and count.display != count.key else None
        label = actor_label(count.display, code)
        if selected:
            label.stylize("bold")
        return Option(counted_line(label, count.count, width, SELECTED_MARK if selected else ""))

    def action_select(self) -> None:
        """Toggle the highlighted actor (Enter, space, or a click)."""
        if self.highlighted is not None and self.keys:
            key = self.keys[self.highlighted]
            if self._on_toggle is not None:
                self._on_toggle(self.kind, key)
            else:
                self.post_message(self.Toggled(self, self.kind, key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only persons are corrected; only a listed one."""
        if action in ("correct", "split"):
            return self.kind == "person" and bool(self.keys)
        return True

    def action_correct(self, split: bool = False) -> None:
        if self.highlighted is not None and self.keys:
            self.post_message(self.CorrectionAsked(self, self.keys[self.highlighted], split))

    def action_split(self) -> None:
        self.action_correct(split=True)
