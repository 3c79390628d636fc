"""Key dates on small invented stores: which days win, what each shows, and the span looked at."""
from __future__ import annotations

from datetime import date

from store.db import connect, delete_article, insert_article, insert_event, tally_days, transaction, update_event
from store.digest import key_dates
from store.filter import Filter
from store.model import Article, Dating, Event, Source, When


def day(iso: str) -> When:
    d = date.fromisoformat(iso)
    return When(d, d, "day")


class Store:
    """A store built article by article: each event told by one sentence of its article."""

    def __init__(self, path) -> None:
        self.conn = connect(path, create=True)

    def article(self, name: str, published: str, sentences: list[tuple[str, str, str | None]]) -> None:
        """`sentences`: (text, the day its event is dated to, the words that state it or None when only the
        publication dates it)."""
        art = Article(f"{name}.md", " ".join(text for text, _, _ in sentences), name, date.fromisoformat(published),
                      source=name)
        with transaction(self.conn):
            insert_article(self.conn, art)
            for text, iso, words in sentences:
                start = art.body.index(text)
                if words is None:
                    dating, dated_by = Dating("published", when=day(iso)), "published"
                else:
                    at = start + text.index(words)
                    dating, dated_by = Dating("explicit", at, at + len(words), words, "published", day(iso)), "explicit"
                source = Source(art.id, art.path, art.title, art.published, text, start, start + len(text), dating)
                insert_event(self.conn, Event(day(iso), text, [], [], [source], dated_by, frozenset(text.split())),
                             {})
            tally_days(self.conn, art.id, 1)  # as ingest does once an article's events are stored


def test_a_day_stated_by_many_articles_beats_a_day_one_article_states_many_times(tmp_path):
    store = Store(tmp_path / "s.db")
    for outlet in ("wire", "daily", "post"):
        store.article(outlet, "2025-05-10", [(f"The {outlet} says the dam broke on May 3.", "2025-05-03", "May 3")])
    store.article("long", "2025-05-10", [(f"Rescue team {n} reached the valley on May 4.", "2025-05-04", "May 4")
                                         for n in range(6)])
    found = key_dates(store.conn, Filter(), dates=1)
    assert [(key.day, key.score[0]) for key in found.dates] == [(date(2025, 5, 3), 3)]


def test_a_day_later_articles_refer_back_to_beats_the_day_of_a_long_article(tmp_path):
    store = Store(tmp_path / "s.db")
    store.article("long", "2025-05-06", [(f"Officials met for the {n}th round of talks.", "2025-05-06", None)
                                         for n in range(8)])
    store.article("monday", "2025-05-09", [("The ceasefire began on Monday.", "2025-05-05", "on Monday")])
    store.article("later", "2025-05-12", [("Since the ceasefire of May 5 no shot was fired.", "2025-05-05", "May 5")])
    found = key_dates(store.conn, Filter(), dates=1)
    assert [key.day for key in found.dates] == [date(2025, 5, 5)]
    both = key_dates(store.conn, Filter(), dates=2)
    assert [key.day for key in both.dates] == [date(2025, 5, 5), date(2025, 5, 6)]  # in date order


def test_each_date_shows_its_most_told_events_once_each(tmp_path):
    store = Store(tmp_path / "s.db")
    store.article("a", "2025-05-04", [("The dam broke on May 3.", "2025-05-03", "May 3"),
                                      ("A bridge closed on May 3.", "2025-05-03", "May 3")])
    store.article("b", "2025-05-05", [("The dam broke on May 3.", "2025-05-03", "May 3")])  # not merged: same text
    store.article("c", "2025-05-06", [("Crowds gathered on May 3.", "2025-05-03", "May 3")])
    (key,) = key_dates(store.conn, Filter(), dates=1, per_date=2).dates
    assert [event.summary for event in key.events] == ["The dam broke on May 3.", "A bridge closed on May 3."]


