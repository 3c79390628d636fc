"""`dateline`, `dateline browse [FILE]` and `dateline --db FILE`: a bad store is one error line and exit code 1
before Textual starts (and no file is created); the other commands never import Textual."""
from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tui.cli import app
from tui.cli import browse as browse_command

runner = CliRunner()


@pytest.mark.parametrize("args", [["browse", "{path}"], ["browse", "--db", "{path}"], ["--db", "{path}"]])
def test_a_missing_store_is_one_error_line_and_creates_nothing(tmp_path, args):
    path = tmp_path / "missing.db"
    result = runner.invoke(app, [arg.format(path=path) for arg in args])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"dateline: error: no such store: {path} (create it with: dateline ingest")
    assert not path.exists()


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("not sqlite")
    result = runner.invoke(app, ["browse", str(path)])
    assert result.exit_code == 1 and "dateline: error:" in result.stderr


def test_the_store_is_named_once(tmp_path):
    result = runner.invoke(app, ["browse", str(tmp_path / "a.db"), "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 1 and "name the store once" in result.stderr


@pytest.mark.parametrize("args, opened", [
    ([], "sample.db"), (["--db", "other.db"], "other.db"), (["browse", "other.db"], "other.db"),
])
def test_each_way_opens_the_browser_on_its_store(monkeypatch, args, opened):
    seen = []
    monkeypatch.setattr(browse_command, "open_browser", lambda path: seen.append(path.name))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert seen == [opened]


def test_commands_other_than_browse_do_not_import_textual():
    probe = "import sys, tui.cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
