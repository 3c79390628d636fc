"""One person under several spellings across articles: which names are one person (store/people.py), and an
ingest that calls them one actor with the earliest article's spelling, whatever order the articles come in."""
from __future__ import annotations

import pytest

from store import db
from store.ingest import ingest
from store.people import keeps_spelling, same_person


@pytest.mark.parametrize("a, b", [
    ("Sergei Lavrov", "Sergey Lavrov"),  # a transliteration: i / y
    ("Antony Blinken", "Anthony Blinken"),  # an h more
    ("Philip Hart", "Phillip Hart"),  # a doubled letter
    ("Joe Biden", "Joseph Biden"),  # short and full forms of one given name
    ("Joseph R. Biden", "Joe Biden"),  # a middle initial on one side only
    ("Antony Blinken", "Antony Bilnken"),  # a typo: two letters swapped, same given name
    ("Kim Jong-un", "Kim Jong Un"),  # hyphens and case
])
def test_spellings_of_one_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Jill Biden", "Joe Biden"),  # another given name
    ("Mark Kelly", "Mary Kelly"),  # a letter apart, but not a spelling of the same sound
    ("Ivan Petrov", "Ivana Petrov"),
    ("John Hall", "John Hill"),
    ("Wang Yi", "Wang Yu"),  # short names: no letter may differ
    ("Joseph R. Biden", "Joseph T. Biden"),
    ("Biden", "Joe Biden"),  # a bare surname is resolved against the store, not here
])
def test_different_persons(a, b):
    assert not same_person(a, b)


def test_the_longer_name_and_else_the_earlier_article_keep_their_spelling():
    assert keeps_spelling("Yoon Suk Yeol", "Yoon Suk", new_is_earlier=False)
    assert not keeps_spelling("Yoon Suk", "Yoon Suk Yeol", new_is_earlier=True)
    assert keeps_spelling("Sergey Lavrov", "Sergei Lavrov", new_is_earlier=True)
    assert not keeps_spelling("Sergey Lavrov", "Sergei Lavrov", new_is_earlier=False)
    assert not keeps_spelling("Lavrov", "Sergei Lavrov", new_is_earlier=True)


ARTICLES = {
    "a-later.md": ("2025-05-20", "Foreign Minister Sergei Lavrov met Anna Kovalenko of Ukraine in Oslo on Monday "
                                 "about grain exports."),
    "b-earlier.md": ("2025-05-18", "Foreign Minister Sergey Lavrov will meet Anna Kovalenko of Ukraine in Oslo "
                                   "on Monday about grain exports."),
    "c-bare.md": ("2025-05-21", "President Marsh of Chile met Lavrov of Russia in Oslo on Tuesday."),
}


def write(folder, names):
    folder.mkdir()
    for name in names:
        published, text = ARTICLES[name]
        (folder / name).write_text(f"---\ntitle: {name}\npublished: {published}\n---\n\n{text}\n", encoding="utf-8")


def persons(path):
    conn = db.connect(path, readonly=True)
    try:
        named = {row[0]: row[1] for row in conn.execute(
            "SELECT name, (SELECT group_concat(alias, '|') FROM aliases WHERE actor_id = actors.id) FROM actors"
            " WHERE kind = 'person' ORDER BY name")}
        events = [row[0] for row in conn.execute("SELECT count(*) FROM events")][0]
        return named, events
    finally:
        conn.close()


@pytest.mark.parametrize("order", [["a-later.md", "b-earlier.md", "c-bare.md"],
                                   ["b-earlier.md", "a-later.md", "c-bare.md"]])
def test_one_person_under_two_spellings_is_one_actor_with_the_earliest_spelling(tmp_path, order):
    store = tmp_path / "s.db"
    for k, name in enumerate(order):  # one ingest per article: the store meets them in this order
        write(tmp_path / f"in{k}", [name])
        ingest([tmp_path / f"in{k}"], store)
    named, events = persons(store)
    assert set(named) == {"Sergey Lavrov", "Anna Kovalenko", "Marsh"}  # the bare "Lavrov" of c is him too
    assert "Sergei Lavrov" in named["Sergey Lavrov"].split("|")  # the other spelling stays, as an alias
    assert events == 2  # the Monday meeting told twice is one event (one person now), the Tuesday one another
