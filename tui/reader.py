"""The browser's gateway to the store: read-only, one SQLite connection per thread, called only from workers.

Every method runs SQL (through `store.queries`) and may block: call them from `@work(thread=True)` workers,
never from a widget's event handler.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from store import db, density, positions, queries
from store.extract.countries import country_name
from store.density import Bucket
from store.queries import ActorCount, ActorMatch, ArticleRow, EventRow, Filter, SourceRow


class StoreReader:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._local = threading.local()

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

    def count(self, flt: Filter) -> int:
        return queries.count_events(self._conn(), flt)

    def actor_counts(self, kind: str, flt: Filter, limit: int = 50) -> list[ActorCount]:
        return queries.actor_counts(self._conn(), kind, flt, limit)

    def search(self, text: str, flt: Filter, limit: int = 1000) -> list[int]:
        return queries.search_ids(self._conn(), text, flt, limit)

    def sources(self, event_id: int) -> list[SourceRow]:
        return queries.event_sources(self._conn(), event_id)

    def find_actors(self, kind: str, text: str, limit: int = 20) -> list[ActorMatch]:
        return queries.find_actors(self._conn(), kind, text, limit)

    def event(self, event_id: int) -> EventRow | None:
        return queries.event_row(self._conn(), event_id)

    def article(self, article_id: str) -> ArticleRow | None:
        return queries.article(self._conn(), article_id)

    def count_before(self, flt: Filter, key: tuple[str, float], descending: bool = False) -> int:
        return positions.count_before(self._conn(), flt, key, descending)

    def key_at(self, flt: Filter, index: int, descending: bool = False) -> tuple[str, int] | None:
        return positions.key_at(self._conn(), flt, index, descending)

    def country_names(self, codes: Iterable[str]) -> dict[str, str]:
        """Each code's short common name ("KP" → "North Korea")."""
        return {code: country_name(code) for code in codes}

    def density(self, flt: Filter, buckets: int = 60) -> list[Bucket]:
        return density.density(self._conn(), flt, buckets)

    def actor_candidates(self, kind: str, text: str, limit: int = 200) -> list[ActorMatch]:
        return queries.actor_candidates(self._conn(), kind, text, limit)
