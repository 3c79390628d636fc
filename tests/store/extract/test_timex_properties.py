"""Properties of `tag` and `date_ranges` on arbitrary text: they never raise, spans are sorted, disjoint and
true to the body, every value is a well-formed TIMEX3 value of its type, and every interval is ordered."""
from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.timex import date_ranges, tag
from store.extract.timex.normalise import normalise
from store.extract.timex.readings import Reference
from store.extract.timex.intervals import FUTURE, PAST, UNKNOWN
from store.model import FIRST_YEAR, LAST_YEAR, PRECISIONS, Span, When

_DATE = (r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:WE|[1-7]))?|-Q[1-4X]|-H[12]"
         r"|-(?:SP|SU|FA|WI))?|\d{3}|XXX")
_TIME = rf"(?:{_DATE})T(?:\d\d:\d\d|MO|AF|EV|NI)Z?"
_DURATION = r"PT?(?:\d+(?:\.\d+)?|X)(?:Y|Q|M|W|D|H|S|DE|CE|WE)"
_REFERENCE = r"PRESENT_REF|PAST_REF|FUTURE_REF"
VALID = {
    "DATE": re.compile(rf"{_DATE}|{_REFERENCE}"),
    "TIME": re.compile(_TIME),
    "DURATION": re.compile(_DURATION),
    "SET": re.compile(rf"{_DURATION}|{_DATE}|{_TIME}"),
}

# Words the grammar is built from, so that random text often comes close to a time expression.
WORDS = ["Tuesday", "Friday's", "May", "March", "October", "Oct.", "12", "31", "9-11", "2015", "1990s", "'90s",
         "the", "last", "next", "this", "past", "week", "weekend", "month", "year", "quarter", "decade", "ago",
         "two", "a", "an", "days", "hours", "later", "earlier", "that", "same", "following", "mid-", "early",
         "late", "end", "of", "in", "since", "-", "through", "and", "between", "from", "at", "6:40", "p.m.",
         "18:00", "UTC", "every", "annual", "twice", "now", "recently", "will", "said", "announced", "is",
         "expected", "to", ",", ".", "Q3", "7/8/07", "summer", "fall", "Christmas", "decades", "half",
         "first", "tonight", "morning", "999", "centuries", "today", "yesterday", "2099", "1500", "9999",
         "1500-1600", "2014-15", "Oct 9-11", "Dec. 30 to Jan. 2", "quarters", "weekends", "fortnight",
         "several", "few", "and a half", "0001", "10000", "12/31/9999", "December", "Q4", "1 January",
         "2999-12-31", "centuries later"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40).map(" ".join)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(texts, published)
def test_tag_yields_valid_timexes_on_any_text(body, dct):
    timexes = tag(body, dct)
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:]))
    for t in timexes:
        assert 0 <= t.start < t.end <= len(body) and body[t.start:t.end] == t.text
        assert VALID[t.type].fullmatch(t.value), (t.type, t.value)
        if t.when is not None:
            assert t.type in ("DATE", "TIME")
            assert t.when.start <= t.when.end and t.when.precision in PRECISIONS
            assert FIRST_YEAR <= t.when.start.year and t.when.end.year <= LAST_YEAR, t
        if t.problem is not None:
            assert t.when is None and t.anchor is None
    for start, end, when in date_ranges(body, timexes):
        assert 0 <= start < end <= len(body) and when.start <= when.end


def _valid_reading(reading) -> None:
    assert VALID[reading.type].fullmatch(reading.value), (reading.type, reading.value)
    if reading.when is not None:
        assert reading.when.start <= reading.when.end and reading.when.precision in PRECISIONS


directions = st.sampled_from([PAST, FUTURE, UNKNOWN])
whens = st.one_of(st.none(), st.builds(
    lambda a, days, precision: When(a, a + timedelta(days=days), precision),
    st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 1, 1)), st.integers(0, 4000),
    st.sampled_from(PRECISIONS[:-1])))


@settings(max_examples=400, deadline=None)
@given(texts, published, directions, whens, st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1))))
def test_normalise_reads_any_phrase_as_a_valid_value_or_nothing(phrase, dct, direction, previous, range_start):
    """Any text the NER model might hand over as a DATE span, in any context."""
    reading = normalise(phrase, Reference(dct, direction, previous, range_start))
    if reading is not None:
        _valid_reading(reading)


@st.composite
def bodies_with_spans(draw):
    body = draw(texts)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(body)))
        end = draw(st.integers(start, len(body)))
        if end > start:
            spans.append(Span(start, end, draw(st.sampled_from(["DATE", "TIME", "CARDINAL", "PERSON"])),
                              body[start:end]))
    return body, spans


@settings(max_examples=300, deadline=None)
@given(bodies_with_spans(), published)
def test_tag_with_any_model_spans_stays_valid(body_spans, dct):
    body, spans = body_spans
    timexes = tag(body, dct, spans)
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:]))
    for t in timexes:
        assert 0 <= t.start < t.end <= len(body) and body[t.start:t.end] == t.text
        _valid_reading(t)
