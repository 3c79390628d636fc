"""The bottom line of every screen: the keys that matter there (the shown bindings of the focused widget, its
screen and the app, as Textual's Footer lists them) and the command palette key at the right.

It draws one line of text instead of a widget per key: Textual's Footer composes a dozen widgets and costs the
browser about 65 ms before its first frame. A click on a key presses it.
"""
from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[tuple[int, int, str]] = []  # (first cell, end cell, key) of each key shown

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def _shown(self) -> tuple[list[tuple[Binding, bool]], Binding | None]:
        """The shown bindings, one per action, and the command palette's binding."""
        by_action: dict[str, tuple[Binding, bool]] = {}
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = binding
            elif binding.show:
                by_action.setdefault(binding.action, (binding, enabled))
        return list(by_action.values()), palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        bindings, palette = self._shown()
        bindings = self._fitting(bindings)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._keys = []
        for binding, enabled in bindings:
            start = line.cell_len
            line.append(self.app.get_key_display(binding), key_style)
            line.append(f" {binding.description} ", description_style)
            if not enabled:
                line.stylize("dim", start)
            self._keys.append((start, line.cell_len, binding.key))
        if palette is not None:
            label = Text.assemble("▏", (self.app.get_key_display(palette), key_style), " palette")
            room = self.size.width - line.cell_len - label.cell_len
            if room > 0:
                line.append(" " * room)
                self._keys.append((line.cell_len, line.cell_len + label.cell_len, palette.key))
                line.append_text(label)
        return line

    def _fitting(self, bindings: list[tuple[Binding, bool]]) -> list[tuple[Binding, bool]]:
        """The bindings that fit the bar's width: on a narrow terminal the screen's last ones give way, so that
        Quit and Help (the app's) stay on screen."""
        def width(binding: Binding) -> int:
            return len(self.app.get_key_display(binding)) + len(binding.description) + 2

        kept = list(bindings)
        while sum(width(binding) for binding, _ in kept) > self.size.width:
            own = [i for i, (binding, _) in enumerate(kept) if (binding.id or "").split(".")[0] != "app"]
            if not own:
                break
            del kept[own[-1]]
        return kept

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key.split(",")[0])
                return
