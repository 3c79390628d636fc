"""How events are dated from the story and the sentence's grammar, through the whole extraction (real model) on
short invented articles: the story's occasion for sentences without a time of their own, background times that
date background events, tense that re-points a weekday, and persons of a background clause kept out of the main
event."""
from datetime import date

import pytest

from store.extract.pipeline import extract, tellings
from store.model import Article

PUB = date(2025, 5, 7)  # a Wednesday


def events(*paragraphs, published=PUB):
    """Each sentence's event as dated on its own, before merging: (start, end, dated_by, sentence, persons)."""
    article = Article("story.md", "\n\n".join(paragraphs), "A story", published)
    return [(t.event.when.start, t.event.when.end, t.event.dated_by, t.event.sources[0].excerpt, t.event.persons)
            for t in tellings(article)]


def event_of(found, words):
    (match,) = [e for e in found if words in e[3]]
    return match


def test_a_sentence_without_a_time_takes_the_occasion_its_lead_dated():
    found = events("Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held talks in Stockholm on "
                   "Monday.",
                   "Kovalenko asked Sweden to send more air defence systems to Ukraine.")
    start, end, dated_by, _, persons = event_of(found, "Kovalenko asked")
    assert (start, end, dated_by) == (date(2025, 5, 5), date(2025, 5, 5), "story")
    assert persons == ["Anna Kovalenko"]  # the bare surname is the person named in full before


def test_a_past_event_does_not_take_the_date_of_a_coming_one():
    found = events("Prime Minister Ravi Menon will visit Japan on Friday.",
                   "Menon signed a trade agreement with Japan in the capital of Vietnam.")
    start, end, dated_by, _, _ = event_of(found, "signed a trade agreement")
    assert dated_by != "story" and end <= PUB  # not Friday the 9th: told in the past
    assert start != date(2025, 5, 9)


def test_a_weekday_in_a_past_sentence_points_back_even_before_an_infinitive():
    found = events("President Sam Ortega met Chancellor Lena Vogt in Berlin on Monday to discuss trade between "
                   "France and Germany.")
    start, end, dated_by, _, _ = event_of(found, "met Chancellor")
    assert (start, end, dated_by) == (date(2025, 5, 5), date(2025, 5, 5), "explicit")


def test_a_background_time_dates_its_own_event_and_leaves_the_main_one_to_the_story():
    found = events("Lars Berg met Anna Kovalenko in Stockholm on Monday.",
                   "The meeting was the first between Sweden and Ukraine since the elections in March 2019.")
    told = sorted((e[0], e[1], e[2]) for e in found if "was the first" in e[3])
    assert told == [(date(2019, 3, 1), date(2019, 3, 31), "explicit"),  # the elections: an event of their own
                    (date(2025, 5, 5), date(2025, 5, 5), "story")]  # the meeting: Monday, as its lead said


def test_persons_of_a_background_event_stay_out_of_the_main_one():
    found = events("Officials said Lars Berg and Anna Kovalenko will meet on Thursday to prepare for a possible "
                   "summit between President Sam Ortega and President Ivo Petrov in June.")
    main = [e for e in found if e[0] == date(2025, 5, 8)]
    summit = [e for e in found if e[0] == date(2025, 6, 1)]
    assert main and set(main[0][4]) == {"Lars Berg", "Anna Kovalenko"}
    assert summit and set(summit[0][4]) == {"Sam Ortega", "Ivo Petrov"}  # June 2025: coming, not last June
    assert summit[0][1] == date(2025, 6, 30)


@pytest.mark.parametrize("first, dated", [
    ("Sweden said on Tuesday it would expand its aid to Ukraine.", (date(2025, 5, 6), date(2025, 5, 6), "story")),
    ("", (date(2025, 5, 1), date(2025, 5, 7), "before")),  # the week up to publication, not its day
])
def test_a_past_event_without_a_time_takes_the_storys_day_else_the_days_before_publication(first, dated):
    found = events(*(p for p in (first, "Lars Berg criticised the decision of the Ukrainian parliament.") if p))
    assert event_of(found, "criticised")[:3] == dated


