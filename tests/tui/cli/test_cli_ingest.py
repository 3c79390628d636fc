"""`dateline ingest` and `dateline extract` as a user runs them (real model, tiny inputs)."""
import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tui.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
runner = CliRunner()


def test_extract_prints_sentences_entities_timexes_and_events(tmp_path):
    article = tmp_path / "visit.txt"
    article.write_text("Chinese Premier Li Qiang will visit Pyongyang on Thursday, Beijing announced Tuesday.\n",
                       encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--published", "2025-10-07", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["article"]["published"] == "2025-10-07"
    assert [s["text"] for s in out["sentences"]] == [article.read_text().strip()]
    timexes = {t["text"]: (t["type"], t["value"]) for t in out["timexes"]}
    assert timexes == {"Thursday": ("DATE", "2025-10-09"), "Tuesday": ("DATE", "2025-10-07")}
    assert all(set(t) >= {"start", "end", "text", "type", "value"} for t in out["timexes"])
    assert {"person": "Li Qiang"}.items() <= {e["kind"]: e["key"] for e in out["entities"]}.items()
    (event,) = out["events"]
    assert (event["start"], event["end"], event["precision"]) == ("2025-10-09", "2025-10-09", "day")
    assert event["persons"] == ["Li Qiang"] and set(event["countries"]) == {"CN", "KP"}


def test_extract_of_a_missing_file_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.md")])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("dateline: error:") and "nope.md" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_extract_of_many_files_prints_a_line_each_and_a_bad_file_is_one_error_line(tmp_path):
    for name, text in (("a.txt", "Ministers met in Oslo on Monday."), ("b.txt", "Talks ended in Rome on Friday.")):
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    files = [str(tmp_path / name) for name in ("a.txt", "bad.txt", "b.txt")]
    result = runner.invoke(app, ["extract", *files, "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["article"]["path"]).name for r in records] == ["a.txt", "b.txt"]
    assert [t["value"] for t in records[1]["timexes"]] == ["2025-05-02"]  # the Friday before the 7th
    (error,) = result.stderr.strip().splitlines()
    assert error.startswith("dateline: error: ") and "bad.txt" in error


def test_extract_into_a_folder_writes_a_file_per_article_and_numbers_a_name_taken(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "talks.txt").write_text(f"Talks in {folder} began on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "one"), str(tmp_path / "two"), "--output-dir", str(out),
                                 "--published", "2025-05-07"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["talks-2.json", "talks.json"]
    assert result.stdout == ""
    texts = {json.loads(p.read_text())["sentences"][0]["text"] for p in out.iterdir()}
    assert texts == {"Talks in one began on Monday.", "Talks in two began on Monday."}


def test_ingest_twice_says_nothing_new(tmp_path):
    store = tmp_path / "s.db"
    first = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(store)])
    assert first.exit_code == 0, first.output
    assert "Ingested 3 article(s)" in first.stderr
    second = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(store)])
    assert second.exit_code == 0
    assert "Nothing new: 3 article(s) already in" in second.stderr