def test_without_bounds_days_are_looked_for_in_the_coverage_not_the_background(tmp_path):
    store = Store(tmp_path / "s.db")
    for n, outlet in enumerate(("wire", "daily", "post")):
        store.article(outlet, f"2025-05-1{n}", [("The war began on March 20, 2003.", "2003-03-20", "March 20, 2003"),
                                                (f"Troops left on May {n + 10}.", f"2025-05-{n + 10}", f"May {n + 10}")])
    found = key_dates(store.conn, Filter(), dates=1)
    assert found.span == (date(2025, 5, 5), date(2025, 5, 12))  # at least the week up to the last article
    assert [key.day for key in found.dates] == [date(2025, 5, 10)]  # stated once like the other two: the earliest
    older = key_dates(store.conn, Filter(since=date(2003, 1, 1), until=date(2025, 12, 31)), dates=1)
    assert [key.day for key in older.dates] == [date(2003, 3, 20)]


def test_a_filter_naming_nobody_in_the_store_has_no_key_dates(tmp_path):
    store = Store(tmp_path / "s.db")
    store.article("a", "2025-05-04", [("The dam broke on May 3.", "2025-05-03", "May 3")])
    found = key_dates(store.conn, Filter(persons=("Nobody Known",)))
    assert (found.dates, found.candidates, found.span) == ([], 0, None)


def _varied_store(path) -> Store:
    store = Store(path)
    for n in range(1, 6):
        for outlet in range(n):
            store.article(f"d{n}-o{outlet}", "2025-05-09", [(f"Storm {n} hit the coast on May {n}.", f"2025-05-0{n}",
                                                              f"May {n}"),
                                                             (f"Outlet {outlet} reported on storm {n}.", "2025-05-09",
                                                              None)])
    return store


def test_the_whole_store_reads_its_tallies_and_chooses_the_days_a_filter_selecting_everything_counts(tmp_path):
    store = _varied_store(tmp_path / "s.db")
    every = tuple(row[0] for row in store.conn.execute("SELECT id FROM events"))
    tallied = key_dates(store.conn, Filter(), dates=3)
    counted = key_dates(store.conn, Filter(only=every), dates=3)
    assert [(k.day, k.score) for k in tallied.dates] == [(k.day, k.score) for k in counted.dates] == [
        (date(2025, 5, 3), (3, 3)), (date(2025, 5, 4), (4, 4)), (date(2025, 5, 5), (5, 5))]
    # the storm days 2-5 and the day of publication: 1 May is more than the week before the last article
    assert tallied.candidates == counted.candidates == 5


def test_deleting_an_article_takes_its_days_out_of_the_tallies_and_a_migrated_store_counts_them_alike(tmp_path):
    store = _varied_store(tmp_path / "s.db")
    before = [tuple(row) for row in store.conn.execute("SELECT * FROM day_tallies ORDER BY day")]
    for name in ("d5-o0", "d5-o1", "d5-o2"):
        article_id = store.conn.execute("SELECT id FROM articles WHERE title = ?", (name,)).fetchone()[0]
        with transaction(store.conn):
            delete_article(store.conn, article_id)
    after = dict(tuple(row) for row in store.conn.execute("SELECT day, telling FROM day_tallies"))
    assert after["2025-05-05"] == 2 and after["2025-05-09"] == 12  # 15 articles less 3
    store.conn.execute("DELETE FROM day_tallies")  # what a migration or a bulk load counts from the tellings
    from store.schema import RECOUNT_DAY_TALLIES

    store.conn.executescript(RECOUNT_DAY_TALLIES)
    again = dict(tuple(row) for row in store.conn.execute("SELECT day, telling FROM day_tallies"))
    assert again == after and len(before) == 6


