"""The pairs screen (`w`): who met whom under the view's filter — the pairs of persons and countries that share
the most events, each with its count and a sparkline of when. Counted in a thread worker (store/pairs.py); Enter
on a pair filters the timeline to both."""
from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.clean import clean_line
from store.filter import Filter, filter_summary
from store.pairs import Pair, Pairs, sparkline
from tui.messages import StoreFailed
from tui.reader import StoreReader
from tui.store_workers import reports_store_errors
from tui.widgets.key_bar import KeyBar

NAME_WIDTH = 26  # cells for each name of a pair


class PairsScreen(Screen[Pair | None]):
    """Pairs under `flt`; dismissed with the chosen pair, or None."""

    DEFAULT_CSS = """
    PairsScreen #pairs-title { padding: 0 1; text-style: bold; background: $panel; }
    PairsScreen #pairs-note { padding: 0 1; color: $text-muted; background: $panel; }
    PairsScreen #pairs-list { height: 1fr; border: none; }
    """
    BINDINGS = [
        Binding("escape,q", "back", "Back", id="pairs.back"),
        Binding("enter", "choose", "Filter to both", id="pairs.choose"),
        Binding("j", "move(1)", "Next", show=False, id="pairs.next"),
        Binding("k", "move(-1)", "Previous", show=False, id="pairs.previous"),
    ]

    class Counted(Message):
        def __init__(self, found: Pairs) -> None:
            super().__init__()
            self.found = found

    def __init__(self, reader: StoreReader, flt: Filter) -> None:
        super().__init__()
        self.reader = reader
        self.flt = flt
        self.pairs: list[Pair] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            described = filter_summary(self.flt)
            yield Static(f"Who met whom{': ' + described if described else ''}", id="pairs-title", markup=False)
            yield Static("Counting the pairs…", id="pairs-note", markup=False)
            yield OptionList(id="pairs-list", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self._count()

    @work(thread=True, exclusive=True)
    @reports_store_errors()
    def _count(self) -> None:
        self.post_message(self.Counted(self.reader.pairs(self.flt)))

    @on(Counted)
    def _show(self, message: Counted) -> None:
        found = message.found
        self.pairs = found.pairs
        note = f"{len(found.pairs)} pair{'' if len(found.pairs) == 1 else 's'} sharing most of {found.counted} events"
        if found.counted < found.selected:
            note += f" (the latest of {found.selected})"
        if found.span:
            note += f" · when: {found.span[0].isoformat()} to {found.span[1].isoformat()}"
        self.query_one("#pairs-note", Static).update(note if found.pairs else "No two actors share an event here.")
        options = self.query_one("#pairs-list", OptionList)
        options.set_options(Option(_line(pair)) for pair in found.pairs)
        if found.pairs:
            options.highlighted = 0
            options.focus()
        self.refresh_bindings()

    @on(StoreFailed)
    def _fail(self, message: StoreFailed) -> None:
        self.query_one("#pairs-note", Static).update(f"Cannot count the pairs: {clean_line(message.error)}")

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.pairs[event.option_index])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and not self.pairs:
            return None
        return True

    def action_choose(self) -> None:
        index = self.query_one("#pairs-list", OptionList).highlighted
        if index is not None and self.pairs:
            self.dismiss(self.pairs[index])

    def action_move(self, step: int) -> None:
        options = self.query_one("#pairs-list", OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_back(self) -> None:
        self.dismiss(None)


def _line(pair: Pair) -> Text:
    """"Narendra Modi        India        13  ▁ █ ▂  2021-09 – 2026-06"."""
    names = [_cut(clean_line(actor.name), NAME_WIDTH) for actor in (pair.first, pair.second)]
    days = (f"{pair.first_day.isoformat()[:7]} – {pair.last_day.isoformat()[:7]}"
            if pair.first_day and pair.last_day else "undated")
    return Text.assemble(names[0].ljust(NAME_WIDTH), " ", names[1].ljust(NAME_WIDTH), " ",
                         (f"{pair.count:>6}", "bold"), "  ", (sparkline(pair.spread), "cyan"), "  ", (days, "dim"))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"
