"""Time expressions of an article: `tag` finds them (the grammar of `grammar`, plus the NER model's
DATE/TIME spans the grammar missed), reads each in the context of its sentence's tense, the publication date
and the expression before it, and returns TIMEX3 `Timex` objects; `date_ranges` joins two of them written as
one range ("from Thursday through Saturday", "between May 3 and May 5", "Oct 9-11").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from store.extract import anchoring
from store.extract.syntax import Tokens
from store.extract.timex.intervals import FUTURE, PAST, UNKNOWN
from store.extract.timex.normalise import normalise
from store.extract.timex.grammar import Candidate, find
from store.extract.timex.readings import Reference, dated, narrowed
from store.extract.timex.tense import direction
from store.model import PRECISIONS, Sentence, Span, Timex, When

_DATE_LABELS = {"DATE", "TIME"}
# Entity labels that make a bare number a count, an amount or a name rather than a year ("2000 jobs").
_NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "PRODUCT"}
_RANGE_CONNECTOR = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|(?P<and>and))\s*", re.I)
_RANGE_OPENING = re.compile(r"\b(?P<word>from|between)\s+$", re.I)
_CLOCK_VALUE = re.compile(r"T\d")


def tag(body: str, published: date | None, spans: Sequence[Span] = (),
        sentences: Sequence[Sentence] = (), tokens: Tokens | None = None) -> list[Timex]:
    """Every time expression in `body`, non-overlapping and sorted by start, resolved against `published`. With
    the article's parse (`tokens`), a time of the main event told in the past or the future points that way ("met
    ... on Monday to discuss": past, whatever "to discuss" suggests); otherwise, and for the time of a background
    event ("ahead of a summit in June"), its words decide (tense)."""
    sentences = _Sentences(list(sentences) or [Sentence(0, 0, len(body), body, 0)])
    timexes: list[Timex] = []
    previous: When | None = None
    candidates = _candidates(body, spans)
    story = _story_days(candidates, published)
    for cand in candidates:
        sentence = sentences.of(cand.start)
        reference = Reference(
            published,
            _direction(sentence, cand, tokens),
            previous,
            _range_start(body, timexes, cand),
            story=_story_day(story, cand.start),
            previous_value=timexes[-1].value if timexes and timexes[-1].start >= sentence.start else None,
        )
        reading = normalise(cand.reading, reference)
        if reading is None:
            continue
        text = body[cand.start:cand.end]
        when = narrowed(reading.when, text, reading.mod, published)
        timexes.append(Timex(cand.start, cand.end, text, reading.type, reading.value,
                             when, reading.mod, reading.anchor, reading.problem))
        # "That same month" after a date out of range names no date either, not the one before it.
        previous = None if reading.problem else reading.when or previous
    starts = [t.start for t in timexes]
    return _years_from_range_ends(body, [_with_day(t, timexes, starts, sentences, body, published) for t in timexes])


_MONTH_OR_DAY_VALUE = re.compile(r"\d{4}(-\d\d(?:-\d\d)?)")


def _years_from_range_ends(body: str, timexes: list[Timex]) -> list[Timex]:
    """"between March and June 2026", "from May 12 to May 15, 2026": a month or day written without its year, joined
    as a range to a date with its year, is in that year (the year before when it would come after that date)."""
    out = list(timexes)
    for i, (first, second) in enumerate(zip(timexes, timexes[1:])):
        value = _MONTH_OR_DAY_VALUE.fullmatch(first.value)
        if not (value and first.anchor == "published" and second.anchor == "absolute" and second.when):
            continue
        if not _range_of(body, first, second, days_in_a_row=False)[0]:
            continue
        year = second.when.start.year
        reading = dated(f"{year}{value[1]}", "absolute", first.mod)
        if reading.when is not None and reading.when.start > second.when.start:
            reading = dated(f"{year - 1}{value[1]}", "absolute", first.mod)
        if reading.when is not None:
            out[i] = replace(first, value=reading.value, when=reading.when, anchor="absolute", problem=None)
    return out


# A story is set in an earlier time when it writes at least STORY_DAYS days in full and every day or month it
# writes in full lies STORY_DISTANCE_DAYS before the publication: its bare weekdays ("on Tuesday") are then near
# the day it told last, not the publication. (One old date is background: "founded in March 2019".)
STORY_DISTANCE_DAYS = 180
STORY_DAYS = 2


def _story_days(candidates: Sequence[Candidate], published: date | None) -> list[tuple[int, date]]:
    """(offset, day) of the fully written days of a story set well before its publication, in order; none when
    a day or month written in full is near the publication (a news story that mentions the past), or when
    fewer than STORY_DAYS days are."""
    if published is None:
        return []
    found = []
    for cand in candidates:
        if not any(ch.isdigit() for ch in cand.reading):
            continue  # a day or month written in full has digits: no second reading for the others
        reading = normalise(cand.reading, Reference(published))
        if reading is None or reading.anchor != "absolute" or reading.when is None:
            continue
        if reading.when.precision not in ("day", "month"):
            continue
        if (published - reading.when.end).days < STORY_DISTANCE_DAYS:
            return []
        if reading.when.precision == "day":
            found.append((cand.start, reading.when.start))
    return found if len(found) >= STORY_DAYS else []


def _story_day(story: list[tuple[int, date]], offset: int) -> date | None:
    """The story's day told last before `offset` (its first, before any)."""
    if not story:
        return None
    index = bisect_right([start for start, _ in story], offset)
    return story[index - 1][1] if index else story[0][1]


