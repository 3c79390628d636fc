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
    "--disputed", help="Only events whose sources disagree on the date (also with an event kept apart for it).",
)]
# SQLite's LIMIT is a signed 64-bit integer: a larger N means "all", so it is clamped rather than refused.
LimitOption = Annotated[int, typer.Option("--limit", metavar="N", min=1, max=2**63 - 1, clamp=True,
                                          help="Show at most N rows.")]
