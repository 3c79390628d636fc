"""The `s` dialog of the persons list: which of a person's other spellings is someone else. Choosing one splits it
off as a person of its own (as `dateline people split` does). It returns the spelling chosen, or None when
cancelled; the main screen stores the correction, which later ingests apply too."""
from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.clean import clean_line


class PersonSplitDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="person_split.cancel")]

    def __init__(self, name: str, spellings: Sequence[str]) -> None:
        super().__init__()
        self.person = name
        self.spellings = list(spellings)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(f"Which spelling of {clean_line(self.person)} is someone else?"),
                         classes="dialog--title")
            yield OptionList(*(Option(Text(clean_line(s))) for s in self.spellings), id="spellings", markup=False)
            yield Static(Text("Enter: make that spelling a person of their own · Esc: cancel"),
                         classes="dialog--hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.spellings[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
