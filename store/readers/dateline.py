"""The date of a news dateline at an article's start: "WASHINGTON, March 22 (Reuters) -",
"BEIJING, Oct 7, 2025 (AP) —", "NEW YORK, Oct. 7, 2025 /PRNewswire/ --". A dateline without a date
("LONDON (Reuters) -") gives none.

A dateline without a year takes the latest year that does not put the date after today: datelines are written
on the day, so "March 22" read in February is last year's. An article read long after it was written gets a
wrong year this way; a publication date from the file's metadata or `--published` takes precedence.
"""
from __future__ import annotations

import re
from datetime import date

from store.readers.dates import plausible

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
          "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
# The date ends the dateline's head (after the place, if any): "March 22", "22 March", "Oct. 7, 2025".
_DATES = (re.compile(rf"\b{_MONTH}\s+{_DAY}{_YEAR}$", re.IGNORECASE),
          re.compile(rf"\b{_DAY}\s+{_MONTH}{_YEAR}$", re.IGNORECASE))
# Head (place and/or date), then an optional agency "(Reuters)" or "/PRNewswire/", then a dash.
_DATELINE = re.compile(r"(?P<head>[^()/\n]{1,80}?)[\s,]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--?|–|—)\s")
_PLACE_PARTICLES = {"de", "da", "do", "del", "della", "di", "du", "la", "le", "al", "el", "of", "upon", "am"}
_LINES_SEARCHED = 3  # a repeated headline or a byline may come before the dateline
_PLACE_WORDS = 5  # "Ho Chi Minh City, Vietnam"


def dateline_date(body: str, today: date) -> date | None:
    """The date in the dateline that opens one of the first lines of `body`, or None."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    for line in lines[:_LINES_SEARCHED]:
        match = _DATELINE.match(line)
        if match:
            found = _head_date(match.group("head").strip(), today)
            if found:
                return found
    return None


def _head_date(head: str, today: date) -> date | None:
    for pattern in _DATES:
        match = pattern.search(head)
        if match and _is_place(head[:match.start()].strip(" ,")):
            month = MONTHS[match.group("month")[:3].lower()]
            day = int(match.group("day"))
            if match.group("year"):
                return _valid_date(int(match.group("year")), month, day)
            return _latest_past_date(month, day, today)
    return None


def _is_place(text: str) -> bool:
    """Empty, or a few capitalised words (lowercase particles allowed): "WASHINGTON", "Rio de Janeiro, Brazil"."""
    words = text.replace(",", " ").split()
    return len(words) <= _PLACE_WORDS and all(
        (word[0].isupper() and not any(c.isdigit() for c in word)) or word in _PLACE_PARTICLES for word in words)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if plausible(found) else None


def _latest_past_date(month: int, day: int, today: date) -> date | None:
    for year in range(today.year, today.year - 8, -1):  # 8 years always include a leap year for 29 February
        found = _valid_date(year, month, day)
        if found and found <= today:
            return found
    return None
