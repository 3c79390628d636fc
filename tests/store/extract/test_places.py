"""Places below the country: cities, US states and regions named in an event's sentence, with their country."""
from datetime import date

import pytest

from store.extract.countries import sub_country_place
from store.extract.pipeline import extract
from store.model import Article, Place


@pytest.mark.parametrize(("name", "expected"), [
    ("Pyongyang", ("Pyongyang", "KP")),
    ("Osaka's", ("Osaka", "JP")),
    ("Kiev", ("Kyiv", "UA")),  # a big city's other name gives the gazetteer's
    ("California", ("California", "US")),
    ("Xinjiang", ("Xinjiang", "CN")),
    ("Japan", None),  # a country is no place below the country
    ("Asia", None),
    ("Zorblaxia", None),
])
def test_a_place_below_the_country_has_its_name_and_country(name, expected):
    assert sub_country_place(name) == expected


def test_events_carry_the_cities_they_name_with_their_country_and_the_city_still_gives_the_country():
    body = ("Floods forced thousands from their homes in Osaka on Monday.\n\n"
            "Prime Minister Keir Starmer met President Emmanuel Macron in Paris on Tuesday.\n\n"
            "Japan sent rescue teams on Wednesday.")
    events = extract(Article("news.md", body, "News", date(2025, 5, 10))).events
    places = {e.sources[0].excerpt[:6]: (e.places, e.countries) for e in events}
    assert places["Floods"] == ([Place("Osaka", "JP")], ["JP"])
    assert places["Prime "][0] == [Place("Paris", "FR")] and "FR" in places["Prime "][1]
    assert places["Japan "] == ([], ["JP"])
