"""The `dateline` command line: ingest, extract, export, events, people, countries (and, later, browse)."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="dateline",
    help="A terminal timeline browser for news: ingest articles into an event store, list and export events.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
)

from tui import query_commands  # noqa: E402  (registers events/people/countries/export)

query_commands.register(app)