def test_each_event_says_how_it_was_dated_and_by_which_words():
    from store.export import event_record

    lead = "Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held talks in Stockholm on Monday."
    article = Article("story.md", "\n\n".join([lead, "Kovalenko asked Sweden to send more air defence systems.",
                                             "Protesters in Norway criticised the talks of the two ministers."]),
                      "A story", PUB)
    records = {e.sources[0].excerpt[:12]: event_record(e)["dated_by"] for e in extract(article).events}
    monday = lead.index("Monday")  # a TIMEX3 leaves out the preposition
    # what Kovalenko asked at the talks is part of them: one event, dated by the lead's words
    assert set(records) == {"Foreign mini", "Protesters i"}
    assert records["Foreign mini"] == {"reason": "stated", "text": "Monday", "start": monday,
                                       "end": monday + len("Monday"), "path": "story.md", "anchor": "published",
                                       "note": "stated: “Monday”, read against the publication (2025-05-07)"}
    # no participant of the talks: an event of its own, dated by the talks' day
    assert records["Protesters i"] == records["Foreign mini"] | {  # the lead's words
        "reason": "story occasion",
        "note": "no time in the sentence: the occasion the article dated by “Monday”, read against the publication"
                " (2025-05-07)"}
    alone = Article("alone.md", "Lars Berg criticised the Ukrainian parliament's latest law.", "Alone", PUB)
    (event,) = extract(alone).events
    assert event_record(event)["dated_by"] == {
        "reason": "before publication", "text": None, "start": None, "end": None, "path": None, "anchor": None,
        "note": "no time in the text: told as past, so by the publication (2025-05-07)"}
    assert (event.when.start, event.when.end) == (date(2025, 5, 1), PUB)


def test_a_past_event_does_not_continue_a_coming_one():
    found = events("Anna Kovalenko will visit Oslo on Friday.",
                   "Lars Berg also criticised the plan of the Ukrainian parliament.")
    start, end, dated_by, _, _ = event_of(found, "criticised")
    assert (start, end, dated_by) == (date(2025, 5, 1), PUB, "before")  # not Friday the 9th ("previous")


@pytest.mark.parametrize("sentence, is_event", [
    ("Oslo is a city of museums and harbours on the coast of Norway.", False),
    ("Twelve countries have observer status in the council, Norway among them.", False),
    ("This is the first visit to Oslo by a Swedish foreign minister in six years.", True),
    ("Lars Berg met Anna Kovalenko in Oslo to discuss fishing rights of Norway.", True),
])
def test_a_sentence_describing_a_state_is_no_event_unless_it_names_a_happening(sentence, is_event):
    lead = "Foreign ministers Anna Kovalenko and Lars Berg held talks in Oslo on Monday."
    found = events(lead, sentence)
    assert any(e[3] == sentence for e in found) == is_event


def test_a_term_of_years_does_not_date_the_act_that_begins_it():
    found = events("Ministers of the Nordic Council met in Oslo on Monday.",
                   "During the meeting, Norway took over the rotating presidency of the council for 2025-2027.")
    start, end, _, _, _ = event_of(found, "took over")
    assert (start, end) == (date(2025, 5, 5), date(2025, 5, 5))  # the meeting's day, not 2025-2027


def test_a_sentence_about_the_meeting_told_before_takes_its_date_and_actors():
    found = events("Foreign ministers Anna Kovalenko and Lars Berg held a meeting in Oslo on Monday.",
                   "The meeting lasted about four hours, including a long dinner.")
    start, end, dated_by, _, persons = event_of(found, "lasted about four hours")
    assert (start, end, dated_by) == (date(2025, 5, 5), date(2025, 5, 5), "previous")
    assert set(persons) == {"Anna Kovalenko", "Lars Berg"}


def test_the_upcoming_occasion_marking_a_first_is_an_event_of_the_coming_date():
    found = events("Foreign minister Anna Kovalenko will visit Oslo on Friday, officials of Ukraine said.",
                   "The upcoming visit to Norway marks the first trip of a Ukrainian minister to the Nordic country.")
    start, end, dated_by, _, _ = event_of(found, "upcoming visit")
    assert (start, end, dated_by) == (date(2025, 5, 9), date(2025, 5, 9), "previous")  # the visit told before
    celebrations = events("Crowds in Oslo celebrated the national day of Norway on Saturday.",
                          "The celebrations mark a turning point for Norway and its allies.")
    assert not [e for e in celebrations if "mark a turning point" in e[3]]  # commentary on a kind, no event


def test_a_coming_event_with_nothing_to_date_it_lies_in_the_days_after_publication():
    from store.export import event_record

    (event,) = extract(Article("plan.md", "Lars Berg will criticise the plan of the Ukrainian parliament.", "Plan",
                               PUB)).events
    assert (event.when.start, event.when.end) == (PUB, date(2025, 5, 13))  # not silently the publication day
    assert event_record(event)["dated_by"]["reason"] == "after publication"


