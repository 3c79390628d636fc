"""What the format readers hand back: a `Draft` of an article still to be cleaned and dated, or a `Skipped`
file (or record) with the reason it was not read."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Skipped:
    path: str  # file path, or "file.jsonl:17" for one line of a JSONL file
    reason: str  # one short human line: "not UTF-8 text", "empty file", "line 17: invalid JSON (...)" ...


@dataclass(frozen=True)
class Draft:
    """One article as its format reader found it: raw fields, not yet cleaned, dated or given a fallback title."""

    file: Path
    path: str  # what the Article's path will be: the file, or "file.json#3" for one record of several
    body: str
    title: str = ""
    published: date | None = None  # from the file's own metadata only
    published_problem: str | None = None  # why a date field in the metadata was not used
    url: str | None = None
    source: str | None = None
