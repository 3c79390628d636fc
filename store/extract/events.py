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
from store.extract.anchoring import (
    FUTURE, PAST, UNKNOWN, Background, background, background_tense, describes, names_particular_event,
    other_happenings, reactions, sentence_tense, subject_event_noun, time_tense, told_as_before,
)
from store.extract.predicates import reports_occurrence, under_possibility
from store.extract.reference import subject_org, subject_referent
from store.extract.clauses import main_clause
from store.extract.summary import summarise
from store.extract.syntax import Tokens
from store.extract.words import content_words
from store.model import Article, Dating, Entities, Event, Mention, Place, Sentence, Source, Timex, When

MIN_WORDS = 5
STORY_DAYS = 14  # how far from the publication a date may lie and still be the time of the story told
PUBLICATION_WINDOW_DAYS = 7  # an event with no time anywhere: the week up to the publication (past) or after it
FUTURE_SLACK_DAYS = 1  # a future event dated a day before the publication: written the evening before
Words = tuple[int, int] | None  # body offsets of the words that give a date
Backgrounds = dict[tuple[int, int], Background | None]  # (start, end) of a time expression → anchoring.background
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")


@dataclass
class SentenceEvent:
    """A candidate event and what the merge step needs to know about its sentence."""

    event: Event
    sentence: Sentence
    anaphor: bool = False  # names "the event": another telling of an event already told
    sequel: bool = False  # opens "Following …": a later event, never the previous one
    # A body offset inside the sentence of the occasion this sentence tells more of ("Cho asked …" after "Cho and
    # Wang held talks on Monday"; "The meeting lasted four hours"): one event with it.
    tells_again: int | None = None
    names_it: bool = False  # names that occasion ("The meeting marked ..."): one with it whoever else it names


