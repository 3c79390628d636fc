"""Words of the calendar that time expressions are built from: month, weekday, season, part-of-day and holiday
names, counted units, number words and modifiers, as regex fragments plus the lookups that turn a matched word
into its number. General knowledge only; the expression grammar lives in `grammar`.
"""
from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                        "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Month names are matched case-sensitively (capitalised, as English writes them): "may" and "march" are verbs.
MONTH_NAME = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBREVIATION = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
# A month as it appears before or after a day number: full name or abbreviation (with or without its dot).
MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBREVIATION}\.?)"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d|21\d\d)"
# The year of a date that names its year after a month, a day, a quarter, a season or a holiday ("31 December
# 2025", "Q4 2025", "summer of 2025"): any number of four digits or more. A year outside the range of event dates is
# then read and refused, with the reason, instead of being left off and the rest read from the publication date.
# A year on its own ("in 2015") must look like one: YEAR.
WRITTEN_YEAR = r"\d{4,}"

# Words that make a weekday part of a name rather than a date ("Black Friday", "Super Tuesday").
WEEKDAY_NAME_PREFIXES = {"black", "good", "super", "ash", "cyber", "bloody", "easter", "palm", "holy", "maundy",
                         "giving", "shrove", "fat", "whit"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON = r"(?:spring|summer|autumn|fall|winter)"
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"

# Fixed-date holidays: name → (month, day).
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
            "halloween": (10, 31)}
HOLIDAY = r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween)"

# Calendar units, singular or plural, and the TIMEX3 duration designator of each.
UNITS = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE", "fortnight": "W",
         "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}
UNIT = (r"(?:seconds?|minutes?|hours?|days?|weekends?|weeks?|fortnights?|months?|quarters?|years?|decades?"
        r"|centur(?:y|ies))")
CLOCK_UNITS = {"second", "minute", "hour"}

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_FEW = ("a few", "few", "several", "some", "many", "a couple of", "a number of", "dozens of", "hundreds of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_WORD_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|"
                r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
# A count of units: "18", "2.5", "six", "twenty-five", "a", "a dozen", "two and a half", "several", "a few".
COUNT = (rf"(?:(?:\d{{1,3}}(?:\.\d+)?|{_WORD_NUMBER}|a|an|a\s+dozen|half\s+a|a\s+half)(?:\s+and\s+a\s+half)?"
         r"|a\s+few|few|several|a\s+couple\s+of|a\s+number\s+of|many|dozens\s+of|hundreds\s+of)")
# A count written into a compound adjective: "27-year", "fifty-year", "two-day".
ADJECTIVE_COUNT = rf"(?:\d{{1,3}}|{_WORD_NUMBER})"

# Modifiers in front of a duration, and their TIMEX3 mod.
DURATION_MODS = {"nearly": "APPROX", "almost": "APPROX", "about": "APPROX", "around": "APPROX",
                 "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX", "just over": "MORE_THAN",
                 "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
                 "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
                 "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS"}
DURATION_MOD = (r"(?:nearly|almost|about|around|roughly|approximately|some|just\s+over|more\s+than|over|"
                r"at\s+least|less\s+than|just\s+under|under|up\s+to|no\s+more\s+than)")
# Modifiers in front of a date ("late last month", "mid-2011", "earlier this year"), and their TIMEX3 mod.
DATE_MODS = {"early": "START", "late": "END", "mid": "MID", "earlier": None, "later": None}
DATE_MOD = r"(?:early|late|mid|earlier|later)"
# "the end of …": the part of a unit named before it.
BOUNDARY_MODS = {"beginning": "START", "start": "START", "middle": "MID", "end": "END", "close": "END",
                 "turn": "START"}
BOUNDARY = r"(?:the\s+(?:very\s+)?(?:beginning|start|middle|end|close|turn)\s+of\s+)"


def month_number(word: str) -> int:
    """1..12 for a month name or abbreviation ("Sept.", "October")."""
    key = word.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBREVIATIONS[key]


def weekday_number(word: str) -> int:
    """0 for Monday .. 6 for Sunday."""
    return WEEKDAYS.index(word.lower())


def count_value(text: str) -> float | None:
    """The number a COUNT stands for; None for vague counts ("several", "a few")."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    if text in _FEW:
        return None
    half = 0.5 if text.endswith(" and a half") else 0.0
    text = text.removesuffix(" and a half")
    if text in ("a", "an"):
        return 1 + half
    if text in ("half a", "a half"):
        return 0.5
    if text == "a dozen":
        return 12
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text) + half
    parts = re.split(r"[-\s]", text)
    value = _TENS.get(parts[0], _ONES.get(parts[0]))
    if value is None:
        return None
    if len(parts) == 2:
        value += _ONES.get(parts[1], 0)
    return value + half