def test_a_past_sentence_about_an_event_named_before_does_not_take_its_coming_date():
    found = events("Judge Maria Lind will open the trial of Peter Hall in Oslo on Friday.",
                   "The trial was halted after a juror fell ill.")
    start, end, dated_by, _, persons = event_of(found, "was halted")
    assert persons == ["Maria Lind", "Peter Hall"]  # still the trial told before
    assert dated_by != "previous" and end <= PUB  # not Friday the 9th: told in the past


def test_a_date_inside_the_sentences_first_date_narrows_it():
    found = events("Sweden and Norway will hold a summit in June, planned for the 26th to 27th.")
    start, end, dated_by, _, _ = event_of(found, "hold a summit")
    assert (start, end, dated_by) == (date(2025, 6, 26), date(2025, 6, 27), "explicit")


@pytest.mark.parametrize("sentence, value", [
    ("Lars Berg is the first Swedish minister to make the trip to China in five years.", "P5Y"),
    ("Lars Berg will make his first trip to China in five years.", "P5Y"),
    ("It will be the first visit by a Swedish leader to Norway in a decade.", "P10Y"),
    ("The first round of talks between Sweden and Norway will be held in two weeks.", "2025-W21"),  # ahead
    ("Lars Berg will visit China in two weeks, his first trip.", "2025-W21"),
])
def test_in_a_count_of_units_after_a_ranking_is_the_span_up_to_now(sentence, value):
    (timex,) = extract(Article("story.md", sentence, "A story", PUB)).timexes
    assert timex.value == value


@pytest.mark.parametrize("sentence, day", [
    ("Officials of Sweden said on Tuesday that Lars Berg had visited Norway on Monday.", date(2025, 5, 5)),
    ("Lars Berg said on Tuesday that he will visit Norway on Friday.", date(2025, 5, 9)),
])
def test_the_reported_clause_dates_the_event_not_the_report(sentence, day):
    (found,) = events(sentence)
    assert found[:3] == (day, day, "explicit")


def test_early_next_week_is_its_first_days():
    (found,) = events("Lars Berg will visit Norway early next week.")
    assert found[:2] == (date(2025, 5, 12), date(2025, 5, 13))  # Monday and Tuesday after Wednesday the 7th


@pytest.mark.parametrize("sentence", [
    "Lars Berg and Anna Kovalenko will meet in Oslo on Friday to prepare for a summit between Olena Marchuk and "
    "Erik Lund.",
    "Lars Berg and Anna Kovalenko met in Oslo on Monday ahead of a summit between Olena Marchuk and Erik Lund.",
    "The talks of Lars Berg and Anna Kovalenko in Oslo on Monday covered trade and a proposed summit between "
    "Olena Marchuk and Erik Lund.",
    "Lars Berg and Anna Kovalenko arrived in Oslo on Monday on a state visit during which they will hold talks with "
    "Olena Marchuk and Erik Lund.",
])
def test_the_participants_of_a_happening_placed_before_or_after_are_not_the_sentences(sentence):
    (found, *_) = events(sentence)
    assert set(found[4]) == {"Lars Berg", "Anna Kovalenko"}


def test_a_sentence_whose_only_persons_belong_to_an_earlier_happening_names_none():
    found = events("Foreign ministers Anna Kovalenko and Lars Berg met in Oslo on Monday.",
                   "The talks were the highest-level meeting since President Erik Lund took office in January.")
    told = [e for e in found if "highest-level" in e[3]]
    assert [e[:2] for e in told if "Erik Lund" in e[4]] == [(date(2025, 1, 1), date(2025, 1, 31))]  # his, in January


def test_the_meeting_names_the_talks_told_before():
    found = events("Foreign ministers Anna Kovalenko and Lars Berg held talks in Oslo on Monday.",
                   "The meeting marked the first talks between the governments of Olena Marchuk and Erik Lund.")
    assert event_of(found, "The meeting marked")[2] == "previous"


def test_a_time_on_a_planned_happening_dates_it_and_not_the_sentences_own():
    found = extract(Article("story.md", "Lars Berg and Anna Kovalenko will hold a meeting in Oslo on Friday.\n\n"
                            "The meeting will set the stage for a planned summit next month between Olena Marchuk "
                            "and Erik Lund.", "A story", PUB)).events
    summit = [e for e in found if "Erik Lund" in e.persons]
    assert [(e.when.start, e.when.end, e.persons) for e in summit] == [
        (date(2025, 6, 1), date(2025, 6, 30), ["Olena Marchuk", "Erik Lund"])]
    (meeting,) = [e for e in found if e not in summit]  # the sentence's own telling is the Friday meeting's
    assert meeting.when.start == date(2025, 5, 9) and len(meeting.sources) == 2
    assert meeting.persons == ["Lars Berg", "Anna Kovalenko"]