def find_events(
    article: Article,
    sentences: list[Sentence],
    timexes: list[Timex],
    ranges: list[tuple[int, int, When]],
    entities: Entities,
    tokens: Tokens | None = None,
) -> list[SentenceEvent]:
    found: list[SentenceEvent] = []
    timexes_at, mentions_at = _ByStart(timexes), _ByStart(entities.mentions)
    tokens = tokens if tokens is not None else Tokens()
    # What each time expression's clause is (anchoring.background), read once: several steps below ask.
    backgrounds = {(t.start, t.end): background(tokens, t.start, t.end) for t in timexes} if len(tokens) else {}
    own_times = [_own_time(article, sentence, timexes_at.within(sentence.start, sentence.end), ranges, tokens,
                           backgrounds) for sentence in sentences]
    story = _StoryTimes(article, own_times)
    set_off_events: list[SentenceEvent] = []  # what a sentence's happening set off ("prompting Moscow to ...")

    def persons_in(start: int, end: int) -> list[Mention]:
        return [m for m in mentions_at.within(start, end) if m.kind == "person"]

    def orgs_in(start: int, end: int) -> list[Mention]:
        return [m for m in mentions_at.within(start, end) if m.kind == "org"]

    for k, sentence in enumerate(sentences):
        if _repeats_title(sentence.text, article.title):
            continue  # the headline: it names what the text tells
        own = timexes_at.within(sentence.start, sentence.end)
        mentions = mentions_at.within(sentence.start, sentence.end)
        persons, countries = _actors(mentions, entities)
        elsewhere = _background_spans(own, tokens, backgrounds)
        set_off = reactions(tokens, sentence.start, sentence.end) if len(tokens) else []
        if len(tokens):
            elsewhere += other_happenings(tokens, sentence.start, sentence.end) + set_off
        main = _main_persons(mentions, elsewhere, entities)
        persons = persons if main is None else main
        if not persons and len(tokens):  # "He sold ...", "The minister said ...": the person named before
            who = subject_referent(article.body, tokens, sentence, sentences[k - 1] if k else None, persons_in)
            if who is not None:
                persons = [who]
                code = entities.affiliations.get(who)
                countries = countries + [code] if code and code not in countries else countries
        text = sentence.text
        when, dated_by, tense, words = own_times[k]
        if when is None:
            when, dated_by, words = _distance_back(article, sentence, own)
        if when is None and any(t.problem for t in own):
            when, dated_by = When.undated(), "none"  # its own date is out of range: no other date stands in
        told = subject_event_noun(tokens, sentence.start, sentence.end) if len(tokens) else None
        earlier = _event_named(found, told) if told else None
        tells_again = None
        if earlier is not None:  # "The meeting lasted four hours": the meeting told before, its actors and date
            if not (persons or countries):
                persons, countries = list(earlier.persons), list(earlier.countries)
            if when is None and (earlier.when.start is None or _tense_allows(earlier.when, tense, article.published)):
                when, dated_by, words = earlier.when, "previous", _words_of(earlier.sources[0].dating)
                tells_again = earlier.sources[0].start
        particular = bool(told) and names_particular_event(tokens, sentence.start, sentence.end)
        if particular and when is None and tense != PAST and cues.looks_ahead(text):
            when, dated_by, words = story.at(k, FUTURE)  # "The upcoming meeting ... marks": the coming occasion
        occurrence = bool(len(tokens)) and reports_occurrence(tokens, sentence.start, sentence.end)
        possible = (under_possibility(tokens, sentence.start, sentence.end) if len(tokens)
                    else cues.is_hypothetical(text))
        if not _is_event(text, persons, countries, explicit=dated_by == "explicit", names_happening=particular,
                         occurrence=occurrence, possible=possible):
            continue
        if dated_by != "explicit" and cues.is_quoted_opinion(text):
            continue  # ""We are very excited," said a dancer": a feeling, not a happening
        if dated_by is None and describes(tokens, sentence.start, sentence.end):
            continue  # "Reykjavik is a city of ...", "Twelve countries have observer status": no happening
        names_the_event = dated_by is None and cues.names_event_anaphor(text)
        anaphor = names_the_event and not cues.happens_during_event(text)
        if when is None and found and (names_the_event or cues.continues_previous(text)):
            previous = found[-1].event
            if previous.when.start is None or _tense_allows(previous.when, tense, article.published):
                when, dated_by, words = previous.when, "previous", _words_of(previous.sources[0].dating)
        if when is None:
            when, dated_by, words = story.at(k, tense)
            # What is said, done or planned at the story's occasion is part of it; not a happening of another
            # kind named as the subject ("Cho's two-day trip ..." after the talks), nor one told as before it or
            # as happening during "the event".
            if (words is not None and not told and not cues.happens_during_event(text)
                    and not (len(tokens) and told_as_before(tokens, sentence.start, sentence.end))):
                tells_again = words[0]
        if when is None:
            when, dated_by = _publication(article, tense)
        if when.problem:  # the one guard: no event date outside FIRST_YEAR–LAST_YEAR (store.model) is kept
            when, dated_by, words = When.undated(), "none", None
        skip = [(t.start - sentence.start, t.end - sentence.start) for t in own]
        skip += [(m.start - sentence.start, m.end - sentence.start) for m in mentions if m.kind != "org"]
        skip.append((0, cues.opening_clause_end(text)))
        skip += cues.quoted_spans(text)  # what is said is not what happened: no evidence that two tellings are one
        source = Source(article.id, article.path, article.title, article.published, text, sentence.start, sentence.end,
                        _dating(article, dated_by, words, timexes_at, when))
        orgs = [m.key for m in mentions if m.kind == "org" and not _inside(m, elsewhere)]
        if not orgs and len(tokens):  # "The company said ...": the organisation named before
            org = subject_org(tokens, sentence, orgs_in)
            orgs = [org] if org else []
        names = [(m.start, m.end) for m in mentions if m.kind == "person"]
        event = Event(when, _summary(article.body, tokens, sentence, names), persons, countries, [source], dated_by,
                      content_words(text, skip),
                      orgs=list(dict.fromkeys(orgs)),
                      places=_places([m for m in mentions if not _inside(m, elsewhere)]))
        found.append(SentenceEvent(event, sentence, anaphor=anaphor, sequel=cues.opens_sequel(text),
                                   tells_again=tells_again, names_it=earlier is not None and dated_by == "previous"))
        set_off_events.extend(_reaction_events(article, event, set_off, mentions_at, entities, sentence))
    # Told last, so that no sentence after them takes their date as "the previous event's".
    found.extend(set_off_events)
    main_when = {f.sentence.index: f.event.when for f in found}
    for sentence in sentences:
        own = timexes_at.within(sentence.start, sentence.end)
        found.extend(_background_events(article, sentence, own, ranges, tokens, backgrounds, mentions_at, entities,
                                        main_when.get(sentence.index)))
    return found


