"""Where the command line and the browser look for files when the user names none."""
from __future__ import annotations

from pathlib import Path


def default_db() -> Path:
    """The store used when no --db is given: `sample.db` at the repository root."""
    return Path(__file__).resolve().parent.parent / "sample.db"
