"""Hostile text end to end: a file name, a title and a body carrying Rich markup, ANSI/OSC escape sequences, a
bell, a newline and bidi overrides go through ingest, the command line and the browser shown literally or
removed, never interpreted."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.tui.test_app import SIZE, press, screen_text, settle
from tui.app import make_app
from tui.cli import app as cli
from tui.screens.article import ArticleScreen
from tui.screens.sources import SourcesScreen

runner = CliRunner()
NAME = "evil\x1b]0;pwned\x07[bold red]loud\u202eyxz\n"  # no "/" in a file name
TITLE = "\x1b[31m[red]Red[/red] title\u2066 with [link=http://x]a link[/link]"
BODY = "France and Japan signed a [b]pact\x1b[2J on March 3, 2021 in Tokyo\u202e.\n"
CONTROLS = ("\x1b", "\x07", "\u202e", "\u2066", "\x9b")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    folder.mkdir()
    (folder / f"{NAME}.md").write_text(f"---\ntitle: \"{TITLE}\"\npublished: 2024-05-02\n---\n{BODY}",
                                       encoding="utf-8")
    (folder / f"{NAME}empty.txt").write_text("", encoding="utf-8")
    store = folder.parent / "s.db"
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(store)])
    return store, result


def test_ingest_messages_name_hostile_files_without_their_control_characters(ingested):
    _, result = ingested
    assert result.exit_code == 0, result.output
    assert not any(c in result.stderr for c in CONTROLS)
    assert "[bold red]loudyxz empty.txt: empty file" in result.stderr  # the newline became a space
    assert "Ingested 1 article(s)" in result.stderr


def test_the_events_table_shows_the_markup_literally(ingested):
    store, _ = ingested
    result = runner.invoke(cli, ["events", "--db", str(store)])
    assert result.exit_code == 0
    assert "[b]pact" in result.stdout and not any(c in result.stdout for c in CONTROLS)


@pytest.mark.anyio
async def test_the_browser_shows_title_file_name_and_excerpt_literally(ingested):
    store, _ = ingested
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main_text = screen_text(app)
        assert "[b]pact on March 3, 2021" in main_text  # in the detail under the timeline
        await press(pilot, "enter")
        assert isinstance(app.screen, SourcesScreen)
        sources_text = screen_text(app)
        assert "[red]Red[/red] title with [link=http://x]a link[/link]" in sources_text
        assert "[bold red]loudyxz" in sources_text
        await press(pilot, "o")
        assert isinstance(app.screen, ArticleScreen)
        article_text = screen_text(app)
        assert "[red]Red[/red] title" in article_text and "[b]pact on" in article_text
        for text in (main_text, sources_text, article_text):
            assert not any(c in text for c in CONTROLS)
            assert "pwned" not in text  # an OSC sequence goes as a whole, its text too
