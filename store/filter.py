"""`Filter`: which events a view or a command selects (persons, countries, organisations, a period, words). Plain data, shared by
the queries that read it and the selection that turns it into SQL."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Filter:
    """Which events to show: every given condition must hold."""

    persons: tuple[str, ...] = ()  # canonical names or aliases, case-insensitive
    countries: tuple[str, ...] = ()  # alpha-2 codes
    since: date | None = None  # events that end on or after this day
    until: date | None = None  # events that start on or before this day
    text: str = ""  # words that must all start a word of the summary or of a source excerpt
    orgs: tuple[str, ...] = ()  # organisations' names or aliases, case-insensitive
    disputed: bool = False  # only events whose sources disagree on the date or on who took part (store/disputes.py)
    only: tuple[int, ...] | None = None  # only these events (the key dates' events: store/digest.py); None: any


def filter_summary(flt: Filter) -> str:
    """The filter in words, "" for none: "persons Kim Jong Un; countries KP, CN; from 2025-09-01; words “parade”"."""
    parts = [f"{label} {', '.join(values)}" for label, values in
             (("persons", flt.persons), ("countries", flt.countries), ("organisations", flt.orgs)) if values]
    if flt.since is not None:
        parts.append(f"from {flt.since.isoformat()}")
    if flt.until is not None:
        parts.append(f"until {flt.until.isoformat()}")
    if flt.text:
        parts.append(f"words “{flt.text}”")
    if flt.disputed:
        parts.append("sources disagree")
    if flt.only is not None:
        parts.append("key dates")
    return "; ".join(parts)
