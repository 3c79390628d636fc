"""Country codes from names, aliases, demonyms, US states and cities; short display names."""
import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from store.extract.countries import (
    NOTABLE_CITY_POPULATION,
    country_code,
    country_name,
    demonym_code,
    lookup_key,
    place_code,
)

ALPHA_2 = sorted(c.alpha_2 for c in pycountry.countries)


@pytest.mark.parametrize("name, code", [
    ("U.S.", "US"), ("US", "US"), ("America", "US"), ("the United States", "US"),
    ("Britain", "GB"), ("UK", "GB"), ("the United Kingdom", "GB"),
    ("South Korea", "KR"), ("North Korea", "KP"), ("DPRK", "KP"),
    ("Russia", "RU"), ("Russian Federation", "RU"), ("Vietnam", "VN"), ("Viet Nam", "VN"), ("Laos", "LA"),
    ("Iran", "IR"), ("Syria", "SY"), ("Taiwan", "TW"), ("the People's Republic of China", "CN"),
    ("Türkiye", "TR"), ("Turkey", "TR"), ("Burma", "MM"),
])
def test_country_names_and_aliases(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name, code", [
    ("South Korea's", "KR"), ("South Korea’s", "KR"), ("NORTH KOREA", "KP"), ("the United Kingdom's", "GB"),
])
def test_possessive_case_and_article_do_not_matter(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["Korea", "Korean Peninsula", "Workers' Party of Korea", "the West", "Europe",
                                  "European Union", "Apple"])
def test_names_of_no_single_country(name):
    assert country_code(name) is None
    assert place_code(name) is None


@pytest.mark.parametrize("word, code", [
    ("Chinese", "CN"), ("North Korean", "KP"), ("South Korean", "KR"), ("Laotian", "LA"), ("Vietnamese", "VN"),
    ("American", "US"), ("Americans", "US"), ("North Koreans", "KP"), ("British", "GB"), ("Swiss", "CH"),
])
def test_demonyms(word, code):
    assert demonym_code(word) == code


@pytest.mark.parametrize("word", ["Korean", "Koreans", "European", "Western", "Communist"])
def test_ambiguous_or_non_national_words_are_no_demonym(word):
    assert demonym_code(word) is None


@pytest.mark.parametrize("name, code", [
    ("Beijing", "CN"), ("Pyongyang", "KP"), ("Pyongyang's", "KP"), ("Seoul", "KR"), ("Moscow", "RU"),
    ("Kursk", "RU"), ("Hanoi", "VN"), ("Vientiane", "LA"), ("Damascus", "SY"),
    ("Washington", "US"),  # Washington DC, not Washington in Tyne and Wear
    ("London", "GB"),  # not London, Ontario
    ("Paris", "FR"),  # not Paris, Texas
    ("California", "US"), ("Oregon", "US"),  # US states
    ("Kiev", "UA"), ("Peking", "CN"),  # other names of big cities
])
def test_places(name, code):
    assert place_code(name) == code


def test_countries_come_before_cities_and_states():
    assert place_code("Georgia") == "GE"  # the country, not the US state
    assert place_code("Mexico") == "MX"  # the country, not the town in the Philippines


def test_continents_are_no_place():
    assert place_code("Asia") is None  # also a town in the Philippines
    assert place_code("Africa") is None


def test_small_towns_need_context():
    """"Officer" is a town of some 18,000 people in Victoria, Australia: a place, but not a notable one."""
    assert place_code("Officer") == "AU"
    assert place_code("Officer", NOTABLE_CITY_POPULATION) is None
    assert place_code("Kursk", NOTABLE_CITY_POPULATION) == "RU"


@pytest.mark.parametrize("code, name", [
    ("KP", "North Korea"), ("KR", "South Korea"), ("RU", "Russia"), ("IR", "Iran"), ("SY", "Syria"),
    ("VN", "Vietnam"), ("LA", "Laos"), ("TW", "Taiwan"), ("CN", "China"), ("US", "United States"),
    ("GB", "United Kingdom"), ("BN", "Brunei"), ("VA", "Vatican"), ("kp", "North Korea"),
])
def test_short_display_names(code, name):
    assert country_name(code) == name


def test_unknown_code_is_its_own_name():
    assert country_name("ZZ") == "ZZ"


@pytest.mark.parametrize("code", ALPHA_2)
def test_every_display_name_reads_back_to_its_code(code):
    assert country_code(country_name(code)) == code


@given(st.sampled_from(ALPHA_2), st.sampled_from(["{}", "the {}", "{}'s", "{}’s", "  {} "]),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: s]))
def test_lookup_ignores_case_article_and_possessive(code, template, case):
    name = country_name(code)
    assert lookup_key(template.format(case(name))) == lookup_key(name)


@pytest.mark.parametrize(("name", "code"), [
    ("Xinjiang", "CN"), ("Sichuan", "CN"), ("Hokkaido", "JP"), ("Kerala", "IN"), ("Uttar Pradesh", "IN"),
    ("Punjab", None),  # a region of India and of Pakistan
    ("Coast", None), ("Western", None), ("Red Sea", None),  # where in any country
])
def test_a_region_counts_for_the_one_country_that_has_it(name, code):
    assert place_code(name) == code
