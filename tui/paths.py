"""Which store a command opens when the user names none.

- The bundled sample (`store/data/sample.db`, shipped in the package; the top-level `sample.db` of a checkout
  links to it) is built from the three sample articles and only ever opened read-only.
- The user's own store is `$DATELINE_DB`, else `news.db` in the platform's user data folder
  (`~/.local/share/dateline/news.db` on Linux). `dateline ingest` writes there; the browser and the reading
  commands open it once it holds articles, and the sample until then.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import store

ENVIRONMENT_VARIABLE = "DATELINE_DB"
USER_STORE_NAME = "news.db"


def sample_db() -> Path:
    """The bundled sample store (read-only)."""
    return Path(store.__file__).resolve().parent / "data" / "sample.db"


def user_db() -> Path:
    """The user's own store: $DATELINE_DB, else news.db in the platform's user data folder."""
    named = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        return Path(named).expanduser()
    import platformdirs

    return platformdirs.user_data_path("dateline", appauthor=False) / USER_STORE_NAME


def default_db() -> Path:
    """The store to read when no --db is given: the user's own once it holds articles (or when it cannot be
    read, so that the command says why), else the bundled sample."""
    own = user_db()
    if not os.path.lexists(own) or _holds_no_articles(own):
        return sample_db()
    return own


def reading_sample_note(path: Path) -> str | None:
    """What to tell the user when a command without --db reads the sample instead of their own store."""
    if not is_sample(path):
        return None
    return (f"showing the bundled sample: your own store {user_db()} holds no articles yet "
            "(add some with: dateline ingest ARTICLES)")


def is_sample(path: Path) -> bool:
    try:
        return path.resolve() == sample_db()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return False


def store_label(path: Path) -> str:
    """How the browser's header names the open store."""
    return "sample.db (bundled sample)" if is_sample(path) else path.name


def _holds_no_articles(path: Path) -> bool:
    """True for a store without articles; False when it has some or cannot be read as a store (the command that
    opens it then says why, rather than silently showing the sample)."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        finally:
            conn.close()
    except sqlite3.Error:
        return False
