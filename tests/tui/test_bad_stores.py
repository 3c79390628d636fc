"""Stores that cannot be written or are damaged: a read-only store browses and exports, writing to it is one
error line; a damaged store is one error line at the command line and a notice (not a crash) in the browser."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from store.db import StoreError, connect
from tests.processes import as_a_normal_user
from tests.tui.test_app import SIZE, main, press, settle, until
from tests.tui.timeline_store import TOTAL, build
from tui.app import make_app
from tui.cli import app as cli

runner = CliRunner()
PAGE = 4096


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("bad") / "timeline.db")
    conn = connect(path)  # a store as ingest leaves it: WAL mode, checkpointed, no -wal or -shm file beside it
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert not path.with_name("timeline.db-wal").exists()
    return path


def _make_read_only(folder) -> str:
    """Make `folder` and its files unwritable for this process: `chattr +i` as root (root ignores modes), chmod
    otherwise. Returns how, or skips when neither is possible here."""
    if os.geteuid() != 0:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        return "chmod"
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        return "chattr"
    pytest.skip("running as root without chattr: no way to make a folder read-only here")


def _make_writable(folder, how: str) -> None:
    if how == "chattr":
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o755)
        for path in folder.iterdir():
            path.chmod(0o644)


@pytest.fixture
def read_only_store(built, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = shutil.copy(built, folder / "timeline.db")
    how = _make_read_only(folder)
    try:
        with pytest.raises(OSError):
            (folder / "probe").touch()
        yield path
    finally:
        _make_writable(folder, how)


def test_a_read_only_store_in_a_read_only_folder_exports(read_only_store):
    result = runner.invoke(cli, ["export", "--db", str(read_only_store), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["events"]) == TOTAL


@pytest.mark.anyio
async def test_a_read_only_store_browses(read_only_store):
    app = make_app(read_only_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "G", "enter")
        assert main(app).timeline.view.total == TOTAL and main(app).timeline.cursor == TOTAL - 1
        assert len(app.screen.sources) == 1
        assert not any(n.title == "Store error" for n in app._notifications)


def test_writing_to_a_read_only_store_is_one_error_line_and_it_stays_as_it_was(read_only_store, tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    before = read_only_store.read_bytes()
    result = runner.invoke(cli, ["ingest", str(article), "--db", str(read_only_store)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"dateline: error: cannot open store {read_only_store}: ")
    assert "read-only" in line
    assert read_only_store.read_bytes() == before


def damaged(built, tmp_path, page: int):
    """A copy of the store with one page overwritten by garbage."""
    data = bytearray(built.read_bytes())
    data[(page - 1) * PAGE:page * PAGE] = b"\xab" * PAGE
    path = tmp_path / f"damaged{page}.db"
    path.write_bytes(bytes(data))
    return path


def test_a_store_damaged_where_its_schema_is_is_refused_in_one_line(built, tmp_path):
    path = damaged(built, tmp_path, 1)
    with pytest.raises(StoreError) as error:
        connect(path, readonly=True)
    assert str(error.value) == f"cannot open store {path}: file is not a database"
    result = runner.invoke(cli, ["events", "--db", str(path)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1


def test_a_store_damaged_in_its_data_is_one_error_line_when_read(built, tmp_path):
    failed = 0
    for page in range(2, len(built.read_bytes()) // PAGE + 1):
        result = runner.invoke(cli, ["export", "--db", str(damaged(built, tmp_path, page)), "--format", "json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), (page, result.exception)
        if result.exit_code:
            failed += 1
            (line,) = result.stderr.strip().splitlines()
            assert line.startswith("dateline: error: cannot "), line
            assert "malformed" in line or "not a database" in line or "not UTF-8 in column" in line, line
    assert failed  # some pages hold what an export reads


def root_page(path, table: str) -> int:
    conn = connect(path, readonly=True)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.anyio
@pytest.mark.parametrize("table", ["sources", "articles"])
async def test_a_store_damaged_in_its_data_gives_a_notice_in_the_browser_not_a_crash(built, tmp_path, table):
    path = damaged(built, tmp_path, root_page(built, table))
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "G", "enter", "o")  # the detail and the sources read `sources`, the article `articles`
        assert app.is_running and main(app).timeline.view.total == TOTAL
        errors = [n.message for n in app._notifications if n.title == "Store error"]
        errors += [str(w.render()) for w in app.screen.query("Static") if "Cannot read" in str(w.render())]
        assert errors and all("malformed" in e and "the file is damaged" in e for e in errors), errors
        await press(pilot, "escape", "escape", "g", "j")
        assert main(app).timeline.cursor == 1


# --- a read-only folder for a normal user (no root permission override) ---------------------------------------

@pytest.fixture
def chmod_read_only_store(built, tmp_path):
    """The store in a folder of mode 555, the file 444: SQLite cannot make the -shm file of a WAL store there
    (SQLITE_READONLY_DIRECTORY for a user)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = shutil.copy(built, folder / "timeline.db")
    os.chmod(path, 0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)


