"""`tag` and `date_ranges` on hand-checked sentences, one table per expression family.

Calendar facts used (checked by hand): 2025-10-07 is a Tuesday; October 2025 runs Wed 1 .. Fri 31, so Friday 3,
Sunday 5, Monday 6, Thursday 9, Saturday 11, Sunday 12 and Monday 13. ISO week 2025-W41 is Mon Oct 6 .. Sun Oct 12
(W36 starts Mon Sep 1, so W38 is Sep 15..21 and W44 is Oct 27..Nov 2). 2026-01-05 is a Monday.
"""
from __future__ import annotations

from datetime import date

import pytest

from store.extract.timex import date_ranges, tag
from store.model import Sentence, Span, Timex, When

DCT = date(2025, 10, 7)


def only(body: str, text: str, published: date | None = DCT, **kwargs) -> Timex:
    """The single timex whose text is `text`."""
    found = [t for t in tag(body, published, **kwargs) if t.text == text]
    assert len(found) == 1, (text, tag(body, published, **kwargs))
    return found[0]


def check(body: str, text: str, type_: str, value: str, published: date | None = DCT) -> Timex:
    timex = only(body, text, published)
    assert (timex.type, timex.value) == (type_, value)
    assert body[timex.start:timex.end] == text
    return timex


WEEKDAYS = [
    ("Beijing and Pyongyang announced Tuesday.", "Tuesday", "DATE", "2025-10-07"),
    ("The minister said on Monday that talks would resume.", "Monday", "DATE", "2025-10-06"),
    ("Li will visit Pyongyang on Thursday.", "Thursday", "DATE", "2025-10-09"),
    ("The parade is expected Friday.", "Friday", "DATE", "2025-10-10"),
    ("Talks are scheduled for Saturday.", "Saturday", "DATE", "2025-10-11"),
    ("Kim is to attend Sunday's ceremony.", "Sunday", "DATE", "2025-10-12"),
    ("Friday's festivities are expected to include a parade.", "Friday", "DATE", "2025-10-10"),
    ("The vote was held Thursday.", "Thursday", "DATE", "2025-10-02"),
    ("The talks collapsed Sunday.", "Sunday", "DATE", "2025-10-05"),
    ("The minister told Reuters Tuesday that talks had failed.", "Tuesday", "DATE", "2025-10-07"),
    ("He arrived Friday morning.", "Friday morning", "TIME", "2025-10-03TMO"),
    ("The deal was signed last Friday.", "last Friday", "DATE", "2025-10-03"),
    ("Voting starts next Monday.", "next Monday", "DATE", "2025-10-13"),
    # No tense cue: the nearer of the two (Monday the 6th is one day back, Thursday the 9th two days ahead).
    ("Monday: talks in Geneva.", "Monday", "DATE", "2025-10-06"),
    ("Thursday: talks in Geneva.", "Thursday", "DATE", "2025-10-09"),
]

DEICTIC_AND_RELATIVE = [
    ("Talks ended yesterday.", "yesterday", "DATE", "2025-10-06"),
    ("Officials meet tomorrow.", "tomorrow", "DATE", "2025-10-08"),
    ("Apple today unveiled a phone.", "today", "DATE", "2025-10-07"),
    ("Protests continued last night.", "last night", "TIME", "2025-10-06TNI"),
    ("Apple announced the change this morning.", "this morning", "TIME", "2025-10-07TMO"),
    ("Li will visit later this week.", "later this week", "DATE", "2025-W41"),
    ("Kim will attend a parade next week.", "next week", "DATE", "2025-W42"),
    ("Talks stalled last week.", "last week", "DATE", "2025-W40"),
    ("Leaders joined this week's festivities.", "this week", "DATE", "2025-W41"),
    ("Sales rose last month.", "last month", "DATE", "2025-09"),
    ("The plant opens next month.", "next month", "DATE", "2025-11"),
    ("Earlier this year, prices fell.", "Earlier this year", "DATE", "2025"),
    ("Sales fell last year.", "last year", "DATE", "2024"),
    ("Profit doubled in the last quarter.", "the last quarter", "DATE", "2025-Q3"),
    ("Crowds gathered this weekend.", "this weekend", "DATE", "2025-W41-WE"),
    ("Protesters marched over the weekend.", "the weekend", "DATE", "2025-W40-WE"),
    ("Talks will resume over the weekend.", "the weekend", "DATE", "2025-W41-WE"),
    ("Prices were lower a decade ago.", "a decade ago", "DATE", "2015"),
    ("Talks began two days ago.", "two days ago", "DATE", "2025-10-05"),
    ("The probe opened three weeks ago.", "three weeks ago", "DATE", "2025-W38"),
    ("Prices peaked a year ago.", "a year ago", "DATE", "2024"),
    ("It launched six months ago.", "six months ago", "DATE", "2025-04"),
    ("The results will come in three weeks.", "three weeks", "DATE", "2025-W44"),
    ("Kim and Xi held their first talks in six years.", "six years", "DURATION", "P6Y"),
]

