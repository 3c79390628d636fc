"""Articles in JSON: a `.json` file holding one object or a list of objects, a `.jsonl` file one object per
line, with the usual scraper field names (see `fields`).

When a file holds several records, each article's path is the file's plus `#N`: N counts records from 1 in a
JSON list, and is the line number in a JSONL file (so it does not move when another line is broken). A broken
JSONL line is skipped as "file.jsonl:N" and the other lines are still read.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from store.clean import printable_path
from store.readers import fields
from store.readers.dates import metadata_date
from store.readers.records import Draft, Skipped


def read_json(path: Path, text: str) -> Iterator[Draft | Skipped]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Skipped(printable_path(path), f"invalid JSON ({_why(exc, one_line=False)})")
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield Skipped(printable_path(path), "no records (an empty list)")
    several = len(records) > 1
    for number, record in enumerate(records, 1):
        label = f"{printable_path(path)}#{number}" if several else printable_path(path)
        found = _draft(path, label, record)
        if isinstance(found, str):
            yield Skipped(label, f"record {number}: {found}" if several else found)
        else:
            yield found


def read_jsonl(path: Path, text: str) -> Iterator[Draft | Skipped]:
    lines = [(number, line) for number, line in enumerate(text.split("\n"), 1) if line.strip()]
    several = len(lines) > 1
    for number, line in lines:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Skipped(f"{printable_path(path)}:{number}", f"line {number}: invalid JSON ({_why(exc, one_line=True)})")
            continue
        found = _draft(path, f"{printable_path(path)}#{number}" if several else printable_path(path), record)
        if isinstance(found, str):
            yield Skipped(f"{printable_path(path)}:{number}", f"line {number}: {found}")
        else:
            yield found


def _draft(path: Path, label: str, record: object) -> Draft | str:
    """The article in one record, or why there is none."""
    if not isinstance(record, dict):
        return "not a JSON object"
    body = fields.first_text(record, fields.TEXT, numbers=False)  # {"text": 12345} or NaN is no article
    if body is None:
        return f"no article text (no {'/'.join(fields.TEXT)} field holding text)"
    published, problem = metadata_date(fields.first_value(record, fields.PUBLISHED))
    return Draft(
        file=path,
        path=label,
        body=body,
        title=fields.first_text(record, fields.TITLE) or "",
        published=published,
        published_problem=problem,
        url=fields.first_text(record, fields.URL),
        source=fields.first_text(record, fields.SOURCE),
    )


def _why(exc: Exception, one_line: bool) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        return f"{exc.msg}: {where}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)  # a number too long to convert
