"""How `dateline events` writes its rows: a table for a person at a terminal, and for programs and files one
event per line (tsv, jsonl) or one JSON document. Every value is cleaned of control characters; a tsv cell has no
tab or line break of its own."""
from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from store.clean import clean_line
from store.output_safety import json_text
from store.queries import EventRow, when_label
from tui.cli.errors import fail

FORMATS = ("table", "tsv", "jsonl", "json")
TSV_COLUMNS = ("date", "start", "end", "precision", "summary", "persons", "countries", "orgs", "sources",
               "dated_by", "disputed")


def list_format(asked: str | None, out: TextIO | None = None) -> str:
    """The format asked for, else a table on a terminal and tsv when the output (standard output) is piped or
    redirected."""
    if asked is None:
        return "table" if (out or sys.stdout).isatty() else "tsv"
    if asked not in FORMATS:
        fail(f"unknown format {asked!r}: use one of {', '.join(FORMATS)}")
    return asked


def write_events(rows: list[EventRow], total: int, fmt: str, out: TextIO | None = None) -> None:
    """Write `rows` (of `total` selected) in `fmt` to `out` (standard output)."""
    out = out or sys.stdout
    if fmt != "table" and len(rows) < total:  # the table's caption says so; a pipe's reader is told on stderr
        print(f"dateline: note: {len(rows)} of {total} events written (--limit N for more)", file=sys.stderr)
    if fmt == "table":
        Console(file=out, highlight=False).print(events_table(rows, total))
    else:
        write_records([_record(row) for row in rows], TSV_COLUMNS, fmt, out,
                      {"events": None, "shown": len(rows), "total": total})


def write_records(records: list[dict], columns: tuple[str, ...], fmt: str, out: TextIO, document: dict) -> None:
    """`records` as tab-separated lines under a header of `columns` (tsv), a JSON object per line (jsonl), or one
    JSON `document` whose None value is filled with the records (json)."""
    if fmt == "tsv":
        out.write("\t".join(columns) + "\n")
        for record in records:
            out.write("\t".join(_cell(record[column]) for column in columns) + "\n")
    elif fmt == "jsonl":
        for record in records:
            out.write(json_text(record) + "\n")
    else:
        out.write(json_text({key: records if value is None else value for key, value in document.items()}) + "\n")


def events_table(rows: list[EventRow], total: int) -> Table:
    table = Table(caption=Text(f"{len(rows)} of {total} event{'' if total == 1 else 's'}"), expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", ratio=3, min_width=20)
    table.add_column("Persons", ratio=1)
    table.add_column("Countries", ratio=1)
    table.add_column("Sources", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            Text(when_label(row.when, row.dated_by)),
            Text(clean_line(row.summary)),
            Text(clean_line(", ".join(row.persons))),
            Text(clean_line(", ".join(row.countries))),
            Text(("!" if row.disputed else "") + str(row.n_sources)),
        )
    return table


def _record(row: EventRow) -> dict:
    return {"date": when_label(row.when, row.dated_by), "start": row.start.isoformat() if row.start else None,
            "end": row.end.isoformat() if row.end else None, "precision": row.precision, "summary": row.summary,
            "persons": list(row.persons), "countries": list(row.countries), "orgs": list(row.orgs),
            "sources": row.n_sources, "dated_by": row.dated_by, "disputed": row.disputed}


def _cell(value: object) -> str:
    if isinstance(value, list):
        value = "; ".join(value)
    elif isinstance(value, bool):
        value = "yes" if value else ""
    elif value is None:
        value = ""
    return clean_line(str(value)).replace("\t", " ")
