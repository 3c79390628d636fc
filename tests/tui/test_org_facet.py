"""Organisations in the browser: a third sidebar list with counts, space toggles the filter, `o` picks one."""
from __future__ import annotations

from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When
from tests.tui.test_app import SIZE, main, press, settle, type_text
from tui.app import make_app
from tui.widgets.facets import FacetList

pytestmark = pytest.mark.anyio


@pytest.fixture
def store(tmp_path):
    """Six events: Sony in three, the Central Bank in two of them and one more, nobody in the last."""
    path = tmp_path / "orgs.db"
    conn = connect(path, create=True)
    with transaction(conn):
        body = "\n".join(f"Sentence {k}." for k in range(6))
        article = Article("news/a.md", body, "A paper", date(2025, 5, 7))
        insert_article(conn, article)
        for k, orgs in enumerate((["Sony"], ["Sony", "Central Bank"], ["Sony", "Central Bank"], ["Central Bank"],
                                  [], [])):
            sentence = f"Sentence {k}."
            start = body.index(sentence)
            insert_event(conn, Event(When(date(2025, 5, 1 + k), date(2025, 5, 1 + k), "day"), f"Event {k}", [], [],
                                     [Source(article.id, article.path, article.title, article.published, sentence,
                                             start, start + len(sentence))], orgs=orgs), {})
    conn.close()
    return path


async def test_the_organisations_list_counts_and_space_filters(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        orgs = app.screen.query_one("#orgs", FacetList)
        assert orgs.keys == ["Central Bank", "Sony"]  # three events each: by name
        orgs.focus()
        await press(pilot, "down", "space")
        assert main(app).flt.orgs == ("Sony",) and main(app).timeline.view.total == 3
        assert app.screen.query_one("#orgs", FacetList).keys == ["Sony", "Central Bank"]  # counts under the filter


async def test_o_picks_an_organisation_by_a_few_letters(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "o")
        await type_text(pilot, "cb")
        await settle(pilot)
        await press(pilot, "enter")
        assert main(app).flt.orgs == ("Central Bank",) and main(app).timeline.view.total == 3
