"""The main predicate of a sentence: an occurrence (an event, whoever does it) or a state (no event)."""
from datetime import date

import pytest

from store.extract import nlp
from store.extract.pipeline import extract
from store.extract.predicates import reports_occurrence
from store.model import Article


def occurrence(sentence: str) -> bool:
    analysis = nlp.analyse(sentence)
    (first, *_) = analysis.sentences
    return reports_occurrence(analysis.tokens, first.start, first.end)


@pytest.mark.parametrize("sentence", [
    "He sold the property to five buyers.",
    "The company said its quarterly profit rose 20 percent.",
    "The company says its quarterly profit rose 20 percent.",  # saying, in the present too
    "The quake killed at least 200 people.",
    "Prices fell sharply on Tuesday.",
    "Three people were killed in the blast.",
    "The storm has destroyed hundreds of homes.",
    "There were clashes in the capital on Sunday.",
    "The ministers will meet again next week.",
])
def test_an_action_a_change_or_a_statement_is_an_occurrence(sentence):
    assert occurrence(sentence)


@pytest.mark.parametrize("sentence", [
    "The building is very old.",
    "He owns three shops in the town.",
    "The nuclear powers' relations threaten a return to old lows.",  # a simple present: commentary
    "The envoy has not returned.",  # negated: nothing happened
    "Many residents believe the plan will fail.",
    "There is a good reason for hope.",
    "A new era of cooperation between the two neighbours.",  # no verb
    "It will also aim to widen the partnership.",  # an aim, not an act
])
def test_a_state_a_view_a_negation_or_a_fragment_is_not(sentence):
    assert not occurrence(sentence)


@pytest.mark.parametrize(("sentence", "told"), [
    ("He sold the property to five buyers.", True),
    ("The company said its quarterly profit rose 20 percent.", True),
    ("The building near the old harbour is very old.", False),
])
def test_an_occurrence_is_an_event_without_a_named_person_or_country(sentence, told):
    events = extract(Article("news.md", sentence, "News", date(2025, 5, 7))).events
    assert [(e.persons, e.countries, e.sources[0].excerpt) for e in events] == ([([], [], sentence)] if told else [])


@pytest.mark.parametrize(("sentence", "possible"), [
    ("The army could attack the city within days.", True),
    ("Had Sweden insisted, Norway might have avoided the dispute.", True),
    ("Police raided his flat and took every copy they could find.", False),  # the modal is in a clause below
    ("Officials said the army could attack the city.", False),  # a statement: it was said
    ("Gunfire could be heard across the city on Monday.", False),  # it was heard
])
def test_only_a_modal_on_the_main_verb_makes_the_sentence_a_possibility(sentence, possible):
    from store.extract.predicates import under_possibility

    analysis = nlp.analyse(sentence)
    (first, *_) = analysis.sentences
    assert under_possibility(analysis.tokens, first.start, first.end) == possible


def test_a_sentence_with_a_modal_below_its_main_verb_is_an_event():
    body = "Police raided the flat of Lars Berg in Oslo and took every copy they could find."
    (event,) = extract(Article("news.md", body, "News", date(2025, 5, 7))).events
    assert event.persons == ["Lars Berg"]
