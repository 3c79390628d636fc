"""Hostile text end to end: a file name, a title and a body carrying Rich markup, ANSI/OSC escape sequences, a
bell, a newline and bidi overrides go through ingest, the command line and the browser shown literally or
removed, never interpreted."""
from __future__ import annotations

import csv
import io
import json
import os

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
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as out:  # a name that is not UTF-8
        out.write(b"Chile and Peru signed a treaty on March 5, 2021.\n")
    store = folder.parent / "s.db"
    result = runner.invoke(cli, ["ingest", str(folder), "--db", str(store)])
    return store, result


def test_ingest_messages_name_hostile_files_without_their_control_characters(ingested):
    _, result = ingested
    assert result.exit_code == 0, result.output
    assert not any(c in result.stderr for c in CONTROLS)
    # The name is kept recognisable: its control characters (the newline too) written as escapes.
    assert "evil\\x1b]0;pwned\\x07[bold red]loud\\u202eyxz\\x0aempty.txt: empty file" in result.stderr
    assert "Ingested 2 article(s)" in result.stderr


def test_a_file_name_that_is_not_utf8_is_stored_and_shown_with_an_escape(ingested):
    store, _ = ingested
    events = runner.invoke(cli, ["events", "--db", str(store), "--search", "treaty"])
    assert "Chile and Peru signed a treaty" in events.stdout
    record = json.loads(runner.invoke(cli, ["export", "--db", str(store), "--format", "json",
                                            "--search", "treaty"]).stdout)
    assert record["events"][0]["sources"][0]["path"].endswith("/in/bad\\xff.txt")


@pytest.mark.parametrize("fmt", ["csv", "json", "timelinejs"])
def test_exports_carry_no_control_characters_from_file_names_or_text(ingested, fmt):
    store, _ = ingested
    result = runner.invoke(cli, ["export", "--db", str(store), "--format", fmt])
    assert result.exit_code == 0
    assert not any(c in result.stdout for c in CONTROLS), fmt
    if fmt == "csv":
        paths = [row["sources"] for row in csv.DictReader(io.StringIO(result.stdout))]
        assert any(path.endswith("/in/evil\\x1b]0;pwned\\x07[bold red]loud\\u202eyxz\\x0a.md") for path in paths)


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
        assert "red]loud\\u202eyxz\\x0a.md" in sources_text  # the path, escaped (wrapped at "[bold ")
        await press(pilot, "o")
        assert isinstance(app.screen, ArticleScreen)
        article_text = screen_text(app)
        assert "[red]Red[/red] title" in article_text and "[b]pact on" in article_text
        for text in (main_text, sources_text, article_text):
            assert not any(c in text for c in CONTROLS)
            # An OSC sequence in a title or body goes as a whole, its text too; in a file name it shows escaped.
            assert "pwned" not in text.replace("\\x1b]0;pwned\\x07", "")
