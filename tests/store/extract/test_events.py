"""Which sentences are events and how they are dated, from hand-made sentences, time expressions and mentions."""
from dataclasses import replace
from datetime import date

import pytest

from store.extract.events import find_events
from store.model import Article, Entities, Mention, Sentence, Timex, When

PUB = date(2025, 10, 7)  # a Tuesday


def build(sentences, published=PUB):
    body = " ".join(sentences)
    out, pos = [], 0
    for i, s in enumerate(sentences):
        out.append(Sentence(i, pos, pos + len(s), s, i))
        pos += len(s) + 1
    return Article("a.md", body, "T", published), out


def timex(article, text, value, when, typ="DATE", occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    return Timex(start, start + len(text), text, typ, value, when)


def person(article, text, key, after=0):
    start = article.body.index(text, after)
    return Mention(start, start + len(text), text, "person", key)


def country(article, text, code, after=0):
    start = article.body.index(text, after)
    return Mention(start, start + len(text), text, "country", code)


SEPT = When(date(2025, 9, 1), date(2025, 9, 30), "month")


def test_own_time_expression_dates_the_event():
    art, sents = build(["North Korean leader Kim Jong Un said late last month that his country had new weapons."])
    tx = [timex(art, "late last month", "2025-09", SEPT)]
    ents = Entities([person(art, "Kim Jong Un", "Kim Jong Un")], {"Kim Jong Un": "KP"})
    (found,) = find_events(art, sents, tx, [], ents)
    assert found.event.when == SEPT and found.event.dated_by == "explicit"
    assert found.event.persons == ["Kim Jong Un"] and found.event.countries == ["KP"]


def test_report_date_yields_to_the_event_date():
    art, sents = build(["Li Qiang will visit the North later this week, Beijing announced Tuesday."])
    week = When(date(2025, 10, 6), date(2025, 10, 12), "week")
    tx = [timex(art, "later this week", "2025-W41", week),
          timex(art, "Tuesday", "2025-10-07", When(PUB, PUB, "day"))]
    ents = Entities([person(art, "Li Qiang", "Li Qiang"), country(art, "Beijing", "CN")])
    (found,) = find_events(art, sents, tx, [], ents)
    assert found.event.when == week


def test_since_bounds_a_period_and_does_not_date_the_event():
    art, sents = build(["North Korea sent an official to the assembly last month, for the first time since 2018."])
    y2018 = When(date(2018, 1, 1), date(2018, 12, 31), "year")
    tx = [timex(art, "last month", "2025-09", SEPT), timex(art, "2018", "2018", y2018)]
    (found,) = find_events(art, sents, tx, [], Entities([country(art, "North Korea", "KP")]))
    assert found.event.when == SEPT


def test_a_range_dates_the_event_as_a_whole():
    art, sents = build(["Li will visit Pyongyang from Thursday through Saturday."])
    thu, sat = date(2025, 10, 9), date(2025, 10, 11)
    tx = [timex(art, "Thursday", "2025-10-09", When(thu, thu, "day")),
          timex(art, "Saturday", "2025-10-11", When(sat, sat, "day"))]
    rng = [(art.body.index("from"), art.body.index("."), When(thu, sat, "day"))]
    (found,) = find_events(art, sents, tx, rng, Entities([person(art, "Li", "Li Qiang")]))
    assert found.event.when == When(thu, sat, "day")


def test_a_duration_after_a_clause_counts_back_from_the_report():
    art, sents = build(["The visit will come just over a month after Kim joined Xi in Beijing."])
    tx = [timex(art, "just over a month", "P1M", None, typ="DURATION")]
    (found,) = find_events(art, sents, tx, [], Entities([person(art, "Kim", "Kim Jong Un")]))
    assert found.event.when == SEPT  # 7 Oct minus a month is in September


def test_continuing_sentence_takes_the_previous_time_others_the_publication_date():
    art, sents = build([
        "Kim oversaw a missile engine test late last month in the north.",
        "Following that test, Kim met the engineers in Pyongyang.",
        "China praised its friendship with North Korea on many occasions.",
    ])
    tx = [timex(art, "late last month", "2025-09", SEPT)]
    ents = Entities([person(art, "Kim", "Kim Jong Un"), country(art, "Pyongyang", "KP"),
                     country(art, "China", "CN")])
    first, second, third = find_events(art, sents, tx, [], ents)
    assert second.event.when == SEPT and second.event.dated_by == "previous" and second.sequel
    assert third.event.when == When(PUB, PUB, "day") and third.event.dated_by == "published"


def test_without_publication_date_an_undated_sentence_stays_undated():
    art, sents = build(["China praised its friendship with North Korea on many occasions."], published=None)
    ents = Entities([country(art, "China", "CN")])
    (found,) = find_events(art, sents, [], [], ents)
    assert found.event.when == When.undated() and found.event.dated_by == "none"


def test_analysis_habit_hypothesis_and_questions_are_not_events():
    art, sents = build([
        "The rare gathering underscores North Korea's effort to strengthen partnerships.",
        "Such parades have typically been chances for North Korea to show weapons.",
        "Attending the parade could pose risks for Lee Jae Myung if talks fail.",
        "Will China send its premier to North Korea again?",
        "China sent its premier to North Korea in a show of support.",
    ])
    ents = Entities([country(art, "North Korea", "KP", after=s.start) for s in sents[:2] + sents[3:]]
                    + [person(art, "Lee Jae Myung", "Lee Jae Myung")])
    assert all(any(s.start <= m.start < s.end for m in ents.mentions) for s in sents)  # every one has actors
    found = find_events(art, sents, [], [], ents)
    assert [f.sentence.index for f in found] == [4]


def test_reported_modal_is_still_an_event():
    art, sents = build(["Japan said it would cut its import tariffs on rice."])
    (found,) = find_events(art, sents, [], [], Entities([country(art, "Japan", "JP")]))
    assert found.event.countries == ["JP"]


def test_sentence_without_actors_or_date_is_not_an_event():
    art, sents = build(["There are over eight thousand podcasts on the store now."])
    assert find_events(art, sents, [], [], Entities()) == []


def test_source_is_the_whole_sentence_with_body_offsets():
    art, sents = build(["Intro words here for the story.", "Japan raised its tariffs on imported rice sharply."])
    (found,) = find_events(art, sents, [], [], Entities([country(art, "Japan", "JP")]))
    src = found.event.sources[0]
    assert art.body[src.start:src.end] == src.excerpt == sents[1].text
    assert src.article_id == art.id and src.published == PUB


def test_analysis_verbs_are_told_from_nouns_and_other_tenses():
    from store.extract.cues import is_analysis

    assert is_analysis("The celebrations mark a pivotal moment for the leader.")
    assert is_analysis("The rare gathering underscores the country's isolation.")
    assert not is_analysis("The company held an air show in Paris.")
    assert not is_analysis("Leaders gathered to mark the anniversary of the war.")
    assert not is_analysis("He will highlight the results at the summit.")


def test_a_duration_inside_quoted_speech_does_not_count_back():
    art, sents = build(['Jobs said: "just one year after launching the phone, we are launching a new one."'])
    tx = [timex(art, "one year", "P1Y", None, typ="DURATION")]
    (found,) = find_events(art, sents, tx, [], Entities([person(art, "Jobs", "Steve Jobs")]))
    assert found.event.dated_by == "published" and found.event.when == When(PUB, PUB, "day")


REFUSED = "year 9999 is outside 1000–2999"


def test_a_sentence_whose_own_date_is_out_of_range_stays_undated():
    art, sents = build([
        "Kim oversaw a missile engine test late last month in the north.",
        "Kim also met Xi Jinping in Beijing on 31 December 9999.",
        "Putin also visited Pyongyang with Kim.",
    ])
    refused = replace(timex(art, "31 December 9999", "9999-12-31", None), problem=REFUSED)
    tx = [timex(art, "late last month", "2025-09", SEPT), refused]
    ents = Entities([person(art, "Kim", "Kim Jong Un"), person(art, "Xi Jinping", "Xi Jinping"),
                     person(art, "Putin", "Vladimir Putin")])
    first, second, third = find_events(art, sents, tx, [], ents)
    # Neither the month before ("also" continues it) nor the publication date stands in for the refused date.
    assert second.event.when == When.undated() and second.event.dated_by == "none"
    assert third.event.when == When.undated()  # "also" continues the undated event, not September


def test_no_event_date_outside_the_range_is_kept_whatever_dated_it():
    art, sents = build(["Kim Jong Un visited Beijing on a day the parser got wrong."])
    far = When(date(9999, 12, 31), date(9999, 12, 31), "day")
    tx = [timex(art, "a day", "9999-12-31", far)]
    (found,) = find_events(art, sents, tx, [], Entities([person(art, "Kim Jong Un", "Kim Jong Un")]))
    assert found.event.when == When.undated() and found.event.dated_by == "none"


@pytest.mark.parametrize("years", [1500, 3000])  # back to 525, and past the first day of the calendar
def test_a_distance_back_out_of_the_range_is_undated(years):
    art, sents = build([f"The visit will come {years} years after Kim joined Xi in Beijing."])
    tx = [timex(art, f"{years} years", f"P{years}Y", None, typ="DURATION")]
    (found,) = find_events(art, sents, tx, [], Entities([person(art, "Kim", "Kim Jong Un")]))
    assert found.event.when == When.undated()


def test_the_headline_line_is_the_title_and_tells_no_event_of_its_own(tmp_path):
    from store.extract.pipeline import extract
    from store.readers import read_paths

    path = tmp_path / "talks.txt"
    path.write_text("Berg and Kovalenko agree on a grain deal in Oslo on Monday\n\n"
                    "Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden met in Oslo on Monday.\n",
                    encoding="utf-8")
    (article,) = read_paths([path], date(2025, 5, 7))
    assert article.title == "Berg and Kovalenko agree on a grain deal in Oslo on Monday"
    (event,) = extract(article).events
    assert [s.excerpt[:16] for s in event.sources] == ["Foreign minister"]


@pytest.mark.parametrize(("quote", "told"), [
    ('"I hope that through this visit our two countries will grow closer," Kovalenko said.', False),
    ('"We are very happy, this is a great day. We are very excited and looking forward," said Anna Kovalenko, a '
     'dancer from Kyiv.', False),  # the sentencizer may cut the quote: its second part is still an opinion
    ('"We signed a grain agreement with Sweden and will ship the grain by sea," Kovalenko said.', True),
])
def test_a_quoted_feeling_or_view_is_no_event_a_quoted_act_is(quote, told):
    from store.extract.pipeline import extract

    body = f"Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden met in Oslo on Monday.\n{quote}"
    events = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    excerpts = [s.excerpt for e in events for s in e.sources]
    assert any(quote[1:20] in x for x in excerpts) == told


@pytest.mark.parametrize(("sentence", "opinion"), [
    ('We are very excited and looking forward," said Anna, a dancer from Kyiv.', True),  # quote opened before
    ("“We’re proud of what we achieved together,” Berg told reporters.", True),
    ('"I think," he said.', False),  # too short to be speech
    ('"We met on Monday and agreed on grain," Berg said.', False),  # an act, not a feeling
    ("Berg said he hoped the talks would go well.", False),  # reported, not quoted: the report is told
])
def test_a_quoted_opinion_is_a_first_person_feeling_or_view_and_who_said_it(sentence, opinion):
    from store.extract.cues import is_quoted_opinion

    assert is_quoted_opinion(sentence) == opinion


def test_a_sentence_presenting_a_person_is_no_event():
    from store.extract.pipeline import extract

    body = ("Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden met in Oslo on Monday.\n"
            "This is Swedish Prime Minister Erik Lund.")
    events = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    assert [s.excerpt[:9] for e in events for s in e.sources] == ["Foreign m"]
    assert all("Erik Lund" not in e.persons for e in events)


def test_a_dateline_with_a_bracketed_region_stays_in_its_sentence():
    from store.extract.pipeline import extract

    body = "Oslo [Norway], May 5 : The foreign ministers of Ukraine and Sweden signed a grain agreement on Monday."
    (event,) = extract(Article("deal.md", body, "Deal", date(2025, 5, 7))).events
    assert event.sources[0].excerpt == body and event.when.start == date(2025, 5, 5)


def test_a_surname_after_the_full_name_is_the_person_not_a_town_of_that_name():
    from store.extract.pipeline import extract

    body = ("Sheriff Tom Henderson said on Monday that the road near the dam was closed.\n"
            "Henderson said on Tuesday that nobody was hurt in the flood.")  # Henderson is also a city in Nevada
    events = extract(Article("flood.md", body, "Flood", date(2025, 5, 7))).events
    assert [(e.persons, e.countries) for e in events] == [(["Tom Henderson"], [])] * 2


@pytest.mark.parametrize(("body", "countries"), [
    ("The U.S. Government auto task force met carmakers in Tokyo on Monday.", ["US", "JP"]),
    ("The U.S. Treasury auto task force rejected the plan on Monday.", ["US"]),
    ("China Eastern Airlines cancelled flights to Tokyo on Monday.", ["JP"]),  # a company, not China's state
])
def test_a_state_body_named_after_a_country_counts_for_it(body, countries):
    from store.extract.pipeline import extract

    (event,) = extract(Article("cars.md", body, "Cars", date(2025, 5, 7))).events
    assert event.countries == countries and event.persons == []
