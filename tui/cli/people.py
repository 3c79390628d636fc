"""`dateline people`: the persons with most events, and the analyst's corrections of who is who.

    dateline people [OPTIONS]            list the persons with most events (among those the options select)
    dateline people merge NAME INTO      NAME is the person INTO: one person, NAME kept as an alias
    dateline people rename NAME NEW      call the person NAME by NEW
    dateline people split NAME ALIAS     ALIAS, one of NAME's spellings, is a person of their own

A correction is stored in the store's own table (person_corrections) and applied on top of extraction at every
later ingest, --force included: an article that names NAME gives INTO, one that names ALIAS gives ALIAS. The
browser's persons list makes the same corrections (`e` and `s` on a person).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional, TypeVar

import typer

from store import corrections
from tui.cli.errors import fail, reported_errors
from tui.cli.options import (
    CountryOption,
    DbOption,
    LimitOption,
    OrgOption,
    PersonOption,
    SearchOption,
    SinceOption,
    UntilOption,
)
from tui.cli.stores import store_to_write

T = TypeVar("T")

people_app = typer.Typer(
    help="List the persons with most events and their other spellings; merge, rename or split persons (the "
         "corrections hold for later ingests).",
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
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: LimitOption = 50,
) -> None:
    """List the persons with most events (among the events the options select)."""
    if ctx.invoked_subcommand is None:
        from tui.cli.queries import print_actor_counts

        print_actor_counts("person", db, person, country, since, until, search, limit, org)


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


@people_app.command("split")
def split(
    name: NameArgument,
    alias: Annotated[str, typer.Argument(help="One of the person's other spellings (see `dateline people`).")],
    db: DbOption = None,
) -> None:
    """ALIAS is not NAME but a person of their own: the events of the articles that write ALIAS name ALIAS, and so
    will every later ingest."""
    count = _applied(db, lambda path: corrections.split_person(path, name, alias))
    alias = " ".join(alias.split())
    events = "1 event names" if count == 1 else f"{count} events name"
    typer.echo(f"{alias} split from {' '.join(name.split())}: {events} {alias}", err=True)


def _correct(db: Optional[Path], name: str, target: str, done: str) -> None:
    try:
        name, target = corrections.checked_names(name, target)
    except ValueError as error:
        fail(str(error))
    known, target = _applied(db, lambda path: corrections.correct_person(path, name, target))
    note = "" if known else " (no person of that name is stored yet: articles to come will be corrected)"
    typer.echo(f"{name} {done} {target}{note}", err=True)


def _applied(db: Optional[Path], correction: Callable[[Path], T]) -> T:
    """`correction` made to the store to write (which must exist); a refused one is one error line."""
    path = store_to_write(db)
    if not path.exists():
        fail(f"no store at {path}: ingest articles first")
    with reported_errors():
        try:
            return correction(path)
        except ValueError as error:
            fail(str(error))