_PARSED_DIRECTION = {anchoring.PAST: PAST, anchoring.FUTURE: FUTURE}


def _direction(sentence: Sentence, cand: Candidate, tokens: Tokens | None) -> int:
    if tokens is None or not len(tokens):
        return direction(sentence.text, cand.start - sentence.start, cand.end - sentence.start)
    main = anchoring.background(tokens, cand.start, cand.end) is None
    parsed = _PARSED_DIRECTION.get(anchoring.time_tense(tokens, cand.start, cand.end, anchoring.UNKNOWN)) \
        if main else None
    # "(will make) his first trip to China in five years", "the first minister to make the trip in five years":
    # "in" a count of units after a ranking is the span up to now, not a date ahead. Ranked under the clause's own
    # verb when the parse gives the clause a tense ("The first round will be held in two weeks" is ahead); anywhere
    # before it when not.
    if _IN_UNITS.match(cand.reading):
        verb = anchoring.governing_verb(tokens, cand.start, cand.end)
        since = tokens.starts[verb] if parsed is not None and verb is not None else sentence.start
        if _ranks(tokens, since, cand.start):
            return UNKNOWN
    if parsed is not None:
        return parsed
    return direction(sentence.text, cand.start - sentence.start, cand.end - sentence.start)


_IN_UNITS = re.compile(r"in\s", re.I)
_RANKING_WORDS = frozenset({"first", "last", "only"})


def _ranks(tokens: Tokens, start: int, end: int) -> bool:
    """Whether [start, end) of a sentence ranks something: a superlative ("the highest", "most") or "first",
    "last", "only" as an adjective ("the first visit")."""
    return any(tokens.tags[i] in ("JJS", "RBS") or (tokens.tags[i] == "JJ" and tokens.words[i] in _RANKING_WORDS)
               for i in tokens.within(start, end))


def date_ranges(body: str, timexes: Sequence[Timex]) -> list[tuple[int, int, When]]:
    """(start, end, When) of each range written as two dated expressions joined by "-", "to", "through",
    "until" or "between … and", or two days in a row joined by "and"; the offsets cover an opening
    "from"/"between" too."""
    ranges = []
    for first, second, start, _opened in _joined(body, timexes):
        precision = max(first.when.precision, second.when.precision, key=PRECISIONS.index)
        ranges.append((start, second.end, When(first.when.start, second.when.end, precision)))
    return ranges


def with_range_durations(body: str, timexes: Sequence[Timex]) -> list[Timex]:
    """`timexes` with a TIMEX3 DURATION for each range opened by "from" or "between" whose two dates share their
    unit, placed after its second date: "from 2009 to 2011" is P2Y beside 2009 and 2011, "between May and July"
    P2M (the way MEANTIME annotates a range: its length from the first date to the second, and both dates)."""
    after: dict[int, Timex] = {}
    for first, second, start, opened in _joined(body, timexes):
        length = _length(first.when, second.when) if opened else None
        if length:
            after[id(second)] = Timex(start, second.end, body[start:second.end], "DURATION", length)
    out = []
    for timex in timexes:
        out.append(timex)
        if id(timex) in after:
            out.append(after[id(timex)])
    return out


def _length(a: When, b: When) -> str | None:
    """The TIMEX3 duration from date `a` to date `b` in their common unit (year, month or day), if any."""
    if a.precision != b.precision or a.start is None or b.start is None:
        return None
    if a.precision == "year":
        count, unit = b.start.year - a.start.year, "Y"
    elif a.precision == "month":
        count, unit = (b.start.year - a.start.year) * 12 + b.start.month - a.start.month, "M"
    elif a.precision == "day":
        count, unit = (b.start - a.start).days, "D"
    else:
        return None
    return f"P{count}{unit}" if count > 0 else None


def _joined(body: str, timexes: Sequence[Timex]):
    """(first, second, start, opened) for each pair of dated expressions written as one range; `start` covers an
    opening "from"/"between", `opened` says there is one."""
    for first, second in zip(timexes, timexes[1:]):
        if not (first.when and second.when and first.when.start):
            continue
        joined, opening = _range_of(body, first, second, days_in_a_row=True)
        if not joined:
            continue
        if second.when.end < first.when.start:
            continue
        yield first, second, opening.start() if opening else first.start, opening is not None


