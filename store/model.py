"""Plain dataclasses that travel along the pipeline: article → sentences → spans → timexes/mentions → events.

Every offset in these objects is a character offset into `Article.body` (end exclusive).
Nothing here imports spaCy or Textual.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

PRECISIONS = ("day", "week", "month", "quarter", "year", "decade", "undated")

# The years an event date may fall in. News dates history ("the Battle of Hastings in 1066") and far futures
# ("net zero by 2100"), so the range is wide; a year outside it is a placeholder ("12/31/9999"), a typo or a
# number misread as a year, not a date anyone reports. Both ends stay far from the ends of Python's calendar
# (years 1-9999), so a step of a month, a year or a decade from any event date is still a date. Publication
# dates have their own, narrower range (store/readers/dates.py).
FIRST_YEAR, LAST_YEAR = 1000, 2999


def year_problem(year: int) -> str | None:
    """Why an event cannot be dated in `year` ("year 9999 is outside 1000–2999"), or None when it can."""
    if FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f"year {year:04d} is outside {FIRST_YEAR}–{LAST_YEAR}"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file: `body` is the plain text the offsets point into."""

    path: str
    body: str
    title: str = ""
    published: date | None = None
    url: str | None = None
    source: str | None = None
    published_problem: str | None = None  # why the file's own date field was not used (a reading note, not stored)
    published_assumed: str | None = None  # how a dateline's missing year was chosen (a reading note, not stored)

    @cached_property
    def id(self) -> str:
        """Content hash of the body: the same text read from anywhere is the same article. Hashed once: every
        source of every event asks for it."""
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the article, from 0
    start: int
    end: int
    text: str  # == body[start:end]
    paragraph: int  # index of the paragraph (blank-line or newline separated block) it sits in


@dataclass(frozen=True)
class Span:
    """A named-entity span from the NER model (or the entity ruler), in body offsets."""

    start: int
    end: int
    label: str  # spaCy label: PERSON, GPE, NORP, LOC, ORG, FAC, DATE, TIME, ...
    text: str


@dataclass(frozen=True)
class When:
    """An inclusive date interval and how precise it is. Undated: start and end are None."""

    start: date | None
    end: date | None
    precision: str  # one of PRECISIONS

    @staticmethod
    def undated() -> "When":
        return When(None, None, "undated")

    def overlaps(self, other: "When") -> bool:
        if self.start is None or other.start is None:
            return False
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int | None:
        return None if self.start is None else (self.end - self.start).days + 1

    @property
    def problem(self) -> str | None:
        """Why this interval cannot date an event (an end outside FIRST_YEAR–LAST_YEAR), or None."""
        if self.start is None or self.end is None:
            return None
        return year_problem(self.start.year) or year_problem(self.end.year)


@dataclass(frozen=True)
class Timex:
    """A time expression: TimeML TIMEX3 type and value, and when it is an anchored date, its interval."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2025-10-07, 2025-W41, 2025-09, 2015, 201, P6Y, PRESENT_REF, XXXX-XX-XX ...
    when: When | None = None  # the calendar interval, for anchored DATE/TIME values; None otherwise
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    anchor: str | None = None  # how it was resolved: "absolute", "published", "previous" (anaphora) ...
    problem: str | None = None  # why a date it names gives no `when` ("year 9999 is outside 1000–2999")


@dataclass(frozen=True)
class Mention:
    """A person, a country, an organisation or a place below the country named in the text, already canonical."""

    start: int
    end: int
    text: str
    kind: str  # "person" | "country" | "org" | "place"
    key: str  # canonical full name for a person, an organisation or a place; ISO 3166-1 alpha-2 code for a country
    country: str | None = None  # a place's country (alpha-2)


@dataclass(frozen=True)
class Place:
    """A city or a region where an event happens or that takes part in it, with the country it lies in (alpha-2)."""

    name: str
    country: str | None = None


@dataclass
class Entities:
    """What the entity step found in one article."""

    mentions: list[Mention] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)  # person name → alpha-2 (from titles)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # person name → surface forms seen


@dataclass(frozen=True)
class Source:
    """Where an event is told: the whole sentence, with its offsets in the article body, and how this telling was
    dated."""

    article_id: str
    path: str
    title: str
    published: date | None
    excerpt: str
    start: int
    end: int
    dating: Dating | None = None


# What each Event.dated_by code means to a reader (export's "dated_by" reason).
DATING_REASONS = {
    "explicit": "stated",  # the sentence's own time expression (or a background event's)
    "story": "story occasion",  # the date the article gave the occasion it reports
    "previous": "previous event",  # continues the event told just before ("That same month", "the visit")
    "published": "publication day",
    "before": "before publication",  # a past event with nothing to date it: the days up to the publication
    "after": "after publication",  # a coming event with nothing to date it: the days from the publication on
    "none": "undated",
}
BEFORE_PUBLICATION = DATING_REASONS["before"]
AFTER_PUBLICATION = DATING_REASONS["after"]
PUBLICATION_CODES = ("published", "before", "after")  # dated by the publication alone


@dataclass(frozen=True)
class Dating:
    """How one telling got its date: the reason (an Event.dated_by code) and the words that gave it, with their
    offsets in the telling's article body (none for the publication day or an undated event)."""

    reason: str
    start: int | None = None
    end: int | None = None
    text: str | None = None
    anchor: str | None = None  # what the words were read against: "absolute" (written in full), "published",
    # "previous" (the date told before them): Timex.anchor
    when: When | None = None  # the interval this telling gave the event, before merging


@dataclass
class Event:
    when: When
    summary: str
    persons: list[str]
    countries: list[str]
    sources: list[Source]
    dated_by: str = "explicit"  # a DATING_REASONS code: where the date came from
    words: frozenset[str] = frozenset()  # content words used when deciding merges
    id: int | None = None  # row id once stored
    orgs: list[str] = field(default_factory=list)  # organisations taking part, canonical names
    places: list[Place] = field(default_factory=list)  # cities and regions named, in order


@dataclass
class Extraction:
    """The pipeline's whole view of one article (what `dateline extract` prints)."""

    article: Article
    sentences: list[Sentence]
    spans: list[Span]
    timexes: list[Timex]
    entities: Entities
    events: list[Event]
