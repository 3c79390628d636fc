"""The bundled sample (store/data/sample.db; the top-level sample.db links to it) must be what
`dateline ingest tests/data/seeds` builds with the code as it is now.

When this fails, rebuild it from the repository root:
    rm store/data/sample.db && dateline ingest tests/data/seeds --db store/data/sample.db
"""
from pathlib import Path

from store.ingest import ingest
from tests.exported import exported

ROOT = Path(__file__).resolve().parent.parent




def test_sample_db_is_fresh(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    fresh = tmp_path / "fresh.db"
    ingest([Path("tests/data/seeds")], fresh)
    assert exported(ROOT / "sample.db") == exported(fresh), "sample.db is stale: rebuild it (see this file's docstring)"
