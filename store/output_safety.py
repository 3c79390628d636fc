"""Output that cannot harm what reads it: JSON without raw control or bidi characters (a terminal would obey
them), and spreadsheet cells that cannot start a formula.

Stores written by older versions may hold raw control characters in file paths; these functions are applied
when writing, so every export is safe whatever the store holds."""
from __future__ import annotations

import json
import re

from store.clean import clean_text

# What `json.dumps(..., ensure_ascii=False)` leaves raw but a terminal reads as a command or a direction: DEL,
# the C1 controls (U+009B is a one-character CSI), bidi embeddings, overrides and isolates, and the line and
# paragraph separators. Written as \uXXXX escapes, the JSON still decodes to the same strings.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# OWASP, CSV injection: a cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def json_text(value: object, *, indent: int | None = None) -> str:
    """`value` as JSON (UTF-8 text kept readable) with no raw control or bidi character."""
    return _RAW_IN_JSON.sub(_escape, json.dumps(value, ensure_ascii=False, indent=indent))


def _escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def spreadsheet_cell(text: str) -> str:
    """A text cell for CSV: control characters removed, and a leading `'` when a spreadsheet would read the
    cell as a formula (=, +, -, @, tab, carriage return), as OWASP recommends."""
    return clean_text(f"'{text}" if text.startswith(_FORMULA_START) else text)

