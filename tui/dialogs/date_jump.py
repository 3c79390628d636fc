"""The `t` dialog: a date to jump to, typed as "2025-09-03", "2025-09", "2015", or words such as "last month",
"next week", "3 Sep 2025", "Q3 2025" read against today. It returns the date's interval, or None when
cancelled; text that names no date is reported in the dialog, which stays open."""
from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from store.model import When
from tui.dates import read_date

EXAMPLES = "2025-09-03, 2025-09, 2015, last month, next week"


class DateJumpDialog(ModalScreen[When | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="date_jump.cancel")]

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Jump to a date", classes="dialog--title")
            yield Input(placeholder=EXAMPLES, id="date-text")
            yield Static(Text(f"For example: {EXAMPLES} · Esc: cancel"), classes="dialog--hint", id="date-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = event.value.strip()
        try:
            when = read_date(event.value, self.today) if typed else None
            problem = "is not a date I can read"
        except ValueError as error:  # a date in a year the timeline cannot hold
            when, problem = None, f"cannot be shown: {error}"
        if when is None:
            hint = self.query_one("#date-hint", Static)
            hint.update(Text(f"“{typed}” {problem}. Try: {EXAMPLES}"))
            hint.add_class("-error")
            return
        self.dismiss(when)

    def action_cancel(self) -> None:
        self.dismiss(None)
