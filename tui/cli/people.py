"""`dateline people`: the persons with most events, and the analyst's corrections of who is who.

    dateline people [OPTIONS]            list the persons with most events (among those the options select)
    dateline people merge NAME INTO      NAME is the person INTO: one person, NAME kept as an alias
    dateline people rename NAME NEW      call the person NAME by NEW

A correction is stored in the store's own table (person_corrections) and applied on top of extraction at every
later ingest, --force included: an article that names NAME gives INTO.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from store import db as store_db
from store.db import connect
from tui.cli.errors import fail, reported_errors
from tui.cli.options import CountryOption, DbOption, LimitOption, PersonOption, SearchOption, SinceOption, UntilOption
from tui.cli.stores import store_to_write

people_app = typer.Typer(
    help="List the persons with most events; merge or rename persons (the corrections hold for later ingests).",
    invoke_without_command=True,
    rich_markup_mode=None,
)
NameArgument = Annotated[str, typer.Argument(help="A person as the store names them (see `dateline people`).")]


@people_app.callback()
def people(
    ctx: typer.Context,
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: LimitOption = 50,
) -> None:
    """List the persons with most events (among the events the options select)."""
    if ctx.invoked_subcommand is None:
        from tui.cli.queries import print_actor_counts

        print_actor_counts("person", db, person, country, since, until, search, limit)


@people_app.command("merge")
def merge(
    name: NameArgument,
    into: Annotated[str, typer.Argument(help="The person NAME is (stored or not).")],
    db: DbOption = None,
) -> None:
    """NAME is the person INTO: every event of NAME names INTO, and so will every later ingest."""
    _correct(db, name, into, "merged into")


@people_app.command("rename")
def rename(
    name: NameArgument,
    new: Annotated[str, typer.Argument(help="The name to call the person by.")],
    db: DbOption = None,
) -> None:
    """Call the person NAME by NEW, now and in every later ingest."""
    _correct(db, name, new, "renamed")


def _correct(db: Optional[Path], name: str, target: str, done: str) -> None:
    name, target = " ".join(name.split()), " ".join(target.split())
    if not name or not target:
        fail("a person's name cannot be empty")
    if name == target:
        fail(f"{name!r} is already called that")
    path = store_to_write(db)
    if not path.exists():
        fail(f"no store at {path}: ingest articles first")
    with reported_errors():
        conn = connect(path)
        try:
            with store_db.transaction(conn):
                known, target = store_db.correct_person(conn, name, target)
                store_db.mark_changed(conn)
        except ValueError as error:
            fail(str(error))
        finally:
            conn.close()
    note = "" if known else " (no person of that name is stored yet: articles to come will be corrected)"
    typer.echo(f"{name} {done} {target}{note}", err=True)
