"""Merging tellings of one event: dates must agree, a person must be shared, and content words too."""
from datetime import date

import pytest

from store.extract.events import SentenceEvent
from store.extract.merge import combined_when, merge_article, merge_into, same_event
from store.extract.words import content_words, stem
from store.model import Event, Sentence, Source, When


def day(s):
    return date.fromisoformat(s)


def ev(text, start, end, precision="day", persons=(), countries=(), dated_by="explicit", path="a.md"):
    src = Source("id-" + path, path, "t", day("2025-10-07"), text, 0, len(text))
    names = {stem(w) for p in persons for w in p.split()}  # the pipeline leaves person mentions out of words
    return Event(When(day(start), day(end), precision), text, list(persons), list(countries), [src], dated_by,
                 content_words(text) - names)


def cand(event, anaphor=False, sequel=False):
    return SentenceEvent(event, Sentence(0, 0, 1, "x", 0), anaphor=anaphor, sequel=sequel)


def test_same_person_overlapping_dates_and_shared_words_merge():
    a = ev("Li will head a delegation on an official visit to Pyongyang", "2025-10-09", "2025-10-11", persons=["Li Qiang"])
    b = ev("Li Qiang arrived on a visit, leading a delegation", "2025-10-10", "2025-10-10", persons=["Li Qiang"])
    assert same_event(a, b)


def test_different_persons_never_merge_even_with_shared_words():
    a = ev("Li will head a delegation on an official visit", "2025-10-09", "2025-10-11", persons=["Li Qiang"])
    b = ev("Medvedev will head a delegation on an official visit", "2025-10-09", "2025-10-11", persons=["Dmitry Medvedev"])
    assert not same_event(a, b)


def test_dates_that_do_not_overlap_never_merge():
    a = ev("Kim attended the military parade in the capital", "2025-09-03", "2025-09-03", persons=["Kim Jong Un"])
    b = ev("Kim attended the military parade in the capital", "2025-10-10", "2025-10-10", persons=["Kim Jong Un"])
    assert not same_event(a, b)


def test_one_shared_word_is_not_enough():
    a = ev("Kim oversaw an engine test before the parade", "2025-09-01", "2025-09-30", "month", persons=["Kim Jong Un"])
    b = ev("Kim stood beside foreign guests at a military parade", "2025-09-01", "2025-09-07", "week", persons=["Kim Jong Un"])
    assert len(a.words & b.words) == 1  # "parade"
    assert not same_event(a, b)


def test_events_without_persons_need_the_same_day_and_a_country():
    a = ev("An earthquake struck the northern coast, destroying homes", "2025-03-01", "2025-03-01", countries=["JP"])
    b = ev("The earthquake destroying homes on the northern coast", "2025-03-01", "2025-03-01", countries=["JP"])
    c = ev("The earthquake destroying homes on the northern coast", "2025-03-01", "2025-03-31", "month", countries=["JP"])
    assert same_event(a, b)
    assert not same_event(a, c)


def test_combined_when_is_the_intersection():
    week = ev("x", "2025-10-06", "2025-10-12", "week")
    days = ev("y", "2025-10-09", "2025-10-11")
    month = ev("z", "2025-09-01", "2025-09-30", "month")
    first_week = ev("w", "2025-09-01", "2025-09-07", "week")
    assert combined_when(week, days) == When(day("2025-10-09"), day("2025-10-11"), "day")
    assert combined_when(month, first_week) == When(day("2025-09-01"), day("2025-09-07"), "week")


def test_a_publication_date_yields_to_an_explicit_date():
    explicit = ev("x", "2025-10-09", "2025-10-11")
    published = ev("y", "2025-10-10", "2025-10-10", dated_by="published")
    assert combined_when(published, explicit) == explicit.when
    assert combined_when(explicit, published) == explicit.when


def test_merge_into_keeps_every_source_and_actor():
    a = ev("Li will head a delegation on an official visit", "2025-10-09", "2025-10-11", persons=["Li Qiang"],
           countries=["CN"], path="a.md")
    b = ev("Li Qiang arrived on a visit, leading a delegation", "2025-10-10", "2025-10-10", persons=["Li Qiang"],
           countries=["KP"], path="b.md")
    merged = merge_into(a, b)
    assert [s.path for s in merged.sources] == ["a.md", "b.md"]
    assert merged.countries == ["CN", "KP"]
    assert merged.when == When(day("2025-10-10"), day("2025-10-10"), "day")


