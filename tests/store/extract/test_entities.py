"""Persons and countries found by the real model plus the span fixes, on short news-like sentences."""
import pytest

from store.extract.entities import find_entities
from store.extract.nlp import analyse


@pytest.fixture(scope="module")
def extract():
    def run(body):
        analysis = analyse(body)
        return find_entities(body, analysis.spans, analysis.sentences)

    return run


@pytest.fixture(scope="module")
def spans():
    def run(body):
        return [(s.text, s.label) for s in analyse(body).spans]

    return run


def persons(entities):
    return [(m.text, m.key) for m in entities.mentions if m.kind == "person"]


def countries(entities):
    return [(m.text, m.key) for m in entities.mentions if m.kind == "country"]


def country_codes(entities):
    return {m.key for m in entities.mentions if m.kind == "country"}


# --- the model's weak spots, fixed by the ruler ------------------------------------------------------------------


def test_name_after_a_title_is_one_person(extract, spans):
    body = "Vietnam's party chief To Lam arrived in Vientiane on Monday."
    assert ("To Lam", "PERSON") in spans(body)
    entities = extract(body)
    assert persons(entities) == [("To Lam", "To Lam")]
    assert countries(entities) == [("Vietnam", "VN"), ("Vientiane", "LA")]
    assert entities.affiliations == {"To Lam": "VN"}


def test_name_after_a_country_possessive_is_a_person(extract):
    entities = extract("Officials said China's Xi Jinping would travel to Moscow next month.")
    assert persons(entities) == [("Xi Jinping", "Xi Jinping")]
    assert country_codes(entities) == {"CN", "RU"}
    assert entities.affiliations == {"Xi Jinping": "CN"}


def test_name_after_a_curly_possessive_is_a_person(extract):
    entities = extract("Kim stood beside China’s Xi Jinping at the parade.")
    assert ("Xi Jinping", "Xi Jinping") in persons(entities)
    assert entities.affiliations["Xi Jinping"] == "CN"


def test_city_tagged_as_a_product_counts_as_a_place(extract, spans):
    body = "Ukrainian troops pushed into Kursk, and drones hit the Belgorod region."
    assert ("Kursk", "GPE") in spans(body)
    assert ("Belgorod", "GPE") in spans(body)
    entities = extract(body)
    assert countries(entities) == [("Ukrainian", "UA"), ("Kursk", "RU"), ("Belgorod", "RU")]


def test_governor_of_a_region(extract):
    assert country_codes(extract("The governor of Kursk region met officials.")) == {"RU"}


def test_possessives_inside_spans_still_resolve(extract, spans):
    body = "South Korea's exports rose, Kim Jong Un's sister said."
    assert ("South Korea", "GPE") in spans(body)
    entities = extract(body)
    assert countries(entities) == [("South Korea", "KR")]
    assert persons(entities) == [("Kim Jong Un", "Kim Jong Un")]


# --- countries -----------------------------------------------------------------------------------------------------


def test_capitals_stand_for_their_country(extract):
    entities = extract("Beijing said on Tuesday it would send envoys to Pyongyang and Washington.")
    assert countries(entities) == [("Beijing", "CN"), ("Pyongyang", "KP"), ("Washington", "US")]


def test_possessive_capital(extract):
    assert countries(extract("Pyongyang's envoy met officials in Seoul.")) == [("Pyongyang", "KP"), ("Seoul", "KR")]


def test_us_states_are_the_us(extract):
    assert country_codes(extract("Wildfires spread across California and Oregon.")) == {"US"}


def test_demonyms(extract):
    entities = extract("North Korean and Laotian delegations arrived on Friday.")
    assert countries(entities) == [("North Korean", "KP"), ("Laotian", "LA")]


def test_demonyms_of_officials_without_names(extract):
    entities = extract("The Iranian foreign minister met his Syrian counterpart in Damascus.")
    assert country_codes(entities) == {"IR", "SY"}


def test_compound_with_a_country(extract):
    entities = extract("The U.S.-led coalition expanded its patrols.")
    assert countries(entities) == [("U.S.", "US")]


def test_regions_and_ambiguous_words_name_no_country(extract):
    body = "Korean culture is popular abroad, but the Korean Peninsula remains tense and the West is watching."
    assert countries(extract(body)) == []


def test_party_and_weapon_names_are_neither_persons_nor_countries(extract):
    entities = extract("The Workers' Party of Korea unveiled the Hwasong-20 missile at the parade.")
    assert entities.mentions == []


