"""Families of time expressions the tagger once missed, one invented sentence each: (sentence, publication date)
→ (text, TIMEX3 value) of the expressions found."""
from datetime import date

import pytest

from store.extract.pipeline import extract
from store.extract.timex import tag, with_range_durations
from store.model import Article

WEDNESDAY = date(2025, 5, 7)


@pytest.mark.parametrize(("sentence", "expected"), [
    # "the day" and "that time" as anaphora: the day (time) told of, else the publication's
    ("The talks continued later in the day.", [("later in the day", "2025-05-07")]),
    ("Markets were closed for the day.", [("the day", "2025-05-07")]),
    ("Police arrived on Monday and stayed for the rest of the day.", [("Monday", "2025-05-05"), ("the day", "2025-05-05")]),
    ("Police arrived on Monday. At that time, the crowd had left.", [("Monday", "2025-05-05"), ("that time", "2025-05-05")]),
    ("The day of the vote was calm.", []),
    ("That time is over.", []),
    # bare plural and adjectival durations
    ("The strike lasted for weeks.", [("weeks", "PXW")]),
    ("The strike lasted weeks.", [("weeks", "PXW")]),
    ("After months of talks, the deal was signed.", [("months", "PXM")]),
    ("The years were hard.", []),
    ("Prices rose for six straight days.", [("six straight days", "P6D")]),
    ("It was the biggest single-day drop since 2020.", [("single-day", "P1D"), ("2020", "2020")]),
    ("The two-day summit ended.", [("two-day", "P2D")]),
    # a clock time with its day, a week of a month, the same period a year before, a half year
    ("Voting closed at 15:00 GMT Saturday.", [("15:00 GMT Saturday", "2025-05-03T15:00Z")]),
    ("The deal closed in the last week of March.", [("the last week of March", "2025-W13")]),
    ("The deal closed in the first week of March 2024.", [("the first week of March 2024", "2024-W10")]),
    ("Sales fell 5 percent from the same period last year.", [("the same period last year", "2024")]),
    ("Profit rose in the first half of 2024.", [("the first half of 2024", "2024-H1")]),
    # "current", "ongoing", "recent" before a noun
    ("The current president visited Paris.", [("current", "PRESENT_REF")]),
    ("The ongoing talks were suspended.", [("ongoing", "PRESENT_REF")]),
    ("The recent floods killed 40 people.", [("recent", "PAST_REF")]),
    ("The plan is current.", []),
    # centuries and decades
    ("The 20th century saw two world wars.", [("The 20th century", "19")]),
    ("Disco peaked in the 70s.", [("the 70s", "197")]),
    ("People in their 70s are most at risk.", []),
    ("Growth was slow in the late 1990s.", [("the late 1990s", "199")]),
    # a delay against the plan is the date told, not a shift from it
    ("The jet arrives on November 11, 2025, three days later than originally planned.",
     [("November 11, 2025", "2025-11-11"), ("three days later than originally planned", "2025-11-11")]),
    ("The jet arrived on May 1 and left three days later.", [("May 1", "2025-05-01"), ("three days later", "2025-05-04")]),
    # a story set in an earlier year: its weekdays are near the day it told last, not the publication
    ("The court met on March 4, 2019 and on March 12, 2019. On Thursday, the judge ruled.",
     [("March 4, 2019", "2019-03-04"), ("March 12, 2019", "2019-03-12"), ("Thursday", "2019-03-14")]),
    # one old date is background: the weekday is the publication's
    ("The firm was founded on March 4, 2019. On Tuesday, it named a new chief.",
     [("March 4, 2019", "2019-03-04"), ("Tuesday", "2025-05-06")]),
    # fiscal years, their calendar unknown: FY and the number; a quarter or half of one
    ("Revenue fell in fiscal 2024.", [("fiscal 2024", "FY2024")]),
    ("The company expects growth in FY2026.", [("FY2026", "FY2026")]),
    ("Profit rose in the first quarter of fiscal 2024.", [("the first quarter of fiscal 2024", "FY2024-Q1")]),
    ("Sales were weak in the 2023 fiscal year.", [("the 2023 fiscal year", "FY2023")]),
    ("Costs will rise next fiscal year.", [("next fiscal year", "FY2026")]),
    ("Sales jumped at the start of the financial year.", [("the start of the financial year", "FY2025")]),
    # the same period a year before the period the sentence told, else the year before the publication's
    ("Sales in the third quarter of 2024 rose from the same period last year.",
     [("the third quarter of 2024", "2024-Q3"), ("the same period last year", "2023-Q3")]),
    ("Profit in fiscal 2024 beat the same period of the last year.",
     [("fiscal 2024", "FY2024"), ("the same period of the last year", "FY2023")]),
    ("Sales rose in March 2024, as in the same period a year earlier.",
     [("March 2024", "2024-03"), ("the same period a year earlier", "2023-03")]),
    # a stretch of time of unknown length; decades and centuries counted or not, in years
    ("He is on leave for an undetermined period of time.", [("an undetermined period of time", "PXD")]),
    ("The period ended.", []),
    ("The decades-long dispute ended.", [("decades-long", "PXY")]),
    ("The dispute lasted a decade.", [("a decade", "P10Y")]),
    # "the most recent model" ranks by time and dates nothing
    ("The most recent model was recalled.", []),
    # a date the text leaves unknown
    ("The vote was moved to a later date.", [("a later date", "XXXX-XX-XX")]),
    ("A later version followed.", []),
])
def test_each_family_is_found_and_read(sentence, expected):
    assert [(t.text, t.value) for t in tag(sentence, WEDNESDAY)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The company agreed to sell the unit in October.", [("October", "2024-10")]),  # what was agreed: not ahead
    ("Officials said they hoped to finish the work in October.", [("October", "2025-10")]),  # a hope looks ahead
    ("The embargo lasts until Friday.", [("Friday", "2025-05-09")]),  # "until" looks ahead
    ("He stayed until Friday.", [("Friday", "2025-05-02")]),  # unless the verb says otherwise
])
def test_the_clause_points_a_partial_date_the_right_way(sentence, expected):
    timexes = extract(Article("t.md", sentence, "T", WEDNESDAY)).timexes
    assert [(t.text, t.value) for t in timexes] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # a range opened by "from" or "between": its length beside its two dates, after them
    ("Deliveries run from 2027 to 2029.", [("2027", "2027"), ("2029", "2029"), ("from 2027 to 2029", "P2Y")]),
    ("The works last between March and June 2026.",
     [("March", "2026-03"), ("June 2026", "2026-06"), ("between March and June 2026", "P3M")]),
    ("The fair is open from May 12 to May 15, 2026.",
     [("May 12", "2026-05-12"), ("May 15, 2026", "2026-05-15"), ("from May 12 to May 15, 2026", "P3D")]),
    # no opening word, or two units: the dates alone
    ("Deliveries run 2027 to 2029.", [("2027", "2027"), ("2029", "2029")]),
    ("It runs from 2027 to March 2029.", [("2027", "2027"), ("March 2029", "2029-03")]),
])
def test_a_range_is_also_a_duration(sentence, expected):
    timexes = with_range_durations(sentence, tag(sentence, WEDNESDAY))
    assert [(t.text, t.value) for t in timexes] == expected


def test_the_same_period_looks_back_only_within_its_sentence():
    text = "Sales rose in March 2024. They fell in the same period a year earlier."
    timexes = extract(Article("t.md", text, "T", WEDNESDAY)).timexes
    assert [(t.text, t.value) for t in timexes] == [("March 2024", "2024-03"), ("the same period a year earlier", "2024")]