BROWSE_AND_PRINT = """
import asyncio, sys
from tests.tui.test_app import SIZE, main, settle
from tui.app import make_app

async def run():
    app = make_app(sys.argv[1])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        errors = [n.message for n in app._notifications if n.title == "Store error"]
        print(main(app).timeline.view.total, errors)

asyncio.run(run())
"""


def test_a_store_in_a_folder_a_user_cannot_write_lists_exports_and_browses(chmod_read_only_store, tmp_path):
    prefix = as_a_normal_user()
    cli_code = "import sys; from tui.cli import app; sys.argv[0] = 'dateline'; app()"
    probe = subprocess.run([*prefix, "touch", str(chmod_read_only_store.parent / "probe")], capture_output=True)
    assert probe.returncode != 0  # the child really cannot write there
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, *args], capture_output=True, text=True, cwd=root,
                              timeout=120)

    events = run("-c", cli_code, "events", "--db", str(chmod_read_only_store), "--limit", "3", "--format", "table")
    assert events.returncode == 0, events.stderr
    assert f"3 of {TOTAL} events" in events.stdout
    export = run("-c", cli_code, "export", "--db", str(chmod_read_only_store), "--format", "json")
    assert export.returncode == 0, export.stderr
    assert len(json.loads(export.stdout)["events"]) == TOTAL
    browse = run("-c", BROWSE_AND_PRINT, str(chmod_read_only_store))
    assert browse.returncode == 0, browse.stderr
    assert browse.stdout.split()[0] == str(TOTAL) and browse.stdout.strip().endswith("[]")  # no error notice
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    ingest = run("-c", cli_code, "ingest", str(article), "--db", str(chmod_read_only_store))
    assert ingest.returncode == 1
    (line,) = ingest.stderr.strip().splitlines()
    assert line.startswith(f"dateline: error: cannot open store {chmod_read_only_store}: ") and "read-only" in line


# --- a damaged schema version -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [("abc", "'abc'"), (None, "NULL"), ("2.0", "'2.0'")])
def test_a_damaged_schema_version_is_one_line_for_every_command(built, tmp_path, value, shown):
    path = shutil.copy(built, tmp_path / "v.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (value,))
    conn.commit()
    conn.close()
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    expected = f"dateline: error: store {path} has a damaged schema version ({shown} is not a version number; "
    for args in (["events"], ["export", "--format", "csv"], ["people"], ["ingest", str(article)], ["browse"]):
        store_args = [str(path)] if args == ["browse"] else ["--db", str(path)]
        result = runner.invoke(cli, [*args, *store_args])
        assert result.exit_code == 1, args
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(expected), (args, line)


@pytest.mark.anyio
async def test_a_browser_opened_on_a_damaged_schema_version_ends_with_one_error_line(built, tmp_path):
    """As when the store was damaged between the command's check and the browser's first read."""
    path = shutil.copy(built, tmp_path / "v.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = 'abc' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    app = make_app(path)
    messages = []
    real_exit = app.exit
    app.exit = lambda *args, **kwargs: (messages.append(kwargs.get("message")), real_exit(*args, **kwargs))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 1
    (message,) = messages
    assert message.startswith(f"dateline: error: store {path} has a damaged schema version ('abc' is not a "
                              "version number;") and "\n" not in message
