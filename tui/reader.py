"""The browser's gateway to the store: read-only, one SQLite connection per thread, called only from workers.

Every method runs SQL (through `store.queries`) and may block: call them from `@work(thread=True)` workers,
never from a widget's event handler.
"""
from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from typing import NamedTuple

from store import db, density, positions, queries
from store.density import Bucket
from store.digest import Digest, key_dates
from store.filter import Filter
from store.pairs import Pairs, actor_pairs
from store.queries import ActorCount, ActorMatch, ArticleRow, EventRow, SourceRow

FIRST_ROWS = 80  # timeline rows read with the first view: a screenful on most terminals (the rest is read ahead
# after the first frame); each row is a few random page reads when the store is not in the page cache
PREFETCH_SWITCH_INTERVAL = 0.0002  # seconds between GIL hand-overs while the first view is read beside imports


class FirstView(NamedTuple):
    total: int  # events in the store
    rows: list[EventRow]  # the first rows of the unfiltered timeline
    changes: int  # the store's count of write batches when it was read


class StoreReader:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._first_view: Future[FirstView] | None = None

    def prefetch_first_view(self) -> None:
        """Start reading the unfiltered timeline's count and first rows in a thread of its own, so that the read
        overlaps whatever the caller does next (loading Textual); `first_view` then returns it."""
        future: Future[FirstView] = Future()
        # SQLite lets go of the GIL at every row it steps to, and the importing thread then keeps it for the whole
        # switch interval (5 ms): the read of a few hundred rows took 300 ms beside Textual's import. A short
        # interval while it runs lets it finish in about the time it takes alone.
        interval = sys.getswitchinterval()

        def run() -> None:
            try:
                try:
                    view = self._read_first_view()
                finally:
                    sys.setswitchinterval(interval)
                    self.close_thread_connection()
            except BaseException as error:  # handed to whoever asks for the view
                future.set_exception(error)
            else:
                future.set_result(view)

        self._first_view = future
        sys.setswitchinterval(PREFETCH_SWITCH_INTERVAL)
        threading.Thread(target=run, name="dateline-first-view", daemon=True).start()

    def first_view(self) -> FirstView:
        """The store's count of changes and of events, and the first rows of its timeline (oldest first): the
        prefetched ones when a prefetch was started (waiting for it), else read now."""
        if self._first_view is not None:
            return self._first_view.result()
        return self._read_first_view()

    def _read_first_view(self) -> FirstView:
        changes = self.changes()  # first: a write landing meanwhile shows as a change, never goes unseen
        return FirstView(self.count(Filter()), self.page(Filter(), limit=FIRST_ROWS), changes)

    def first_view_if_ready(self) -> FirstView | None:
        """The prefetched first view when it is already read (never waits), else None."""
        future = self._first_view
        if future is None or not future.done() or future.exception() is not None:
            return None
        return future.result()

    def interrupt_when(self, cancelled: Callable[[], bool]) -> None:
        """Make this thread's queries stop (raising sqlite3.OperationalError) as soon as `cancelled()` is true."""
        # Checked every 500k SQLite steps (a few ms of work): often enough to stop soon, rarely enough not to
        # contend for the GIL with the UI thread.
        self._conn().set_progress_handler(lambda: 1 if cancelled() else 0, 500_000)

    def close_thread_connection(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def open(self) -> None:
        """Open (and check) the store in the calling thread: raises StoreError with a one-line reason."""
        self._conn()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = db.connect(self.path, readonly=True)
        return conn

    def page(self, flt: Filter, after: tuple[str, int] | None = None, limit: int = 100,
             descending: bool = False) -> list[EventRow]:
        return queries.timeline_page(self._conn(), flt, after=after, limit=limit, descending=descending)

    def changes(self) -> int:
        return queries.changes(self._conn())

    def count(self, flt: Filter) -> int:
        return queries.count_events(self._conn(), flt)

    def actor_counts(self, kind: str, flt: Filter, limit: int = 50) -> list[ActorCount]:
        return queries.actor_counts(self._conn(), kind, flt, limit)

    def facet_counts(self, flt: Filter, limit: int = 50) -> dict[str, list[ActorCount]]:
        return queries.facet_counts(self._conn(), flt, limit)

    def key_dates(self, flt: Filter, dates: int, per_date: int) -> Digest:
        return key_dates(self._conn(), flt, dates, per_date)

    def search(self, text: str, flt: Filter, limit: int = 1000) -> list[int]:
        return queries.search_ids(self._conn(), text, flt, limit)

    def sources(self, event_id: int) -> list[SourceRow]:
        return queries.event_sources(self._conn(), event_id)

    def find_actors(self, kind: str, text: str, limit: int = 20) -> list[ActorMatch]:
        return queries.find_actors(self._conn(), kind, text, limit)

    def event_keys(self, flt: Filter, limit: int) -> list[tuple[str, int]] | None:
        return queries.event_keys(self._conn(), flt, limit)

    def event(self, event_id: int) -> EventRow | None:
        return queries.event_row(self._conn(), event_id)

    def pairs(self, flt: Filter) -> Pairs:
        return actor_pairs(self._conn(), flt)

    def disputing(self, event_id: int) -> list[EventRow]:
        return queries.disputing_rows(self._conn(), event_id)

    def article(self, article_id: str) -> ArticleRow | None:
        return queries.article(self._conn(), article_id)

    def count_before(self, flt: Filter, key: tuple[str, float], descending: bool = False) -> int:
        return positions.count_before(self._conn(), flt, key, descending)

    def key_at(self, flt: Filter, index: int, descending: bool = False) -> tuple[str, int] | None:
        return positions.key_at(self._conn(), flt, index, descending)

    def country_names(self, codes: Iterable[str]) -> dict[str, str]:
        """Each code's short common name as stored ("KP" → "North Korea"); a code the store lacks stands for
        itself."""
        codes = list(codes)
        names = queries.country_names(self._conn(), codes)
        return {code: names.get(code, code) for code in codes}

    def spellings(self, name: str) -> list[str]:
        """The other spellings the store has met for the person `name`."""
        return queries.person_aliases(self._conn(), [name]).get(name, [])

    def density(self, flt: Filter, buckets: int = 60) -> list[Bucket]:
        return density.density(self._conn(), flt, buckets)

    def actor_candidates(self, kind: str, text: str, limit: int = 200,
                         among: dict[int, int] | None = None) -> list[ActorMatch]:
        return queries.actor_candidates(self._conn(), kind, text, limit, among)

    def counted_actors(self, kind: str, flt: Filter) -> dict[int, int] | None:
        return queries.counted_actors(self._conn(), kind, flt)
