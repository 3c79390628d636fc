"""The density sparkline: one line showing how many events of the filtered timeline fall in each time bucket,
between the first and the last bucket's labels, with the bucket of the event under the cursor marked.

The widget never reads the store: the screen hands it `store.density` buckets with `set_data` and moves the
mark with `set_cursor` (find the index with `store.density.bucket_index`).
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from store.density import Bucket

LEVELS = " ▁▂▃▄▅▆▇█"  # a bucket without events is blank; any other gets at least the lowest bar
MIN_BAR = 10  # cells the bar keeps before the labels give way


def cell_ranges(buckets: int, room: int) -> list[range]:
    """Which buckets each cell of a bar `room` cells wide shows: when the buckets fit, each spreads over one
    or more cells (their widths differ by one at most); when they do not, each cell sums a run of neighbours."""
    if buckets <= 0:
        return []
    return [range(cell * buckets // room, max(cell * buckets // room + 1, (cell + 1) * buckets // room))
            for cell in range(room)]


def bar_levels(values: Sequence[int]) -> str:
    """One block character per value, scaled to the largest."""
    top = max(values, default=0)
    if top <= 0:
        return LEVELS[0] * len(values)
    steps = len(LEVELS) - 1
    return "".join(LEVELS[math.ceil(value * steps / top)] for value in values)


class Density(Widget):
    """Events per time bucket as block characters, the cursor's bucket in reverse video."""

    COMPONENT_CLASSES = {"density--bar", "density--cursor", "density--label"}

    DEFAULT_CSS = """
    Density {
        height: 1;
        padding: 0 1;
        & > .density--bar { color: $primary; }
        & > .density--cursor { color: $accent; text-style: reverse; }
        & > .density--label { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.buckets: list[Bucket] = []
        self.cursor: int | None = None

    def set_data(self, buckets: Sequence[Bucket], cursor_index: int | None) -> None:
        """Show `buckets` (from `store.density.density`) with the bucket at `cursor_index` marked."""
        self.buckets = list(buckets)
        self.set_cursor(cursor_index)

    def set_cursor(self, index: int | None) -> None:
        """Mark the bucket at `index`; None (an undated event, or no event) marks none."""
        self.cursor = index if index is not None and 0 <= index < len(self.buckets) else None
        self.refresh()

    def render(self) -> Text:
        label_style = self.get_component_rich_style("density--label")
        if not self.buckets:
            return Text("no dated events", style=label_style, no_wrap=True)
        first, last = self.buckets[0].label, self.buckets[-1].label
        labels = [first] if len(self.buckets) == 1 else [first, last]
        room = self.size.width - sum(len(label) + 1 for label in labels)
        if room < min(len(self.buckets), MIN_BAR):  # too narrow for labels: the bar alone
            labels, room = [], self.size.width
        ranges = cell_ranges(len(self.buckets), room)
        bars = bar_levels([sum(self.buckets[i].count for i in cells) for cells in ranges])
        bar_style = self.get_component_rich_style("density--bar")
        cursor_style = self.get_component_rich_style("density--cursor")
        line = Text(no_wrap=True, overflow="crop")
        if labels:
            line.append(f"{labels[0]} ", style=label_style)
        for bar, cells in zip(bars, ranges):
            line.append(bar, style=cursor_style if self.cursor in cells else bar_style)
        if len(labels) == 2:
            line.append(f" {labels[1]}", style=label_style)
        return line
