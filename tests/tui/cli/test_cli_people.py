"""`dateline people merge / rename / split`: the analyst's corrections, applied at once and kept by later ingests."""
from __future__ import annotations

from typer.testing import CliRunner

from store import db
from tui.cli import app

runner = CliRunner()

ARTICLE = ("---\ntitle: {name}\npublished: 2025-05-06\n---\n\nForeign Minister {person} of Sweden met Anna Kovalenko "
           "of Ukraine in Oslo on Monday to discuss grain exports.\n")


def write(folder, name, person):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(ARTICLE.format(name=name, person=person), encoding="utf-8")


def persons(store):
    conn = db.connect(store, readonly=True)
    try:
        return {row[0]: row[1] for row in conn.execute("SELECT name, n_events FROM actors WHERE kind = 'person'")}
    finally:
        conn.close()


def test_a_merge_holds_now_and_for_later_ingests_and_force(tmp_path):
    store, folder = tmp_path / "s.db", tmp_path / "in"
    write(folder, "a.md", "Lars Berg")
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(store)]).exit_code == 0
    assert set(persons(store)) == {"Lars Berg", "Anna Kovalenko"}

    result = runner.invoke(app, ["people", "merge", "Lars Berg", "Lars-Erik Berg", "--db", str(store)])
    assert result.exit_code == 0, result.output
    assert result.stderr == "Lars Berg merged into Lars-Erik Berg\n"
    assert persons(store) == {"Lars-Erik Berg": 1, "Anna Kovalenko": 1}

    write(folder, "b.md", "Lars Berg")  # a new article names him as before
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(store), "--force"]).exit_code == 0
    assert set(persons(store)) == {"Lars-Erik Berg", "Anna Kovalenko"}  # the correction holds
    listed = runner.invoke(app, ["people", "--db", str(store)])
    rows = {cells[1].strip(): cells[3].strip() for line in listed.stdout.splitlines()
            if len(cells := line.split("│")) == 5}
    assert rows == {"Lars-Erik Berg": "Lars Berg", "Anna Kovalenko": ""}  # the old name kept as a spelling


def test_a_rename_then_a_merge_into_the_old_name_follows_the_rename(tmp_path):
    store, folder = tmp_path / "s.db", tmp_path / "in"
    write(folder, "a.md", "Lars Berg")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert runner.invoke(app, ["people", "rename", "Lars Berg", "Lars B. Berg", "--db", str(store)]).exit_code == 0
    result = runner.invoke(app, ["people", "merge", "L. Berg", "Lars Berg", "--db", str(store)])
    assert result.exit_code == 0
    assert result.stderr == ("L. Berg merged into Lars B. Berg (no person of that name is stored yet: articles to "
                             "come will be corrected)\n")  # into what "Lars Berg" was renamed to
    write(folder, "b.md", "L. Berg")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert set(persons(store)) == {"Lars B. Berg", "Anna Kovalenko"}


def test_a_correction_to_the_same_name_or_without_a_store_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["people", "merge", "Lars Berg", "Lars  Berg", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "already called that" in result.stderr
    result = runner.invoke(app, ["people", "rename", "Lars Berg", "L. Berg", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and result.stderr == f"dateline: error: no store at {tmp_path / 'none.db'}: " \
                                                      "ingest articles first\n"


def test_renaming_back_undoes_a_rename_for_later_ingests_too(tmp_path):
    store, folder = tmp_path / "s.db", tmp_path / "in"
    write(folder, "a.md", "Lars Berg")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert runner.invoke(app, ["people", "rename", "Lars Berg", "L. Berg", "--db", str(store)]).exit_code == 0
    result = runner.invoke(app, ["people", "rename", "L. Berg", "Lars Berg", "--db", str(store)])
    assert result.exit_code == 0, result.output
    write(folder, "b.md", "Lars Berg")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert persons(store) == {"Lars Berg": 1, "Anna Kovalenko": 1}  # the two tellings: one meeting


def test_a_split_spelling_becomes_a_person_of_its_own_now_and_for_later_ingests(tmp_path):
    store, folder = tmp_path / "s.db", tmp_path / "in"
    write(folder, "a.md", "Alex Lind")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    folder.joinpath("b.md").write_text("---\ntitle: b\npublished: 2025-05-06\n---\n\nAlexandra Lind opened a school "
                                       "in Malmo on Friday, May 2.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert persons(store) == {"Alex Lind": 2, "Anna Kovalenko": 1}  # "Alex" may be Alexandra: one person

    result = runner.invoke(app, ["people", "split", "Alex Lind", "Alexandra Lind", "--db", str(store)])
    assert result.exit_code == 0 and result.stderr == "Alexandra Lind split from Alex Lind: 1 event names Alexandra Lind\n"
    assert persons(store) == {"Alex Lind": 1, "Alexandra Lind": 1, "Anna Kovalenko": 1}

    assert runner.invoke(app, ["ingest", str(folder), "--db", str(store), "--force"]).exit_code == 0
    write(folder, "c.md", "Alexandra Lind")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    assert persons(store) == {"Alex Lind": 1, "Alexandra Lind": 2, "Anna Kovalenko": 1}  # c.md tells a's meeting


def test_a_split_of_a_name_that_is_no_spelling_of_the_person_is_one_error_line(tmp_path):
    store, folder = tmp_path / "s.db", tmp_path / "in"
    write(folder, "a.md", "Lars Berg")
    runner.invoke(app, ["ingest", str(folder), "--db", str(store)])
    result = runner.invoke(app, ["people", "split", "Lars Berg", "Erik Lund", "--db", str(store)])
    assert result.exit_code == 1
    assert result.stderr == ("dateline: error: 'Erik Lund' is not a spelling of 'Lars Berg' (no other spelling is "
                             "stored)\n")
