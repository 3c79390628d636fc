"""Command palette (ctrl+p) provider: every key action of the screen the palette was opened on, by its
tooltip (or else its description), with its key. Textual's own system commands (theme, quit, keys,
screenshot) sit beside these."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

# Actions the palette itself or Textual's system commands already offer.
LEFT_OUT = {"command_palette", "quit"}


class ActionCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, DOMNode, str]]:
        """(name, keys, node, action) for each enabled action with a description."""
        seen: dict[tuple[int, str], list[str]] = {}
        found: list[tuple[str, DOMNode, str]] = []
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or not binding.description or binding.action in LEFT_OUT:
                continue
            ident = (id(active.node), binding.action)
            if ident not in seen:
                seen[ident] = []
                found.append((binding.tooltip or binding.description, active.node, binding.action))
            seen[ident].append(self.app.get_key_display(replace(binding, key=key)))
        for name, node, action in found:
            yield name, " ".join(seen[(id(node), action)]), node, action

    async def discover(self) -> Hits:
        for name, keys, node, action in sorted(self._commands(), key=lambda command: command[0]):
            yield DiscoveryHit(name, partial(node.run_action, action), help=f"key: {keys}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, node, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(node.run_action, action), help=f"key: {keys}")
