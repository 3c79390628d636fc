"""Correcting who a person is from the browser's persons list (`e`): the correction is stored as the analyst's
own, the timeline and the filter follow it, and later ingests apply it too."""
from __future__ import annotations

import shutil

import pytest

from store.db import connect, person_corrections
from tests.tui.test_app import SIZE, main, press, screen_text, settle, type_text
from tests.tui.timeline_store import build
from tui.app import make_app
from tui.dialogs.person_name import PersonNameDialog
from tui.widgets.facets import FacetList

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("corrections") / "timeline.db")


@pytest.fixture
def store(built, tmp_path):
    return shutil.copy(built, tmp_path / "timeline.db")


def counts(path) -> dict[str, int]:
    conn = connect(path, readonly=True)
    try:
        return dict(conn.execute("SELECT name, n_events FROM actors WHERE kind = 'person'").fetchall())
    finally:
        conn.close()


async def focus_person(pilot, name: str) -> FacetList:
    persons = pilot.app.screen.query_one("#persons", FacetList)
    persons.focus()
    persons.highlighted = persons.keys.index(name)
    await settle(pilot)
    return persons


async def test_e_on_a_person_renames_them_and_the_filter_follows(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main(app)
        persons = await focus_person(pilot, "Ben Okoro")
        await press(pilot, "space")  # filter by Ben Okoro first
        assert screen.flt.persons == ("Ben Okoro",)
        await press(pilot, "e")
        assert isinstance(app.screen, PersonNameDialog)
        await press(pilot, "ctrl+u")  # the name typed over
        await type_text(pilot, "Benjamin Okoro")
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.flt.persons == ("Benjamin Okoro",) and screen.timeline.view.total == 32  # k % 6 == 0
        assert "Benjamin Okoro" in persons.keys and "Ben Okoro" not in persons.keys
    assert person_corrections(connect(store, readonly=True)) == {"Ben Okoro": "Benjamin Okoro"}
    assert counts(store) == {"Ana Lima": 48, "Benjamin Okoro": 32, "Kim Jong Un": 1}


async def test_the_name_of_another_person_makes_them_one(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_person(pilot, "Ben Okoro")
        await press(pilot, "e", "ctrl+u")
        await type_text(pilot, "Ana Lima")
        await press(pilot, "enter")
        await settle(pilot)
        assert main(app).query_one("#persons", FacetList).keys == ["Ana Lima", "Kim Jong Un"]
    assert counts(store) == {"Ana Lima": 64, "Kim Jong Un": 1}  # 48 + 32 - the 16 events (k % 12 == 0) naming both


async def test_the_same_name_is_refused_in_the_dialog_and_esc_stores_nothing(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_person(pilot, "Ana Lima")
        await press(pilot, "e", "enter")  # the name unchanged
        assert isinstance(app.screen, PersonNameDialog) and "Type the person's right name" in screen_text(app)
        await press(pilot, "escape")
        assert not isinstance(app.screen, PersonNameDialog)
    assert person_corrections(connect(store, readonly=True)) == {}


async def test_countries_have_no_correction_key(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        countries = app.screen.query_one("#countries", FacetList)
        countries.focus()
        await press(pilot, "e")
        assert not isinstance(app.screen, PersonNameDialog)


async def test_the_bundled_sample_is_not_corrected(monkeypatch, store):
    from tui.screens import main as main_screen

    monkeypatch.setattr(main_screen, "is_sample", lambda path: True)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_person(pilot, "Ana Lima")
        await press(pilot, "e")
        assert not isinstance(app.screen, PersonNameDialog)
        assert any("bundled sample is not corrected" in n.message for n in app._notifications)


async def test_s_on_a_person_splits_off_the_spelling_chosen(tmp_path):
    from typer.testing import CliRunner

    from tui.cli import app as cli
    from tui.dialogs.person_split import PersonSplitDialog

    folder, path = tmp_path / "in", tmp_path / "s.db"
    folder.mkdir()
    for name, text in (("a.md", "Foreign Minister Alex Lind of Sweden met Anna Kovalenko in Oslo on Monday."),
                       ("b.md", "Alexandra Lind opened a school in Malmo on Friday, May 2.")):
        (folder / name).write_text(f"---\ntitle: {name}\npublished: 2025-05-06\n---\n\n{text}\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(path)]).exit_code == 0
    assert counts(path) == {"Alex Lind": 2, "Anna Kovalenko": 1}  # "Alex" may be Alexandra: taken for one person

    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_person(pilot, "Alex Lind")
        await press(pilot, "s")
        assert isinstance(app.screen, PersonSplitDialog) and app.screen.spellings == ["Alexandra Lind"]
        await press(pilot, "enter")
        await settle(pilot)
        assert set(main(app).query_one("#persons", FacetList).keys) == {"Alex Lind", "Alexandra Lind",
                                                                       "Anna Kovalenko"}
    assert counts(path) == {"Alex Lind": 1, "Alexandra Lind": 1, "Anna Kovalenko": 1}
    assert person_corrections(connect(path, readonly=True)) == {"Alexandra Lind": "Alexandra Lind"}


async def test_s_on_a_person_with_one_spelling_says_there_is_nothing_to_split(store):
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_person(pilot, "Ana Lima")
        await press(pilot, "s")
        await settle(pilot)
        assert not isinstance(app.screen, PersonNameDialog)
        assert any("nothing to split" in n.message for n in app._notifications)
