"""Strict publication dates from metadata: `parse_date` for a string (ISO date or datetime, "October 7, 2025",
RFC 2822 ...), `metadata_date` for whatever a YAML or JSON field holds, with the reason when it holds no usable
date. Relative expressions ("yesterday"), partial dates ("October 2025") and absurd years are refused: the date is
then treated as absent."""
from __future__ import annotations

from datetime import date, datetime

import dateparser

EARLIEST_YEAR = 1800
_LONGEST_DATE_TEXT = 80  # longer strings are prose, not a date field
_STRICT = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no bare timestamps
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def plausible(day: date) -> bool:
    """A publication date can be neither before 1800 nor after next year."""
    return EARLIEST_YEAR <= day.year <= date.today().year + 1


def parse_date(text: str) -> date | None:
    """The calendar date `text` names in full (day, month and year), or None. A datetime keeps its own local date."""
    parsed = _calendar_date(text)
    return parsed if parsed and plausible(parsed) else None


def _calendar_date(text: str) -> date | None:
    text = text.strip()
    if not text or len(text) > _LONGEST_DATE_TEXT:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        found = dateparser.parse(text, languages=["en"], settings=_STRICT)
        return found.date() if found else None


def metadata_date(value: object) -> tuple[date | None, str | None]:
    """(the date a metadata field holds, None), or (None, why it holds none usable); (None, None) for no field.
    The field is a YAML date or datetime, or a string."""
    if value is None:
        return None, None
    if isinstance(value, datetime):
        value = value.date()
    day = value if isinstance(value, date) else _calendar_date(value) if isinstance(value, str) else None
    shown = _shown(value)
    if day is None:
        return None, f"published {shown} is not a full date (day, month and year)"
    if not plausible(day):
        return None, f"published {shown} is out of range (years {EARLIEST_YEAR}–{date.today().year + 1})"
    return day, None


_SHOWN_CHARACTERS = 40


def _shown(value: object) -> str:
    """The field's value as a warning quotes it: a string or a date cut to 40 characters, anything else by its
    kind alone. A YAML or JSON value is never rendered whole: nested aliases ("billion laughs") are cheap as
    parsed and explode when turned into text."""
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = " ".join(value[:4 * _SHOWN_CHARACTERS].split())
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = repr(value)[:4 * _SHOWN_CHARACTERS]
    else:
        return f"(a {_KINDS.get(type(value), 'value of another kind')})"
    return repr(text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS - 1] + "…")


_KINDS = {list: "list", dict: "mapping", int: "number", float: "number", bool: "true/false value",
          type(None): "null", bytes: "binary value", set: "set", tuple: "list"}
