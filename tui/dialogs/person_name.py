"""The `e` dialog of the persons list: who a person really is. Typing a new name renames the person; typing the
name of another stored person makes the two one (as `dateline people rename` / `merge` do). It returns the name
typed, or None when cancelled; the main screen stores the correction, which later ingests apply too."""
from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from store.clean import clean_line

HINT = "A new name renames this person; another person's name makes them one · Enter: apply · Esc: cancel"


class PersonNameDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="person_name.cancel")]

    def __init__(self, name: str, others: Sequence[str] = ()) -> None:
        """`name`: the person corrected; `others`: stored persons' names, offered as the name is typed."""
        super().__init__()
        self.person = name
        self.others = [other for other in others if other != name]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Who is {clean_line(self.person)}?"), classes="dialog--title")
            yield Input(value=clean_line(self.person), id="person-name",
                        suggester=SuggestFromList(self.others, case_sensitive=False) if self.others else None)
            yield Static(Text(HINT), classes="dialog--hint", id="person-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        typed = " ".join(event.value.split())
        if typed and typed != self.person:
            self.dismiss(typed)
            return
        hint = self.query_one("#person-hint", Static)
        hint.update(Text(("Type the person's right name, or another person's name. " if typed else
                          "A person's name cannot be empty. ") + "Esc: cancel"))
        hint.add_class("-error")

    def action_cancel(self) -> None:
        self.dismiss(None)
