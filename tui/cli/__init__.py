"""The `dateline` command line: browse, ingest, extract, export, events, people, countries.

With no command, `dateline` opens the browser on the bundled sample store (or on `--db FILE`)."""
from __future__ import annotations

import typer

from tui.cli import browse, ingest, queries
from tui.cli.options import DbOption
from tui.paths import default_db

app = typer.Typer(
    name="dateline",
    help="A terminal timeline of the news: ingest articles into an event store, list, filter and export events.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    invoke_without_command=True,
    # A defect's traceback must not print local variables: they hold whole article texts.
    pretty_exceptions_show_locals=False,
)
browse.register(app)
ingest.register(app)
queries.register(app)


@app.callback()
def main(ctx: typer.Context, db: DbOption = None) -> None:
    """A terminal timeline of the news. Without a command: browse the store (--db FILE, or the sample)."""
    if ctx.invoked_subcommand is None:
        browse.open_browser(db or default_db())
