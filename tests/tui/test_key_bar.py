"""The key bar lists the shown keys of the current screen and presses a key when clicked."""
from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.widgets.key_bar import KeyBar

pytestmark = pytest.mark.anyio


class Keys(App[None]):
    BINDINGS = [
        Binding("a", "press('a')", "Apple"),
        Binding("b", "press('b')", "Banana", show=False),
        Binding("c", "press('c')", "Cherry"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyBar()

    def action_press(self, key: str) -> None:
        self.pressed.append(key)


def bar_text(app: App) -> str:
    return str(app.query_one(KeyBar).render())


async def test_shown_bindings_are_listed_and_hidden_ones_are_not():
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        text = bar_text(app)
        assert "a Apple" in text and "c Cherry" in text and "Banana" not in text
        assert text.rstrip().endswith("^p palette")


async def test_a_click_on_a_key_presses_it():
    app = Keys()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        column = bar_text(app).index("Cherry")
        await pilot.click(KeyBar, offset=(column, 0))
        await pilot.pause()
        assert app.pressed == ["c"]
