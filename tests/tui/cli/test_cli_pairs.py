"""`dateline pairs`: who met whom, as a table, tab-separated lines or JSON, under the filter options."""
import json

from typer.testing import CliRunner

from tests.tui.test_pairs_screen import store  # noqa: F401 - the fixture: Ana Lima and Bo Chen meet in France
from tui.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_pairs_as_tab_separated_lines_most_shared_first(store):  # noqa: F811
    lines = run("pairs", "--db", str(store)).stdout.splitlines()
    assert lines[0].split("\t") == ["first", "first_kind", "second", "second_kind", "events", "first_day",
                                    "last_day", "when"]
    assert lines[1].split("\t")[:7] == ["Bo Chen", "person", "France", "country", "3", "2025-01-05", "2025-03-10"]
    assert lines[2].split("\t")[:5] == ["Ana Lima", "person", "Bo Chen", "person", "2"]
    assert len(lines) == 5  # four pairs


def test_pairs_under_a_filter_as_json_and_as_a_table(store):  # noqa: F811
    document = json.loads(run("pairs", "--db", str(store), "--country", "DE", "--format", "json").stdout)
    assert [(p["first"], p["second"], p["events"]) for p in document["pairs"]] == [("Ana Lima", "Germany", 1)]
    assert (document["counted"], document["selected"]) == (1, 1)
    table = run("pairs", "--db", str(store), "--format", "table", "--limit", "1").stdout
    assert "Bo Chen" in table and "France" in table and "1 pair among 4 events" in table
    assert run("pairs", "--db", str(store), "--person", "Nobody").exit_code == 1