ABSOLUTE_AND_CALENDAR_NAMES = [
    ("The event will be held on October 12.", "October 12", "DATE", "2025-10-12"),
    ("The law takes effect Jan. 1.", "Jan. 1", "DATE", "2026-01-01"),
    ("He was born on Oct. 12, 2005.", "Oct. 12, 2005", "DATE", "2005-10-12"),
    ("It opened on 12 October 2005.", "12 October 2005", "DATE", "2005-10-12"),
    ("Compared to the last parade in 2015, turnout was high.", "2015", "DATE", "2015"),
    ("It spoke for the first time since 2018.", "2018", "DATE", "2018"),
    ("The system is to be released in mid-2011.", "mid-2011", "DATE", "2011"),
    ("Prices soared in the 1990s.", "the 1990s", "DATE", "199"),
    ("Prices soared in the early 1990s.", "the early 1990s", "DATE", "199"),
    ("It was floated in September 2006.", "September 2006", "DATE", "2006-09"),
    ("Revenue grew in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"),
    ("Profit rose in the third quarter of last year.", "the third quarter of last year", "DATE", "2024-Q3"),
    # A quarter told in the past while it is still under way is last year's; one told ahead is the next one.
    ("Profit rose in the fourth quarter.", "the fourth quarter", "DATE", "2024-Q4"),
    ("Profit will rise in the first quarter.", "the first quarter", "DATE", "2026-Q1"),
    ("Deliveries slipped in the first half of 2009.", "the first half of 2009", "DATE", "2009-H1"),
    ("The store opened on 2025-10-07.", "2025-10-07", "DATE", "2025-10-07"),
    ("Written in the American format, 7/8/07.", "7/8/07", "DATE", "2007-07-08"),
    ("It shipped in summer 2011.", "summer 2011", "DATE", "2011-SU"),
    ("Sales will peak at Christmas.", "Christmas", "DATE", "2025-12-25"),
    ("The shuffle was introduced in January.", "January", "DATE", "2025-01"),
    ("Congress rejected it last November.", "last November", "DATE", "2024-11"),
]

DURATIONS_SETS_AND_REFERENCES = [
    ("Kim has led for six years.", "six years", "DURATION", "P6Y"),
    ("It was the first visit in nearly two decades.", "nearly two decades", "DURATION", "P20Y"),
    ("The talks lasted for two days.", "two days", "DURATION", "P2D"),
    ("They took a 7-day trip.", "7-day", "DURATION", "P7D"),
    ("The parade lasted approximately 70 minutes.", "approximately 70 minutes", "DURATION", "PT70M"),
    ("It was 18 months behind schedule.", "18 months", "DURATION", "P18M"),
    ("It is almost two and a half years late.", "almost two and a half years", "DURATION", "P2.5Y"),
    ("Jobs will go over the next four years.", "the next four years", "DURATION", "P4Y"),
    ("It landed after a 12-hour flight.", "12-hour", "DURATION", "PT12H"),
    ("The plan was pushed back several years.", "several years", "DURATION", "PXY"),
    ("It is the largest in the past decade.", "the past decade", "DURATION", "P10Y"),
    ("He gave his annual keynote.", "annual", "SET", "P1Y"),
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
    ("They meet twice a year.", "twice a year", "SET", "P1Y"),
    ("Tankers arrive at a rate of 15 a year.", "a year", "SET", "P1Y"),
    ("The paper is published daily.", "daily", "SET", "P1D"),
    ("The store currently sells music.", "currently", "DATE", "PRESENT_REF"),
    ("Pre-orders of the recently announced phone began.", "recently", "DATE", "PAST_REF"),
    ("Outreach has grown in recent months.", "recent months", "DATE", "PAST_REF"),
    ("Details will follow in the coming weeks.", "the coming weeks", "DATE", "FUTURE_REF"),
]


@pytest.mark.parametrize("body, text, type_, value", WEEKDAYS)
def test_weekdays_take_their_direction_from_the_tense(body, text, type_, value):
    check(body, text, type_, value)


@pytest.mark.parametrize("body, text, type_, value", DEICTIC_AND_RELATIVE)
def test_expressions_relative_to_the_publication_date(body, text, type_, value):
    check(body, text, type_, value)


