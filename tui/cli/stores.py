"""Which store a command works on: the one named by --db, else the defaults of tui.paths. A reading command
says on stderr when it shows the bundled sample; ingest makes the folder of the user's own store."""
from __future__ import annotations

from pathlib import Path

import typer

from store.clean import clean_line
from tui.cli.errors import fail
from tui.paths import ENVIRONMENT_VARIABLE, default_db, reading_sample_note, user_db


def store_to_read(db: Path | None, *, quiet: bool = False) -> Path:
    """The --db store, else the user's own once it holds articles, else the sample (with a note unless quiet)."""
    if db is not None:
        return db
    path = default_db()
    note = reading_sample_note(path)
    if note and not quiet:
        typer.echo(f"dateline: note: {clean_line(note)}", err=True)
    return path


def store_to_write(db: Path | None) -> Path:
    """The --db store, else the user's own store, its folder made if missing (one error line if it cannot be)."""
    if db is not None:
        return db
    path = user_db()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        fail(f"cannot make the folder of your store {path.parent}: {error.strerror or error} (set "
             f"{ENVIRONMENT_VARIABLE} to a store elsewhere, or give --db FILE)")
    return path
