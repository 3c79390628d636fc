"""The entity step: persons (canonical full names), countries (ISO alpha-2) and organisations (store/extract/orgs.py)
named in one article, and the country each person's title gives them.

Countries come from
- place spans (GPE, LOC, and ORG spans that are just a country name): country names and aliases, US states,
  cities (the most populous of the name) — "Beijing said" → CN;
- nationality words: NORP spans ("Chinese" → CN), ORG spans that start with one ("Russian Defence Ministry"), a
  nationality adjective in front of a title the model left untagged ("Vietnamese party leader");
- a place's possessive at the start of an ORG span ("China's Foreign Ministry");
- hyphenated compounds ("U.S.-led", "Russia-Ukraine");
- "the North" / "the South", when the article names exactly one "North X" / "South X" country.
Names that fit no single country ("Korean", "Korean Peninsula", "the West", "European") give none.

Places below the country are the place spans the country tables know as a city, a US state or a region, each
with its country ("Pyongyang" → Pyongyang, KP): the city is both a place and, for the filters, its country.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from store.extract.countries import (
    NOTABLE_CITY_POPULATION,
    country_code,
    country_name,
    demonym_code,
    lookup_key,
    place_code,
    sub_country_place,
)
from store.extract.persons import (
    find_persons,
    is_possessive,
    is_title,
    is_title_part,
    title_country_after,
    title_country_before,
    words,
)
from store.extract.orgs import find_orgs, org_aliases
from store.model import Entities, Mention, Sentence, Span

PLACE_LABELS = frozenset({"GPE", "LOC"})
ORG_LABELS = frozenset({"ORG", "FAC"})
COMPASS_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG"})
COMPASS_WORDS = ("North", "South")
MAX_WORDS_BETWEEN_NATIONALITY_AND_TITLE = 2

_HYPHENATED = re.compile(r"(?<![\w.-])[A-Za-z.]+(?:-[A-Za-z.]+)+")
_THE_COMPASS = re.compile(r"\b[Tt]he (North|South)\b(?![ -]?[A-Z])")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """A span's offsets without a leading "the" and a trailing possessive."""
    text = body[start:end]
    lead = _LEADING_THE.match(text)
    if lead:
        start += lead.end()
    tail = _TRAILING_POSSESSIVE.search(body[start:end])
    if tail:
        end -= len(tail.group())
    return start, end


def _country(body: str, start: int, end: int, code: str) -> Mention:
    return Mention(start, end, body[start:end], "country", code)


def _span_country(body: str, span: Span) -> Mention | None:
    """The country a span names by itself (see the module docstring), or None."""
    start, end = _trimmed(body, span.start, span.end)
    text = body[start:end]
    if span.label in PLACE_LABELS:
        code = place_code(text) or demonym_code(text)
    elif span.label == "NORP":
        code = demonym_code(text) or country_code(text)
    elif span.label in ORG_LABELS:
        code = country_code(text)
        if not code:
            return _org_prefix_country(body, start, end)
    else:
        code = None
    return _country(body, start, end, code) if code else None


# Words that make an organisation named after a country a body of that country's state: "U.S. Government",
# "Russia Defence Ministry" (a company named after one, "Jordan Brand", is not).
_STATE_BODIES = frozenset({"government", "administration", "ministry", "department", "treasury", "embassy", "army",
                           "navy", "military", "congress", "senate", "parliament", "coast", "air", "armed",
                           "foreign", "defence", "defense", "state", "central", "national", "federal"})


def _org_prefix_country(body: str, start: int, end: int) -> Mention | None:
    """"China's Foreign Ministry" → China; "Russian Defence Ministry" → Russian; "U.S. Government auto task
    force" → U.S."""
    ws = words(body[start:end], start)
    for n in range(min(4, len(ws) - 1), 0, -1):
        text = body[ws[0].start:ws[n - 1].end]
        if is_possessive(ws[n].text):
            code = place_code(text, NOTABLE_CITY_POPULATION)
        else:
            code = demonym_code(text) or (country_code(text) if ws[n].text.lower() in _STATE_BODIES else None)
        if code:
            return _country(body, ws[0].start, ws[n - 1].end, code)
    return None


def _overlaps(mention_start: int, mention_end: int, taken: Sequence[Mention | Span]) -> bool:
    return any(m.start < mention_end and mention_start < m.end for m in taken)


