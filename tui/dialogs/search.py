"""The `/` dialog: the words to search the timeline for (summaries and source excerpts, every word must
appear). It returns the text, or None when cancelled; the main screen moves the cursor to the hits."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="search.cancel")]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Search events", classes="dialog--title")
            yield Input(value=self.text, placeholder="words that must all appear", id="search-text")
            yield Static("Enter: find · then n / N: next / previous hit · Esc: cancel",
                         classes="dialog--hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
