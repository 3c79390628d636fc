"""The `dateline` command line: ingest, extract, export, events, people, countries.

With no command, `dateline` shows the timeline of the bundled sample store (the Textual browser takes this
place once it exists)."""
from __future__ import annotations

import typer

from tui import ingest_commands, query_commands

app = typer.Typer(
    name="dateline",
    help="A terminal timeline of the news: ingest articles into an event store, list, filter and export events.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    invoke_without_command=True,
)
ingest_commands.register(app)
query_commands.register(app)


@app.callback()
def main(ctx: typer.Context) -> None:
    """A terminal timeline of the news."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(query_commands.events)
