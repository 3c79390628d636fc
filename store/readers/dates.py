"""Strict publication dates from metadata: `parse_date` for a string (ISO date or datetime, "October 7, 2025",
RFC 2822 ...), `metadata_date` for whatever a YAML or JSON field holds. Relative expressions ("yesterday"),
partial dates ("October 2025") and absurd years are refused: the date is then treated as absent."""
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
    text = text.strip()
    if not text or len(text) > _LONGEST_DATE_TEXT:
        return None
    try:
        parsed = datetime.fromisoformat(text).date()
    except ValueError:
        found = dateparser.parse(text, languages=["en"], settings=_STRICT)
        parsed = found.date() if found else None
    return parsed if parsed and plausible(parsed) else None


def metadata_date(value: object) -> date | None:
    """The date a metadata field holds (a YAML date or datetime, or a string), or None."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value if plausible(value) else None
    if isinstance(value, str):
        return parse_date(value)
    return None
