"""Readers for expressions that name a calendar unit: dates, months, years, decades, quarters, halves, seasons,
holidays, weekdays and clock times. A missing year (or week) is taken from the publication date, on the side
of it the clause's tense points to; a fully written date is "absolute".
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from store.extract.timex.intervals import (
    FUTURE, PAST, UNKNOWN, nearest_weekday, shift, value_at, when_of, year_for,
)
from store.extract.timex.words import (
    HOLIDAYS, ORDINALS, PARTS_OF_DAY, SEASONS, month_number, weekday_number,
)
from store.extract.timex.readings import Reading, Reference, dated, wrapper_mod
from store.model import year_problem

_MODS = {"early": "START", "mid": "MID", "late": "END"}


def _base(ref: Reference) -> tuple[date | None, int, str]:
    """The date a partial date is completed from, the direction to look in, and the anchor that makes."""
    if ref.range_start:
        return ref.range_start, FUTURE, "previous"
    return ref.published, ref.direction, "published"


def _day(year: int, month: int, day: int, anchor: str | None, mod: str | None = None) -> Reading | None:
    """The day's reading; None for a day the month does not have. A year outside the range gives a reading
    with no date that says why (a datetime.date could not even hold "10000")."""
    if year_problem(year):
        return dated(f"{year:04d}-{month:02d}-{day:02d}", anchor, mod)
    try:
        return dated(date(year, month, day).isoformat(), anchor, mod)
    except ValueError:
        return None


def _number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _two_digit_year(short: int, ref: Reference) -> int:
    """"07" → 2007 unless that lies more than ten years after the publication year (or after 2049)."""
    limit = ref.published.year + 10 if ref.published else 2049
    return 2000 + short if 2000 + short <= limit else 1900 + short


def _relative_year(word: str | None, ref: Reference) -> int | None:
    """The year of "this year" / "the year" / "last year" / "next year", from the publication date."""
    if ref.published is None:
        return None
    return ref.published.year + {"last": -1, "previous": -1, "next": 1}.get((word or "this").lower(), 0)


def iso_date(m: re.Match, ref: Reference) -> Reading | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]), "absolute")


def numeric_date(m: re.Match, ref: Reference) -> Reading | None:
    if m["a"]:  # month/day/year, unless the first number cannot be a month
        first, second, year = int(m["a"]), int(m["b"]), m["y"]
        month, day = (second, first) if first > 12 else (first, second)
    else:  # day.month.year
        day, month, year = int(m["a2"]), int(m["b2"]), m["y2"]
    full_year = int(year) if len(year) == 4 else _two_digit_year(int(year), ref)
    return _day(full_year, month, day, "absolute")


def month_day(m: re.Match, ref: Reference) -> Reading | None:
    month = month_number(m["m"] or m["m2"])
    day = _number(m["d"] or m["d2"])
    if m["y"]:
        return _day(int(m["y"]), month, day, "absolute")
    base, direction, anchor = _base(ref)
    if base is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}") if _day(2000, month, day, None) else None
    if m["wd"]:  # "Tuesday, October 7": the year in which that date is that weekday, nearest the base
        weekday = weekday_number(m["wd"])
        years = [y for y in range(base.year - 6, base.year + 7) if _day(y, month, day, None)
                 and date(y, month, day).weekday() == weekday]
        if years:
            return _day(min(years, key=lambda y: abs(y - base.year)), month, day, anchor)
    return _day(year_for(base, month, day, direction), month, day, anchor)


def month_year(m: re.Match, ref: Reference) -> Reading | None:
    month = month_number(m["m"])
    year = int(m["y"]) if m["y"] else _relative_year(m["yrel"], ref)
    if year is None:
        return Reading("DATE", f"XXXX-{month:02d}")
    return dated(f"{year:04d}-{month:02d}", "absolute" if m["y"] else "published", wrapper_mod(m))


def month(m: re.Match, ref: Reference) -> Reading | None:
    number = month_number(m["m"])
    base, direction, anchor = _base(ref)
    if base is None:
        return Reading("DATE", f"XXXX-{number:02d}", mod=wrapper_mod(m))
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past"):
        year = base.year if number < base.month else base.year - 1
    elif rel in ("next", "coming"):
        year = base.year if number > base.month else base.year + 1
    elif rel == "this":
        year = base.year
    else:
        year = year_for(base, number, None, direction)
    return dated(f"{year}-{number:02d}", anchor, wrapper_mod(m))


def year(m: re.Match, ref: Reference) -> Reading | None:
    return dated(m["y"], "absolute", wrapper_mod(m))


def decade(m: re.Match, ref: Reference) -> Reading | None:
    short = m["short"] or m["bare"]
    if short:
        digit = int(short)
        value = f"{19 if digit >= 3 else 20}{digit}"
    else:
        value = m["century"] + m["decade"]
    return dated(value, "absolute", _MODS.get((m["mod"] or m["mod2"] or "").lower()))


def century(m: re.Match, ref: Reference) -> Reading | None:
    """"the 20th century" → 19 (TIMEX3 writes a century by its first two digits); no interval dates events."""
    return Reading("DATE", f"{int(m['c']) - 1:02d}", mod=_MODS.get((m["mod"] or "").lower()))


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def week_of_month(m: re.Match, ref: Reference) -> Reading | None:
    """"the last week of March": the ISO week holding its days 25–31 (the first: 1–7, the second: 8–14 ...)."""
    number = month_number(m["m"])
    base, direction, anchor = _base(ref)
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    elif base is None:
        return Reading("DATE", f"XXXX-{number:02d}")
    else:
        year = year_for(base, number, None, direction)
    first = date(year, number, 1)
    word = m["ord"].lower()
    if word in _WEEK_ORDINALS:
        day = first + timedelta(days=7 * (_WEEK_ORDINALS[word] - 1) + 3)
    else:
        day = shift(first, 1, "month") - timedelta(days=4)
    return dated(value_at(day, "week"), anchor)


# A period a value names (a year, a fiscal year, a half, a quarter, a month, a week or a day of one): what "the same
# period last year" takes a year before.
_PERIOD_VALUE = re.compile(r"(?P<fy>FY)?(?P<y>\d{4})(?P<rest>-(?:[QH][1-4]|W\d\d|\d\d(?:-\d\d)?))?")


def same_period(m: re.Match, ref: Reference) -> Reading | None:
    """"the same period last year": the period the sentence told before, a year earlier ("sales in the third
    quarter of 2024 rose from the same period last year": 2023-Q3); else the year before the publication's."""
    period = _PERIOD_VALUE.fullmatch(ref.previous_value or "")
    if period:
        year_ = int(period["y"]) - 1
        calendar = dated(f"{year_}{'' if period['fy'] else period['rest'] or ''}", "previous")
        return Reading("DATE", f"{period['fy'] or ''}{year_}{period['rest'] or ''}", calendar.when, None,
                       calendar.anchor, calendar.problem)
    if ref.published is None:
        return Reading("DATE", "XXXX")
    return dated(str(ref.published.year - 1), "published")


def quarter(m: re.Match, ref: Reference) -> Reading | None:
    if m["q"]:
        number, written_year = int(m["q"]), m["y2"]
    else:
        word = m["ord"].lower()
        if word in ORDINALS:
            number, written_year = ORDINALS[word], m["y"]
        elif ref.published is None:
            return Reading("DATE", "XXXX-QX")
        else:  # "the last quarter", "this quarter": counted from the publication date
            step = {"last": -1, "previous": -1, "past": -1, "next": 1}.get(word, 0)
            return dated(value_at(shift(ref.published, step, "quarter"), "quarter"), "published")
    if written_year:
        return dated(f"{written_year}-Q{number}", "absolute")
    if ref.published is None:
        return Reading("DATE", f"XXXX-Q{number}")
    if m["yrel"]:  # "the third quarter of last year"
        year_ = _relative_year(m["yrel"], ref)
    else:
        year_ = _quarter_year(ref.published, number, ref.direction)
    return dated(f"{year_}-Q{number}", "published")


def _quarter_year(published: date, number: int, direction: int) -> int:
    """The year of a "third quarter" that has ended (looking back: results are told once a quarter closes)
    or has not yet ended (looking forward)."""
    current = (published.month - 1) // 3 + 1
    if direction == PAST and number >= current:
        return published.year - 1
    if direction == FUTURE and number < current:
        return published.year + 1
    return published.year


def half(m: re.Match, ref: Reference) -> Reading | None:
    part = "H1" if m["h"].lower() in ("first", "1st") else "H2"
    if m["y"]:
        return dated(f"{m['y']}-{part}", "absolute")
    year_ = _relative_year(m["yrel"], ref)
    return dated(f"{year_}-{part}", "published") if year_ else Reading("DATE", f"XXXX-{part}")


def fiscal(m: re.Match, ref: Reference) -> Reading | None:
    """A fiscal year (FY2007), or a quarter or half of one (FY2007-Q1): dated as the calendar year of its
    number, the nearest a company's calendar that the text does not give allows."""
    written = m["y"] or m["y3"] or m["y2"]
    if written:
        year_ = int(written) if len(written) == 4 else 2000 + int(written)
        anchor = "absolute"
    else:
        step = {"next": 1, "coming": 1, "last": -1, "previous": -1, "past": -1}.get((m["rel"] or "").lower(), 0)
        year_ = None if ref.published is None else ref.published.year + step
        anchor = "published"
    part = ""
    if m["part"]:
        number = ORDINALS[m["part"].lower()]
        part = f"-Q{number}" if m["pu"].lower() == "quarter" else f"-H{number}"
    if year_ is None:
        return Reading("DATE", f"FYXXXX{part}", mod=wrapper_mod(m))
    calendar = dated(str(year_), anchor)
    return Reading("DATE", f"FY{year_}{part}", calendar.when, wrapper_mod(m), calendar.anchor, calendar.problem)


def season(m: re.Match, ref: Reference) -> Reading | None:
    code = SEASONS[m["s"].lower()]
    mod = wrapper_mod(m)
    if m["y"]:
        return dated(f"{m['y']}-{code}", "absolute", mod)
    published = ref.published
    if published is None:
        return Reading("DATE", f"XXXX-{code}", mod=mod)
    seasons = [(y, when_of(f"{y}-{code}")) for y in range(published.year - 1, published.year + 2)]
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past"):
        picked = [y for y, w in seasons if w.end < published][-1:]
    elif rel in ("next", "coming"):
        picked = [y for y, w in seasons if w.start > published][:1]
    elif not rel and ref.direction == PAST:
        picked = [y for y, w in seasons if w.start <= published][-1:]
    elif not rel and ref.direction == FUTURE:
        picked = [y for y, w in seasons if w.end >= published][:1]
    else:  # "this summer", or no tense: the one under way, else the one of the publication year
        picked = [y for y, w in seasons if w.start <= published <= w.end] or [published.year]
    return dated(f"{picked[0]}-{code}", "published", mod)


def holiday(m: re.Match, ref: Reference) -> Reading | None:
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    month_, day = HOLIDAYS[name]
    if m["y"]:
        return _day(int(m["y"]), month_, day, "absolute")
    if ref.published is None:
        return Reading("DATE", f"XXXX-{month_:02d}-{day:02d}")
    rel = (m["rel"] or "").lower()
    direction = {"last": PAST, "next": FUTURE}.get(rel, UNKNOWN if rel == "this" else ref.direction)
    return _day(year_for(ref.published, month_, day, direction), month_, day, "published")


def weekday(m: re.Match, ref: Reference) -> Reading | None:
    number = weekday_number(m["wd"])
    mod = _MODS.get((m["mod"] or "").lower())
    part = PARTS_OF_DAY[m["p"].lower()] if m["p"] else None
    base, direction, anchor = _base(ref)
    if ref.story is not None and not ref.range_start and not m["rel"]:
        base, direction, anchor = ref.story, UNKNOWN, "previous"  # "Tuesday" in a story set in 2019
    if base is None:
        return Reading("DATE", f"XXXX-WXX-{number + 1}", mod=mod)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if rel in ("last", "past", "this past"):
        day = nearest_weekday(shift(base, -1, "day"), number, PAST)
    elif rel in ("next", "coming"):
        day = nearest_weekday(shift(base, 1, "day"), number, FUTURE)
    elif rel == "this":
        day = nearest_weekday(base, number, FUTURE)
    else:
        day = nearest_weekday(base, number, direction)
    if part:
        return dated(f"{day.isoformat()}T{part}", anchor, mod, "TIME")
    return dated(day.isoformat(), anchor, mod)


def _weekday_day(word: str, ref: Reference) -> tuple[date | None, str]:
    """The day a bare weekday names, as `weekday` reads it, and its anchor."""
    base, direction, anchor = _base(ref)
    return (nearest_weekday(base, weekday_number(word), direction) if base else None), anchor


def clock(m: re.Match, ref: Reference) -> Reading | None:
    if m["word"]:
        hour, minute = (0, 0) if m["word"].lower() == "midnight" else (12, 0)
    elif m["h24"] or m["h24c"]:
        hour, minute = int(m["h24"] or m["h24c"]), int(m["mi24"] or m["mi24c"])
    else:
        hour, minute = int(m["h"]) % 12, int(m["mi"] or 0)
        hour += 12 if m["ampm"].lower().startswith("p") else 0
    zone = "Z" if m["tz"] and m["tz"].upper() in ("UTC", "GMT") else ""
    day = ref.day or ref.published
    anchor = "previous" if ref.day else "published"
    if m["cwd"]:
        day, anchor = _weekday_day(m["cwd"], ref)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return dated(f"{prefix}T{hour:02d}:{minute:02d}{zone}", anchor, type_="TIME")


HANDLERS = {"iso_date": iso_date, "numeric_date": numeric_date, "month_day": month_day,
            "month_year": month_year, "month": month, "year": year, "decade": decade, "quarter": quarter,
            "half": half, "fiscal": fiscal, "season": season, "holiday": holiday, "weekday": weekday, "clock": clock,
            "century": century, "week_of_month": week_of_month, "same_period": same_period}
