"""The synthetic store generator of the scale benchmarks writes what it promises, through the store's write path."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from store.db import connect

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "make_store.py"


def load_generator():
    spec = importlib.util.spec_from_file_location("make_store", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_small_synthetic_store_has_its_events_sources_and_skewed_actors(tmp_path):
    path = tmp_path / "synthetic.db"
    load_generator().make_store(path, 3000, seed=3)
    conn = connect(path, readonly=True)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 3000
    per_event = Counter(n for (n,) in conn.execute("SELECT n_sources FROM events"))
    assert set(per_event) == {1, 2, 3} and per_event[1] > per_event[2] > per_event[3]
    for start, end, body in conn.execute(
            "SELECT s.start, s.end, body_text(a.body) FROM sources s JOIN articles a ON a.no = s.article_no"):
        assert 0 <= start < end <= len(body) and body[start:end].strip() == body[start:end]  # a sentence of it
    years = [int(y) for (y,) in conn.execute("SELECT substr(start, 1, 4) FROM events WHERE start IS NOT NULL")]
    assert min(years) >= 1970 and max(years) <= 2025
    assert sum(y >= 2001 for y in years) > sum(y < 2001 for y in years)  # more news in later years
    counts = [n for (n,) in conn.execute("SELECT n_events FROM actors WHERE kind = 'person' ORDER BY n_events DESC")]
    assert counts[0] > 20 * counts[len(counts) // 2]  # a Zipf spread: the top person far above the median one
    assert conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'treaty'").fetchone()[0] == 30


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the store (the FTS table through its columns), in key order; articles without
    the time they were stored."""
    conn = connect(path, readonly=True)
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'events_fts%' AND name != 'meta'")]

    def read(sql: str) -> list[tuple]:
        return sorted((tuple(row) for row in conn.execute(sql)), key=repr)

    rows = {table: read(f"SELECT * FROM {table}") for table in tables}
    rows["articles"] = read("SELECT id, path, title, source, url, published, body FROM articles")
    rows["events_fts"] = read("SELECT rowid, summary, excerpts FROM events_fts")
    rows["triggers and indexes"] = read("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')")
    rows["journal"] = read("PRAGMA journal_mode")
    conn.close()
    return rows


def test_the_bulk_load_stores_the_rows_the_write_path_stores(tmp_path):
    generator = load_generator()
    generator.make_store(tmp_path / "bulk.db", 3000, seed=5)
    generator.make_store(tmp_path / "written.db", 3000, seed=5, bulk=False)
    bulk, written = table_rows(tmp_path / "bulk.db"), table_rows(tmp_path / "written.db")
    assert bulk.keys() == written.keys()
    for table in written:
        assert bulk[table] == written[table], table
    assert min(len(written[table]) for table in ("timeline_days", "actor_pairs", "day_tallies")) > 1000  # counted
    assert written["journal"] == [("wal",)]
    assert [kind for kind, _, sql in written["triggers and indexes"] if sql].count("trigger") == 9
    assert [kind for kind, _, sql in written["triggers and indexes"] if sql].count("index") == 7