@pytest.mark.parametrize("body, text, type_, value", ABSOLUTE_AND_CALENDAR_NAMES)
def test_dates_and_calendar_names(body, text, type_, value):
    check(body, text, type_, value)


@pytest.mark.parametrize("body, text, type_, value", DURATIONS_SETS_AND_REFERENCES)
def test_durations_sets_and_references_have_no_interval(body, text, type_, value):
    assert check(body, text, type_, value).when is None


def test_a_month_day_written_just_after_new_year_is_last_december():
    check("The firm announced December 30 that it would merge.", "December 30", "DATE", "2025-12-30",
          published=date(2026, 1, 5))


def test_a_passive_future_is_not_read_as_past():
    check("Apple announced today an event to be held on October 12.", "October 12", "DATE", "2005-10-12",
          published=date(2005, 10, 4))


def test_a_mod_narrows_the_interval_to_a_third_of_the_unit():
    timex = only("Kim said late last month that he had new weapons.", "late last month")
    assert (timex.value, timex.mod, timex.anchor) == ("2025-09", "END", "published")
    assert timex.when == When(date(2025, 9, 21), date(2025, 9, 30), "month")  # the last 10 of 30 days
    assert only("Prices rose in early 2024.", "early 2024").when == When(date(2024, 1, 1), date(2024, 4, 30), "year")
    assert only("Prices rose in mid-2024.", "mid-2024").when == When(date(2024, 5, 1), date(2024, 8, 31), "year")
    assert only("It grew in the late 1990s.", "the late 1990s").when == When(date(1997, 1, 1), date(1999, 12, 31),
                                                                               "decade")


def test_later_and_earlier_this_period_are_the_part_after_and_before_publication():
    # DCT, the publication date here, is 2025-10-07
    assert only("Talks are set for later this month.", "later this month").when == When(
        date(2025, 10, 7), date(2025, 10, 31), "month")
    assert only("Sales fell earlier this year.", "earlier this year").when == When(
        date(2025, 1, 1), date(2025, 10, 7), "year")


def test_intervals_of_weeks_quarters_and_decades():
    assert only("Talks stalled last week.", "last week").when == When(date(2025, 9, 29), date(2025, 10, 5), "week")
    assert only("Profit doubled in the last quarter.", "the last quarter").when == When(
        date(2025, 7, 1), date(2025, 9, 30), "quarter")
    assert only("Prices soared in the 1990s.", "the 1990s").when == When(date(1990, 1, 1), date(1999, 12, 31),
                                                                           "decade")
    assert only("Li will visit Pyongyang on Thursday.", "Thursday").anchor == "published"


def test_clock_times_fall_on_the_day_their_sentence_names():
    body = "The jet flew Tuesday at 18:00 UTC."
    timex = only(body, "18:00 UTC", published=date(2025, 10, 8))
    assert (timex.type, timex.value) == ("TIME", "2025-10-07T18:00Z")
    assert timex.when == When(date(2025, 10, 7), date(2025, 10, 7), "day")
    check("The plane landed at 6:40 p.m. after a long flight.", "6:40 p.m.", "TIME", "2025-10-07T18:40")
    check("The plane landed at 1600 GMT.", "1600 GMT", "TIME", "2025-10-07T16:00Z")


ANAPHORA = [
    ("Kim said late last month that he had new weapons. That same month, Kim oversaw a test.",
     "That same month", "2025-09"),
    ("The plant opened on March 3, 2019. The same day, workers protested.", "The same day", "2019-03-03"),
    ("The company was founded in 1998. That year, it hired ten people.", "That year", "1998"),
    ("Production began in 2001, and two years later it doubled.", "two years later", "2003"),
    ("The deal closed on May 2, 2024. The following day, shares rose.", "The following day", "2024-05-03"),
]


@pytest.mark.parametrize("body, text, value", ANAPHORA)
def test_anaphora_take_the_unit_of_the_expression_before(body, text, value):
    timex = check(body, text, "DATE", value)
    assert timex.anchor == "previous"


def test_an_anaphor_finer_than_what_came_before_stays_unresolved():
    timex = only("The company was founded in 1998. That day, it hired ten people.", "That day")
    assert timex.when is None and timex.value == "XXXX-XX-XX"


