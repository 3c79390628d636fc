"""How a screen's thread workers read the store: a store error becomes a `StoreFailed` message for the screen to
show, never an exception that ends the app."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import wraps
from typing import Any

from textual.worker import get_current_worker

from store.db import StoreError, describe
from tui.messages import StoreFailed


def reports_store_errors(move: bool = False) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Run a worker body; a store error is posted as `StoreFailed` (saying whether a cursor move failed)
    instead of ending the app. A worker cancelled by a newer one (same exclusive group) has its query stopped,
    and says nothing."""
    def decorate(method: Callable[..., None]) -> Callable[..., None]:
        @wraps(method)
        def run(self: Any, *args: Any, **kwargs: Any) -> None:  # a screen with a `reader`
            worker = get_current_worker()
            try:
                self.reader.interrupt_when(lambda: worker.is_cancelled)
                method(self, *args, **kwargs)
            except (StoreError, sqlite3.Error) as error:
                if not worker.is_cancelled:
                    self.post_message(StoreFailed(describe(error), move))
        return run
    return decorate
