"""The grammar of time expressions and the finder that locates them in a text.

Each family is one regex with named groups. `find` searches the body with every family (but one whose REQUIRED
text the body lacks) and keeps the longest non-overlapping matches, after a few context checks a regex cannot make
alone (a capitalised name before "May", "Windows 2000", "once a year" vs "a year"). `normalise` reads a
found span with the same regexes (`match`), so what is found and how it is read never drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from store.extract.timex.words import (
    ADJECTIVE_COUNT, BOUNDARY, COUNT, DATE_MOD, DAY_OF_MONTH, DURATION_MOD, HOLIDAY, MONTH, MONTH_ABBREVIATION,
    MONTH_NAME, PART_OF_DAY, SEASON, UNIT, WEEKDAY, WEEKDAY_NAME_PREFIXES, WRITTEN_YEAR, YEAR,
)

_TIME_ZONE = r"(?-i:UTC|GMT|[ECMP][SD]T|[ECMP]T|CES?T|BST|JST|KST|HKT|SGT|AEST|AEDT)"
# "late last month", "mid-2011", "earlier this year", "the end of the month".
_DATE_WRAPPER = rf"(?:(?P<boundary>{BOUNDARY})|(?P<mod>{DATE_MOD})(?:\s+in)?(?:\s*-\s*|\s+))?"
_RELATIVE = r"(?P<rel>this\s+past|this|next|last|past|coming|current)"
_SHORT_YEAR_RELATIVE = r"(?P<yrel>this|last|next)\s+year"

_ORDINAL_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"

FAMILIES: dict[str, str] = {
    "iso_date": r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])",
    # Slashed dates in US order ("7/8/07"); dotted ones only with a full year ("10.4.11" is a version number).
    "numeric_date": r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})|(?P<a2>\d{1,2})\.(?P<b2>\d{1,2})\.(?P<y2>\d{4})",
    "month_day": (rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<m>{MONTH})\s+(?:the\s+)?(?P<d>{DAY_OF_MONTH})"
                  rf"|(?:the\s+)?(?P<d2>{DAY_OF_MONTH})\s+(?:of\s+)?(?P<m2>{MONTH}))"
                  rf"(?:,?\s+(?P<y>{WRITTEN_YEAR}))?"),
    "month_day_range": (rf"(?P<m>{MONTH})\s+(?P<d1>{DAY_OF_MONTH})\s*(?:-|–|to|through|until|and)\s*"
                        rf"(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY_OF_MONTH})(?:,?\s+(?P<y>{WRITTEN_YEAR}))?"),
    # "26-27 May", "the 26th to the 27th of May, 2025": the month (and year) after the second day.
    "day_month_range": (rf"(?:the\s+)?(?P<d1>{DAY_OF_MONTH})\s*(?:-|–|to|through|until|and)\s*(?:the\s+)?"
                        rf"(?P<d2>{DAY_OF_MONTH})\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{WRITTEN_YEAR}))?"),
    # "planned for the 26th to 27th": ordinal days whose month the sentence names elsewhere ("in May, ...").
    "ordinal_day_range": (rf"the\s+(?P<d1>{_ORDINAL_DAY})\s*(?:-|–|to|through|until|and)\s*(?:the\s+)?"
                          rf"(?P<d2>{_ORDINAL_DAY})"),
    "year_range": rf"(?P<y1>{YEAR})\s*[-–]\s*(?P<y2>{YEAR}|\d\d)",
    "month_year": (rf"{_DATE_WRAPPER}(?P<m>{MONTH_NAME}|{MONTH_ABBREVIATION}\.),?\s+(?:of\s+)?"
                   rf"(?:(?P<y>{WRITTEN_YEAR})|{_SHORT_YEAR_RELATIVE})"),
    "month": rf"{_DATE_WRAPPER}(?:(?P<rel>last|next|this|coming|past)\s+)?(?P<m>{MONTH_NAME})",
    "year": rf"{_DATE_WRAPPER}(?:the\s+year\s+)?(?P<y>{YEAR})",
    "decade": (r"(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
               r"(?:(?P<century>1[5-9]|20)(?P<decade>\d)0|['’](?P<short>\d)0)['’]?s"
               # "the 70s": with "the" only ("in their 70s" is an age)
               r"|the\s+(?:(?P<mod2>early|mid|late)(?:\s*-\s*|\s+))?(?P<bare>\d)0s"),
    "century": (r"(?:the\s+)?(?:(?P<mod>early|mid|late)(?:\s*-\s*|\s+))?"
                r"(?P<c>2[01]|1\d|[1-9])(?:st|nd|rd|th)[\s-]+century"),
    # "the last week of March": the ISO week holding that stretch of the month
    "week_of_month": (rf"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<m>{MONTH_NAME})"
                      rf"(?:,?\s+(?P<y>{WRITTEN_YEAR}))?"),
    # "the same period last year", "the same quarter a year earlier": the year before the publication's
    "same_period": (r"the\s+same\s+(?:period|time|quarter|month|week|season)\s+(?:of\s+)?"
                    r"(?:last\s+year|the\s+(?:last|previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before))"),
    "quarter": (r"(?:the\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last|current|next|previous|"
                r"past|this)[-\s]+quarter(?:\s+of\s+(?:(?P<y>" + WRITTEN_YEAR + r")|(?:the\s+)?(?P<yrel>this|last|next|"
                r"current|previous|the)\s+year))?|Q(?P<q>[1-4])(?:\s+(?P<y2>" + WRITTEN_YEAR + r"))?"),
    # A fiscal year, its calendar unknown: "fiscal 2007", "FY2008", "the 2006 fiscal year", "the current financial
    # year", "the first quarter of fiscal 2007", "the beginning of the financial year" (TIMEX3 FY2007, FY2007-Q1)
    "fiscal": (rf"{_DATE_WRAPPER}(?:(?:the\s+)?(?P<part>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+"
               r"(?P<pu>quarter|half)\s+of\s+)?"
               rf"(?:(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+(?P<y>{YEAR})"
               r"|FY\s?['’]?(?P<y2>\d{4}|\d\d)"
               rf"|(?:the\s+)?(?:(?P<y3>{YEAR})\s+|(?P<rel>current|this|next|last|previous|coming|past)\s+)?"
               r"(?:fiscal|financial)\s+year)"),
    "half": (r"the\s+(?P<h>first|second|1st|2nd|latter)\s+half\s+of\s+(?:(?P<y>" + WRITTEN_YEAR + r")|"
             r"(?:the\s+|this\s+|(?P<yrel>next|last)\s+)year)"),
    "season": (rf"{_DATE_WRAPPER}(?:(?P<rel>this|last|next|coming|past)\s+|the\s+)?(?P<s>{SEASON})"
               rf"(?:\s+(?:of\s+)?(?P<y>{WRITTEN_YEAR}))?"),
    "holiday": rf"(?:(?P<rel>this|last|next)\s+)?(?P<h>{HOLIDAY})(?:\s+(?P<y>{WRITTEN_YEAR}))?",
    "deictic": (rf"{_DATE_WRAPPER}(?P<w>today|tonight|tomorrow|yesterday|the\s+day\s+before\s+yesterday|"
                rf"the\s+day\s+after\s+tomorrow)(?:\s+(?P<p>{PART_OF_DAY}))?"
                rf"|(?P<near>this|last)\s+(?P<p2>{PART_OF_DAY})"),
    "anaphor": (r"(?:that|the)\s+same\s+(?P<u>day|week|month|year)|that\s+(?P<u2>day|week|month|year)"
                r"|the\s+(?P<step>following|next|previous|preceding)\s+(?P<u3>day|week|month|quarter|year)"),
    # "later in the day", "for the day", "the rest of the day": the day told of, else the publication's
    # (a bare "the day" only after the words of _DAY_WORDS_BEFORE: see _plausible)
    "the_day": r"(?P<within>(?:later|earlier)\s+in\s+)?the\s+day",
    # "at that time", "by that time": the time told before (after the words of _TIME_WORDS_BEFORE only)
    "that_time": r"that\s+time",
    # "at a later time", "to a later date", "at an undisclosed date": a date the text leaves unknown
    "unknown_date": (r"(?:a|an)\s+(?:later|earlier|future|subsequent|unspecified|undisclosed|undetermined|unknown"
                     r"|unannounced)\s+(?:date|time)"),
    "relative_unit": (rf"{_DATE_WRAPPER}(?:(?:the\s+)?{_RELATIVE}\s+|(?P<the>the)\s+)"
                      r"(?P<u>week|weekend|month|quarter|year|decade)"),
    "weekday": (r"(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this\s+past|this|coming|past)\s+)?"
                rf"(?P<wd>{WEEKDAY})(?:\s+(?P<p>{PART_OF_DAY}))?"),
    "ago": rf"(?:(?P<mod>{DURATION_MOD})\s+)?(?P<n>{COUNT})\s+(?P<u>{UNIT})\s+ago",
    "shifted": (rf"(?P<n>{COUNT})\s+(?P<u>{UNIT})\s+(?P<dir>later|earlier|afterwards?)"
                # "three days later than planned": the delay of the date told before, which stays that date
                r"(?P<than>\s+than\s+(?:originally\s+|initially\s+|first\s+|previously\s+)?"
                r"(?:planned|scheduled|expected|announced|anticipated|forecast))?"),
    "in_units": rf"in\s+(?P<span>(?:(?P<mod>{DURATION_MOD})\s+)?(?P<n>{COUNT})\s+(?P<u>{UNIT}))",
    "set": (rf"(?:(?P<num>[$€£]?\d[\d,.]*|{ADJECTIVE_COUNT})(?:\s+(?:million|billion|thousand|hundred))?\s+)?"
            rf"(?P<span>(?:(?P<freq>once|twice|\w++\s+times)\s+)?(?P<q>a|an|per|every|each)\s+"
            rf"(?:(?P<n>{COUNT}|other)\s+)?(?P<u>{UNIT}|{PART_OF_DAY}|{WEEKDAY}))"
            r"|(?P<adverb>daily|weekly|monthly|quarterly|annually|annual|yearly|hourly|nightly|fortnightly)"),
    "duration": (r"(?:(?P<lead>the\s+(?:next|past|last|first|previous|coming|following))\s+)?"
                 rf"(?:(?P<mod>{DURATION_MOD})\s+)?(?P<n>{COUNT})\s+"
                 r"(?:(?:straight|consecutive|successive|full|more|additional|further)\s+)?"
                 rf"(?P<u>{UNIT})"),
    "duration_adjective": (rf"(?P<n>{ADJECTIVE_COUNT}|half|a|single)-(?P<u>second|minute|hour|day|week|month|year|"
                           r"decade|century)(?:-long)?|(?P<u2>seconds|minutes|hours|days|weeks|months|years|"
                           r"decades|centuries|second|minute|hour|day|week|month|year)-long"),
    "vague_duration": (r"over\s+the\s+(?P<u4>years|months|weeks|decades)"
                       r"|for\s+(?P<span>(?P<u>years|months|weeks|days|decades|hours))"
                       r"|(?P<recent>recent)\s+(?P<u2>years|months|weeks|days|decades)"
                       r"|the\s+coming\s+(?P<u3>days|weeks|months|years)"),
    # "for an undetermined period of time", "a brief period": a stretch of time of unknown length and unit
    "vague_period": (r"(?:a|an)\s+(?:undetermined|unspecified|indefinite|unknown|undisclosed|extended|prolonged|long"
                     r"|short|brief|limited)\s+period(?:\s+of\s+time)?"),
    # "months of talks", "lasted weeks", "within days": a bare plural unit as a duration (see _plausible)
    "bare_plural": r"(?P<u>hours|days|weeks|months|years|decades)",
    "reference": (r"(?P<present>now|right\s+now|currently|at\s+present|presently|nowadays|these\s+days)"
                  # "the current president", "the ongoing talks", "recent floods": before a noun (_plausible)
                  r"|(?P<present2>current|ongoing)|(?P<recent>recent)"
                  r"|(?P<past>(?:more\s+|most\s+|until\s+|very\s+|only\s+)?recently|lately|the\s+past)"
                  r"|(?P<future>the\s+future|soon)"),
    "clock": (r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.?|[ap]m)"
              r"|(?P<h24>[01]?\d|2[0-3]):?(?P<mi24>[0-5]\d)(?=\s+(?:UTC|GMT))"
              r"|(?P<h24c>[01]?\d|2[0-3]):(?P<mi24c>[0-5]\d)|(?P<word>noon|midday|midnight))"
              rf"(?:\s+(?P<tz>{_TIME_ZONE}))?"
              # "12:00 UTC Monday": the day named after the time is part of it
              rf"(?:,?\s+(?:on\s+)?(?P<cwd>{WEEKDAY})(?![\w-]))?"),
}
# Ranges are found as one match and handed on as two expressions, each with the parts it shares.
_SPLIT_FAMILIES = ("month_day_range", "day_month_range", "ordinal_day_range", "year_range")
# A month named in the sentence around ordinal days, as a date names it: "in May", "of May 2025", "May 3".
_CONTEXT_MONTH = re.compile(
    rf"(?:\b(?:in|of|for|during|this|next|late|early|mid)[\s-]+|(?<![\w.]))(?P<m>{MONTH_NAME})\b"
    rf"(?:,?\s+(?P<y>{WRITTEN_YEAR}))?(?P<dated>\s+\d)?")
_SENTENCE_BOUND = re.compile(r"[.!?](?:\s|$)|\n")

_COMPILED = {name: re.compile(pattern, re.I) for name, pattern in FAMILIES.items()}
_LEFT = r"(?<![\w$€£#@/.,:'’-])"
_RIGHT = r"(?![\w-]|[.,:/]\d|%)"
_SEARCH = {name: re.compile(_LEFT + "(?:" + pattern + ")" + _RIGHT, re.I) for name, pattern in FAMILIES.items()}
# Text that every match of these families contains (read with the same case rule): a body without it is not
# searched with the family's regex. Scanning is what `find` spends its time on, most of it in families that start
# with a count or a modifier, tried at every word.
REQUIRED = {
    "ago": r"ago",
    "shifted": r"later|earlier|afterward",
    "duration_adjective": r"-(?:second|minute|hour|day|week|month|year|decade|centur|long)",
    "decade": r"0['’]?s",
    "season": SEASON,
    "quarter": r"quarter|Q[1-4]",
    "half": r"half",
    "fiscal": r"fiscal|financial|FY",
    "vague_period": r"period",
}
_REQUIRED = {name: re.compile(pattern, re.I) for name, pattern in REQUIRED.items()}

# Words that may precede a date in capitals (sentence-initially) without naming something ("In May").
_FUNCTION_WORDS = {"in", "on", "at", "by", "since", "until", "till", "from", "to", "through", "throughout", "during",
                   "before", "after", "between", "and", "or", "of", "for", "over", "around", "about", "as", "but",
                   "then", "last", "next", "this", "that", "the", "early", "late", "mid", "later", "earlier",
                   "every", "each", "starting", "beginning", "ending"}
# Before a bare ambiguous month or season ("in May", "since March", "as early as March", "over the summer").
_DATE_PREPOSITIONS = {"in", "as", "since", "by", "until", "till", "during", "of", "from", "through", "throughout",
                      "before", "after", "between", "and", "or", "to", "early", "late", "mid", "every", "each",
                      "last", "next", "this", "over", "the", "that", "around"}
_CLOCK_PREPOSITIONS = {"at", "by", "from", "until", "till", "around", "about", "before", "after", "since", "to"}
_AMBIGUOUS_MONTHS = {"may", "march"}
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")
_OF_AFTER = re.compile(r"[ \t]+of[ \t]+[a-z]", re.I)
_DURATION_WORDS_BEFORE = {"lasted", "lasting", "lasts", "last", "took", "take", "takes", "taking", "spent",
                          "spend", "spends", "within", "after"}
_DAY_WORDS_BEFORE = {"for", "during", "throughout", "of"}  # "for the day", "the rest of the day"
_TIME_WORDS_BEFORE = {"at", "by", "since", "until", "before", "after", "around"}
_WORD_BEFORE = re.compile(r"([\w.'’]+)[\s,]*$")
_SENTENCE_END = re.compile(r"(?:[.!?:;\"“”]|\n)\s*$")
_LOOK_BEHIND = 40  # characters of context read before a match
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z]")


@dataclass(frozen=True)
class Candidate:
    """A found span: body offsets, and the text to read it from (the span itself, or with the context that
    decides its reading: "in six years", "Oct 11, 2005" for the "11" of "Oct 9-11, 2005")."""

    start: int
    end: int
    reading: str


def match(text: str) -> list[tuple[str, re.Match]]:
    """Every family whose grammar covers the whole of `text`, in the order the families are listed."""
    return [(name, m) for name, regex in _COMPILED.items()
            if name not in _SPLIT_FAMILIES and (m := regex.fullmatch(text))]


def find(body: str) -> list[Candidate]:
    """Non-overlapping candidate time expressions in `body`, longest first, sorted by start."""
    found: list[tuple[Candidate, bool]] = []  # with whether it is a piece of a range (first at equal length)
    for name, regex in _SEARCH.items():
        if name in _REQUIRED and not _REQUIRED[name].search(body):
            continue
        for m in regex.finditer(body):
            found.extend((cand, name not in _SPLIT_FAMILIES) for cand in _candidates(name, m, body))
    # A range's piece carries the parts it shares ("November 24" of "November 24 to 26, 2025" reads the year).
    found.sort(key=lambda found_one: (-(found_one[0].end - found_one[0].start), found_one[0].start, found_one[1]))
    taken = bytearray(len(body))
    chosen: list[Candidate] = []
    for cand, _ in found:
        if not any(taken[cand.start:cand.end]):
            taken[cand.start:cand.end] = b"\1" * (cand.end - cand.start)
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _candidates(name: str, m: re.Match, body: str) -> list[Candidate]:
    if not _plausible(name, m, body):
        return []
    if name == "month_day_range":
        return _split_month_day_range(m)
    if name == "day_month_range":
        return _split_day_month_range(m)
    if name == "ordinal_day_range":
        return _split_ordinal_day_range(m, body)
    if name == "year_range":
        return _split_year_range(m)
    if "span" in m.re.groupindex and m.group("span"):
        return [Candidate(m.start("span"), m.end("span"), m.group())]
    return [Candidate(m.start(), m.end(), m.group())]


def _split_month_day_range(m: re.Match) -> list[Candidate]:
    year = f", {m['y']}" if m["y"] else ""
    second_month = m["m2"] or m["m"]
    first = Candidate(m.start("m"), m.end("d1"), f"{m['m']} {m['d1']}{year}")
    second_start = m.start("m2") if m["m2"] else m.start("d2")
    return [first, Candidate(second_start, m.end(), f"{second_month} {m['d2']}{year}")]


def _split_day_month_range(m: re.Match) -> list[Candidate]:
    year = f", {m['y']}" if m["y"] else ""
    return [Candidate(m.start(), m.end("d1"), f"{m['m']} {m['d1']}{year}"),
            Candidate(m.start("d2"), m.end(), f"{m['m']} {m['d2']}{year}")]


def _split_ordinal_day_range(m: re.Match, body: str) -> list[Candidate]:
    """ "the 26th to 27th", read in the month its sentence names: the last one before it, else the first after
    it; nothing when the sentence names no month."""
    start = max((b.end() for b in _SENTENCE_BOUND.finditer(body, max(0, m.start() - 300), m.start())), default=0)
    after = _SENTENCE_BOUND.search(body, m.end(), m.end() + 300)
    end = after.start() if after else min(len(body), m.end() + 300)
    months = [c for c in _CONTEXT_MONTH.finditer(body, start, end) if not c["dated"]]
    month = next((c for c in reversed(months) if c.end() <= m.start()), None) or next(
        (c for c in months if c.start() >= m.end()), None)
    if month is None:
        return []
    year = f", {month['y']}" if month["y"] else ""
    return [Candidate(m.start(), m.end("d1"), f"{month['m']} {m['d1']}{year}"),
            Candidate(m.start("d2"), m.end(), f"{month['m']} {m['d2']}{year}")]


def _split_year_range(m: re.Match) -> list[Candidate]:
    first, second = m["y1"], m["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if int(second) <= int(first):
        return []
    return [Candidate(m.start("y1"), m.end("y1"), first), Candidate(m.start("y2"), m.end("y2"), second)]


def _plausible(name: str, m: re.Match, body: str) -> bool:
    """Context checks on a match that the grammar cannot express."""
    before = body[max(0, m.start() - _LOOK_BEHIND):m.start()]
    found = _WORD_BEFORE.search(before)
    word = found.group(1) if found else ""
    initial = bool(_SENTENCE_END.search(before)) or (m.start() <= _LOOK_BEHIND and not before.strip())
    named = bool(word) and word[0].isupper() and word.lower() not in _FUNCTION_WORDS and not initial
    groups = m.groupdict()
    bare = not any(groups.get(g) for g in ("boundary", "mod", "rel"))
    if name in ("month", "year") and bare and named:
        return False  # "Theresa May", "Windows 2000"
    if name == "weekday" and word.lower() in WEEKDAY_NAME_PREFIXES:
        return False  # "Black Friday"
    if name == "month" and bare and m["m"].lower() in _AMBIGUOUS_MONTHS:
        return word.lower() in _DATE_PREPOSITIONS
    if name in ("year", "year_range") and bare and not 1900 <= int(m["y" if name == "year" else "y1"]) <= 2099:
        return word.lower() in _DATE_PREPOSITIONS  # "1500 jobs", but "in 1776"
    if name == "season" and bare and not m["y"]:
        if _CAPITALISED_AFTER.match(body, m.end()):
            return False  # "the Summer Olympics"
        return m["s"].lower() != "fall" and (word.lower() in _DATE_PREPOSITIONS or m.group().lower().startswith("the"))
    if name == "quarter" and m["q"] and not m["y2"] and named:
        return False  # "Audi Q3"
    if name == "reference" and (m["present2"] or m["recent"]):
        if m["recent"] and word.lower() in ("most", "more"):
            return False  # "the most recent model" ranks things by time (the latest), it dates nothing
        return bool(_LOWER_WORD_AFTER.match(body, m.end()))
    if name == "bare_plural":
        return word.lower() in _DURATION_WORDS_BEFORE or bool(_OF_AFTER.match(body, m.end()))
    if name == "the_day" and not m["within"]:
        return word.lower() in _DAY_WORDS_BEFORE  # "for the day", not "the day of the vote"
    if name == "that_time":
        return word.lower() in _TIME_WORDS_BEFORE  # "at that time", not "that time is over"
    if name == "clock" and not (m["ampm"] or m["tz"]):
        return word.lower() in _CLOCK_PREPOSITIONS
    if name == "set" and m["q"]:
        return bool(m["num"] or m["freq"]) or m["q"].lower() not in ("a", "an")  # "a Wednesday event"
    return True

