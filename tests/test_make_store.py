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
            "SELECT s.start, s.end, a.body FROM sources s JOIN articles a ON a.id = s.article_id"):
        assert 0 <= start < end <= len(body) and body[start:end].strip() == body[start:end]  # a sentence of it
    years = [int(y) for (y,) in conn.execute("SELECT substr(start, 1, 4) FROM events WHERE start IS NOT NULL")]
    assert min(years) >= 1970 and max(years) <= 2025
    assert sum(y >= 2001 for y in years) > sum(y < 2001 for y in years)  # more news in later years
    counts = [n for (n,) in conn.execute("SELECT n_events FROM actors WHERE kind = 'person' ORDER BY n_events DESC")]
    assert counts[0] > 20 * counts[len(counts) // 2]  # a Zipf spread: the top person far above the median one
    assert conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'treaty'").fetchone()[0] == 30
