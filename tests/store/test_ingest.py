"""Ingest end to end on the sample articles (real model): stored once, merged across articles, re-runs idempotent."""
import shutil
from pathlib import Path

import pytest

from store import db
from store.ingest import ingest
from store.queries import changes
from store.readers import Skipped
from tests.exported import exported

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"




@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("ingest") / "seeds.db"
    report = ingest([SEEDS], path)
    return path, report


def test_ingest_stores_every_article_and_reports_totals(seeded):
    path, report = seeded
    assert report.articles == 3 and report.unchanged == 0 and report.skipped == []
    assert report.totals["articles"] == 3
    assert report.totals["events"] == report.events_new
    assert report.events_merged > 0  # the sample articles retell the same visits and parades


def test_the_same_visit_told_by_two_articles_is_one_event(seeded):
    events = exported(seeded[0])["events"]
    li_visit = [e for e in events if "Li Qiang" in e["persons"] and len({s["path"] for s in e["sources"]}) == 2]
    assert len(li_visit) == 1
    (event,) = li_visit
    assert event["start"] >= "2025-10-08" and event["end"] <= "2025-10-12"  # the visit: later that week
    assert set(event["countries"]) >= {"CN", "KP"}


def test_sources_point_at_the_sentence_in_the_article_body(seeded):
    bodies = {}
    for event in exported(seeded[0])["events"]:
        for src in event["sources"]:
            path = Path(src["path"])
            if path not in bodies:
                bodies[path] = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            assert bodies[path][src["start"]:src["end"]] == src["excerpt"]


def test_each_written_batch_counts_one_change_and_a_run_with_nothing_new_none(seeded, tmp_path):
    path = tmp_path / "changes.db"
    shutil.copy(seeded[0], path)
    conn = db.connect(path, readonly=True)
    assert changes(conn) == 1  # three articles: one batch
    ingest([SEEDS], path)
    assert changes(conn) == 1
    conn.close()


def test_reingesting_adds_nothing_and_says_so(seeded, tmp_path):
    path = tmp_path / "again.db"
    shutil.copy(seeded[0], path)
    before = exported(path)
    report = ingest([SEEDS], path)
    assert (report.articles, report.unchanged, report.events_new, report.events_merged) == (0, 3, 0, 0)
    assert exported(path) == before


def test_force_reextracts_without_duplicates(seeded, tmp_path):
    path = tmp_path / "forced.db"
    shutil.copy(seeded[0], path)
    before = exported(path)
    report = ingest([SEEDS], path, force=True)
    assert report.articles == 3
    after = exported(path)
    assert len(after["events"]) == len(before["events"])
    assert sorted(s["excerpt"] for e in after["events"] for s in e["sources"]) == \
        sorted(s["excerpt"] for e in before["events"] for s in e["sources"])


def test_undated_article_is_stored_with_a_warning_and_only_absolute_dates(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Japan and South Korea signed a trade pact on March 3, 2021 in Tokyo.\n\n"
                       "Japan said last week that talks with China would resume.\n", encoding="utf-8")
    warned = []
    report = ingest([article], tmp_path / "u.db", on_warning=warned.append)
    assert warned == [f"{article}: no publication date; only absolute dates are resolved (give one with --published)"]
    assert report.undated == [str(article)]
    events = exported(tmp_path / "u.db")["events"]
    dated = [e for e in events if e["start"]]
    assert [(e["start"], e["end"]) for e in dated] == [("2021-03-03", "2021-03-03")]
    assert all(e["precision"] == "undated" for e in events if not e["start"])


