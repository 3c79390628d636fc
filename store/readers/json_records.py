"""Articles in JSON: a `.json` file holding one object or a list of objects, a `.jsonl` file one object per
line, with the usual scraper field names (see `fields`). Both are read a record at a time (json_stream), so a
collection of a gigabyte needs the memory of its largest record, not of the file.

When a file holds several records, each article's path is the file's plus `#N`: N counts records from 1 in a
JSON list, and is the line number in a JSONL file (so it does not move when another line is broken). A broken
JSONL line is skipped as "file.jsonl:N" and the other lines are still read.
"""
from __future__ import annotations

import io
import json
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import TypeVar

from store.clean import printable_path
from store.readers import fields
from store.readers.dates import metadata_date
from store.readers.json_stream import InvalidJSON, array_elements
from store.readers.records import Draft, Skipped

T = TypeVar("T")
_END = object()
# Raw control characters inside strings are allowed (strict=False): the text is cleaned of them afterwards, as
# for every other kind of file.
_LENIENT = json.JSONDecoder(strict=False)


def read_json(path: Path, text: io.TextIOBase) -> Iterator[Draft | Skipped]:
    """The records of a .json file: the elements of its top-level list, or its one object; read one at a time."""
    name = printable_path(path)
    elements = _with_next(enumerate(array_elements(text, strict=False), 1))
    try:
        first = next(elements, None)
        if first is None:
            yield Skipped(name, "no records (an empty list)")
            return
        for (number, record), has_next in chain([first], elements):
            several = has_next or number > 1
            label = f"{name}#{number}" if several else name
            found = _draft(path, label, record)
            if isinstance(found, str):
                yield Skipped(label, f"record {number}: {found}" if several else found)
            else:
                yield found
    except InvalidJSON as error:
        where = f" after record {error.records}" if error.records else ""
        yield Skipped(name, f"invalid JSON{where} ({error.reason})")


def read_jsonl(path: Path, text: io.TextIOBase) -> Iterator[Draft | Skipped]:
    """The records of a .jsonl file, one a line (blank lines left out); a broken line is skipped on its own."""
    name = printable_path(path)
    lines = ((number, line) for number, line in enumerate(text, 1) if line.strip())
    for (number, line), has_next in _with_next(lines):
        several = has_next or number > 1
        try:
            record = _LENIENT.decode(line.strip())
        except (ValueError, RecursionError) as exc:
            yield Skipped(f"{name}:{number}", f"line {number}: invalid JSON ({_why(exc, one_line=True)})")
            continue
        found = _draft(path, f"{name}#{number}" if several else name, record)
        if isinstance(found, str):
            yield Skipped(f"{name}:{number}", f"line {number}: {found}")
        else:
            yield found


def _with_next(items: Iterator[T]) -> Iterator[tuple[T, bool]]:
    """Each item with whether another follows it (one item read ahead)."""
    items = iter(items)
    current = next(items, _END)
    while current is not _END:
        try:
            following = next(items, _END)
        except Exception:  # the collection breaks after this item: give it (one of several), then the error
            yield current, True
            raise
        yield current, following is not _END
        current = following


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