def _background_events(article: Article, sentence: Sentence, own: list[Timex], ranges, tokens: Tokens,
                       backgrounds: Backgrounds, mentions_at: "_ByStart", entities: Entities,
                       main: When | None) -> list[SentenceEvent]:
    """The dated background events of a sentence, each an event of its own: "compared to the last parade in
    2015", "since the elections in July", "ahead of a summit in June", "Lai, who was arrested in 2020". Dated by
    their time (if the tense allows it, and unlike the main event's date), told by the words the parse hangs on
    them, with the persons named there (else the sentence's) and the sentence's countries."""
    if not len(tokens) or len(sentence.text.split()) < MIN_WORDS or cues.is_question(sentence.text):
        return []
    events: list[SentenceEvent] = []
    told: set[int] = set()
    for timex in own:
        if timex.when is None or timex.when.start is None or timex.problem:
            continue
        found = backgrounds.get((timex.start, timex.end))
        if found is None or found.event is None or found.event in told:
            continue
        when, words = _date_of(timex, ranges)
        tense = background_tense(tokens, found)
        if when == main or not _tense_allows(when, tense, article.published):
            continue
        start, end = tokens.subtree_span(found.event)
        start, end = min(start, timex.start), max(end, timex.end)
        inner = mentions_at.within(start, end)
        persons, countries = _actors(inner, entities)
        all_persons, all_countries = _actors(mentions_at.within(sentence.start, sentence.end), entities)
        persons = persons or all_persons
        countries = list(dict.fromkeys(countries + all_countries))
        if not (persons or countries):
            continue
        told.add(found.event)
        text = article.body[start:end]
        source = Source(article.id, article.path, article.title, article.published, sentence.text, sentence.start,
                        sentence.end, _dating(article, "explicit", words, _ByStart(own), when))
        skip = [(timex.start - start, timex.end - start)] + [(m.start - start, m.end - start) for m in inner]
        event = Event(when, summarise(text), persons, countries, [source], "explicit", content_words(text, skip),
                      places=_places(inner))
        events.append(SentenceEvent(event, sentence))
    return events


def _summary(body: str, tokens: Tokens, sentence: Sentence, names: list[tuple[int, int]]) -> str:
    """The event's summary: the clause of its sentence that says what happened (naming every person the sentence
    names), else the sentence, shortened."""
    clause = main_clause(body, tokens, sentence.start, sentence.end, names) if len(tokens) else None
    return summarise(clause or sentence.text)


def _places(mentions: list[Mention]) -> list[Place]:
    """The places below the country among `mentions`, each once, in order."""
    return list(dict.fromkeys(Place(m.key, m.country) for m in mentions if m.kind == "place"))


def _inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def _repeats_title(text: str, title: str) -> bool:
    return bool(title) and " ".join(text.lstrip("# ").split()) == " ".join(title.split())


def _reaction_events(article: Article, main: Event, spans: list[tuple[int, int]], mentions_at: "_ByStart",
                     entities: Entities, sentence: Sentence) -> list[SentenceEvent]:
    """The happenings a sentence tells its own set off (anchoring.reactions), dated as it is, with the actors named
    in their words; none without an actor."""
    events = []
    for start, end in spans:
        inner = mentions_at.within(start, end)
        persons, countries = _actors(inner, entities)
        if not (persons or countries):
            continue
        text = article.body[start:end]
        skip = [(m.start - start, m.end - start) for m in inner]
        event = Event(main.when, summarise(text), persons, countries, main.sources, main.dated_by,
                      content_words(text, skip), places=_places(inner))
        events.append(SentenceEvent(event, sentence))
    return events


def _background_spans(own: list[Timex], tokens: Tokens, backgrounds: Backgrounds) -> list[tuple[int, int]]:
    """The character spans of the background events the sentence's times date (see anchoring.background)."""
    spans = []
    for timex in own:
        found = backgrounds.get((timex.start, timex.end))
        if found is not None and found.event is not None:
            start, end = tokens.subtree_span(found.event)
            spans.append((min(start, timex.start), max(end, timex.end)))
    return spans