def _range_of(body: str, first: Timex, second: Timex, days_in_a_row: bool) -> tuple[bool, re.Match | None]:
    """Whether two expressions are written as one range ("to", "-", "between … and"; with `days_in_a_row` also
    two days or months in a row joined by "and"), and the opening "from"/"between" before the first."""
    joint = _RANGE_CONNECTOR.fullmatch(body[first.end:second.start])
    opening = _RANGE_OPENING.search(body, max(0, first.start - 20), first.start)
    if not joint:
        return False, opening
    between = opening is not None and opening["word"].lower() == "between"
    return not joint["and"] or between or (days_in_a_row and _next_days(first, second)), opening


def _next_days(first: Timex, second: Timex) -> bool:
    """ "on Friday and Saturday", "May 3 and 4", "in June and July": two days or two months in a row joined by
    "and" are one stretch of time."""
    a, b = first.when, second.when
    return (a.precision == b.precision and a.precision in ("day", "month") and a.start is not None
            and b.start is not None and (b.start - a.end).days == 1)


def _candidates(body: str, spans: Sequence[Span]) -> list[Candidate]:
    """The grammar's finds, less bare numbers the NER model calls a count or a name, plus the model's
    DATE/TIME spans that overlap none of them."""
    numbers = _Intervals((s.start, s.end) for s in spans if s.label in _NUMBER_LABELS)
    found = [c for c in find(body) if not (c.reading.isdigit() and numbers.covers(c.start, c.end))]
    taken = _Intervals((c.start, c.end) for c in found)
    for span in spans:
        if span.label in _DATE_LABELS and not taken.overlaps(span.start, span.end):
            found.append(Candidate(span.start, span.end, span.text))
            taken.add(span.start, span.end)
    return sorted(found, key=lambda c: c.start)


class _Intervals:
    """Character ranges, asked whether one of them covers or overlaps a range, by bisection: an article of
    thousands of expressions and entity spans made the pairwise checks quadratic. `overlaps` assumes the ranges
    do not overlap one another (the grammar's finds, and the model's spans, do not)."""

    def __init__(self, ranges):
        self._ranges = sorted(ranges)
        self._longest = max((end - start for start, end in self._ranges), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._ranges, (start, end))
        self._longest = max(self._longest, end - start)

    def covers(self, start: int, end: int) -> bool:
        """Whether one range holds all of [start, end): its start lies at most the longest range before."""
        i = bisect_left(self._ranges, (start - self._longest, -1))
        j = bisect_right(self._ranges, (start, end + self._longest + 1))
        return any(s <= start and end <= e for s, e in self._ranges[i:j])

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._ranges, (end, -1))  # the ranges starting before `end`: the last of them may reach in
        return i > 0 and self._ranges[i - 1][1] > start


class _Sentences:
    """The sentence an offset falls in, by bisection over sentence starts (a scan per expression was quadratic
    in an article of thousands of sentences)."""

    def __init__(self, sentences: list[Sentence]):
        self._sentences = sorted(sentences, key=lambda s: s.start)
        self._starts = [s.start for s in self._sentences]

    def of(self, offset: int) -> Sentence:
        """The sentence holding `offset`, else the one whose start is nearest (the earlier one on a tie)."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and offset < self._sentences[k].end:
            return self._sentences[k]
        near = self._sentences[max(k, 0):k + 2]
        return min(near, key=lambda s: abs(s.start - offset))


def _range_start(body: str, timexes: list[Timex], cand: Candidate) -> date | None:
    """The start of the expression this one closes a range with ("Thursday through [Saturday]")."""
    if timexes and timexes[-1].when and _RANGE_CONNECTOR.fullmatch(body[timexes[-1].end:cand.start]):
        return timexes[-1].when.start
    return None


def _with_day(timex: Timex, timexes: list[Timex], starts: list[int], sentences: _Sentences, body: str,
              published: date | None) -> Timex:
    """A clock time ("at 18:00 UTC") falls on the nearest day named in its sentence, if any."""
    if timex.type != "TIME" or not _CLOCK_VALUE.search(timex.value):
        return timex
    sentence = sentences.of(timex.start)
    in_sentence = timexes[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
    days = [t for t in in_sentence if t.when and t.when.precision == "day" and t is not timex
            and not _CLOCK_VALUE.search(t.value)]
    if not days:
        return timex
    day = min(days, key=lambda t: abs(t.start - timex.start)).when.start
    reading = normalise(timex.text, Reference(published, day=day))
    return replace(timex, value=reading.value, when=reading.when, anchor=reading.anchor)
