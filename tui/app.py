"""The dateline browser: a Textual app over one event store, opened read-only. `make_app` is the factory the
command line and the tests call."""
from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tui.palette import ActionCommands
from tui.paths import default_db
from tui.reader import StoreReader
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen


class DatelineApp(App[None]):
    CSS_PATH = "dateline.tcss"
    TITLE = "dateline"
    COMMANDS = App.COMMANDS | {ActionCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    def __init__(self, reader: StoreReader) -> None:
        super().__init__()
        self.reader = reader

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.reader))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def make_app(db_path: Path | None = None) -> DatelineApp:
    """The browser over the store at `db_path` (default: the user's own store once it holds articles, else the
    bundled sample)."""
    return DatelineApp(StoreReader(db_path or default_db()))
