"""The read commands of the CLI, run with CliRunner on a small store: events, people, countries, export."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When
from tui.cli import app

VISIT = "Chinese Premier Li Qiang will visit Pyongyang on Thursday."
PARADE = "Kim Jong Un will attend a military parade in Beijing next week."
MARKUP = "Officials said [bold red]nothing[/bold red] about [link=http://x]the talks[/link]."

runner = CliRunner()


def source(art: Article, sentence: str) -> Source:
    start = art.body.index(sentence)
    return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    art = Article("a.md", f"{VISIT}\n{PARADE}\n{MARKUP}", "Asia news", date(2025, 8, 28))
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, art)
        insert_event(conn, Event(When(date(2025, 10, 9), date(2025, 10, 9), "day"), "Li Qiang to visit North Korea",
                                 ["Li Qiang"], ["CN", "KP"], [source(art, VISIT)]), {"Li Qiang": "CN"})
        insert_event(conn, Event(When(date(2025, 9, 1), date(2025, 9, 7), "week"), "Kim to attend parade",
                                 ["Kim Jong Un"], ["KP", "CN"], [source(art, PARADE)]), {},
                     aliases={"Kim Jong Un": {"Kim"}})
        insert_event(conn, Event(When.undated(), "[bold red]Talks[/bold red] unclear", [], ["US"],
                                 [source(art, MARKUP)]), {})
    conn.close()
    return path


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_events_prints_a_table_in_timeline_order(db):
    result = run("events", "--db", str(db), "--format", "table")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("Kim to attend parade") < out.index("Li Qiang to visit North Korea") < out.index("unclear")
    assert "week of 2025-09-01" in out and "Kim Jong Un" in out and "KP, CN" in out
    assert "3 of 3 events" in out


def test_text_from_the_store_is_printed_as_is_never_as_markup(db):
    out = run("events", "--db", str(db), "--country", "US").stdout
    assert "[bold red]Talks[/bold red] unclear" in out
    assert "\x1b[" not in out


@pytest.mark.parametrize(("options", "shown", "hidden"), [
    (["--person", "kim"], ["Kim to attend parade"], ["Li Qiang to visit", "unclear"]),
    (["--country", "north korea"], ["Kim to attend parade", "Li Qiang to visit"], ["unclear"]),
    (["--country", "kp", "--since", "2025-10"], ["Li Qiang to visit"], ["Kim to attend parade"]),
    (["--until", "2025-09-01"], ["Kim to attend parade"], ["Li Qiang to visit", "unclear"]),
    (["--search", "pyongyang"], ["Li Qiang to visit"], ["Kim to attend parade"]),
    (["--limit", "1"], ["Kim to attend parade", "1 of 3 events"], ["Li Qiang to visit"]),
])
def test_events_filters(db, options, shown, hidden):
    result = run("events", "--db", str(db), "--format", "table", *options)
    assert result.exit_code == 0, result.output
    for text in shown:
        assert text in result.stdout
    for text in hidden:
        assert text not in result.stdout


def table_rows(out: str) -> list[list[str]]:
    """The body rows of a Rich table (the header row is drawn with heavy bars)."""
    return [[cell.strip() for cell in line.split("│")[1:-1]] for line in out.splitlines() if "│" in line]


def test_people_and_countries_list_counts(db):
    assert table_rows(run("people", "--db", str(db)).stdout) == [["Kim Jong Un", "1", "Kim"], ["Li Qiang", "1", ""]]
    assert table_rows(run("countries", "--db", str(db)).stdout) == [
        ["China", "CN", "2"], ["North Korea", "KP", "2"], ["United States", "US", "1"]]
    assert table_rows(run("countries", "--db", str(db), "--person", "Li Qiang").stdout) == [
        ["China", "CN", "1"], ["North Korea", "KP", "1"]]
    assert table_rows(run("people", "--db", str(db), "--limit", "1").stdout) == [["Kim Jong Un", "1", "Kim"]]


def test_export_json_writes_only_the_data_to_stdout(db):
    result = run("export", "--db", str(db), "--format", "json", "--person", "Li Qiang")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"events": [{
        "start": "2025-10-09", "end": "2025-10-09", "precision": "day", "summary": "Li Qiang to visit North Korea",
        "persons": ["Li Qiang"], "countries": ["CN", "KP"], "orgs": [], "places": [],
        "sources": [{"path": "a.md", "title": "Asia news", "published": "2025-08-28", "excerpt": VISIT,
                     "start": 0, "end": len(VISIT), "outlet": None, "url": None}],
        # stored without the words that dated it: the reason alone (the Event default, "explicit")
        "dated_by": {"reason": "stated", "text": None, "start": None, "end": None, "path": None, "anchor": None,
                     "note": "stated"}}]}
    assert result.stderr == ""


def test_export_csv_and_timelinejs(db):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(db), "--format", "csv").stdout)))
    assert [row["summary"] for row in rows] == [
        "Kim to attend parade", "Li Qiang to visit North Korea", "[bold red]Talks[/bold red] unclear"]
    timeline = json.loads(run("export", "--db", str(db), "--format", "timelinejs").stdout)
    assert len(timeline["events"]) == 2


def test_export_to_a_file(db, tmp_path):
    target = tmp_path / "out.json"
    result = run("export", "--db", str(db), "--format", "json", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["events"]) == 3


def test_export_format_must_be_known(db):
    result = run("export", "--db", str(db), "--format", "xml")
    assert result.exit_code != 0 and result.stdout == ""


@pytest.mark.parametrize(("args", "message"), [
    (["events", "--db", "{missing}"], "dateline: error: no such store: {missing} (create it with: dateline ingest"),
    (["events", "--db", "{db}", "--since", "2025-13"], "dateline: error: bad date '2025-13'"),
    (["people", "--db", "{db}", "--until", "yesterday"], "dateline: error: bad date 'yesterday'"),
    (["events", "--db", "{db}", "--since", "9999-12"],
     "dateline: error: bad date '9999-12': year 9999 is outside 1000–2999"),
    (["export", "--db", "{db}", "--format", "json", "--until", "0001-01-01"],
     "dateline: error: bad date '0001-01-01': year 0001 is outside 1000–2999"),
    (["events", "--db", "{db}", "--until", "10000"], "dateline: error: bad date '10000': use YYYY-MM-DD"),
    (["countries", "--db", "{db}", "--country", "Atlantis"], "dateline: error: unknown country: 'Atlantis'"),
    (["export", "--db", "{db}", "--format", "json", "--output", "{tmp}/no/such/dir/x.json"],
     "dateline: error: cannot write {tmp}/no/such/dir/x.json"),
])
def test_errors_are_one_line_on_stderr_with_exit_code_1(db, tmp_path, args, message):
    values = {"missing": str(tmp_path / "missing.db"), "db": str(db), "tmp": str(tmp_path)}
    result = run(*(arg.format(**values) for arg in args))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message.format(**values))
    assert result.stderr.count("\n") == 1


def test_a_file_that_is_not_a_store_is_an_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database at all " * 100)
    result = run("events", "--db", str(bad))
    assert result.exit_code == 1 and result.stderr.startswith(f"dateline: error: cannot open store {bad}")


@pytest.mark.parametrize("value", ["'; DROP TABLE events; --", '"unbalanced', "NEAR(kim"])
def test_sql_and_fts_syntax_in_a_search_matches_nothing_or_literally_and_breaks_nothing(db, value):
    result = run("events", "--db", str(db), "--format", "table", "--search", value)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and result.stderr == ""
    assert "0 of 0 events" in result.stdout  # no event has these words
    again = run("events", "--db", str(db), "--format", "table")
    assert "3 of 3 events" in again.stdout  # nothing was dropped


@pytest.mark.parametrize("value", ["'; DROP TABLE events; --", "%", '"'])
def test_sql_syntax_in_a_person_is_no_person_and_breaks_nothing(db, value):
    result = run("events", "--db", str(db), "--person", value)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.startswith("dateline: error: no person called ") and result.stderr.count("\n") == 1
    assert "3 of 3 events" in run("events", "--db", str(db), "--format", "table").stdout


def test_an_unknown_person_or_organisation_is_an_error_naming_close_names(db):
    result = run("events", "--db", str(db), "--person", "Li")
    assert result.exit_code == 1
    assert result.stderr == "dateline: error: no person called 'Li' in the store; did you mean: Li Qiang?\n"
    for misspelt in ("Li Qaing", "Qiangg", "kim jon un"):  # a name or one of its words misspelt
        result = run("events", "--db", str(db), "--person", misspelt)
        close = "Kim Jong Un" if misspelt.startswith("kim") else "Li Qiang"
        assert result.stderr == f"dateline: error: no person called {misspelt!r} in the store; did you mean: {close}?\n"
    assert run("events", "--db", str(db), "--person", "Putin").stderr.endswith("in the store\n")  # nothing alike
    result = run("countries", "--db", str(db), "--org", "Acme")
    assert (result.exit_code, result.stderr) == (1, "dateline: error: no organisation called 'Acme' in the store\n")


def test_events_written_to_a_pipe_are_tab_separated_lines_and_jsonl_and_json_on_asking(db):
    lines = run("events", "--db", str(db)).stdout.splitlines()  # the runner's output is no terminal
    assert lines[0].split("\t") == ["date", "start", "end", "precision", "summary", "persons", "countries", "orgs",
                                    "sources", "dated_by", "disputed"]
    assert lines[1].split("\t")[:7] == ["week of 2025-09-01", "2025-09-01", "2025-09-07", "week",
                                        "Kim to attend parade", "Kim Jong Un", "KP; CN"]
    assert len(lines) == 4
    records = [json.loads(line) for line in run("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()]
    assert [r["summary"] for r in records] == ["Kim to attend parade", "Li Qiang to visit North Korea",
                                              "[bold red]Talks[/bold red] unclear"]
    document = json.loads(run("events", "--db", str(db), "--format", "json", "--limit", "1").stdout)
    assert (document["shown"], document["total"], document["events"][0]["persons"]) == (1, 3, ["Kim Jong Un"])
    assert run("events", "--db", str(db), "--format", "xml").exit_code == 1
    cut = run("events", "--db", str(db), "--limit", "1")
    assert len(cut.stdout.splitlines()) == 2  # header and one row
    assert cut.stderr == "dateline: note: 1 of 3 events written (--limit N for more)\n"


def test_events_help_shows_the_default_limit_plainly():
    out = run("events", "--help").stdout
    assert "default 50" in out and "\\[" not in out


@pytest.mark.parametrize("how", ["itself", "symlink", "hardlink", "-wal", "-shm", "relative"])
def test_export_refuses_to_write_over_the_store(tmp_path, db, how, monkeypatch):
    import os
    import shutil

    store = Path(shutil.copy(db, tmp_path / "s.db"))
    for suffix in ("-wal", "-shm"):
        store.with_name(store.name + suffix).touch()  # as a writer leaves them
    target = {"itself": store, "-wal": tmp_path / "s.db-wal", "-shm": tmp_path / "s.db-shm",
              "symlink": tmp_path / "link.json", "hardlink": tmp_path / "hard.json",
              "relative": Path("sub/../s.db")}[how]
    if how == "symlink":
        target.symlink_to(store)
    elif how == "hardlink":
        os.link(store, target)
    elif how == "relative":
        (tmp_path / "sub").mkdir()
        monkeypatch.chdir(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("s.db")}
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "json", "--output", str(target)])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"dateline: error: --output {target}: that is the store ") and "another file" in line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("s.db")} == before
