"""CLI commands that read the store: events, countries, orgs, export (people: tui/cli/people.py).

Article text is untrusted, so every cell printed from the store is a Rich `Text` (never parsed as markup).
"""
from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.clean import clean_line
from store.db import StoreError, connect, error_reason
from store.export import FORMATS, export
from store.filter import Filter
from store.selection import named_actors
from store.queries import (
    ActorCount,
    actor_counts,
    count_events,
    find_actors,
    parse_period,
    person_aliases,
    resolve_country,
    similar_actor_names,
    timeline_page,
)
from tui.cli.errors import fail, reported_errors
from tui.cli.options import (
    CountryOption,
    DbOption,
    DisputedOption,
    LimitOption,
    ListFormatOption,
    OrgOption,
    PersonOption,
    SearchOption,
    SinceOption,
    UntilOption,
)
from tui.cli.event_lists import list_format, write_events
from tui.cli.output_files import replaced_when_complete
from tui.cli.stores import store_to_read


def register(app: typer.Typer) -> None:
    from tui.cli.people import people_app

    app.command("events")(events)
    app.add_typer(people_app, name="people")
    app.command("countries")(countries)
    app.command("orgs")(orgs)
    app.command("export")(export_events)
    from tui.cli.pairs import pairs

    app.command("pairs")(pairs)
    from tui.cli.digest import digest

    app.command("digest")(digest)


def events(
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: LimitOption = 50,
    disputed: DisputedOption = False,
    fmt: ListFormatOption = None,
) -> None:
    """List events in timeline order ("!" before the source count: the sources disagree on the date or on who
    took part)."""
    shown = list_format(fmt)
    with reported_errors(), reading(store_to_read(db)) as conn:
        flt = replace(filter_of(conn, person, country, since, until, search, org), disputed=disputed)
        rows = timeline_page(conn, flt, limit=limit)
        total = count_events(conn, flt)
    write_events(rows, total, shown)


def countries(
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: LimitOption = 50,
) -> None:
    """List the countries with most events (among the events the options select)."""
    print_actor_counts("country", db, person, country, since, until, search, limit, org)


def orgs(
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: LimitOption = 50,
) -> None:
    """List the organisations with most events (among the events the options select)."""
    print_actor_counts("org", db, person, country, since, until, search, limit, org)


def export_events(
    fmt: Annotated[Literal[FORMATS], typer.Option("--format", help="Output format.")],
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    output: Annotated[Optional[Path], typer.Option(
        "--output", metavar="FILE", dir_okay=False, help="Write to FILE instead of standard output.",
    )] = None,
) -> None:
    """Write the selected events as JSON, CSV or TimelineJS JSON."""
    path = store_to_read(db)
    if output is not None:
        _refuse_the_store_as_output(output, path)
    with reported_errors(), reading(path) as conn:
        flt = filter_of(conn, person, country, since, until, search, org)
        if output is None:
            export(conn, fmt, flt, sys.stdout)
            return
        try:
            with replaced_when_complete(output) as out:
                export(conn, fmt, flt, out)
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")


def _refuse_the_store_as_output(output: Path, store: Path) -> None:
    """Writing the export over the store (or its -wal, -shm or -journal file), also through a link, would
    destroy it."""
    store_files = [store.with_name(store.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    target = output.resolve()
    for store_file in store_files:
        if target == store_file.resolve() or (target.exists() and store_file.exists()
                                              and os.path.samefile(target, store_file)):
            fail(f"--output {output}: that is the store {store_file} itself; write the export to another file")


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:  # also tui/cli/pairs.py
    """The store opened read-only; SQLite errors while reading become StoreErrors naming the file."""
    conn = connect(path, readonly=True)
    try:
        yield conn
    except sqlite3.Error as error:
        raise StoreError(f"cannot read store {path}: {error_reason(error)}") from error
    finally:
        conn.close()


def filter_of(  # also tui/cli/pairs.py
    conn: sqlite3.Connection,
    persons: list[str] | None,
    countries: list[str] | None,
    since: str | None,
    until: str | None,
    search: str,
    orgs: list[str] | None = None,
) -> Filter:
    for kind, names in (("person", persons), ("org", orgs)):
        for name in names or ():
            _known(conn, kind, name)
    codes = []
    for name in countries or ():
        code = resolve_country(conn, name)
        if code is None:
            fail(f"unknown country: {name!r} (give an ISO code such as FR, or a name)")
        codes.append(code)
    try:
        since_day = parse_period(since).start if since else None
        until_day = parse_period(until).end if until else None
    except ValueError as error:
        fail(str(error))
    return Filter(tuple(persons or ()), tuple(codes), since_day, until_day, search, tuple(orgs or ()))


def _known(conn: sqlite3.Connection, kind: str, name: str) -> None:
    """Fail, naming close names, when the store holds no person (organisation) called `name`."""
    if named_actors(conn, kind, name):
        return
    noun = {"person": "person", "org": "organisation"}[kind]
    close = [clean_line(match.name) for match in find_actors(conn, kind, name, 3)] or [
        clean_line(similar) for similar in similar_actor_names(conn, kind, name)]
    fail(f"no {noun} called {clean_line(name)!r} in the store" + (f"; did you mean: {', '.join(close)}?"
                                                                   if close else ""))


def print_actor_counts(
    kind: str,
    db: Path | None,
    persons: list[str] | None,
    countries: list[str] | None,
    since: str | None,
    until: str | None,
    search: str,
    limit: int,
    orgs: list[str] | None = None,
) -> None:
    with reported_errors(), reading(store_to_read(db)) as conn:
        counts = actor_counts(conn, kind, filter_of(conn, persons, countries, since, until, search, orgs), limit)
        aliases = person_aliases(conn, [c.key for c in counts]) if kind == "person" else {}
    Console(highlight=False).print(_actor_table(kind, counts, aliases))


def _actor_table(kind: str, counts: list[ActorCount], aliases: dict[str, list[str]]) -> Table:
    table = Table()
    table.add_column({"person": "Person", "country": "Country", "org": "Organisation"}[kind])
    if kind == "country":
        table.add_column("Code")
    table.add_column("Events", justify="right")
    if kind == "person":
        table.add_column("Also written")
    for key, display, count in counts:
        cells = [Text(clean_line(display)), *([Text(clean_line(key))] if kind == "country" else []),
                 Text(str(count))]
        if kind == "person":
            cells.append(Text(", ".join(clean_line(a) for a in aliases.get(key, ())), style="dim"))
        table.add_row(*cells)
    return table
