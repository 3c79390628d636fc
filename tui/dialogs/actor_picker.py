"""The `p` / `c` picker: type a few letters of a person's or a country's name ("kju" finds Kim Jong Un) and
choose from the matches, best first. It returns the actor's key (a person's canonical name, a country's
alpha-2 code), or None when cancelled.

The store gives the candidates (names holding the typed letters in order) from a thread worker; Textual's
fuzzy search (`textual.fuzzy.FuzzySearch`, which the command palette uses) ranks them and tells which letters
to underline. `Matcher.highlight` is not used: it reads the name as markup, and names are untrusted.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.fuzzy import FuzzySearch
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.db import StoreError
from store.filter import Filter
from store.queries import ActorMatch
from store.clean import clean_line
from tui.reader import StoreReader
from tui.widgets.facets import actor_label, counted_line, option_width

SHOWN = 50  # matches listed at most
MATCH_STYLE = Style(bold=True, underline=True)
_EXAMPLES = {"person": "kju, putin", "country": "kp, korea", "org": "un, sony"}
_NAMES = {"person": "person", "country": "country", "org": "organisation"}


@dataclass(frozen=True)
class RankedMatch:
    actor: ActorMatch
    offsets: tuple[int, ...]  # the characters the query matched in the actor's label (name, space, code)


def rank_actors(kind: str, query: str, candidates: list[ActorMatch]) -> list[RankedMatch]:
    """`candidates` best first by the fuzzy score of their name, or of a country's code when that scores
    higher; equal scores, and candidates the query does not score (found through an alias), keep the
    store's order (more events first) after the scored ones. An empty query keeps the store's order."""
    query = " ".join(query.split())
    search = FuzzySearch()
    ranked: list[tuple[float, int, RankedMatch]] = []
    for position, actor in enumerate(candidates):
        name = clean_line(actor.name)
        score, offsets = search.match(query, name) if query else (0.0, ())
        if kind == "country" and actor.code and query:
            code_score, code_offsets = search.match(query, clean_line(actor.code))
            if code_score > score:
                score, offsets = code_score, [len(name) + 1 + offset for offset in code_offsets]
        ranked.append((score, position, RankedMatch(actor, tuple(offsets))))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [match for _score, _position, match in ranked]


class ActorPicker(ModalScreen[str | None]):
    """Pick one person (`kind` "person") or country (`kind` "country") by fuzzy completion."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="actor_picker.cancel"),
        Binding("up", "move(-1)", "Previous match", show=False, id="actor_picker.up"),
        Binding("down", "move(1)", "Next match", show=False, id="actor_picker.down"),
        Binding("pageup", "move(-10)", "Previous page", show=False, id="actor_picker.page_up"),
        Binding("pagedown", "move(10)", "Next page", show=False, id="actor_picker.page_down"),
    ]

    DEFAULT_CSS = """
    ActorPicker {
        align: center middle;
        & #actor-matches {
            height: auto;
            max-height: 14;
            border: none;
            padding: 0;
        }
    }
    """

    @dataclass
    class Found(Message):
        """The ranked matches for `query` (or, when reading failed, the error)."""

        query: str
        matches: list[RankedMatch]
        error: str = ""

    def __init__(self, reader: StoreReader, kind: str, flt: Filter = Filter(), selected: tuple[str, ...] = ()) -> None:
        if kind not in _EXAMPLES:
            raise ValueError(f"unknown actor kind {kind!r}: use 'person', 'country' or 'org'")
        super().__init__()
        self.reader = reader
        self.kind = kind
        self.flt = flt  # the view's filter: the picker offers the actors of its events, counted among them
        self.selected = selected  # the actors of this kind in the filter: marked ✓, and choosing one takes it off
        self._among: dict[int, int] | None = None  # counted_actors under `flt`, read once
        self.matches: list[RankedMatch] = []
        self.shown_query: str | None = None  # the query the listed matches answer
        self.submit_pending = False  # Enter came before the matches for the typed query

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"Filter by {_NAMES[self.kind]}", classes="dialog--title", markup=False)
            yield Input(placeholder=f"letters of the name in order, e.g. {_EXAMPLES[self.kind]}", id="actor-text")
            matches = OptionList(id="actor-matches", markup=False)
            matches.can_focus = False
            yield matches
            hint = "↑ ↓: choose · Enter: add to the filter" + (" (a ✓ one: take it off)" if self.selected else "")
            yield Static(f"{hint} · Esc: cancel", classes="dialog--hint", markup=False)

    def on_mount(self) -> None:
        if self.flt == Filter():
            self._find("")
        else:  # the actors of the filter's events are counted once, then every keystroke searches among them
            self.query_one("#actor-matches", OptionList).set_options(
                [Option(Text("counting under the filter…", style="dim"), disabled=True)])
            self._count_among()

    @work(thread=True, exclusive=True, group="actor-picker-count")
    def _count_among(self) -> None:
        try:
            among = self.reader.counted_actors(self.kind, self.flt)
        except (StoreError, sqlite3.Error) as error:
            self.post_message(self.Found(self.query_text, [], str(error)))
            return
        self.app.call_from_thread(self._counted, among or {})

    def _counted(self, among: dict[int, int]) -> None:
        self._among = among
        self._find(self.query_text)

    @property
    def query_text(self) -> str:
        return " ".join(self.query_one("#actor-text", Input).value.split())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._find(self.query_text)

    @work(thread=True, exclusive=True, group="actor-picker")
    def _find(self, query: str) -> None:
        if self._among is None and self.flt != Filter():
            return  # still counting: _counted searches for what is typed by then
        try:
            candidates = self.reader.actor_candidates(self.kind, query, among=self._among)
        except (StoreError, sqlite3.Error) as error:
            self.post_message(self.Found(query, [], str(error)))
            return
        ranked = rank_actors(self.kind, query, candidates)[:SHOWN]
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, ranked))

    def on_actor_picker_found(self, message: Found) -> None:
        if message.query != self.query_text:
            return  # an answer to what was typed before
        self.matches, self.shown_query = message.matches, message.query
        options = self.query_one("#actor-matches", OptionList)
        if message.error:
            options.set_options([Option(Text(clean_line(message.error), style="dim"), disabled=True)])
        elif not message.matches:
            options.set_options([Option(self._nothing_found(message.query), disabled=True)])
        else:
            width = option_width(options)
            options.set_options(self._option(match, width) for match in message.matches)
            options.highlighted = 0
        if self.submit_pending:
            self.submit_pending = False
            self._choose()

    def _nothing_found(self, query: str) -> Text:
        where = "under this filter" if self.flt != Filter() else "in the store"
        if not query:
            return Text(f"no {_NAMES[self.kind]} {where}", style="dim")
        return Text.assemble(f"no {_NAMES[self.kind]} matches “", clean_line(query), "”", style="dim")

    def _option(self, match: RankedMatch, width: int) -> Option:
        label = actor_label(match.actor.name, match.actor.code)
        if match.actor.key in self.selected:
            label = Text.assemble("✓ ", label)
            match = RankedMatch(match.actor, tuple(offset + 2 for offset in match.offsets))
        for offset in match.offsets:
            if not label.plain[offset].isspace():
                label.stylize(MATCH_STYLE, offset, offset + 1)
        return Option(counted_line(label, match.actor.n_events, width))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown_query != self.query_text:
            self.submit_pending = True
            return
        self._choose()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose()

    def _choose(self) -> None:
        highlighted = self.query_one("#actor-matches", OptionList).highlighted
        if self.matches and highlighted is not None:
            self.dismiss(self.matches[highlighted].actor.key)

    def action_move(self, steps: int) -> None:
        options = self.query_one("#actor-matches", OptionList)
        if self.matches:
            options.highlighted = max(0, min(len(self.matches) - 1, (options.highlighted or 0) + steps))

    def action_cancel(self) -> None:
        self.dismiss(None)
