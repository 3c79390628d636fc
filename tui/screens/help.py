"""The help screen (`?`, F1): every key of the browser, grouped as a reader would look for them."""
from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

Section = tuple[str, list[tuple[str, str]]]
KEY_WIDTH = 7  # the widest key label, so that every section's meanings line up

# Two columns of sections (of about the same height), read left then right.
KEYS: tuple[list[Section], list[Section]] = (
    [
        ("Move", [
            ("j k ↓ ↑", "next / previous event"),
            ("space b", "page down / up (also PgDn PgUp)"),
            ("g G", "first / last event (also Home End)"),
        ]),
        ("Dates", [
            ("t", "jump to a date: 2025-09, last month"),
            ("[ ]", "previous / next month with events"),
            ("{ }", "previous / next year with events"),
            ("r", "newest first / oldest first"),
            ("d", "key dates of the filter / all events"),
            ("+ -", "more / fewer key dates"),
            ("~", "a date not in its sentence"),
            ("!", "sources disagree: date or who"),
        ]),
        ("Event", [
            ("enter", "open the event's sources"),
            ("o", "in the sources: open the article"),
            ("esc", "back"),
            ("y", "copy the excerpt with its citation"),
        ]),
    ],
    [
        ("Filter and search", [
            ("p c o", "filter by a person / country / organisation"),
            ("tab", "to the countries, persons, organisations"),
            ("space", "in a list: add or remove that filter"),
            ("e s", "persons: correct a name / split one"),
            ("w", "who met whom (pairs)"),
            ("x", "clear the filters and the search"),
            ("/", "search summaries and sources"),
            ("n N", "next / previous hit"),
            ("f", "only the hits / all again"),
        ]),
        ("App", [
            ("? F1", "this help"),
            ("ctrl+p", "palette: every action by name"),
            ("ctrl+r", "reload the store (also F5)"),
            ("q", "quit"),
        ]),
    ],
)


def keys_table(side_by_side: bool) -> RenderableType:
    """Every section, in two columns when `side_by_side`, else one under the other."""
    left, right = KEYS
    if not side_by_side:
        return _sections(left + right)
    layout = Table.grid(padding=(0, 4))
    layout.add_row(_sections(left), _sections(right))
    return layout


def _sections(sections: list[Section]) -> Group:
    parts: list[RenderableType] = []
    for number, (section, keys) in enumerate(sections):
        if number:
            parts.append(Text(""))
        parts.append(Text(section, style="underline"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=KEY_WIDTH)
        grid.add_column()
        for key, meaning in keys:
            grid.add_row(Text(key), Text(meaning))
        parts.append(grid)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close", id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static("dateline keys", classes="dialog--title")
            yield Static(keys_table(side_by_side=self.app.size.width >= 100))
            yield Static("Esc closes this help.", classes="dialog--hint")

    def action_close(self) -> None:
        self.dismiss(None)
