"""A pronoun or a role in subject position stands for the person named before it; the event carries them."""
from datetime import date

import pytest

from store.extract.pipeline import extract
from store.model import Article


def persons_of(body: str, words: str) -> list[str]:
    events = extract(Article("news.md", body, "News", date(2025, 5, 7))).events
    (event,) = [e for e in events if any(words in s.excerpt for s in e.sources)]
    return event.persons


@pytest.mark.parametrize(("body", "words", "persons"), [
    ("Anna Kovalenko arrived in Oslo on Monday for trade talks.\nShe sold the old embassy building on Friday.",
     "She sold", ["Anna Kovalenko"]),
    ("Foreign Minister Lars Berg of Sweden opened a trade fair in Oslo on Monday.\nMarkets rose on Tuesday.\n"
     "The minister signed a grain deal on Friday.", "The minister", ["Lars Berg"]),  # a role: however far back
    ("President Erik Lund recalled the ambassador from Oslo on Monday.\nThe envoy flew home on Friday.",
     "The envoy", []),  # nobody was called the envoy
    ("He sold the old embassy building to five buyers on Friday.", "He sold", []),  # nobody named before
])
def test_a_pronoun_or_a_role_is_the_person_named_before_with_that_title(body, words, persons):
    assert persons_of(body, words) == persons


def test_a_pronoun_does_not_reach_further_back_than_the_sentence_before():
    body = ("Anna Kovalenko arrived in Oslo on Monday for trade talks.\nMarkets rose sharply on Tuesday.\n"
            "He sold the old embassy building on Friday.")
    assert persons_of(body, "He sold") == []


def test_a_role_in_the_next_clause_is_no_title_of_the_person_before_it():
    body = ("Foreign Minister Lars Berg of Sweden met Prime Minister Erik Lund of Norway in Oslo on Monday.\n"
            "Berg also spoke with President Anna Kovalenko, albeit briefly. The minister signed a grain deal in "
            "Bergen on Friday.")
    assert persons_of(body, "The minister") == ["Lars Berg"]  # not Kovalenko, whom "albeit ... minister" follows
