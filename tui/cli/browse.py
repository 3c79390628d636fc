"""`dateline browse [FILE]` (and `dateline` alone, or `dateline --db FILE`): open the Textual browser on a store.

The store is checked before Textual is imported, so a bad path is one error line and exit code 1, and the
other commands never load Textual. The timeline's first rows are read in a thread while Textual loads
(tui.launch.run_browser, which the `dateline` script also calls directly for these invocations)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from tui.cli.errors import fail, reported_errors
from tui.cli.options import DbOption
from tui.cli.stores import store_to_read
from tui.launch import run_browser

FileArgument = Annotated[Optional[Path], typer.Argument(
    metavar="FILE", dir_okay=False, show_default=False,
    help="The event store to browse [default: your own store once it holds articles, else the bundled sample].",
)]


def register(app: typer.Typer) -> None:
    app.command("browse")(browse)


def browse(file: FileArgument = None, db: DbOption = None) -> None:
    """Browse a store's timeline in the terminal (keys: ? for help, q to quit)."""
    if file is not None and db is not None:
        fail("name the store once: dateline browse FILE, or dateline --db FILE")
    open_browser(store_to_read(file or db, quiet=True))


def open_browser(path: Path) -> None:
    with reported_errors():
        code = run_browser(path)
    if code:
        raise typer.Exit(code)
