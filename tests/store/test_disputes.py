"""Sources that disagree on the date (tellings of one event, and events kept apart because of it) or on who took
part."""
from datetime import date

import pytest

from store import db
from store.disputes import tellings_disagree, tells_same_apart_from_date, what_each_says, who_each_names
from store.filter import Filter
from store.ingest import ingest
from store.model import Article, Dating, Event, Source, When
from store.queries import count_events, disputing_rows, event_sources, timeline_page


def day(iso: str, precision: str = "day") -> When:
    d = date.fromisoformat(iso)
    return When(d, d, precision)


def event(when: When, persons: list[str], words: set[str], article: str, dated_by: str = "explicit") -> Event:
    source = Source(article, f"{article}.md", article, None, "x", 0, 1)
    return Event(when, "x", persons, [], [source], dated_by, frozenset(words))


WORDS = {"arrived", "capital", "visit", "state"}


@pytest.mark.parametrize(("a", "b", "disputed"), [
    (event(day("2025-05-05"), ["Ana Lima"], WORDS, "a"), event(day("2025-05-07"), ["Ana Lima"], WORDS, "b"), True),
    # overlapping dates: one event, merging's business
    (event(day("2025-05-05"), ["Ana Lima"], WORDS, "a"), event(day("2025-05-05"), ["Ana Lima"], WORDS, "b"), False),
    # too far apart: another happening
    (event(day("2025-05-05"), ["Ana Lima"], WORDS, "a"), event(day("2025-05-20"), ["Ana Lima"], WORDS, "b"), False),
    # another party in each: other meetings of the same person
    (event(day("2025-05-05"), ["Ana Lima", "Bo Chen"], WORDS, "a"),
     event(day("2025-05-07"), ["Ana Lima", "Cy Diaz"], WORDS, "b"), False),
    # too few words in common
    (event(day("2025-05-05"), ["Ana Lima"], {"arrived", "capital"}, "a"),
     event(day("2025-05-07"), ["Ana Lima"], {"arrived", "capital"}, "b"), False),
    # three words in common, but few of either: a merged event's many words meet the next day's other happening
    (event(day("2025-05-05"), ["Ana Lima"], WORDS | {f"word{i}" for i in range(6)}, "a"),
     event(day("2025-05-06"), ["Ana Lima"], {"arrived", "capital", "state"} | {f"other{i}" for i in range(7)}, "b"),
     False),
    # the same three words make most of the fewer words
    (event(day("2025-05-05"), ["Ana Lima"], WORDS | {f"word{i}" for i in range(6)}, "a"),
     event(day("2025-05-06"), ["Ana Lima"], {"arrived", "capital", "state", "quotas"}, "b"), True),
    # a date the text did not state does not disagree
    (event(day("2025-05-05"), ["Ana Lima"], WORDS, "a", "story"), event(day("2025-05-07"), ["Ana Lima"], WORDS, "b"),
     False),
    # a month does not disagree with a day
    (event(When(date(2025, 4, 1), date(2025, 4, 30), "month"), ["Ana Lima"], WORDS, "a"),
     event(day("2025-05-02"), ["Ana Lima"], WORDS, "b"), False),
])
def test_events_kept_apart_tell_one_happening_only_when_everything_but_the_date_agrees(a, b, disputed):
    assert tells_same_apart_from_date(a, b) is disputed
    assert tells_same_apart_from_date(b, a) is disputed


def test_tellings_disagree_only_on_stated_precise_dates_that_cannot_both_hold():
    monday, tuesday = day("2025-05-05"), day("2025-05-06")
    week = When(date(2025, 5, 5), date(2025, 5, 11), "week")
    assert tellings_disagree([Dating("explicit", when=monday), Dating("explicit", when=tuesday)])
    assert not tellings_disagree([Dating("explicit", when=monday), Dating("explicit", when=week)])
    assert not tellings_disagree([Dating("explicit", when=monday), Dating("story", when=tuesday), None])


def test_what_each_source_says_names_the_outlet_the_date_and_the_words():
    class Told:
        def __init__(self, outlet, dating):
            self.outlet, self.title, self.path, self.dating = outlet, "T", "t.md", dating

    class Other:
        when, summary = day("2025-05-07"), "Ana Lima arrived in the capital"

    said = what_each_says([Told("Wire", Dating("explicit", 0, 6, "Monday", when=day("2025-05-05"))),
                           Told("Daily", Dating("explicit", 0, 5, "May 5", when=day("2025-05-05"))),
                           Told(None, Dating("story", when=day("2025-05-05")))], [Other()], str)
    assert said == [f"{day('2025-05-05')} per Wire (“Monday”), Daily (“May 5”)",
                    f"{day('2025-05-07')} per another telling: “Ana Lima arrived in the capital”"]