def test_an_event_told_on_two_days_shows_under_one_the_day_most_of_its_tellings_give(tmp_path):
    store = Store(tmp_path / "s.db")
    store.article("other", "2025-05-06", [("Crowds gathered on May 5.", "2025-05-05", "May 5")])
    arts = [Article(f"{n}.md", f"Outlet {n} says the dam broke on May {3 if n < 3 else 5}.", f"t{n}", date(2025, 5, 6),
                    source=f"o{n}")
            for n in range(4)]
    sources = []
    with transaction(store.conn):
        for art in arts:
            insert_article(store.conn, art)
            words = art.body[art.body.index("May"):-1]
            at = art.body.index(words)
            sources.append(Source(art.id, art.path, art.title, art.published, art.body, 0, len(art.body),
                                  Dating("explicit", at, at + len(words), words, "published",
                                         day(f"2025-05-0{words[-1]}"))))
        insert_event(store.conn, Event(day("2025-05-03"), "The dam broke", [], [], sources, "explicit",
                                       frozenset({"dam", "broke"})), {})
        for art in arts:
            tally_days(store.conn, art.id, 1)
    every = tuple(row[0] for row in store.conn.execute("SELECT id FROM events"))
    found = key_dates(store.conn, Filter(only=every), dates=2, per_date=2)
    assert [(k.day, [e.summary for e in k.events]) for k in found.dates] == [
        (date(2025, 5, 3), ["The dam broke"]),  # three tellings say 3 May, one says 5 May
        (date(2025, 5, 5), ["Crowds gathered on May 5."])]


def test_a_tallied_day_whose_events_moved_away_gives_its_place_to_the_next_day(tmp_path):
    store = Store(tmp_path / "s.db")
    store.article("a", "2025-05-07", [("The dam broke on May 3.", "2025-05-03", "May 3")])
    for outlet in ("b", "c"):
        store.article(outlet, "2025-05-07", [(f"The bridge closed on May 5, says {outlet}.", "2025-05-05", "May 5")])
    store.article("d", "2025-05-06", [("Crowds gathered in the square.", "2025-05-06", None)])
    dam = store.conn.execute("SELECT id FROM events WHERE summary LIKE 'The dam%'").fetchone()[0]
    with transaction(store.conn):  # a later telling dates the break to May 4: its first telling still says May 3
        update_event(store.conn, dam, Event(day("2025-05-04"), "The dam broke.", [], [], []), [], {})
    assert store.conn.execute("SELECT stating FROM day_tallies WHERE day = '2025-05-03'").fetchone()[0] == 1
    every = tuple(row[0] for row in store.conn.execute("SELECT id FROM events"))
    for flt in (Filter(), Filter(only=every)):  # read from the tallies, and counted from a selection's tellings
        found = key_dates(store.conn, flt, dates=2)
        assert [(key.day, [event.summary for event in key.events]) for key in found.dates] == [
            (date(2025, 5, 5), ["The bridge closed on May 5, says b.", "The bridge closed on May 5, says c."]),
            (date(2025, 5, 6), ["Crowds gathered in the square."])], flt


def test_a_selection_s_coverage_walked_from_both_ends_is_the_one_counted_from_all_its_tellings(tmp_path, monkeypatch):
    import store.digest as digest

    store = Store(tmp_path / "s.db")
    for n in range(1, 8):
        store.article(f"a{n}", f"2025-05-{10 + n}", [(f"Storm {n} hit the coast on May {9 + n}.", f"2025-05-{9 + n:02d}",
                                                     f"May {9 + n}")])
    middle = tuple(row[0] for row in store.conn.execute(  # told by the articles of 12 to 15 May
        "SELECT id FROM events WHERE summary LIKE 'Storm 2 %' OR summary LIKE 'Storm 5 %'"))
    for walk, counted in ((1, True), (2, True), (3, False), (100, False)):
        monkeypatch.setattr(digest, "COVERAGE_WALK", walk)
        asked: list[str] = []
        store.conn.set_trace_callback(asked.append)
        found = key_dates(store.conn, Filter(only=middle), dates=2)
        store.conn.set_trace_callback(None)
        assert found.span == (date(2025, 5, 8), date(2025, 5, 15))  # the week up to its last article
        assert [key.day for key in found.dates] == [date(2025, 5, 11), date(2025, 5, 14)]
        assert any("min(a.published)" in sql for sql in asked) == counted, walk  # walked when both ends are near