def test_ingest_of_nothing_readable_fails_and_creates_no_store(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty.md"), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert f"skipped {tmp_path / 'empty.md'}: empty file" in result.stderr
    assert "Nothing ingested: no readable article" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_ingest_of_nothing_readable_into_a_store_fails_and_keeps_it(tmp_path):
    store = tmp_path / "s.db"
    assert runner.invoke(app, ["ingest", str(SEEDS), "--db", str(store)]).exit_code == 0
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    result = runner.invoke(app, ["ingest", str(tmp_path / "bin.txt"), "--db", str(store)])
    assert result.exit_code == 1 and "bin.txt: binary file" in result.stderr
    assert "The store holds 3 articles" in result.stderr


def test_ingest_with_some_bad_files_stores_the_rest_names_each_and_succeeds(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_empty.txt").write_text("", encoding="utf-8")
    (folder / "b_binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    (folder / "c_far.md").write_text("---\npublished: 9999-01-01\n---\nFrance and Germany signed a pact on "
                                     "March 3, 2021.\n", encoding="utf-8")
    (folder / "d_news.jsonl").write_text(
        '{"published": "2024-05-02", "text": "Spain and Italy agreed a deal on Tuesday."}\n{broken\n',
        encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert f"skipped {folder / 'a_empty.txt'}: empty file" in err
    assert f"skipped {folder / 'b_binary.txt'}: binary file" in err
    assert f"skipped {folder / 'd_news.jsonl'}:2: line 2: invalid JSON" in err
    assert (f"warning: {folder / 'c_far.md'}: published '9999-01-01' is out of range (years 1800–"
            in " ".join(err.split()))
    assert "Ingested 2 article(s)" in err and "3 skipped" in err


def test_ingest_of_a_missing_path_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing"), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_bad_published_date_is_refused(tmp_path):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "--published", "soon"])
    assert result.exit_code == 1 and "--published 'soon'" in result.stderr


def test_ingest_into_an_older_store_says_it_was_upgraded_and_where_the_copy_is(tmp_path, monkeypatch):
    from store import db
    from store.schema import SCHEMA_VERSION

    store = tmp_path / "s.db"
    db.connect(store, create=True).close()
    monkeypatch.setattr(db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(db, "MIGRATIONS", {SCHEMA_VERSION: "ALTER TABLE events ADD COLUMN note TEXT"})
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(store)])
    assert result.exit_code == 0, result.output
    backup = tmp_path / f"s.db.v{SCHEMA_VERSION}.bak"
    assert (f"note: upgraded store {store} from schema version {SCHEMA_VERSION} to {SCHEMA_VERSION + 1}; "
            f"the store as it was is saved at {backup}") in result.stderr
    assert backup.is_file()


def test_ingest_of_a_folder_with_a_pipe_a_device_link_and_a_non_utf8_name_stores_every_good_article(tmp_path):
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "good.md").write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as out:
        out.write(b"Chile and Peru agreed a deal on Friday.\n")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    store = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(store), "--published", "2024-05-02"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    assert f"skipped {folder}/pipe.txt: not a regular file but a named pipe (FIFO)" in lines
    assert f"skipped {folder}/zero.txt: not a regular file but a character device" in lines
    assert any(line.startswith(f"Ingested 2 article(s) into {store}") for line in lines), lines
    listed = runner.invoke(app, ["events", "--db", str(store)])
    assert "Chile and Peru agreed a deal" in listed.stdout and "France and Japan signed" in listed.stdout


FAR_DATES = ("Xi Jinping visited Moscow on 12/31/9999.\n\nVladimir Putin met Xi Jinping in Beijing on 31 December "
             "9999.\n\nOlaf Scholz visited Paris on 3 March 2025.\n")


def test_extract_says_why_a_date_out_of_range_dates_no_event(tmp_path):
    article = tmp_path / "far.txt"
    article.write_text(FAR_DATES, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "--published", "2025-06-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    refused = {t["text"]: t["reason"] for t in out["timexes"] if "reason" in t}
    assert refused == {"12/31/9999": "year 9999 is outside 1000–2999",
                       "31 December 9999": "year 9999 is outside 1000–2999"}
    dates = {e["summary"].split()[0]: (e["start"], e["precision"]) for e in out["events"]}
    assert dates == {"Xi": (None, "undated"), "Vladimir": (None, "undated"), "Olaf": ("2025-03-03", "day")}


def test_ingest_warns_of_dates_out_of_range_and_stores_none(tmp_path):
    article = tmp_path / "far.txt"
    article.write_text(FAR_DATES, encoding="utf-8")
    store = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(store), "--published", "2025-06-01"])
    assert result.exit_code == 0, result.output
    refused = "year 9999 is outside 1000–2999"
    assert (f"warning: {article}: 2 date(s) left out of its events (“12/31/9999”: {refused}; "
            f"“31 December 9999”: {refused})") in " ".join(result.stderr.split())
    exported = json.loads(runner.invoke(app, ["export", "--db", str(store), "--format", "json"]).stdout)
    assert sorted((e["start"] or "undated") for e in exported["events"]) == ["2025-03-03", "undated", "undated"]


def test_a_defects_traceback_does_not_print_local_variables():
    """Locals of the ingest frames hold whole article texts: a traceback with them ran to 7,000 lines."""
    assert app.pretty_exceptions_show_locals is False


def test_ingest_warns_when_it_assumes_a_datelines_year(tmp_path):
    article = tmp_path / "wire.txt"
    article.write_text("ROME, Oct. 17 (Wire) -- Ministers met on Thursday to sign the pact.\n", encoding="utf-8")
    store = tmp_path / "s.db"
    result = runner.invoke(app, ["ingest", str(article), "--db", str(store)])
    assert result.exit_code == 0, result.output
    warning = " ".join(result.stderr.split())
    # The latest 17 October up to today that is a Thursday (2024, in 2026; 2030 from then on).
    year = next(y for y in range(date.today().year, 0, -1) if date(y, 10, 17) <= date.today()
                and date(y, 10, 17).weekday() == 3)
    assert f"warning: {article}: the dateline “October 17” gives no year: took {year}" in warning
    assert f"dated {year}-10-17 from its dateline" in warning
    given = runner.invoke(app, ["ingest", str(article), "--db", str(tmp_path / "t.db"), "--published", "2019-10-17"])
    assert "gives no year" not in given.stderr  # a given date wins over the dateline: nothing was assumed
