"""The `dateline` command line: browse, ingest, extract, export, events, people, countries, orgs, pairs, digest.

With no command, `dateline` opens the browser on the user's own store once it holds articles, else on the bundled
sample (or on `--db FILE`); see tui.paths."""
from __future__ import annotations

from typing import Annotated

import typer

from tui.cli import browse, ingest, queries
from tui.cli.options import DbOption
from tui.cli.stores import store_to_read
from tui.cli.version import version_text

app = typer.Typer(
    name="dateline",
    help="A terminal timeline of the news: ingest articles into an event store, list, filter and export events.\n\n"
         "Without --db, commands use your own store: $DATELINE_DB, else news.db in your user data folder "
         "(~/.local/share/dateline on Linux). Until it holds articles, `dateline` and the reading commands show "
         "the bundled sample.",
    no_args_is_help=False,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    rich_markup_mode=None,
    invoke_without_command=True,
    # A defect's traceback must not print local variables: they hold whole article texts.
    pretty_exceptions_show_locals=False,
)
browse.register(app)
ingest.register(app)
queries.register(app)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(version_text())
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: DbOption = None,
    version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print dateline's version and exit.",
    )] = False,
) -> None:
    """A terminal timeline of the news. Without a command: browse the store (--db FILE, your own store once it
    holds articles, else the bundled sample)."""
    if ctx.invoked_subcommand is None:
        browse.open_browser(store_to_read(db, quiet=True))