def _main_persons(mentions: Sequence[Mention], spans: list[tuple[int, int]],
                  entities: Entities) -> list[str] | None:
    """The persons the sentence names outside its background events ("Lavrov met Blinken ahead of a summit between
    Biden and Putin in June": Lavrov and Blinken; "The talks will be the highest-level meeting since Biden took
    office in January": none); None when it has no background event."""
    if not spans:
        return None
    outside = [m for m in mentions if not _inside(m, spans)]
    return _actors(outside, entities)[0]


def _is_event(text: str, persons: list[str], countries: list[str], explicit: bool,
              names_happening: bool = False, occurrence: bool = False, possible: bool | None = None) -> bool:
    """Whether a sentence reports an event: a date of its own, an actor named, or a main predicate that reports an
    occurrence ("The quake killed 200 people": predicates.reports_occurrence). `names_happening`: its subject is
    one particular event ("The upcoming meeting marks the first ..."), which a verb of commentary does not turn
    into analysis. `possible`: the main verb is only possible (predicates.under_possibility); without a parse, a
    modal anywhere outside reported speech says so (cues.is_hypothetical)."""
    if len(text.split()) < MIN_WORDS or cues.is_question(text) or cues.is_habitual(text):
        return False
    if not (persons or countries or explicit or occurrence):
        return False
    if explicit:
        return True
    possible = cues.is_hypothetical(text) if possible is None else possible
    return not (possible or (cues.is_analysis(text) and not names_happening))


# Nouns that name one kind of happening: "the meeting" is the talks told before, "the summit" the meeting.
_MEETING_NOUNS = ("meeting", "talks", "summit", "encounter", "negotiations", "conference", "session")


def _event_named(found: list[SentenceEvent], noun: str) -> Event | None:
    """The latest main event told before whose sentence names `noun` (or a word of its stem: "meeting" - "met"
    aside, "visit" - "visited"; or another name of a meeting for a meeting)."""
    nouns = _MEETING_NOUNS if noun in _MEETING_NOUNS else (noun,)
    stems = [n[:5] if len(n) > 5 else n.rstrip("s") for n in nouns]
    for earlier in reversed(found):
        text = earlier.sentence.text.lower()
        if any(stem in text for stem in stems):
            return earlier.event
    return None


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


def _own_time(article: Article, sentence: Sentence, own: list[Timex], ranges, tokens: Tokens,
              backgrounds: Backgrounds) -> tuple[When | None, str | None, str, Words]:
    """The sentence's own date, how it was found, the tense of what it reports, and the words that date it. Times of background events
    (anchoring.background) are left out, and so is a date the tense rules out: a past event after the
    article's publication, a future one long before it."""
    body, published = article.body, article.published
    tense = sentence_tense(tokens, sentence.start, sentence.end)
    dated = [t for t in own if t.when is not None and t.when.start is not None]
    if len(tokens):
        dated = [t for t in dated if backgrounds.get((t.start, t.end)) is None]
    else:  # no parse (a caller that ran no model): the words before it are all there is to go on
        dated = [t for t in dated if not cues.bounds_a_period(body[max(0, t.start - 30):t.start])]
    dated = [t for t in dated
             if _tense_allows(_date_of(t, ranges)[0], time_tense(tokens, t.start, t.end, tense), published)]
    if len(dated) > 1:
        dated = [t for t in dated if not cues.is_report_time(body[max(0, t.start - 30):t.start])] or dated[:1]
    if not dated:
        return None, None, tense, None
    first = dated[0]
    when, words = _date_of(first, ranges)
    for later in dated[1:]:  # "in May, planned for the 26th to 27th": a date inside the first one narrows it
        narrower, narrower_words = _date_of(later, ranges)
        if narrower.days < when.days and when.start <= narrower.start and narrower.end <= when.end:
            first, when, words = later, narrower, narrower_words
    return when, "explicit", time_tense(tokens, first.start, first.end, tense), words


def _date_of(timex: Timex, ranges) -> tuple[When, tuple[int, int]]:
    """A time expression's date and the words that give it: the whole range it opens or closes, else itself."""
    for start, end, when in ranges:
        if start <= timex.start < end:
            return when, (start, end)
    return timex.when, (timex.start, timex.end)


