"""The command line against hostile input (issue 28): an export that fails half-way leaves the previous file as
it was; bad links named on the command line are skipped, not fatal; an absurd --limit; a --db in a folder that
does not exist."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import tui.cli.queries as queries
from tui.cli import app
from tests.exported import sample_event_count

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "sample.db"
runner = CliRunner()


def test_an_export_that_fails_half_way_leaves_the_previous_file_as_it_was(tmp_path, monkeypatch):
    previous = tmp_path / "timeline.json"
    previous.write_text('{"events": []}\n', encoding="utf-8")
    previous.chmod(0o640)

    def failing_export(conn, fmt, flt, out):
        out.write('{"events": [\n')
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(queries, "export", failing_export)
    result = runner.invoke(app, ["export", "--db", str(SAMPLE), "--format", "json", "--output", str(previous)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dateline: error: cannot read store {SAMPLE}: database disk image is malformed")
    assert previous.read_text(encoding="utf-8") == '{"events": []}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.json"]  # no temporary file left behind


def test_an_export_replaces_the_file_whole_keeping_its_permissions_and_writes_through_a_link(tmp_path):
    target = tmp_path / "timeline.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    result = runner.invoke(app, ["export", "--db", str(SAMPLE), "--format", "json", "--output", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith('{"events": [')
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "timeline.json"]


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_bad_link_named_on_the_command_line_is_skipped_and_the_rest_ingested(tmp_path, kind):
    good = tmp_path / "good.txt"
    good.write_text("Ministers Anna Berg and Lars Lund met in Oslo on Monday to discuss fishing in Norway.\n")
    link = tmp_path / "bad.md"
    link.symlink_to(tmp_path / ("missing.md" if kind == "dangling" else "bad.md"))
    store = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(link), str(good), "--db", str(store), "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    reason = {"dangling": "a symbolic link to nothing (its target does not exist)",
              "loop": "a symbolic link that loops back to itself"}[kind]
    assert f"skipped {link}: {reason}" in result.stderr
    assert "Ingested 1 article(s)" in result.stderr


@pytest.mark.parametrize("command", ["events", "people", "countries"])
def test_a_limit_beyond_64_bits_means_all_rows(command):
    result = runner.invoke(app, [command, "--db", str(SAMPLE), "--limit", str(2**64 + 5),
                                 *(["--format", "table"] if command == "events" else [])])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and result.stderr == ""
    if command == "events":
        assert f"{sample_event_count()} of {sample_event_count()} events" in result.stdout


def test_a_store_in_a_folder_that_does_not_exist_is_named_as_such(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ministers met in Oslo on Monday to discuss fishing rights in Norway.\n")
    store = tmp_path / "no" / "such" / "s.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(store)])
    assert result.exit_code == 1
    assert f"dateline: error: cannot create store {store}: the folder {store.parent} does not exist" in result.stderr
    assert "read-only" not in result.stderr and not (tmp_path / "no").exists()


def test_an_export_to_a_pipe_writes_into_the_pipe_and_leaves_it_a_pipe(tmp_path):
    import os
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = runner.invoke(app, ["export", "--db", str(SAMPLE), "--format", "json", "--output", str(fifo)])
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert received and len(json.loads(received[0])["events"]) == sample_event_count()  # the whole sample
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_user_store_that_is_a_link_loop_is_one_error_line(tmp_path, monkeypatch):
    loop = tmp_path / "loop.db"
    loop.symlink_to(loop)
    monkeypatch.setenv("DATELINE_DB", str(loop))
    for args in (["events"], ["export", "--format", "json"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith(f"dateline: error: no such store: {loop}") and result.stderr.count("\n") == 1
    article = tmp_path / "a.txt"
    article.write_text("Ministers met in Oslo on Monday to discuss fishing rights in Norway.\n")
    ingested = runner.invoke(app, ["ingest", str(article)])
    assert ingested.exit_code == 1
    assert f"dateline: error: cannot open store {loop}: a symbolic link that loops back to itself" in ingested.stderr
