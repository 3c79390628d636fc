"""What the browser reads: timeline order and keyset pages, filters, counts, facets, search, sources, pickers."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction, update_event
from store.filter import Filter
from store.model import Article, Event, Source, When
from store.queries import (
    ActorMatch,
    OutOfRange,
    actor_counts,
    all_events,
    count_events,
    event_sources,
    find_actors,
    parse_period,
    resolve_country,
    search_ids,
    timeline_page,
    when_label,
)

LI = "Chinese Premier Li Qiang will visit Pyongyang on Thursday."
LI_MORE = "He will attend the anniversary celebrations."
KIM_PUTIN = "Kim Jong Un met Vladimir Putin in Beijing last month."
PARADE = "Kim Jong Un will attend a military parade in Beijing next week."
ELEVATION = "Kim's participation signifies a diplomatic elevation compared to 2015."
ZURICH = "Analysts in Zürich expect more talks."
TRADE = "Donald Trump met Xi Jinping on 9 October to discuss tariffs."


def source(art: Article, sentence: str) -> Source:
    start = art.body.index(sentence)
    return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence))


def days(first: str, last: str | None = None, precision: str = "day") -> When:
    return When(date.fromisoformat(first), date.fromisoformat(last or first), precision)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """Six events over three articles. Ids follow insertion order: 1 Li's visit, 2 Kim-Putin (Sept), 3 parade
    (week of Sept 1), 4 the 2015 parade (year), 5 undated talks, 6 Trump-Xi (Oct 9)."""
    li = Article("li.md", f"{LI} {LI_MORE}\n\n{KIM_PUTIN}", "Li Qiang to visit", date(2025, 10, 7))
    kim = Article("kim.md", f"{PARADE}\n{ELEVATION}\n{ZURICH}", "Kim to attend parade", date(2025, 8, 28))
    trade = Article("trade.md", TRADE, "Trade talks", date(2025, 10, 10))
    aliases = {"Kim Jong Un": {"Kim", "Kim Jong-un"}, "Xi Jinping": {"Xi"}}
    events = [
        Event(days("2025-10-09", "2025-10-11"), "Li Qiang to visit North Korea", ["Li Qiang"], ["CN", "KP"],
              [source(li, LI)]),
        Event(days("2025-09-01", "2025-09-30", "month"), "Kim meets Putin", ["Kim Jong Un", "Vladimir Putin"],
              ["KP", "RU", "CN"], [source(li, KIM_PUTIN)]),
        Event(days("2025-09-01", "2025-09-07", "week"), "Kim to attend parade", ["Kim Jong Un"], ["KP", "CN"],
              [source(kim, PARADE)]),
        Event(days("2015-01-01", "2015-12-31", "year"), "Parade of 2015", ["Kim Jong Un"], ["KP"],
              [source(kim, ELEVATION)]),
        Event(When.undated(), "More talks expected", [], ["CH"], [source(kim, ZURICH)]),
        Event(days("2025-10-09"), "Trump meets Xi", ["Donald Trump", "Xi Jinping"], ["US", "CN"],
              [source(trade, TRADE)]),
    ]
    conn = connect(tmp_path_factory.mktemp("q") / "q.db", create=True)
    with transaction(conn):
        for art in (li, kim, trade):
            insert_article(conn, art)
        for event in events:
            insert_event(conn, event, {"Li Qiang": "CN", "Kim Jong Un": "KP"}, aliases=aliases)
    yield conn
    conn.close()


def ids(rows) -> list[int]:
    return [row.id for row in rows]


# Order and paging

TIMELINE = [4, 2, 3, 1, 6, 5]  # 2015; Sept 1 (ids 2, 3); Oct 9 (ids 1, 6); undated


def test_timeline_is_dated_by_start_ties_by_id_undated_last(store):
    rows = timeline_page(store, Filter())
    assert ids(rows) == TIMELINE
    first = rows[0]
    assert (first.start, first.end, first.precision, first.summary) == (
        date(2015, 1, 1), date(2015, 12, 31), "year", "Parade of 2015")
    assert rows[1].persons == ("Kim Jong Un", "Vladimir Putin") and rows[1].countries == ("KP", "RU", "CN")
    assert rows[-1].start is None and rows[-1].sort_key == "9999-99-99"
    assert all(row.n_sources == 1 for row in rows)


def walk(conn, flt: Filter, limit: int, descending: bool = False) -> list[int]:
    """Every id, read page by page (at most 20 pages, so a keyset that stands still fails instead of hanging)."""
    seen, after = [], None
    for _ in range(20):
        page = timeline_page(conn, flt, after=after, limit=limit, descending=descending)
        if not page:
            return seen
        assert len(page) <= limit
        seen += ids(page)
        after = page[-1].key
    raise AssertionError(f"paging did not end: {seen[:30]}")


def test_keyset_pages_join_up_to_the_whole_timeline_both_ways(store):
    assert walk(store, Filter(), limit=2) == TIMELINE
    assert walk(store, Filter(), limit=4, descending=True) == TIMELINE[::-1]


@pytest.mark.parametrize("limit", [1, 2, 3, 100])  # small pages make common actors walk the timeline
@pytest.mark.parametrize(("flt", "expected"), [
    (Filter(countries=("CN",)), [2, 3, 1, 6]),
    (Filter(persons=("Kim Jong Un",), countries=("CN",)), [2, 3]),
    (Filter(countries=("KP",), since=date(2025, 1, 1)), [2, 3, 1]),
])
def test_filtered_pages_join_up_whatever_their_size(store, flt, limit, expected):
    assert walk(store, flt, limit) == expected
    assert walk(store, flt, limit, descending=True) == expected[::-1]


def test_a_page_after_a_row_starts_right_after_it(store):
    row_3 = timeline_page(store, Filter())[2]
    assert ids(timeline_page(store, Filter(), after=row_3.key)) == [1, 6, 5]
    assert ids(timeline_page(store, Filter(), after=row_3.key, descending=True)) == [2, 4]
    assert ids(timeline_page(store, Filter(), after=("2025-10-01", 0))) == [1, 6, 5]  # jump to a date


# Filters


@pytest.mark.parametrize(("flt", "expected"), [
    (Filter(persons=("Kim Jong Un",)), [4, 2, 3]),
    (Filter(persons=("kim jong un",)), [4, 2, 3]),
    (Filter(persons=("KIM",)), [4, 2, 3]),  # an alias
    (Filter(persons=("Kim Jong-un",)), [4, 2, 3]),
    (Filter(persons=("Kim Jong Un", "Vladimir Putin")), [2]),
    (Filter(persons=("Nobody Known",)), []),
    (Filter(countries=("CN",)), [2, 3, 1, 6]),
    (Filter(countries=("cn", "KP")), [2, 3, 1]),
    (Filter(countries=("FR",)), []),
    (Filter(persons=("Xi",), countries=("US",)), [6]),
    (Filter(since=date(2025, 10, 1)), [1, 6]),  # ends on or after
    (Filter(until=date(2025, 9, 3)), [4, 2, 3]),  # starts on or before
    (Filter(since=date(2025, 9, 5), until=date(2025, 9, 5)), [2, 3]),
    (Filter(since=date(2025, 9, 8), until=date(2025, 10, 8)), [2]),
    (Filter(countries=("KP",), until=date(2025, 9, 30)), [4, 2, 3]),
])
def test_filters_and_counts(store, flt, expected):
    assert ids(timeline_page(store, flt)) == expected
    assert count_events(store, flt) == len(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("parade", [4, 3]),  # summary of 4, excerpt of 3
    ("pyong", [1]),  # words match as prefixes
    ("north korea", [1]),  # from the summary
    ("zurich", [5]),  # accents folded
    ("TARIFF", [6]),
    ("kim beijing", [2, 3]),  # every word must appear
    ('"kim', [4, 2, 3]),  # an unbalanced quote is plain text
    ("kim AND", []),  # operators are plain words ("and" is in no event)
    ("", TIMELINE),
    ("'; --", TIMELINE),  # nothing searchable: no text condition
])
def test_text_filter(store, text, expected):
    assert ids(timeline_page(store, Filter(text=text))) == expected
    assert count_events(store, Filter(text=text)) == len(expected)


@pytest.mark.parametrize("hostile", [
    "'; DROP TABLE events; --", '"', '""', "NEAR(kim pyong", "kim OR", "NOT kim", "*", "^kim", "summary:kim",
    "(((", "kim)", "kim*", "-kim", "+", "{summary}: kim", "\\", "%_", "\x00",
])
def test_hostile_search_text_never_raises(store, hostile):
    rows = timeline_page(store, Filter(text=hostile))
    assert count_events(store, Filter(text=hostile)) == len(rows)
    search_ids(store, hostile, Filter())
    assert count_events(store, Filter()) == 6


# Facets, search, sources, pickers


def test_actor_counts_without_a_filter_use_the_stored_counts(store):
    assert actor_counts(store, "person", Filter()) == [
        ("Kim Jong Un", "Kim Jong Un", 3), ("Donald Trump", "Donald Trump", 1), ("Li Qiang", "Li Qiang", 1),
        ("Vladimir Putin", "Vladimir Putin", 1), ("Xi Jinping", "Xi Jinping", 1)]
    assert actor_counts(store, "country", Filter(), limit=3) == [
        ("CN", "China", 4), ("KP", "North Korea", 4), ("RU", "Russia", 1)]


def test_actor_counts_among_filtered_events(store):
    assert actor_counts(store, "country", Filter(persons=("Kim Jong Un",))) == [
        ("KP", "North Korea", 3), ("CN", "China", 2), ("RU", "Russia", 1)]
    assert actor_counts(store, "person", Filter(since=date(2025, 10, 1))) == [
        ("Donald Trump", "Donald Trump", 1), ("Li Qiang", "Li Qiang", 1), ("Xi Jinping", "Xi Jinping", 1)]
    assert actor_counts(store, "person", Filter(persons=("Nobody",))) == []


def test_search_ids_are_in_timeline_order_within_the_filter(store):
    assert search_ids(store, "kim", Filter()) == [4, 2, 3]
    assert search_ids(store, "kim", Filter(countries=("RU",))) == [2]
    assert search_ids(store, "kim", Filter(text="beijing")) == [2, 3]
    assert search_ids(store, "kim", Filter(), limit=2) == [4, 2]
    assert search_ids(store, "  ", Filter()) == []


def test_event_sources_carry_the_article_and_the_paragraph_around_the_excerpt(store):
    [src] = event_sources(store, 1)
    assert (src.path, src.title, src.published, src.excerpt) == ("li.md", "Li Qiang to visit", date(2025, 10, 7), LI)
    assert (src.start, src.end) == (0, len(LI))
    assert src.paragraph == f"{LI} {LI_MORE}" and src.paragraph_start == 0
    [second] = event_sources(store, 2)
    assert second.paragraph == KIM_PUTIN
    assert second.paragraph_start == second.start == len(f"{LI} {LI_MORE}\n\n")
    [middle] = event_sources(store, 4)
    assert middle.paragraph == ELEVATION
    assert event_sources(store, 999) == []


def test_find_actors_matches_names_codes_and_aliases(store):
    assert find_actors(store, "person", "kim") == [ActorMatch("Kim Jong Un", "Kim Jong Un", "KP", 3)]
    assert [m.key for m in find_actors(store, "person", "jong-un")] == ["Kim Jong Un"]  # alias only
    assert [m.key for m in find_actors(store, "person", "jin")] == ["Xi Jinping"]
    assert [m.key for m in find_actors(store, "country", "ch")] == ["CH", "CN"]  # the code first, then "China"
    assert [m.name for m in find_actors(store, "country", "korea")] == ["North Korea"]
    assert find_actors(store, "person", "%") == []  # LIKE wildcards are plain text
    assert len(find_actors(store, "country", "", limit=4)) == 4


def test_find_actors_ranks_exact_then_prefix_then_word_then_inside(tmp_path):
    names = {"Isberg Tor": 3, "Anna Berg": 2, "Berg Anders": 1, "Berg": 1}
    conn = connect(tmp_path / "rank.db", create=True)
    art = Article("r.md", "\n".join(f"Line {i}." for i in range(8)))
    insert_article(conn, art)
    line = 0
    for name, n in names.items():
        for _ in range(n):
            insert_event(conn, Event(days("2025-01-01"), name, [name], [], [source(art, f"Line {line}.")]), {})
            line += 1
    assert [m.key for m in find_actors(conn, "person", "berg")] == ["Berg", "Berg Anders", "Anna Berg", "Isberg Tor"]
    conn.close()


def test_all_events_gives_whole_events_in_timeline_order(store):
    events = list(all_events(store, Filter()))
    assert [e.id for e in events] == TIMELINE
    li = events[3]
    assert li.when == days("2025-10-09", "2025-10-11")
    assert (li.persons, li.countries) == (["Li Qiang"], ["CN", "KP"])
    assert [(s.path, s.excerpt, s.published) for s in li.sources] == [("li.md", LI, date(2025, 10, 7))]
    assert [e.id for e in all_events(store, Filter(countries=("RU",)))] == [2]


def test_all_events_reads_past_one_page(tmp_path):
    conn = connect(tmp_path / "many.db", create=True)
    art = Article("m.md", "\n".join(f"Line {i}." for i in range(1203)))
    with transaction(conn):
        insert_article(conn, art)
        for i in range(1203):
            when = days(date.fromordinal(date(2020, 1, 1).toordinal() + (i * 7919) % 1000).isoformat())
            insert_event(conn, Event(when, f"event {i}", [], [], [source(art, f"Line {i}.")]), {})
    events = list(all_events(conn, Filter()))
    assert len(events) == 1203 and len({e.id for e in events}) == 1203
    keys = [(e.when.start, e.id) for e in events]
    assert keys == sorted(keys)
    conn.close()


def test_merged_event_lists_every_source_in_stored_order(tmp_path):
    conn = connect(tmp_path / "m.db", create=True)
    one = Article("one.md", "Kim will go to Beijing.", published=date(2025, 8, 28))
    two = Article("two.md", "Kim arrived in Beijing.", published=date(2025, 9, 2))
    with transaction(conn):
        insert_article(conn, one)
        insert_article(conn, two)
        event_id = insert_event(conn, Event(days("2025-09-02"), "Kim in Beijing", ["Kim Jong Un"], ["CN"],
                                            [source(one, one.body)]), {})
        update_event(conn, event_id, Event(days("2025-09-02"), "Kim in Beijing", ["Kim Jong Un"], ["CN"],
                                           [source(one, one.body), source(two, two.body)]), [source(two, two.body)], {})
    assert [s.path for s in event_sources(conn, event_id)] == ["one.md", "two.md"]
    assert timeline_page(conn, Filter())[0].n_sources == 2
    conn.close()


def test_a_timeline_row_carries_the_dating_of_its_latest_telling(tmp_path):
    conn = connect(tmp_path / "d.db", create=True)
    one = Article("one.md", "Kim criticised the plan.", published=date(2025, 9, 7))
    two = Article("two.md", "Kim criticised the plan on Monday.", published=date(2025, 9, 9))
    with transaction(conn):
        insert_article(conn, one)
        insert_article(conn, two)
        vague = insert_event(conn, Event(days("2025-09-01", "2025-09-07"), "Kim criticised the plan", ["Kim Jong Un"],
                                         [], [source(one, one.body)], dated_by="before"), {})
        stated = insert_event(conn, Event(days("2025-09-08"), "Kim criticised", ["Kim Jong Un"], [],
                                          [source(two, two.body)]), {})
    rows = {row.id: row for row in timeline_page(conn, Filter())}
    assert (rows[vague].dated_by, rows[stated].dated_by) == ("before", "explicit")
    with transaction(conn):
        update_event(conn, vague, Event(days("2025-09-08"), "Kim criticised the plan", ["Kim Jong Un"], [],
                                        [source(one, one.body), source(two, two.body)]), [source(two, two.body)], {})
    assert timeline_page(conn, Filter())[0].dated_by == "explicit"  # the newer telling dated it
    conn.close()


# Dates and names


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-09-01", When(date(2025, 9, 1), date(2025, 9, 1), "day")),
    ("2025-09", When(date(2025, 9, 1), date(2025, 9, 30), "month")),
    ("2024-02", When(date(2024, 2, 1), date(2024, 2, 29), "month")),
    (" 2025 ", When(date(2025, 1, 1), date(2025, 12, 31), "year")),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "25", "2025/09", "", "September 2025", "2025-9-1"])
def test_parse_period_refuses_other_forms(text):
    with pytest.raises(ValueError, match="use YYYY-MM-DD, YYYY-MM or YYYY"):
        parse_period(text)


def test_parse_period_takes_the_first_and_last_years_of_event_dates():
    assert parse_period("1000").start == date(1000, 1, 1)
    assert parse_period("2999-12").end == date(2999, 12, 31)


@pytest.mark.parametrize(("text", "year"), [("0999", "0999"), ("3000-01", "3000"), ("9999-12-31", "9999"),
                                            ("0001-01-01", "0001")])
def test_parse_period_refuses_years_outside_event_dates(text, year):
    with pytest.raises(OutOfRange, match=f"bad date '{text}': year {year} is outside 1000–2999"):
        parse_period(text)


@pytest.mark.parametrize(("when", "label"), [
    (days("2025-10-09"), "2025-10-09"),
    (days("2025-10-09", "2025-10-11"), "2025-10-09 – 2025-10-11"),
    (days("2025-10-06", "2025-10-12", "week"), "week of 2025-10-06"),
    (days("2025-10-01", "2025-10-31", "month"), "2025-10"),
    (days("2025-09-01", "2025-10-31", "month"), "2025-09 – 2025-10"),
    (days("2025-10-01", "2025-12-31", "quarter"), "2025-Q4"),
    (days("2025-01-01", "2025-12-31", "year"), "2025"),
    (days("2020-01-01", "2029-12-31", "decade"), "2020s"),
    (When.undated(), "undated"),
])
def test_when_label(when, label):
    assert when_label(when) == label


def test_when_label_of_an_event_only_the_publication_dates():
    week = When(date(2025, 5, 1), date(2025, 5, 7), "day")
    assert when_label(week, "before") == "by 2025-05-07"
    assert when_label(week, "after") == "from 2025-05-01"
    assert when_label(week) == "2025-05-01 – 2025-05-07"


@pytest.mark.parametrize(("text", "code"), [
    ("north korea", "KP"), ("kp", "KP"), ("Switzerland", "CH"),  # from the store
    ("Germany", "DE"), ("DEU", "DE"), ("de", "DE"),  # from ISO 3166
    ("Atlantis", None),
])
def test_resolve_country(store, text, code):
    assert resolve_country(store, text) == code


def test_facet_counts_keep_an_actor_that_ties_with_the_last_one_listed(tmp_path, monkeypatch):
    import store.queries as queries

    monkeypatch.setattr(queries, "_CHUNK", 1)  # names are read one actor at a time, most counted first
    art = Article("ties.md", "One sentence.", "Ties", date(2025, 1, 1))
    conn = connect(tmp_path / "ties.db", create=True)
    with transaction(conn):
        insert_article(conn, art)
        # Actor ids in order of appearance: Zed, Bob, FR, DE, Amy. Under the FR filter: FR 4, Zed 3, then Bob,
        # DE and Amy with 2 each; Amy comes last but ties with Bob and sorts before him by name.
        for persons, countries in [(["Zed", "Bob"], ["FR", "DE"]), (["Zed", "Bob"], ["FR", "DE"]),
                                   (["Zed", "Amy"], ["FR"]), (["Amy"], ["FR"])]:
            insert_event(conn, Event(days("2025-01-01"), "An event", persons, countries,
                                     [source(art, "One sentence.")]), {})
    counts = queries.facet_counts(conn, Filter(countries=("FR",)), limit=2)
    assert [(c.key, c.count) for c in counts["person"]] == [("Zed", 3), ("Amy", 2)]
    assert [(c.key, c.count) for c in counts["country"]] == [("FR", 4), ("DE", 2)]
    assert counts == {kind: actor_counts(conn, kind, Filter(countries=("FR",)), limit=2) for kind in counts}
