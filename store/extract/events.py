"""Events from one article: which sentences report something happening, when, and who was involved.

One candidate event per reporting sentence. Its date is, in order: the sentence's own time expression (not one
that only bounds a period, "since 2018", nor the date of a reporting verb, "announced Tuesday", when another is
there); a distance back from the report ("just over a month after Kim joined …"); the time of the event it
continues ("That same month", "Following that parade", "… also …", "the event"); the publication date.
Analysis, habitual, hypothetical and question sentences are not events.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from store.extract import cues
from store.extract.summary import summarise
from store.extract.words import content_words
from store.model import Article, Entities, Event, Mention, Sentence, Source, Timex, When

MIN_WORDS = 5
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")


@dataclass
class SentenceEvent:
    """A candidate event and what the merge step needs to know about its sentence."""

    event: Event
    sentence: Sentence
    anaphor: bool = False  # names "the event": another telling of an event already told
    sequel: bool = False  # opens "Following …": a later event, never the previous one


def find_events(
    article: Article,
    sentences: list[Sentence],
    timexes: list[Timex],
    ranges: list[tuple[int, int, When]],
    entities: Entities,
) -> list[SentenceEvent]:
    found: list[SentenceEvent] = []
    timexes_at, mentions_at = _ByStart(timexes), _ByStart(entities.mentions)
    for sentence in sentences:
        own = timexes_at.within(sentence.start, sentence.end)
        mentions = mentions_at.within(sentence.start, sentence.end)
        persons, countries = _actors(mentions, entities)
        text = sentence.text
        when, dated_by = _own_time(article.body, sentence, own, ranges)
        if when is None:
            when, dated_by = _distance_back(article, sentence, own)
        if when is None and any(t.problem for t in own):
            when, dated_by = When.undated(), "none"  # its own date is out of range: no other date stands in
        if not _is_event(text, persons, countries, explicit=dated_by == "explicit"):
            continue
        anaphor = dated_by is None and cues.names_event_anaphor(text)
        if when is None and found and (anaphor or cues.continues_previous(text)):
            when, dated_by = found[-1].event.when, "previous"
        if when is None:
            when, dated_by = _publication(article)
        if when.problem:  # the one guard: no event date outside FIRST_YEAR–LAST_YEAR (store.model) is kept
            when, dated_by = When.undated(), "none"
        skip = [(t.start - sentence.start, t.end - sentence.start) for t in own]
        skip += [(m.start - sentence.start, m.end - sentence.start) for m in mentions]
        skip.append((0, cues.opening_clause_end(text)))
        source = Source(article.id, article.path, article.title, article.published, text, sentence.start, sentence.end)
        event = Event(when, summarise(text), persons, countries, [source], dated_by, content_words(text, skip))
        found.append(SentenceEvent(event, sentence, anaphor=anaphor, sequel=cues.opens_sequel(text)))
    return found


def _is_event(text: str, persons: list[str], countries: list[str], explicit: bool) -> bool:
    if len(text.split()) < MIN_WORDS or cues.is_question(text) or cues.is_habitual(text):
        return False
    if not (persons or countries or explicit):
        return False
    if explicit:
        return True
    return not (cues.is_hypothetical(text) or cues.is_analysis(text))


class _ByStart:
    """Timexes or mentions looked up by where they start: the ones inside a sentence without a scan of the whole
    article (an article of 10,000 sentences made that scan quadratic). Kept in their given order."""

    def __init__(self, items: Sequence[Timex] | Sequence[Mention]):
        self._items = sorted(enumerate(items), key=lambda pair: pair[1].start)
        self._starts = [item.start for _, item in self._items]

    def within(self, start: int, end: int) -> list:
        found = self._items[bisect_left(self._starts, start):bisect_left(self._starts, end)]
        return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def _actors(mentions: Sequence[Mention], entities: Entities) -> tuple[list[str], list[str]]:
    """Persons and countries of a sentence's mentions, in order, and the countries its persons' titles give."""
    persons: list[str] = []
    countries: list[str] = []
    for m in mentions:
        if m.kind == "person" and m.key not in persons:
            persons.append(m.key)
        elif m.kind == "country" and m.key not in countries:
            countries.append(m.key)
    for person in persons:
        code = entities.affiliations.get(person)
        if code and code not in countries:
            countries.append(code)
    return persons, countries


def _own_time(body: str, sentence: Sentence, own: list[Timex], ranges) -> tuple[When | None, str | None]:
    dated = [t for t in own if t.when is not None and t.when.start is not None]
    dated = [t for t in dated if not cues.bounds_a_period(body[max(0, t.start - 30):t.start])]
    if len(dated) > 1:
        dated = [t for t in dated if not cues.is_report_time(body[max(0, t.start - 30):t.start])] or dated[:1]
    if not dated:
        return None, None
    first = dated[0]
    for start, end, when in ranges:
        if start <= first.start < end:
            return when, "explicit"
    return first.when, "explicit"


def _distance_back(article: Article, sentence: Sentence, own: list[Timex]) -> tuple[When | None, str | None]:
    """ "will come just over a month after Kim joined …": the earlier event lies that far before the report."""
    if article.published is None:
        return None, None
    quoted = cues.without_quotes(sentence.text)
    for t in own:
        if quoted[t.start - sentence.start] == " ":  # inside quoted speech: the speaker's "now", not the report's
            continue
        m = _DURATION.match(t.value) if t.type == "DURATION" else None
        if not m or not cues.follows_duration(article.body[t.end:t.end + 20]):
            continue
        try:
            return _unit_before(article.published, float(m.group(1)), m.group(2)), "explicit"
        except OverflowError:  # before the first day of the calendar
            return When.undated(), "none"
    return None, None


def _unit_before(day: date, amount: float, unit: str) -> When:
    days = {"D": 1, "W": 7, "M": 30.44, "Y": 365.25}[unit] * amount
    point = day - timedelta(days=round(days))
    if unit == "D":
        return When(point, point, "day")
    if unit == "W":
        monday = point - timedelta(days=point.weekday())
        return When(monday, monday + timedelta(days=6), "week")
    if unit == "M":
        first = point.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return When(first, nxt - timedelta(days=1), "month")
    return When(date(point.year, 1, 1), date(point.year, 12, 31), "year")


def _publication(article: Article) -> tuple[When, str]:
    if article.published is None:
        return When.undated(), "none"
    return When(article.published, article.published, "day"), "published"