def test_within_an_article_publication_dated_sentences_stay_apart():
    a = ev("Kim praised the party and its founding legacy", "2025-10-10", "2025-10-10", persons=["Kim Jong Un"],
           dated_by="published")
    b = ev("Kim honoured the party founding generation", "2025-10-10", "2025-10-10", persons=["Kim Jong Un"],
           dated_by="published")
    assert same_event(a, b)  # across articles they would merge
    assert len(merge_article([cand(a), cand(b)])) == 2


def test_a_sequel_never_joins_the_event_before_it():
    parade = ev("Kim joined Xi at the parade and held talks on support", "2025-09-01", "2025-09-30", "month",
                persons=["Kim Jong Un", "Xi Jinping"])
    talks = ev("Following that parade, Kim and Xi held talks on support", "2025-09-01", "2025-09-30", "month",
               persons=["Kim Jong Un", "Xi Jinping"], dated_by="previous")
    assert same_event(parade, talks)
    assert len(merge_article([cand(parade), cand(talks, sequel=True)])) == 2


def test_the_event_joins_the_event_it_names():
    first = ev("Kim will attend a parade next week, the event of the year", "2025-09-01", "2025-09-07", "week",
               persons=["Kim Jong Un"])
    other = ev("Lee said talks on trade went well", "2025-09-01", "2025-09-07", "week", persons=["Lee Jae Myung"])
    anaphor = ev("Putin will also be present at the event", "2025-09-01", "2025-09-07", "week",
                 persons=["Vladimir Putin"], dated_by="previous")
    clusters = merge_article([cand(first), cand(other), cand(anaphor, anaphor=True)])
    assert len(clusters) == 2
    assert clusters[0].persons == ["Kim Jong Un", "Vladimir Putin"]


def test_a_year_wide_date_does_not_swallow_publication_dated_tellings():
    year = ev("Jobs announced the phone at the developer conference keynote", "2007-01-01", "2007-12-31", "year",
              persons=["Steve Jobs"])
    reported = ev("Jobs announced the phone price at the conference keynote", "2007-09-05", "2007-09-05",
                  persons=["Steve Jobs"], dated_by="published")
    dated = ev("Jobs announced the phone at the conference keynote", "2007-01-09", "2007-01-09",
               persons=["Steve Jobs"])
    assert len(year.words & reported.words) == 3  # conference, keynote, phone
    assert not same_event(year, reported)
    assert same_event(year, dated)  # an explicit day inside the year, with enough shared words


def test_a_year_wide_date_needs_more_shared_words_than_a_week():
    year = ev("Kim attended a military parade in the capital", "2025-01-01", "2025-12-31", "year", persons=["Kim"])
    day_ = ev("Kim watched the military parade", "2025-09-03", "2025-09-03", persons=["Kim"])
    week = ev("Kim watched the military parade", "2025-09-01", "2025-09-07", "week", persons=["Kim"])
    assert len(year.words & day_.words) == 2
    assert same_event(week, day_)
    assert not same_event(year, day_)


# A sentence that tells more of the story's occasion (through the whole extraction, real model)

def test_what_is_said_at_the_occasion_is_one_event_with_it_and_adds_no_participant():
    from store.extract.pipeline import extract
    from store.model import Article

    body = ("Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held talks in Stockholm on Monday.\n"
            "Kovalenko said President Olena Marchuk wanted more air defence systems.\n"
            "Berg asked Ukraine to keep the grain corridor open.\n"
            "Separately, Prime Minister Jonas Lind of Norway criticised a new law of Denmark.")
    events = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    talks = next(e for e in events if "held talks" in e.sources[0].excerpt)
    assert [s.excerpt[:10] for s in talks.sources] == ["Foreign mi", "Kovalenko ", "Berg asked"]
    assert talks.persons == ["Anna Kovalenko", "Lars Berg"]  # not Olena Marchuk, who was only spoken of
    assert talks.when == When(date(2025, 5, 5), date(2025, 5, 5), "day")
    (other,) = [e for e in events if e is not talks]  # other participants: not part of the talks
    assert other.persons == ["Jonas Lind"] and len(other.sources) == 1


def test_a_sentence_that_names_the_occasion_is_one_event_with_it_whoever_else_it_names():
    from store.extract.pipeline import extract
    from store.model import Article

    body = ("Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held a meeting in Oslo on Monday.\n"
            "The meeting marked the first talks between the governments of Olena Marchuk and Erik Lund.")
    (event,) = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    assert len(event.sources) == 2 and event.persons == ["Anna Kovalenko", "Lars Berg"]


