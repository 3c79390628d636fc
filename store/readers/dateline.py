"""The date of a news dateline at an article's start: "WASHINGTON, March 22 (Reuters) -",
"BEIJING, Oct 7, 2025 (AP) —", "NEW YORK, Oct. 7, 2025 /PRNewswire/ --", "New Delhi [India], November 24 (ANI):",
or a line of its own, "New Delhi, May 10". A dateline without a date ("LONDON (Reuters) -") gives none.

A dateline without a year takes the year its text agrees with: wire copy names the day it is filed by its weekday
("BEIJING, Oct. 17 (Xinhua) -- ... said on Thursday"), so the latest year in which the dateline falls on a weekday
the text names (or the day after one: "said on Wednesday" in Thursday's copy) wins; a text naming no weekday takes
the latest year that does not put the date after today. Either way the year is an assumption, and the reading
says so (`Dateline.assumed`), to be shown to the user. A publication date from the file's metadata or
`--published` takes precedence over any dateline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
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
# Head (place and/or date), then an optional agency "(Reuters)" or "/PRNewswire/", then a dash or a colon.
_DATELINE = re.compile(r"(?P<head>[^()/\n]{1,80}?)[\s,]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)?\s*(?:--?|–|—|:)\s")
# A place and a date alone on the first line, the text starting on the next: "New Delhi, May 10".
_DATELINE_LINE = re.compile(r"(?P<head>[^()/\n:]{1,80}?)[\s,]*(?:\([^()\n]{1,40}\))?\s*")
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_YEARS_TRIED = 28  # the weekdays of a calendar repeat within 28 years
_PLACE_PARTICLES = {"de", "da", "do", "del", "della", "di", "du", "la", "le", "al", "el", "of", "upon", "am"}
_LINES_SEARCHED = 3  # a repeated headline or a byline may come before the dateline
_PLACE_WORDS = 5  # "Ho Chi Minh City, Vietnam"


@dataclass(frozen=True)
class Dateline:
    day: date
    assumed: str | None = None  # how the year was chosen, when the dateline gives none


def dateline_date(body: str, today: date) -> date | None:
    """The date in the dateline that opens one of the first lines of `body`, or None."""
    found = read_dateline(body, today)
    return found.day if found else None


def read_dateline(body: str, today: date) -> Dateline | None:
    """The dateline that opens one of the first lines of `body`, its year chosen as the module says, or None."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    for number, line in enumerate(lines[:_LINES_SEARCHED]):
        match = _DATELINE.match(line)
        alone = number + 1 < len(lines) and _DATELINE_LINE.fullmatch(line)
        for head, needs_place in ((match, False), (alone, True)):
            found = head and _head_date(head.group("head").strip(), body, today, needs_place)
            if found:
                return found
    return None


def _head_date(head: str, body: str, today: date, needs_place: bool) -> Dateline | None:
    for pattern in _DATES:
        match = pattern.search(head)
        place = head[:match.start()].strip(" ,") if match else ""
        if match and _is_place(place) and (place or not needs_place):
            month = MONTHS[match.group("month")[:3].lower()]
            day = int(match.group("day"))
            if match.group("year"):
                found = _valid_date(int(match.group("year")), month, day)
                return Dateline(found) if found else None
            return _year_from_text(month, day, body, today)
    return None


def _year_from_text(month: int, day: int, body: str, today: date) -> Dateline | None:
    """The yearless dateline's date in the year its text's weekdays agree with, else the latest past one."""
    years = [found for year in range(today.year, today.year - _YEARS_TRIED, -1)
             if (found := _valid_date(year, month, day)) and found <= today]
    if not years:
        return None
    named = Counter(WEEKDAYS.index(w.lower()) for w in _WEEKDAY.findall(body))
    shown = f"{years[0]:%B} {day}"
    # A mention of the day itself counts twice, one of the day before ("said on Wednesday") once; ties: latest.
    agreement = {d: 2 * named[d.weekday()] + named[(d.weekday() - 1) % 7] for d in years}
    picked = max(years, key=lambda d: (agreement[d], d))
    if agreement[picked]:
        return Dateline(picked, f"the dateline “{shown}” gives no year: took {picked.year}, when it is a "
                                f"{WEEKDAYS[picked.weekday()].capitalize()}, as the weekdays the text names agree")
    return Dateline(years[0], f"the dateline “{shown}” gives no year: took {years[0].year}, the latest not after "
                              "today (give the date with --published if it is older)")


def _is_place(text: str) -> bool:
    """Empty, or a few capitalised words (lowercase particles allowed): "WASHINGTON", "Rio de Janeiro, Brazil"."""
    words = re.sub(r"[\[\],]", " ", text).split()
    return len(words) <= _PLACE_WORDS and all(
        (word[0].isupper() and not any(c.isdigit() for c in word)) or word in _PLACE_PARTICLES for word in words)


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if plausible(found) else None