# --- "the North" / "the South" -----------------------------------------------------------------------------------


def test_the_north_is_the_north_korea_named_in_the_article(extract):
    entities = extract("North Korea tested a missile on Sunday. The North's state media called it a success.")
    assert countries(entities) == [("North Korea", "KP"), ("North", "KP")]


def test_the_south_is_the_south_sudan_named_in_the_article(extract):
    entities = extract("South Sudan's army said the South would hold elections.")
    assert countries(entities) == [("South Sudan", "SS"), ("South", "SS")]


def test_the_north_without_a_north_country_is_nothing(extract):
    entities = extract("South Korea's spy agency said the North had fired two missiles.")
    assert countries(entities) == [("South Korea", "KR")]


def test_the_south_with_two_south_countries_is_nothing(extract):
    entities = extract("South Korea and South Africa signed a deal, and the South will host the next round.")
    assert countries(entities) == [("South Korea", "KR"), ("South Africa", "ZA")]


# --- persons -------------------------------------------------------------------------------------------------------


def test_titles_and_possessives_are_stripped(extract):
    entities = extract("Chinese Premier Li Qiang met envoys of President Donald Trump's administration.")
    assert persons(entities) == [("Li Qiang", "Li Qiang"), ("Donald Trump", "Donald Trump")]
    assert countries(entities) == [("Chinese", "CN")]
    assert entities.affiliations == {"Li Qiang": "CN"}  # "President" alone names no country


def test_surname_joins_the_full_name_and_its_affiliation(extract):
    entities = extract("South Korean President Lee Jae Myung visited Tokyo. Lee said the talks went well.")
    assert persons(entities) == [("Lee Jae Myung", "Lee Jae Myung"), ("Lee", "Lee Jae Myung")]
    assert entities.affiliations == {"Lee Jae Myung": "KR"}
    assert entities.aliases == {"Lee Jae Myung": {"Lee Jae Myung", "Lee"}}


def test_bare_name_prefers_the_full_name_mentioned_before_it(extract):
    entities = extract("Kim Yo Jong spoke first. Kim then left the hall. Kim Jong Un arrived later. "
                       "Kim Jong Un spoke for an hour.")
    assert [key for _, key in persons(entities)] == ["Kim Yo Jong", "Kim Yo Jong", "Kim Jong Un", "Kim Jong Un"]


def test_bare_name_ties_go_to_the_earliest_full_name(extract):
    entities = extract("Kim Jong Un and Kim Yo Jong attended the ceremony. Kim waved to the crowd.")
    assert persons(entities)[-1] == ("Kim", "Kim Jong Un")


def test_title_with_a_bare_surname_joins_the_full_name(extract):
    entities = extract("Mr. Putin met Vladimir Putin's aides. Putin later left.")
    assert {key for _, key in persons(entities)} == {"Vladimir Putin"}


def test_former_president_of_a_possessive_country(extract):
    entities = extract("Russia's former President Dmitry Medvedev said the talks had failed.")
    assert persons(entities) == [("Dmitry Medvedev", "Dmitry Medvedev")]
    assert entities.affiliations == {"Dmitry Medvedev": "RU"}


def test_affiliations_of_several_leaders_in_one_sentence(extract):
    entities = extract("Kim joined Chinese leader Xi Jinping and Russian President Vladimir Putin in Beijing.")
    assert entities.affiliations == {"Xi Jinping": "CN", "Vladimir Putin": "RU"}


def test_mentions_are_sorted_body_slices(extract):
    body = "U.S. President Donald Trump spoke with North Korean leader Kim Jong Un in Seoul."
    entities = extract(body)
    assert [m.start for m in entities.mentions] == sorted(m.start for m in entities.mentions)
    assert all(body[m.start:m.end] == m.text for m in entities.mentions)
    assert [(m.text, m.kind, m.key) for m in entities.mentions] == [
        ("U.S.", "country", "US"), ("Donald Trump", "person", "Donald Trump"), ("North Korean", "country", "KP"),
        ("Kim Jong Un", "person", "Kim Jong Un"), ("Seoul", "country", "KR"), ("Seoul", "place", "Seoul")]
    assert entities.mentions[-1].country == "KR"  # the city is a place below the country, and gives the country
    assert entities.affiliations == {"Donald Trump": "US", "Kim Jong Un": "KP"}
