"""`dateline pairs`: who met whom — the actor pairs with most shared events among those the options select, each
with a sparkline of when (store/pairs.py). A table on a terminal, tab-separated lines when piped, or JSON."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.clean import clean_line
from store.pairs import Pair, Pairs, actor_pairs, sparkline
from tui.cli.event_lists import list_format, write_records
from tui.cli.options import (
    CountryOption,
    DbOption,
    PairLimitOption,
    ListFormatOption,
    OrgOption,
    PersonOption,
    SearchOption,
    SinceOption,
    UntilOption,
)
from tui.cli.errors import reported_errors
from tui.cli.stores import store_to_read

TSV_COLUMNS = ("first", "first_kind", "second", "second_kind", "events", "first_day", "last_day", "when")


def pairs(
    db: DbOption = None,
    person: PersonOption = None,
    country: CountryOption = None,
    org: OrgOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    search: SearchOption = "",
    limit: PairLimitOption = 20,
    fmt: ListFormatOption = None,
) -> None:
    """Who met whom: the pairs of persons and countries sharing most events (among those the options select)."""
    from tui.cli.queries import filter_of, reading

    shown = list_format(fmt)
    with reported_errors(), reading(store_to_read(db)) as conn:
        found = actor_pairs(conn, filter_of(conn, person, country, since, until, search, org), limit=limit)
    write_pairs(found, shown)


def write_pairs(found: Pairs, fmt: str) -> None:
    if fmt == "table":
        Console(highlight=False).print(_table(found))
    else:
        write_records([_record(pair) for pair in found.pairs], TSV_COLUMNS, fmt, sys.stdout,
                      {"pairs": None, "counted": found.counted, "selected": found.selected})


def _record(pair: Pair) -> dict:
    return {"first": pair.first.name, "first_kind": pair.first.kind, "second": pair.second.name,
            "second_kind": pair.second.kind, "events": pair.count,
            "first_day": pair.first_day.isoformat() if pair.first_day else None,
            "last_day": pair.last_day.isoformat() if pair.last_day else None, "when": sparkline(pair.spread)}


def _table(found: Pairs) -> Table:
    caption = f"{len(found.pairs)} pair{'' if len(found.pairs) == 1 else 's'} among {found.counted} events"
    if found.counted < found.selected:
        caption += f" (the latest of {found.selected} selected)"
    if found.span:
        caption += f"; “when” spans {found.span[0].isoformat()} to {found.span[1].isoformat()}"
    table = Table(caption=Text(caption))
    for title, justify in (("First", "left"), ("Second", "left"), ("Events", "right"), ("When", "left"),
                           ("From", "left"), ("To", "left")):
        table.add_column(title, justify=justify, no_wrap=title != "First" and title != "Second")
    for pair in found.pairs:
        table.add_row(Text(clean_line(pair.first.name)), Text(clean_line(pair.second.name)), Text(str(pair.count)),
                      Text(sparkline(pair.spread)), Text(pair.first_day.isoformat() if pair.first_day else ""),
                      Text(pair.last_day.isoformat() if pair.last_day else ""))
    return table
