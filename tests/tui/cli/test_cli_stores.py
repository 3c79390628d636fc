"""Which store a command uses without --db: the bundled sample (read-only) until the user's own store
($DATELINE_DB, else news.db in the platform's user data folder) holds articles; ingest writes the user's store.
Bad locations are one error line and exit code 1. Also `dateline --version`."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from store.db import connect
from tui.cli import app
from tui.paths import default_db, sample_db, store_label, user_db
from tests.exported import sample_event_count

ROOT = Path(__file__).resolve().parents[3]
runner = CliRunner()
ARTICLE = "On Monday, President Emmanuel Macron met Chancellor Olaf Scholz in Berlin to discuss trade.\n"


def _ingest_into_default(tmp_path: Path):
    article = tmp_path / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return runner.invoke(app, ["ingest", str(article), "--published", "2025-05-07"])


def test_the_sample_ships_in_the_store_package_and_the_checkout_links_to_it():
    assert sample_db() == ROOT / "store" / "data" / "sample.db" and sample_db().is_file()
    assert (ROOT / "sample.db").resolve() == sample_db()


def test_the_user_store_is_dateline_db_else_news_db_in_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "mine.db"))
    assert user_db() == tmp_path / "mine.db"
    monkeypatch.delenv("DATELINE_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert user_db() == tmp_path / "data" / "dateline" / "news.db"


def test_reading_commands_show_the_sample_until_the_user_store_holds_articles(tmp_path, monkeypatch):
    own = Path(tmp_path / "own.db")
    monkeypatch.setenv("DATELINE_DB", str(own))
    assert default_db() == sample_db()  # no store yet
    connect(own, create=True).close()
    assert default_db() == sample_db()  # a store without articles
    result = runner.invoke(app, ["events", "--limit", "1", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert f"of {sample_event_count()} events" in result.stdout  # the sample's events (three sample articles)
    assert result.stderr == (f"dateline: note: showing the bundled sample: your own store {own} holds no articles "
                             "yet (add some with: dateline ingest ARTICLES)\n")


def test_ingest_without_db_writes_the_user_store_which_then_is_the_default(tmp_path, monkeypatch):
    own = tmp_path / "deep" / "folder" / "news.db"
    monkeypatch.setenv("DATELINE_DB", str(own))
    result = _ingest_into_default(tmp_path)
    assert result.exit_code == 0, result.output
    assert own.is_file() and f"into {own}" in result.stderr
    assert default_db() == own
    shown = runner.invoke(app, ["events", "--format", "table"])
    assert shown.exit_code == 0 and shown.stderr == ""
    assert "1 of 1 event" in shown.stdout and "2025-05-05" in shown.stdout  # Monday before the 7th
    assert "Macron" in shown.stdout


def test_a_user_store_that_is_a_folder_or_not_sqlite_is_one_error_line(tmp_path, monkeypatch):
    folder = tmp_path / "folder.db"
    folder.mkdir()
    text = tmp_path / "notes.db"
    text.write_text("not a database " * 100)
    for bad, reason in ((folder, "it is a directory"), (text, "file is not a database")):
        monkeypatch.setenv("DATELINE_DB", str(bad))
        for args in (["events"], ["people"], ["export", "--format", "json"]):
            result = runner.invoke(app, args)
            assert result.exit_code == 1 and result.stdout == ""
            assert result.stderr == f"dateline: error: cannot open store {bad}: {reason}\n"
        ingested = _ingest_into_default(tmp_path)
        assert ingested.exit_code == 1
        assert f"dateline: error: cannot open store {bad}: {reason}" in ingested.stderr
    assert text.read_text() == "not a database " * 100  # left as it was


def test_an_unusable_data_folder_is_one_error_line(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("DATELINE_DB", str(blocker / "dateline" / "news.db"))
    result = _ingest_into_default(tmp_path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dateline: error: cannot make the folder of your store {blocker / 'dateline'}: ")
    assert result.stderr.count("\n") == 1 and "DATELINE_DB" in result.stderr


def test_version_is_the_distributions():
    result = runner.invoke(app, ["--version"])
    declared = re.search(r'^version = "(.+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE).group(1)
    assert result.exit_code == 0 and result.stdout == f"dateline {declared}\n"


def test_the_header_names_the_sample_as_such(tmp_path):
    assert store_label(ROOT / "sample.db") == "sample.db (bundled sample)"
    assert store_label(tmp_path / "news.db") == "news.db"