def test_two_outlets_dating_one_arrival_two_days_apart_are_both_flagged_and_name_each_other(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "wire.md").write_text("---\ntitle: Lima in Oslo\npublished: 2025-05-08\nsource: Wire\n---\n\n"
                                  "President Ana Lima arrived in Oslo on Monday for talks on fishing quotas.\n")
    (news / "daily.md").write_text("---\ntitle: Lima visit\npublished: 2025-05-08\nsource: Daily\n---\n\n"
                                   "President Ana Lima arrived in Oslo on Wednesday for talks on fishing quotas.\n")
    path = tmp_path / "s.db"
    ingest([news], path)
    conn = db.connect(path, readonly=True)
    disputed = timeline_page(conn, Filter(disputed=True))
    assert [(row.start, row.disputed) for row in disputed] == [(date(2025, 5, 5), True), (date(2025, 5, 7), True)]
    assert count_events(conn, Filter(disputed=True)) == 2 == count_events(conn, Filter())
    assert [row.id for row in disputing_rows(conn, disputed[0].id)] == [disputed[1].id]
    (told,) = event_sources(conn, disputed[0].id)
    assert (told.outlet, told.dating.text, told.dating.when) == ("Wire", "Monday", day("2025-05-05"))
    conn.close()


def _article(folder, name: str, outlet: str, sentence: str) -> None:
    front = f"---\ntitle: {name}\npublished: 2025-05-08\nsource: {outlet}\n---\n\n"
    (folder / f"{name}.md").write_text(f"{front}{sentence}\n")


def test_two_outlets_naming_different_partners_of_one_meeting_are_flagged_with_who_each_names(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    _article(news, "wire", "Wire", "On 5 May 2025 President Ana Lima met Prime Minister Tomas Berg in Oslo for talks"
                                   " on fishing quotas.")
    _article(news, "daily", "Daily", "On 5 May 2025 President Ana Lima met Chancellor Ivo Petrov in Oslo for talks"
                                     " on fishing quotas.")
    path = tmp_path / "s.db"
    ingest([news], path)
    conn = db.connect(path, readonly=True)
    (row,) = timeline_page(conn, Filter())
    assert row.n_sources == 2 and row.disputed
    assert count_events(conn, Filter(disputed=True)) == 1
    sources = event_sources(conn, row.id)
    assert {(s.outlet, s.persons) for s in sources} == {("Wire", ("Ana Lima", "Tomas Berg")),
                                                        ("Daily", ("Ana Lima", "Ivo Petrov"))}
    assert sorted(who_each_names(sources)) == ["Ana Lima, Ivo Petrov per Daily", "Ana Lima, Tomas Berg per Wire"]
    conn.close()


def test_a_source_naming_fewer_persons_does_not_dispute_and_its_deletion_keeps_the_others_persons(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    _article(news, "a-wire", "Wire", "On 5 May 2025 President Ana Lima met Prime Minister Tomas Berg in Oslo for"
                                     " talks on fishing quotas.")  # stored first: the daily's telling merges into it
    _article(news, "b-daily", "Daily", "On 5 May 2025 President Ana Lima held talks in Oslo on fishing quotas.")
    path = tmp_path / "s.db"
    ingest([news], path)
    conn = db.connect(path)
    (row,) = timeline_page(conn, Filter())
    assert (row.n_sources, row.disputed, row.persons) == (2, False, ("Ana Lima", "Tomas Berg"))
    sources = event_sources(conn, row.id)
    assert [(s.outlet, s.persons) for s in sources] == [("Wire", ("Ana Lima", "Tomas Berg")), ("Daily", ("Ana Lima",))]
    assert who_each_names(sources) == []
    wire = conn.execute("SELECT id FROM articles WHERE source = 'Wire'").fetchone()[0]
    with conn:
        db.delete_article(conn, wire)
    (row,) = timeline_page(conn, Filter())
    assert (row.n_sources, row.persons) == (1, ("Ana Lima",))  # only the wire named Berg
    conn.close()


def test_two_stored_events_found_to_be_one_keep_who_each_article_named(tmp_path):
    conn = db.connect(tmp_path / "s.db", create=True)
    arts = {}
    with db.transaction(conn):
        for name, text in (("one", "Pat Kim met Lee Park."), ("two", "Pat Kim met Rae Stone.")):
            arts[name] = art = Article(f"{name}.md", text, name, date(2025, 5, 8), source=name)
            db.insert_article(conn, art)
        events = {}
        for name, persons in (("one", ["Pat Kim", "Lee Park"]), ("two", ["Pat Kim", "Rae Stone"])):
            art = arts[name]
            source = Source(art.id, art.path, art.title, art.published, art.body, 0, len(art.body))
            events[name] = db.insert_event(conn, Event(day("2025-05-05"), art.body, persons, [], [source], "explicit",
                                                       frozenset({"met"})), {})
        merged = Event(day("2025-05-05"), "Pat Kim met Lee Park.", ["Pat Kim", "Lee Park", "Rae Stone"], [], [],
                       "explicit", frozenset({"met"}))
        db.absorb_event(conn, events["one"], events["two"], merged)
    (row,) = timeline_page(conn, Filter())
    named = {s.outlet: s.persons for s in event_sources(conn, row.id)}
    assert named == {"one": ("Pat Kim", "Lee Park"), "two": ("Pat Kim", "Rae Stone")}
    assert row.disputed  # no article names all three
    conn.close()