NOT_DATES = [
    "They marked the 80th anniversary of the party.",
    "It was the 80th.",
    "iOS 4 was released to developers.",
    "QuickTime 7 would be available for Windows.",
    "Windows 7 sold well, as did Windows 2000.",
    "Growth reached 6.5 percent.",
    "There were 3,800 attendees.",
    "Theresa May said the vote would go ahead.",
    "Black Friday sales were strong.",
    "A second A380 is also travelling to the U.S.",
    "Athletes trained for the Summer Olympics.",
    "The Mac OS X 10.4.11 update fixed it.",
    "Audi Q3 sales rose.",
    "Some 1500-1600 people attended.",
]


@pytest.mark.parametrize("body", NOT_DATES)
def test_numbers_names_and_versions_are_not_dates(body):
    assert [t for t in tag(body, DCT) if t.type in ("DATE", "TIME")] == []


def test_without_a_publication_date_only_absolute_dates_resolve():
    weekday = only("The talks ended Tuesday.", "Tuesday", published=None)
    assert (weekday.value, weekday.when, weekday.anchor) == ("XXXX-WXX-2", None, None)
    assert only("Sales fell last month.", "last month", published=None).when is None
    born = only("He was born on February 24, 1955.", "February 24, 1955", published=None)
    assert (born.value, born.anchor) == ("1955-02-24", "absolute")
    assert born.when == When(date(1955, 2, 24), date(1955, 2, 24), "day")


def test_ner_numbers_veto_a_bare_year_and_ner_dates_add_what_the_grammar_skips():
    body = "The firm cut 2000 jobs."
    assert [t.text for t in tag(body, DCT)] == ["2000"]
    assert tag(body, DCT, spans=[Span(13, 17, "CARDINAL", "2000")]) == []
    body = "Sales rose sharply May, analysts said."
    assert tag(body, DCT) == []
    may = tag(body, DCT, spans=[Span(19, 22, "DATE", "May")])
    assert [(t.text, t.value) for t in may] == [("May", "2025-05")]


def test_tense_is_read_within_the_sentence():
    body = "Leaders will gather soon. Monday brings talks on trade."
    assert only(body, "Monday").value == "2025-10-13"  # one sentence: "will" looks ahead
    sentences = [Sentence(0, 0, 25, body[:25], 0), Sentence(1, 26, len(body), body[26:], 0)]
    assert only(body, "Monday", sentences=sentences).value == "2025-10-06"  # no cue: the nearer Monday


def test_tag_returns_sorted_non_overlapping_spans():
    body = "From Thursday through Saturday, and again on October 12, 2025, talks will run."
    timexes = tag(body, DCT)
    assert [t.text for t in timexes] == ["Thursday", "Saturday", "October 12, 2025"]
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:]))


RANGES = [
    ("Li will lead a delegation from Thursday through Saturday.", "from Thursday through Saturday",
     When(date(2025, 10, 9), date(2025, 10, 11), "day")),
    ("Voting took place between May 3 and May 5.", "between May 3 and May 5",
     When(date(2025, 5, 3), date(2025, 5, 5), "day")),
    ("The summit will run Oct 9-11.", "Oct 9-11", When(date(2025, 10, 9), date(2025, 10, 11), "day")),
    ("The summit ran Oct 9-11, 2005.", "Oct 9-11, 2005", When(date(2005, 10, 9), date(2005, 10, 11), "day")),
    ("Six jets arrive from 2009 to 2011.", "from 2009 to 2011", When(date(2009, 1, 1), date(2011, 12, 31), "year")),
    # the year written once, after the second day, is the first day's too (2024 is the nearer November 24)
    ("The fair will run from November 24 to 26, 2025.", "from November 24 to 26, 2025",
     When(date(2025, 11, 24), date(2025, 11, 26), "day")),
    ("The fair will run 26-27 December.", "26-27 December", When(date(2025, 12, 26), date(2025, 12, 27), "day")),
    ("The fair ran from the 2nd to the 4th of June, 2019.", "from the 2nd to the 4th of June, 2019",
     When(date(2019, 6, 2), date(2019, 6, 4), "day")),
    # ordinal days whose month the sentence names elsewhere
    ("The fair in November is planned for the 26th to 27th.", "the 26th to 27th",
     When(date(2025, 11, 26), date(2025, 11, 27), "day")),
    ("It is planned for the 3rd and 4th, in December 2026.", "the 3rd and 4th",
     When(date(2026, 12, 3), date(2026, 12, 4), "day")),
]


@pytest.mark.parametrize("body, text, when", RANGES)
def test_date_ranges_join_two_dates(body, text, when):
    ranges = date_ranges(body, tag(body, DCT))
    assert [(body[s:e], w) for s, e, w in ranges] == [(text, when)]