def test_offsets_of_an_article_with_zero_width_and_decomposed_characters_index_the_stored_body(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("---\npublished: 2025-10-07\n---\nKim Jong\u200dUn met Jose\u0301 Mari\u0301a in Pyongyang on "
                       "Tuesday.\n\nThe\u00ad talks with Jose\u0301 Mari\u0301a ended in Pyongyang on Wednesday.\n",
                       encoding="utf-8")
    ingest([article], tmp_path / "z.db")
    conn = db.connect(tmp_path / "z.db", readonly=True)
    try:
        (body,) = [row[0] for row in conn.execute("SELECT body_text(body) FROM articles")]
    finally:
        conn.close()
    assert body.startswith("Kim Jong Un met José María in Pyongyang")
    events = exported(tmp_path / "z.db")["events"]
    assert "Kim Jong Un" in {p for e in events for p in e["persons"]}
    sources = [s for e in events for s in e["sources"]]
    assert len(sources) == 2 and all(body[s["start"]:s["end"]] == s["excerpt"] for s in sources)


def test_skipped_files_are_reported_and_the_rest_ingested(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(
        '{"title": "A", "published": "2024-05-02", "text": "France and Germany agreed a budget deal on Tuesday."}\n'
        "{broken\n", encoding="utf-8")
    report = ingest([tmp_path], tmp_path / "s.db")
    assert report.articles == 1
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(reasons) == {"empty.txt", "news.jsonl:2"}


def test_two_worker_processes_store_the_same_events_as_one(seeded, tmp_path):
    """spaCy's worker processes return paragraphs in order, and each article gets its own back."""
    report = ingest([SEEDS], tmp_path / "two.db", n_process=2)
    assert (report.articles, report.events_new, report.events_merged) == \
        (3, seeded[1].events_new, seeded[1].events_merged)
    assert exported(tmp_path / "two.db") == exported(seeded[0])


def test_an_article_whose_extraction_fails_is_skipped_with_the_error_and_the_rest_stored(tmp_path, monkeypatch):
    from store.extract import pipeline

    real = pipeline.find_events

    def fragile(article, *args):
        if "zeppelin" in article.body:
            raise ValueError("a defect met on unusual text")
        return real(article, *args)

    monkeypatch.setattr(pipeline, "find_events", fragile)
    (tmp_path / "a.md").write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    (tmp_path / "b.md").write_text("---\npublished: 2024-05-02\n---\nA zeppelin landed in Spain on Monday.\n")
    advanced = []
    report = ingest([tmp_path], tmp_path / "s.db", on_advance=advanced.append)
    assert report.articles == 1 and sum(advanced) == 2
    assert report.skipped == [Skipped(str(tmp_path / "b.md"), "extraction failed (ValueError: a defect met on "
                                                              "unusual text); please report this article")]
    assert [e["countries"] for e in exported(tmp_path / "s.db")["events"]] == [["FR", "JP"]]


def test_an_article_that_cannot_be_stored_is_skipped_and_the_rest_of_its_batch_kept(tmp_path, monkeypatch):
    real = db.insert_event

    def fragile(conn, event, *args, **kwargs):
        if "zeppelin" in event.summary.lower():
            raise ValueError("a value SQLite refuses")
        return real(conn, event, *args, **kwargs)

    monkeypatch.setattr(db, "insert_event", fragile)
    (tmp_path / "a.md").write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    (tmp_path / "b.md").write_text("---\npublished: 2024-05-02\n---\nFrance sent a zeppelin to Spain on Monday.\n"
                                   "Japan and Peru held talks on Tuesday.\n")
    (tmp_path / "c.md").write_text("---\npublished: 2024-05-02\n---\nChile and Peru agreed a deal on Friday.\n")
    report = ingest([tmp_path], tmp_path / "s.db")
    assert report.articles == 2 and report.events_new == 2
    assert report.skipped == [Skipped(str(tmp_path / "b.md"), "cannot store it (ValueError: a value SQLite "
                                                              "refuses); please report this article")]
    events = exported(tmp_path / "s.db")["events"]
    assert sorted(e["countries"] for e in events) == [["CL", "PE"], ["FR", "JP"]]  # nothing of b.md, half or whole
    conn = db.connect(tmp_path / "s.db", readonly=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    conn.close()


def test_a_file_stored_by_another_ingest_meanwhile_is_not_stored_twice(tmp_path, monkeypatch):
    """Two ingests of the same files at once: the second found the article missing when it started, and the
    first stored it while the second was extracting."""
    from store.extract import pipeline

    article = tmp_path / "news" / "a.md"
    article.parent.mkdir()
    article.write_text("---\npublished: 2024-05-02\n---\nFrance and Japan signed a pact on Monday.\n")
    store = tmp_path / "s.db"
    real = pipeline.extract_many
    first = {}

    def extract_while_another_ingest_runs(articles, n_process=1):
        if not first:
            first["report"] = None
            first["report"] = ingest([article], store)  # the other run, ending before this one writes
        return real(articles, n_process)

    monkeypatch.setattr(pipeline, "extract_many", extract_while_another_ingest_runs)
    db.connect(store, create=True).close()
    report = ingest([article.parent], store)
    assert first["report"].articles == 1
    assert (report.articles, report.unchanged, report.skipped) == (0, 1, [])
    assert report.totals["articles"] == 1 and report.totals["events"] == first["report"].totals["events"]


def test_a_telling_that_is_one_with_two_stored_events_makes_them_one(tmp_path):
    from datetime import date

    from store.model import Article, Event, Source, When

    path = tmp_path / "s.db"
    monday = When(date(2025, 5, 5), date(2025, 5, 5), "day")
    conn = db.connect(path, create=True)
    with db.transaction(conn):
        for name, text, persons in (
                ("one.md", "Anna Kovalenko met Lars Berg in Oslo to discuss grain exports.", ["Anna Kovalenko", "Lars Berg"]),
                ("two.md", "Kovalenko and Berg talked about grain exports in Oslo.", ["Lars Berg"])):
            article = Article(name, text, name, date(2025, 5, 6))
            db.insert_article(conn, article)
            db.insert_event(conn, Event(monday, text, persons, ["NO"],
                                        [Source(article.id, name, name, article.published, text, 0, len(text))],
                                        words=frozenset({"grain", "export", "oslo", "meet"})), {})
    conn.close()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "three.md").write_text("---\ntitle: three\npublished: 2025-05-06\n---\n\nAnna Kovalenko and Lars Berg "
                                     "met in Oslo on Monday to discuss grain exports.\n", encoding="utf-8")
    ingest([folder], path)
    (event,) = exported(path)["events"]  # the two stored events and the new telling: one meeting
    assert sorted(s["path"] for s in event["sources"]) == sorted(["one.md", str(folder / "three.md"), "two.md"])
    assert event["persons"] == ["Anna Kovalenko", "Lars Berg"]
    conn = db.connect(path, readonly=True)
    assert conn.execute("SELECT n_events FROM actors WHERE name = 'Lars Berg'").fetchone()[0] == 1
    conn.close()


@pytest.mark.parametrize("order", [("titled", "plain"), ("plain", "titled")])
def test_the_country_of_a_persons_title_reaches_their_events_in_every_article(tmp_path, order):
    texts = {
        "titled": "Swedish Prime Minister Lars Berg visited a grain port in Gdansk on Friday, May 2.",
        "plain": "Prime Minister Lars Berg opened a trade fair in Copenhagen on Monday, May 5.",
    }
    path = tmp_path / "s.db"
    for name in order:  # one ingest per article: the second finds the first stored
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\npublished: 2025-05-06\n---\n\n{texts[name]}\n",
                                           encoding="utf-8")
        ingest([folder], path)
    events = {e["sources"][0]["path"].rsplit("/", 1)[-1]: e for e in exported(path)["events"]}
    assert events["plain.md"]["persons"] == ["Lars Berg"]
    assert "SE" in events["plain.md"]["countries"] and "SE" in events["titled.md"]["countries"]
    conn = db.connect(path, readonly=True)
    assert conn.execute("SELECT n_events FROM actors WHERE code = 'SE' AND kind = 'country'").fetchone()[0] == 2
    conn.close()


def test_an_organisation_is_one_actor_across_articles_and_found_by_any_of_its_forms(tmp_path):
    from typer.testing import CliRunner

    from tui.cli import app

    folder, path = tmp_path / "in", tmp_path / "s.db"
    folder.mkdir()
    for name, text in (("a.md", "Sony Corp. sold its chemicals unit to five buyers in Osaka on Monday, May 5."),
                       ("b.md", "Sony Corporation opened a new factory in Nagoya on Friday, May 2.")):
        (folder / name).write_text(f"---\ntitle: {name}\npublished: 2025-05-06\n---\n\n{text}\n", encoding="utf-8")
    ingest([folder], path)
    events = exported(path)["events"]
    assert [e["orgs"] for e in events] == [["Sony Corp."], ["Sony Corp."]]  # the earlier-stored name
    runner = CliRunner()
    for form in ("Sony", "sony corporation", "SONY CORP."):
        listed = runner.invoke(app, ["events", "--db", str(path), "--org", form, "--format", "table"])
        assert listed.exit_code == 0 and "2 of 2 events" in listed.stdout, form
    orgs = runner.invoke(app, ["orgs", "--db", str(path)]).stdout
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in orgs.splitlines() if "│" in line]
    assert rows == [["Sony Corp.", "2"]]
