"""`timex_patterns.REQUIRED`: a body without a family's required text is not searched with that family, so the
required text must be in every match of the family, or `find` would miss expressions."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.timex.grammar import FAMILIES, REQUIRED, find

FAMILY = {name: re.compile(FAMILIES[name], re.I) for name in REQUIRED}
NEEDED = {name: re.compile(pattern, re.I) for name, pattern in REQUIRED.items()}

EXAMPLES = [
    ("ago", "It opened two weeks ago.", "two weeks ago"),
    ("shifted", "They met three days later.", "three days later"),
    ("shifted", "They left two hours afterwards.", "two hours afterwards"),
    ("duration_adjective", "a two-day visit", "two-day"),
    ("duration_adjective", "a decades-long feud", "decades-long"),
    ("duration_adjective", "a half-century rule", "half-century"),
    ("decade", "in the late 1990s", "the late 1990s"),
    ("season", "since last summer", "last summer"),
    ("quarter", "profit rose in the third quarter", "the third quarter"),
    ("quarter", "sales in Q3 2024", "Q3 2024"),
    ("half", "in the first half of 2024", "the first half of 2024"),
]


@pytest.mark.parametrize("name, text, expression", EXAMPLES)
def test_a_family_match_contains_its_required_text_and_is_found(name, text, expression):
    assert FAMILY[name].search(text).group() == expression
    assert NEEDED[name].search(expression)
    assert any(text[c.start:c.end] == expression for c in find(text))


# Words near the gated families' grammar, so that random text often matches them.
WORDS = ["two", "three", "a", "an", "half", "several", "18", "2.5", "twenty-five", "day", "days", "weeks", "years",
         "months", "decade", "decades", "century", "centuries", "hour", "ago", "later", "earlier", "afterwards",
         "-", "-long", "long", "two-day", "-century", "year-long", "1990s", "'90s", "80's", "1960’s", "mid",
         "early", "late", "the", "last", "next", "this", "summer", "fall", "winter", "spring", "of", "2024", "first", "second",
         "quarter", "Q3", "q4", "third", "nearly", "about", "more", "than", "in", ".", ",", "'", "’", "s"]
parts = st.tuples(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), st.sampled_from([" ", " ", "", "-"]))
texts = st.lists(parts, max_size=12).map(lambda pairs: "".join(word + gap for word, gap in pairs))


@settings(max_examples=1500, deadline=None)
@given(texts)
def test_no_family_matches_without_its_required_text(text):
    for name, family in FAMILY.items():
        if family.search(text):
            assert NEEDED[name].search(text), (name, text)