def test_ordinal_days_without_a_month_in_their_sentence_are_no_date():
    body = "The fair is in November. Talks are planned for the 26th to 27th."
    assert [t.text for t in tag(body, DCT)] == ["November"]


def test_two_days_in_a_row_joined_by_and_are_one_stretch_and_other_pairs_are_not():
    body = "Talks were held Monday and Tuesday."  # DCT is Tuesday 7 October 2025: the 6th and the 7th
    assert len(tag(body, DCT)) == 2
    assert [(body[s:e], w) for s, e, w in date_ranges(body, tag(body, DCT))] == [
        ("Monday and Tuesday", When(date(2025, 10, 6), date(2025, 10, 7), "day"))]
    apart = "Talks were held Monday and Thursday."  # not in a row: two days, no stretch between them
    assert len(tag(apart, DCT)) == 2 and date_ranges(apart, tag(apart, DCT)) == []
    months = "Talks will be held in November and December."
    assert [(months[s:e], w) for s, e, w in date_ranges(months, tag(months, DCT))] == [
        ("November and December", When(date(2025, 11, 1), date(2025, 12, 31), "month"))]
    apart = "Talks will be held in November and January."
    assert date_ranges(apart, tag(apart, DCT)) == []


# Years outside the years of event dates (store.model: 1000–2999). The year is part of the expression and
# refuses it: no date, a reason, and never the rest read against the publication date.
OUT_OF_RANGE = [
    ("Putin met Xi on 31 December 9999.", "31 December 9999", "9999-12-31", "9999"),
    ("The results for Q4 9999 were weak.", "Q4 9999", "9999-Q4", "9999"),
    ("Biden arrived on 1 January 0001.", "1 January 0001", "0001-01-01", "0001"),
    ("Xi visited Moscow on 12/31/9999.", "12/31/9999", "9999-12-31", "9999"),
    ("The lease ends 9999-12-31.", "9999-12-31", "9999-12-31", "9999"),
    ("The plant opens in December 10000.", "December 10000", "XXXX-12", "10000"),
    ("It rained all through the summer of 0999.", "the summer of 0999", "0999-SU", "0999"),
    ("Growth slowed in the first half of 3000.", "the first half of 3000", "3000-H1", "3000"),
    ("The fair closes on Christmas 3000.", "Christmas 3000", "3000-12-25", "3000"),
    ("He was out in the fourth quarter of 0100.", "the fourth quarter of 0100", "0100-Q4", "0100"),
    ("Talks open on March 3, 9999.", "March 3, 9999", "9999-03-03", "9999"),
]


@pytest.mark.parametrize("body, text, value, year", OUT_OF_RANGE)
def test_a_year_outside_the_range_gives_the_expression_no_date(body, text, value, year):
    timex = check(body, text, "DATE", value)
    assert timex.when is None and timex.anchor is None
    assert timex.problem == f"year {year} is outside 1000–2999"


def test_both_days_of_a_range_in_a_year_outside_the_range_are_refused():
    timexes = tag("Talks run Oct 9-11, 9999 in Geneva.", DCT)
    assert [(t.text, t.value, t.when) for t in timexes] == [("Oct 9", "9999-10-09", None),
                                                            ("11, 9999", "9999-10-11", None)]


@pytest.mark.parametrize("body, text, start, end", [
    ("The abbey burned on 31 December 1200.", "31 December 1200", date(1200, 12, 31), date(1200, 12, 31)),
    ("The colony planned Q4 2500.", "Q4 2500", date(2500, 10, 1), date(2500, 12, 31)),
    ("The town was founded on 1 January 1000.", "1 January 1000", date(1000, 1, 1), date(1000, 1, 1)),
    ("The bond matures on 31 December 2999.", "31 December 2999", date(2999, 12, 31), date(2999, 12, 31)),
])
def test_years_in_the_range_that_a_bare_year_could_not_be_still_date(body, text, start, end):
    timex = only(body, text)
    assert timex.problem is None and (timex.when.start, timex.when.end) == (start, end)
    assert timex.anchor == "absolute"


def test_a_date_counted_out_of_the_range_gives_no_date():
    body = "The abbey was built on 3 March 2025. Twelve centuries later it fell."
    timex = only(body, "Twelve centuries later")
    assert (timex.value, timex.when, timex.problem) == ("3225", None, "year 3225 is outside 1000–2999")


def test_an_anaphor_after_a_refused_date_does_not_take_the_date_before_it():
    body = "Kim met Xi on 3 March 2025. Putin met Xi on 31 December 9999. That same month Li met Xi."
    assert only(body, "3 March 2025").when is not None
    assert only(body, "That same month").when is None
