"""Organisations: the model's ORG spans, one name per organisation within an article, carried by the events."""
from datetime import date

import pytest

from store.extract.orgs import org_key
from store.extract.pipeline import extract
from store.model import Article


@pytest.mark.parametrize(("a", "b"), [("Sony Corp.", "Sony"), ("Acme Holdings Ltd.", "Acme"), ("BANK OF X", "Bank of X")])
def test_forms_differing_by_a_corporate_suffix_or_case_are_one(a, b):
    assert org_key(a) == org_key(b)


def test_events_carry_the_organisations_they_name_under_one_name_and_the_company_is_the_one_before():
    body = ("Sony Corp. sold its chemicals unit to five buyers in Osaka on Monday.\n\n"
            "Markets in Tokyo rose sharply on Wednesday.\n\n"
            "The company cut its profit forecast on Friday.")
    events = extract(Article("news.md", body, "News", date(2025, 5, 10))).events
    orgs = {e.sources[0].excerpt[:12]: e.orgs for e in events}
    assert orgs == {"Sony Corp. s": ["Sony Corp."], "Markets in T": [], "The company ": ["Sony Corp."]}


def test_a_country_tagged_as_an_organisation_and_an_agency_credited_in_brackets_are_none():
    body = "Rebels shelled the port of Misrata on Monday (Reuters).\n\nThe United States condemned the attack on Monday."
    events = extract(Article("news.md", body, "News", date(2025, 5, 10))).events
    assert all(e.orgs == [] for e in events)


def test_a_person_tagged_as_an_organisation_is_no_organisation():
    body = "Prime Minister Narendra Modi arrived in Oslo on Monday.\n\nPM Modi met the king of Norway on Tuesday."
    events = extract(Article("news.md", body, "News", date(2025, 5, 10))).events
    assert all(e.orgs == [] for e in events) and all("Narendra Modi" in e.persons for e in events)
