"""Span fixes for the small English model's weak spots, run as one pipeline component right after `ner`.

- Trailing possessives are cut off every span: "North Korea's" → "North Korea", "Kim Jong Un's" → "Kim Jong Un".
- A place name the model tagged otherwise (or missed) before "region", "province", "oblast" ... and a
  PRODUCT that names a known place after a locative preposition ("to Kursk") become GPE.
- Capitalised words right after a title ("chief To Lam", "President Xi Jinping") or a place's possessive
  ("China's Xi Jinping") are a PERSON: the model's partial PERSON is widened, a place span that swallowed the name
  is cut back, and a name the model missed is added when it has at least two words.

Only token text and shape are used (no tagger or parser runs).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from store.extract.countries import NOTABLE_CITY_POPULATION, country_code, demonym_code, place_code
from store.extract.persons import ARTICLES, is_possessive, is_title, is_title_part, org_words

COMPONENT = "dateline_entity_fixes"
PLACE_SUFFIXES = frozenset({"region", "province", "oblast", "krai", "prefecture", "governorate", "county"})
LOCATIVES = frozenset({"in", "into", "to", "from", "near", "at", "of", "across", "around", "outside", "toward",
                       "towards", "over", "through"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})
# Labels of names; "'s" after a DATE ("the 1980's", "last year's") is left to the time-expression step.
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "NORP", "ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
CALENDAR_WORDS = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name))
MAX_NAME_TOKENS = 4
MIN_NEW_NAME_TOKENS = 2  # a name the model missed entirely is only added when it has two words or more


@dataclass
class _Ent:
    start: int  # token indices, end exclusive
    end: int
    label: str


def _namelike(token: Token) -> bool:
    """A capitalised word that can be part of a name: "Lam", "O'Neill", "Jae-myung", an initial "J."."""
    text = token.text
    if not text[:1].isupper():
        return False
    if len(text) == 2 and text[1] == ".":
        return True
    return any(c.islower() for c in text) and not any(c.isdigit() for c in text)


def _bad_name_word(token: Token) -> bool:
    low = token.lower_
    return (low in org_words() or low in CALENDAR_WORDS or is_title_part(token.text)
            or bool(country_code(token.text) or demonym_code(token.text)))


def _name_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """The capitalised name starting at token i (up to MAX_NAME_TOKENS), or None when the words there are not a
    plausible name (an organisation, a month, a country, a lone stop word)."""
    j = i
    while j < len(doc) and j - i <= MAX_NAME_TOKENS and _namelike(doc[j]):
        j += 1
    if j == i or j - i > MAX_NAME_TOKENS:
        return None
    if any(_bad_name_word(doc[k]) for k in range(i, j)):
        return None
    if all(doc[k].is_stop for k in range(i, j)):
        return None
    return i, j


def _owner(ents: list[_Ent], i: int) -> _Ent | None:
    return next((e for e in ents if e.start <= i < e.end), None)


def _is_possessive_end(token: Token) -> bool:
    return is_possessive(token.text) or token.text in ("'", "’")


def _trim_possessives(doc: Doc, ents: list[_Ent]) -> None:
    for e in ents:
        while e.label in NAME_LABELS and e.end - e.start > 1 and _is_possessive_end(doc[e.end - 1]):
            e.end -= 1


def _fix_places(doc: Doc, ents: list[_Ent]) -> None:
    """Relabel as GPE what the context shows is a place: "<Name> region", "to <PRODUCT that is a city>"."""
    for i, token in enumerate(doc):
        if token.lower_ not in PLACE_SUFFIXES or i == 0 or not _namelike(doc[i - 1]):
            continue
        start = i - 1
        while start > 0 and _namelike(doc[start - 1]) and i - start < MAX_NAME_TOKENS:
            start -= 1
        owners = {id(e): e for k in range(start, i) if (e := _owner(ents, k))}.values()
        if any(e.label in ("GPE", "LOC") or e.start < start or e.end > i for e in owners):
            continue
        if place_code(doc[start:i].text):
            for e in owners:
                ents.remove(e)
            ents.append(_Ent(start, i, "GPE"))
    for e in ents:
        if e.label != "PRODUCT" or not place_code(doc[e.start:e.end].text, NOTABLE_CITY_POPULATION):
            continue
        before = e.start - 1
        if before >= 0 and doc[before].lower_ == "the":
            before -= 1
        if before >= 0 and doc[before].lower_ in LOCATIVES:
            e.label = "GPE"


def _person_after(doc: Doc, ents: list[_Ent], i: int) -> None:
    """Make the name starting at token i a PERSON (see the module docstring)."""
    run = _name_run(doc, i)
    if run is None:
        return
    start, end = run
    overlapping = [e for e in ents if e.start < end and e.end > start]
    persons = [e for e in overlapping if e.label == "PERSON"]
    others = [e for e in overlapping if e.label != "PERSON"]
    if any(e.start >= start for e in others):
        return  # the model reads the name as something else
    if not persons and (end - start < MIN_NEW_NAME_TOKENS or doc[start].lower_ in ARTICLES
                        or any(doc[k].is_stop for k in range(start + 1, end))):
        return  # a new name needs two words, and only its first may be a stop word ("To Lam")
    if persons:
        end = max(end, *(e.end for e in persons))
    for e in persons:
        ents.remove(e)
    for e in others:  # a place that swallowed the title or the name: keep the part before it
        e.end = min(e.end, i - 1 if is_possessive(doc[i - 1].text) else i)
        while e.end > e.start and (is_possessive(doc[e.end - 1].text) or is_title_part(doc[e.end - 1].text)):
            e.end -= 1
        if e.end <= e.start:
            ents.remove(e)
    ents.append(_Ent(start, end, "PERSON"))


def _fix_persons(doc: Doc, ents: list[_Ent]) -> None:
    for i, token in enumerate(doc[:-1]):
        if is_title(token.text) and not is_title_part(doc[i + 1].text):
            owner = _owner(ents, i)
            if owner is None or owner.label == "PERSON" or owner.label in PLACE_LABELS:
                _person_after(doc, ents, i + 1)
        elif is_possessive(token.text) and i > 0:
            before = _owner(ents, i - 1)
            if before is not None and before.label in PLACE_LABELS:
                _person_after(doc, ents, i + 1)


@Language.component(COMPONENT)
def fix_entities(doc: Doc) -> Doc:
    ents = [_Ent(e.start, e.end, e.label_) for e in doc.ents]
    _trim_possessives(doc, ents)
    _fix_places(doc, ents)
    _fix_persons(doc, ents)
    doc.ents = filter_spans([Span(doc, e.start, e.end, label=e.label) for e in ents if e.end > e.start])
    return doc


def install(nlp) -> None:
    """Add the span fixes to a loaded pipeline, right after its `ner`."""
    if COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, after="ner")