def _dating(article: Article, dated_by: str, words: Words, timexes_at: "_ByStart", when: When) -> Dating:
    """The telling's dating: the reason, the words, what the first of them was read against, the interval."""
    told = when if when.start is not None else None
    if words is None:
        return Dating(dated_by, when=told)
    start, end = words
    inside = timexes_at.within(start, end)
    # a range's first date, or a duration counted back from the publication ("a month after ..." before it)
    anchor = next((t.anchor for t in inside if t.anchor), "published" if inside and inside[0].type == "DURATION"
                  else None)
    return Dating(dated_by, start, end, article.body[start:end], anchor, told)


def _words_of(dating: Dating | None) -> Words:
    return None if dating is None or dating.start is None else (dating.start, dating.end)


def _tense_allows(when: When, tense: str, published: date | None) -> bool:
    if published is None:
        return True
    if tense == PAST:
        return when.start <= published
    if tense == FUTURE:
        return when.end >= published - timedelta(days=FUTURE_SLACK_DAYS)
    return True


class _StoryTimes:
    """The time of the story an article tells: the dates of its events told near the publication (within
    STORY_DAYS of it, at most a week wide). A sentence without a time of its own continues the story: it takes the
    latest such date before it that was told in a tense like its own, else the first one after it (a lead that
    restates the talks the next sentence dates). A past event never takes a date told of a future one, nor a
    future event one told of the past."""

    def __init__(self, article: Article, own_times: list[tuple[When | None, str | None, str, Words]]):
        self._published = article.published
        self._times: list[tuple[int, When, str, Words]] = []
        if article.published is None:
            return
        for k, (when, _, tense, words) in enumerate(own_times):
            if (when is not None and when.start is not None and when.days <= 7
                    and abs((when.start - article.published).days) <= STORY_DAYS):
                self._times.append((k, when, tense, words))

    def at(self, k: int, tense: str) -> tuple[When | None, str | None, Words]:
        """The story's date for sentence k told in `tense`, "story", and the words that gave it; or Nones."""
        fitting = [(i, when, words) for i, when, told, words in self._times
                   if _tense_allows(when, tense, self._published) and _same_line(told, tense)]
        before = [(when, words) for i, when, words in fitting if i < k]
        after = [(when, words) for i, when, words in fitting if i > k]
        chosen = before[-1] if before else after[0] if after else None
        return (chosen[0], "story", chosen[1]) if chosen else (None, None, None)


def _same_line(told: str, tense: str) -> bool:
    """Whether a sentence in `tense` continues an event told in `told`: the past and the future never meet; the
    present continues anything but the future."""
    return told != PAST if tense == FUTURE else told != FUTURE


def _distance_back(article: Article, sentence: Sentence, own: list[Timex]) -> tuple[When | None, str | None, Words]:
    """ "will come just over a month after Kim joined …": the earlier event lies that far before the report."""
    if article.published is None:
        return None, None, None
    quoted = cues.without_quotes(sentence.text)
    for t in own:
        if quoted[t.start - sentence.start] == " ":  # inside quoted speech: the speaker's "now", not the report's
            continue
        m = _DURATION.match(t.value) if t.type == "DURATION" else None
        if not m or not cues.follows_duration(article.body[t.end:t.end + 20]):
            continue
        try:
            return _unit_before(article.published, float(m.group(1)), m.group(2)), "explicit", (t.start, t.end)
        except OverflowError:  # before the first day of the calendar
            return When.undated(), "none", None
    return None, None, None


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


def _publication(article: Article, tense: str = UNKNOWN) -> tuple[When, str]:
    """The date an event takes when neither it nor its story has one: a past event lies in the days up to the
    publication, a future one in the days after it (PUBLICATION_WINDOW_DAYS each), anything else on the publication
    day."""
    if article.published is None:
        return When.undated(), "none"
    if tense == PAST:
        return When(article.published - timedelta(days=PUBLICATION_WINDOW_DAYS - 1), article.published,
                    "day"), "before"
    if tense == FUTURE:
        return When(article.published, article.published + timedelta(days=PUBLICATION_WINDOW_DAYS - 1),
                    "day"), "after"
    return When(article.published, article.published, "day"), "published"
