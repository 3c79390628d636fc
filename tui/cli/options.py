"""The options the commands share: which store, and the filters that select events."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

DbOption = Annotated[Optional[Path], typer.Option(
    "--db", metavar="FILE", dir_okay=False, help="The event store [default: $DATELINE_DB, else news.db in your user data folder; the bundled sample while that holds no articles].",
)]
PersonOption = Annotated[Optional[list[str]], typer.Option(
    "--person", metavar="NAME", help="Only events naming this person (full name or alias); repeat: all must appear.",
)]
CountryOption = Annotated[Optional[list[str]], typer.Option(
    "--country", metavar="COUNTRY", help="Only events naming this country (code or name); repeat: all must appear.",
)]
OrgOption = Annotated[Optional[list[str]], typer.Option(
    "--org", metavar="NAME", help="Only events naming this organisation (name or alias); repeat: all must appear.",
)]
SinceOption = Annotated[Optional[str], typer.Option(
    "--since", metavar="DATE", help="Only events ending on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).",
)]
UntilOption = Annotated[Optional[str], typer.Option(
    "--until", metavar="DATE", help="Only events starting on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY).",
)]
SearchOption = Annotated[str, typer.Option(
    "--search", metavar="TEXT", help="Only events whose summary or sources have every word of TEXT.",
)]
DisputedOption = Annotated[bool, typer.Option(
    "--disputed",
    help="Only events whose sources disagree on the date (also with an event kept apart for it) or on who took part.",
)]
MAX_LIMIT = 2**63 - 1


def at_least_one(value: int) -> int:
    """A count of at least 1. (Checked here rather than with min/max, whose range Typer prints with an escaped
    "\\[" in --help.)"""
    if value < 1:
        raise typer.BadParameter(f"{value} is less than 1")
    return value


def _limit(value: int) -> int:
    """At least 1; SQLite's LIMIT is a signed 64-bit integer, so a larger N means "all" and is clamped rather than
    refused."""
    return min(at_least_one(value), MAX_LIMIT)


LimitOption = Annotated[int, typer.Option("--limit", metavar="N", callback=_limit, show_default=False,
                                          help="Show at most N rows (default 50).")]
PairLimitOption = Annotated[int, typer.Option("--limit", metavar="N", callback=_limit, show_default=False,
                                              help="Show at most N pairs (default 20).")]
FORMAT_CHOICES = ("table", "tsv", "jsonl", "json")
ListFormatOption = Annotated[Optional[str], typer.Option(
    "--format", metavar="FORMAT", show_default=False,
    help="table, tsv, jsonl or json (default: table on a terminal, tsv when piped or redirected).",
)]


def published_date(value: Optional[str]):
    """--published as a date; a value that is no date is one error line."""
    if value is None:
        return None
    from store.readers import parse_date
    from tui.cli.errors import fail

    parsed = parse_date(value)
    if parsed is None:
        fail(f"--published {value!r}: not a date (use YYYY-MM-DD)")
    return parsed