@pytest.mark.parametrize("telling", [
    "Kovalenko had said in a speech that the talks would be hard.",  # told as before the occasion
    "Kovalenko's two-day trip to Sweden comes as Ukraine seeks more air defence systems.",  # another happening
])
def test_a_sentence_told_as_before_or_about_another_happening_is_not_part_of_the_occasion(telling):
    from store.extract.pipeline import extract
    from store.model import Article

    body = f"Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held talks in Stockholm on Monday.\n{telling}"
    events = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    assert [len(e.sources) for e in events] == [1, 1]


def test_a_happening_during_the_event_takes_its_date_but_is_an_event_of_its_own():
    from store.extract.pipeline import extract
    from store.model import Article

    body = ("Foreign ministers Anna Kovalenko of Ukraine and Lars Berg of Sweden held talks in Stockholm on Monday.\n"
            "During the event in Stockholm, Norway took over the rotating presidency of the council.")
    talks, handover = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    assert len(talks.sources) == 1 and handover.sources[0].excerpt.startswith("During the event")
    assert handover.when == talks.when == When(date(2025, 5, 5), date(2025, 5, 5), "day")
    assert handover.persons == [] and handover.countries == ["SE", "NO"]


@pytest.mark.parametrize(("quote", "events"), [('"', 2), ("", 1)])
def test_words_only_quoted_are_no_evidence_that_two_tellings_are_one(quote, events):
    from store.extract.pipeline import extract
    from store.model import Article

    body = (f"On Monday, Anna Kovalenko met reporters at the airport and said, {quote}This trip will deepen bilateral "
            f"relations and strategic communication with Sweden.{quote}\n"
            "On Monday, Kovalenko held talks on bilateral relations and strategic communication in Stockholm with "
            "Lars Berg.")
    assert len(extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events) == events


def test_a_quoted_term_of_a_few_words_still_counts_as_the_reporters_words():
    from store.extract.cues import quoted_spans

    assert quoted_spans('Biden called Putin a “killer”, citing “malign activities”.') == []
    assert quoted_spans('He said: "We will deepen our relations this year."') == [(9, 50)]


@pytest.mark.parametrize(("sentence", "reaction", "countries"), [
    ("Foreign Minister Lars Berg of Sweden criticised a new law of Norway on Monday, prompting Denmark to summon the "
     "Swedish ambassador.", "Denmark to summon the Swedish ambassador", ["DK", "SE"]),
    ("Foreign Minister Lars Berg of Sweden criticised a new law of Norway on Monday, sparking protests in Denmark.",
     "Protests in Denmark", ["DK"]),
])
def test_what_a_happening_set_off_is_an_event_of_its_own_on_its_date(sentence, reaction, countries):
    from store.extract.pipeline import extract
    from store.model import Article

    criticism, set_off = extract(Article("law.md", sentence, "Law", date(2025, 5, 7))).events
    assert criticism.persons == ["Lars Berg"]
    assert (set_off.summary, set_off.persons, set_off.countries) == (reaction, [], countries)
    assert set_off.when == criticism.when == When(date(2025, 5, 5), date(2025, 5, 5), "day")
    assert set_off.sources == criticism.sources  # the whole sentence is the evidence of both


def test_tellings_without_persons_in_the_same_words_and_month_are_one_and_in_other_words_are_not():
    recall = ev("Moscow to recall its ambassador for consultations", "2021-03-01", "2021-03-31", "month",
                countries=["RU", "US"])
    again = ev("Moscow to recall its ambassador for consultations", "2021-03-01", "2021-03-31", "month",
               countries=["RU"], path="b.md")
    other = ev("Moscow to recall its ambassador and expel diplomats", "2021-03-01", "2021-03-31", "month",
               countries=["RU"], path="c.md")
    assert same_event(recall, again)
    assert not same_event(recall, other)  # a month is long: only the same words say it is the same happening


def test_a_named_persons_act_is_not_part_of_an_occasion_of_unnamed_people():
    from store.extract.pipeline import extract
    from store.model import Article

    body = ("The top diplomats of Sweden and Norway held phone talks on Tuesday.\n"
            "Prime Minister Lars Berg of Sweden has demanded that Norway lift its new tariffs.")
    events = extract(Article("talks.md", body, "Talks", date(2025, 5, 7))).events
    assert [(len(e.sources), e.persons) for e in events] == [(1, []), (1, ["Lars Berg"])]