def _compound_countries(body: str, spans: Sequence[Span], found: Sequence[Mention]) -> list[Mention]:
    """Countries inside hyphenated words the model keeps whole: "U.S.-led", "U.K.-based"."""
    persons = [s for s in spans if s.label == "PERSON"]
    out = []
    for m in _HYPHENATED.finditer(body):
        if country_code(m.group()) or _overlaps(m.start(), m.end(), persons):
            continue  # a country written with a hyphen ("Timor-Leste") is the spans' business
        offset = m.start()
        for part in m.group().split("-"):
            start, end = offset, offset + len(part)
            offset = end + 1
            code = (country_code(part) or demonym_code(part)) if part[:1].isupper() else None
            if code and not _overlaps(start, end, found):
                out.append(_country(body, start, end, code))
    return out


def _nationalities_before_titles(body: str, sentences: Sequence[Sentence], found: Sequence[Mention]) -> list[Mention]:
    """An untagged nationality in front of a title: "a Vietnamese party leader", "the Laotian President"."""
    out = []
    for sentence in sentences:
        ws = words(sentence.text, sentence.start)
        for k, word in enumerate(ws):
            if not is_title(word.text):
                continue
            j = k
            while j > 0 and k - j < MAX_WORDS_BETWEEN_NATIONALITY_AND_TITLE and (
                    is_title_part(ws[j - 1].text) or ws[j - 1].text.islower()):
                j -= 1
            for n in (3, 2, 1):
                if j - n < 0:
                    continue
                start, end = ws[j - n].start, ws[j - 1].end
                code = demonym_code(body[start:end]) if body[start].isupper() else None
                if code:
                    if not _overlaps(start, end, found):
                        out.append(_country(body, start, end, code))
                    break
    return out


def _compass_countries(body: str, spans: Sequence[Span], found: Sequence[Mention]) -> list[Mention]:
    """"the North" / "the South" → the one North-X / South-X country the article names, if there is exactly one."""
    out = []
    for word in COMPASS_WORDS:
        codes = {m.key for m in found if country_name(m.key).startswith(word + " ")}
        if len(codes) != 1:
            continue
        code = codes.pop()
        places = [(s.start, s.end) for s in spans if s.label in COMPASS_LABELS and lookup_key(s.text) == word.lower()]
        places += [(m.start(1), m.end(1)) for m in _THE_COMPASS.finditer(body) if m.group(1) == word]
        for start, end in sorted(set(places)):
            start, end = _trimmed(body, start, end)
            if not _overlaps(start, end, found + out):
                out.append(_country(body, start, end, code))
    return out


def _affiliations(body: str, persons: Sequence[Mention], sentences: Sequence[Sentence]) -> dict[str, str]:
    """person → country from a title in front of a mention or an apposition after it; the first one found wins."""
    starts = [s.start for s in sentences]
    out: dict[str, str] = {}
    for i, person in enumerate(persons):
        if person.key in out:
            continue
        k = bisect.bisect_right(starts, person.start) - 1
        sentence_start, sentence_end = (sentences[k].start, sentences[k].end) if k >= 0 else (0, len(body))
        previous_end = persons[i - 1].end if i > 0 else 0
        next_start = persons[i + 1].start if i + 1 < len(persons) else len(body)
        code = (title_country_before(body, person.start, max(sentence_start, previous_end))
                or title_country_after(body, person.end, min(sentence_end, next_start)))
        if code:
            out[person.key] = code
    return out


def _places(body: str, spans: Sequence[Span], persons: Sequence[Mention]) -> list[Mention]:
    """The cities, US states and regions the place spans name, each with its country (see the module docstring)."""
    out = []
    for span in spans:
        if span.label not in PLACE_LABELS:
            continue
        start, end = _trimmed(body, span.start, span.end)
        found = sub_country_place(body[start:end])
        if found and not _overlaps(start, end, persons):
            out.append(Mention(start, end, body[start:end], "place", found[0], found[1]))
    return out


def find_entities(body: str, spans: Sequence[Span], sentences: Sequence[Sentence]) -> Entities:
    """Persons, countries and organisations named in an article body, given the model's spans and sentences (body
    offsets)."""
    persons, aliases = find_persons(body, spans)
    countries = [m for span in spans if (m := _span_country(body, span))]
    countries += _compound_countries(body, spans, countries)
    countries += _nationalities_before_titles(body, sentences, countries + persons)
    countries += _compass_countries(body, spans, countries)
    orgs = find_orgs(body, spans, persons + countries)
    places = _places(body, spans, persons)
    mentions = sorted(persons + countries + orgs + places, key=lambda m: (m.start, m.end))
    return Entities(mentions=mentions, affiliations=_affiliations(body, persons, sentences),
                    aliases={**aliases, **org_aliases(orgs)})
