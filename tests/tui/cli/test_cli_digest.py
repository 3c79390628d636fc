"""`dateline digest`: the key dates as text, as the JSON the Timeline17 scorer reads, and as TimelineJS."""
import json

import pytest
from typer.testing import CliRunner

from tests.store.test_digest import Store
from tui.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("digest") / "s.db"
    built = Store(path)
    for outlet in ("wire", "daily"):
        built.article(outlet, "2025-05-08", [("The dam broke on May 3.", "2025-05-03", "May 3"),
                                             (f"The {outlet} saw [bold]crowds[/bold] on May 4.", "2025-05-04", "May 4")])
    built.article("post", "2025-05-09", [("Rescuers arrived on May 4.", "2025-05-04", "May 4")])
    built.conn.close()
    return path


def test_json_gives_each_date_its_summaries_events_and_evidence_in_date_order(store):
    document = json.loads(run("digest", "--db", str(store), "--dates", "2", "--per-date", "1",
                              "--format", "json").stdout)
    timeline = document["timeline"]
    assert [(item["date"], item["score"], len(item["summary"]), len(item["events"])) for item in timeline] == [
        ("2025-05-03", 2, 1, 1), ("2025-05-04", 3, 1, 1)]
    assert timeline[0]["summary"] == ["The dam broke on May 3."]
    assert timeline[1]["evidence"] == {"articles_stating": 3, "articles_telling": 3}
    assert document["span"] == ["2025-05-02", "2025-05-09"]  # the week up to the last article


def test_text_is_a_readable_digest_with_markup_shown_as_written(store):
    result = run("digest", "--db", str(store), "--dates", "1", "--per-date", "3")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Key dates: 1 of 2 day(s) with events, Fri 2 May 2025 to Fri 9 May 2025"
    assert lines[2] == "Sun 4 May 2025  ·  stated by 3 article(s), told by 3"
    assert sorted(lines[3:]) == ["  - Rescuers arrived on May 4. (1 article(s))",
                                 "  - The daily saw [bold]crowds[/bold] on May 4. (1 article(s))",
                                 "  - The wire saw [bold]crowds[/bold] on May 4. (1 article(s))"]


def test_timelinejs_puts_each_key_event_on_its_date(store):
    document = json.loads(run("digest", "--db", str(store), "--dates", "2", "--per-date", "1",
                              "--format", "timelinejs").stdout)
    assert [(slide["start_date"]["month"], slide["start_date"]["day"]) for slide in document["events"]] == [
        (5, 3), (5, 4)]


def test_an_unknown_format_or_person_is_one_error_line(store):
    bad = run("digest", "--db", str(store), "--format", "pdf")
    assert (bad.exit_code, bad.stderr) == (1, "dateline: error: unknown format 'pdf': use one of text, json,"
                                              " timelinejs\n")
    assert run("digest", "--db", str(store), "--person", "Nobody").exit_code == 1


def test_help_shows_the_defaults_plainly_and_a_count_below_one_is_refused(store):
    out = run("digest", "--help").stdout
    assert "default 12" in out and "default 2" in out and "\\[" not in out
    refused = run("digest", "--db", str(store), "--dates", "0")
    assert refused.exit_code == 2 and "0 is less than 1" in refused.output
