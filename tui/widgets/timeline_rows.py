"""The timeline's rows in memory: a bounded cache of rows by index, and the one keyset read that fills the rows
missing from a window. No Textual and no SQL here: a `Fetch` is planned on the UI thread and run by a worker.

Rows are numbered 0 … total-1 in display order. A keyset read needs a position to read past: the key of a
cached row near the window (a jump puts the row it lands on in the cache first), or either end. Only a far
scroll that no cached row is near needs the key found by offset (`Fetch.seek`).
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Protocol

from store.filter import Filter
from store.queries import EventRow

Key = tuple[str, float]  # (sort_key, id); a position between two rows may use a fractional id
NEAR = 200  # how many rows a keyset read may walk from a cached row instead of seeking


class RowSource(Protocol):
    def page(self, flt: Filter, after: Key | None = None, limit: int = 100,
             descending: bool = False) -> list[EventRow]: ...

    def key_at(self, flt: Filter, index: int, descending: bool = False) -> Key | None: ...


@dataclass(frozen=True)
class Fetch:
    """One keyset read: `limit` rows past `after`, from index `first` onwards in display order or, when
    `backward`, from `first` down. `after` None reads from the start (or, backward, from the end); `seek` asks
    to find the key of the row before `first` by offset first."""

    first: int
    limit: int
    after: Key | None = None
    backward: bool = False
    seek: bool = False

    def run(self, source: RowSource, flt: Filter, descending: bool) -> tuple[int, list[EventRow]]:
        """(index of the first row, rows in display order)."""
        after = self.after
        if self.seek:
            after = source.key_at(flt, self.first - 1, descending)
            if after is None:
                return self.first, []
        rows = source.page(flt, after=after, limit=self.limit, descending=descending != self.backward)
        if self.backward:
            rows.reverse()
            return self.first - len(rows) + 1, rows
        return self.first, rows


class TimelineRows:
    """The rows of one view (a filter in one order) that are in memory, at most about `keep` of them."""

    def __init__(self, total: int, keep: int = 2000) -> None:
        self.total = total
        self.keep = keep
        self._rows: dict[int, EventRow] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, index: int) -> EventRow | None:
        return self._rows.get(index)

    def add(self, first: int, rows: list[EventRow], around: int | None = None) -> None:
        """Store rows read from index `first` on; then drop the rows farthest from `around` past `keep`."""
        for offset, row in enumerate(rows):
            if 0 <= first + offset < self.total:
                self._rows[first + offset] = row
        surplus = len(self._rows) - self.keep
        if surplus > 0:
            centre = first if around is None else around
            # the farthest go first, of two as far the later stored
            for *_, index in heapq.nlargest(surplus, ((abs(i - centre), n, i) for n, i in enumerate(self._rows))):
                del self._rows[index]

    def missing(self, start: int, end: int, near: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """The run of rows of [start, end) not in memory nearest the rows [near) (the first run when None), as
        (first, last + 1); None if all are in memory. Of two runs as near, the later."""
        start, end = max(0, start), min(self.total, end)
        runs: list[tuple[int, int]] = []
        run_start = None
        for index in range(start, end):
            if index not in self._rows:
                run_start = index if run_start is None else run_start
            elif run_start is not None:
                runs.append((run_start, index))
                run_start = None
        if run_start is not None:
            runs.append((run_start, end))
        if not runs or near is None:
            return runs[0] if runs else None
        return min(runs, key=lambda run: (max(0, run[0] - (near[1] - 1), near[0] - (run[1] - 1)), -run[0]))

    def plan(self, start: int, end: int, near: tuple[int, int] | None = None) -> Fetch | None:
        """The read that fills a run of missing rows of [start, end) (the one nearest the rows [near), `missing`),
        or None when none are missing: from the nearest cached row or end within NEAR rows (forward on a tie),
        else a seek. A run beside rows in memory is read on from them: rows missing on both sides of the screen
        are two keyset reads, never one seek over the rows between."""
        span = self.missing(start, end, near)
        if span is None:
            return None
        a, b = span
        rows = self._rows
        # A forward read starting at `at` reads past the row before it (at - 1), or from the start (at 0); a
        # backward read ending before `at` reads down from the row at `at`, or from the end (at total). The nearest
        # such place within NEAR rows is looked up: the cost does not grow with the rows kept.
        best_start = next((at for at in range(a, max(-1, a - NEAR - 1), -1) if at == 0 or at - 1 in rows), None)
        best_end = next((at for at in range(b, min(self.total, b + NEAR) + 1) if at == self.total or at in rows),
                        None)
        if best_start is not None and (best_end is None or b - best_start <= best_end - a):
            return Fetch(best_start, b - best_start, rows[best_start - 1].key if best_start else None)
        if best_end is not None:
            return Fetch(best_end - 1, best_end - a, rows[best_end].key if best_end < self.total else None,
                         backward=True)
        return Fetch(a, b - a, seek=True)
