"""The `dateline` script (tui.launch): the browser's own invocations start it without Typer, with the same store
and the same one-line errors as the full command line; everything else goes to the full command line."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui import launch


@pytest.mark.parametrize(("args", "store"), [
    ([], ""), (["browse"], ""), (["--db", "a.db"], Path("a.db")), (["browse", "a.db"], Path("a.db")),
    (["browse", "--db", "a.db"], Path("a.db")),
])
def test_the_browsers_own_invocations_name_their_store(args, store):
    assert launch.browse_only(args) == store


@pytest.mark.parametrize("args", [
    ["events"], ["--help"], ["browse", "--help"], ["--db", "a.db", "events"], ["--db", "--help"], ["--version"],
    ["browse", "a.db", "--db", "b.db"], ["--db=a.db"],
])
def test_anything_else_goes_to_the_full_command_line(args):
    assert launch.browse_only(args) is None


def test_a_folder_and_shell_completion_go_to_the_full_command_line(tmp_path):
    assert launch.browse_only(["--db", str(tmp_path)]) is None  # its own error: a folder is no store
    assert launch.browse_only([], completing=True) is None  # a TAB must never open the browser


def test_the_browser_opens_on_the_store_named(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(launch, "run_browser", lambda path: opened.append(path) or 0)
    with pytest.raises(SystemExit) as leaving:
        launch.main(["--db", str(tmp_path / "a.db")])
    assert leaving.value.code == 0 and opened == [tmp_path / "a.db"]


def test_a_missing_store_is_one_error_line_and_exit_code_1(tmp_path, capsys):
    path = tmp_path / "missing.db"
    with pytest.raises(SystemExit) as leaving:
        launch.main(["browse", str(path)])
    assert leaving.value.code == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"dateline: error: no such store: {path} (create it with:")
    assert not path.exists()


def test_other_commands_run_through_the_full_command_line(capsys):
    with pytest.raises(SystemExit) as leaving:
        launch.main(["--version"])
    assert leaving.value.code == 0 and capsys.readouterr().out.startswith("dateline ")


def test_the_script_loads_neither_typer_nor_textual_before_the_browser_starts():
    probe = "import sys, tui.launch; print('typer' in sys.modules, 'textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
