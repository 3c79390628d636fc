"""Ingest on a Dask cluster (store/cluster/): a LocalCluster of 2 worker processes stores exactly what a local run
stores, in as many batches; a worker killed mid-run has its task redone elsewhere, nothing lost and nothing stored
twice; an article that kills every worker given it is skipped with the reason. Real processes, real model: each
test starts its own cluster (~5 s on 2 cores: the workers start and load the model)."""
from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from store import db, ingest as ingest_module  # noqa: E402
from store.cluster import worker  # noqa: E402
from store.ingest import ingest  # noqa: E402
from store.queries import changes  # noqa: E402
from tests.exported import exported  # noqa: E402
from tests.processes import started  # noqa: E402
from tests.store import cluster_tasks  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "data" / "seeds"
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Mexico", "Norway", "Egypt"]
BATCH = 4  # articles per transaction in these tests, so that a run of 13 articles writes 4 batches


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The three sample articles (retellings that merge across articles) and ten tiny invented ones, of which some
    retell each other's events; stored once locally as the reference."""
    folder = tmp_path_factory.mktemp("cluster") / "articles"
    folder.mkdir()
    for seed in SEEDS.iterdir():
        (folder / seed.name).write_bytes(seed.read_bytes())
    for n in range(10):
        a, b = COUNTRIES[n % 5], COUNTRIES[5 + n % 5]
        (folder / f"article_{n:03}.md").write_text(
            f"---\npublished: 2024-05-{n % 5 + 10:02}\n---\n{a} and {b} signed a trade agreement on May 6, 2024.\n\n"
            f"Officials from {b} visited {a} on Tuesday to discuss article {n}.\n", encoding="utf-8")
    reference = folder.parent / "reference.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest_module, "BATCH_SIZE", BATCH)
        report = ingest([folder], reference)
    assert report.articles == 13 and report.skipped == []
    return folder, reference, report


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch):
    monkeypatch.setattr(ingest_module, "BATCH_SIZE", BATCH)


def batches_written(store: Path) -> int:
    conn = db.connect(store, readonly=True)
    try:
        return changes(conn)
    finally:
        conn.close()


def counts(report) -> tuple:
    return report.articles, report.unchanged, report.events_new, report.events_merged, report.events_joined


def test_a_local_cluster_of_two_stores_what_a_local_run_stores(corpus, tmp_path, monkeypatch):
    """The chunk of the first articles comes back last: the writer still stores in reading order."""
    folder, reference, expected = corpus
    monkeypatch.setattr(worker, "extract_chunk", partial(cluster_tasks.first_last, "article_000"))
    advanced = []
    report = ingest([folder], tmp_path / "cluster.db", cluster="local:2", on_advance=advanced.append)
    assert counts(report) == counts(expected) and report.skipped == []
    assert advanced == [4, 4, 4, 1]  # the progress bar moves batch by batch, as in a local run
    assert batches_written(tmp_path / "cluster.db") == batches_written(reference) == 4
    assert exported(tmp_path / "cluster.db") == exported(reference)

    again = ingest([folder], tmp_path / "cluster.db", cluster="local:2")  # nothing to do: no cluster started
    assert (again.articles, again.unchanged) == (0, 13)


def test_a_worker_killed_mid_run_has_its_task_redone_elsewhere(corpus, tmp_path, monkeypatch):
    folder, reference, expected = corpus
    marker = tmp_path / "died"
    monkeypatch.setattr(worker, "extract_chunk", partial(cluster_tasks.dies_once, str(marker), "article_005"))
    report = ingest([folder], tmp_path / "killed.db", cluster="local:2")
    assert started(int(marker.read_text())) is None  # a worker did die, in the middle of the run
    assert counts(report) == counts(expected) and report.skipped == []  # nothing lost
    assert exported(tmp_path / "killed.db") == exported(reference)  # nothing twice


def test_an_article_that_kills_every_worker_given_it_is_skipped_and_the_rest_stored(corpus, tmp_path, monkeypatch):
    import dask

    folder, reference, _ = corpus
    (folder.parent / "poison").mkdir()
    poison = folder.parent / "poison" / "zeppelin.md"
    poison.write_text("---\npublished: 2024-05-02\n---\nA zeppelin landed in Spain on Monday.\n", encoding="utf-8")
    monkeypatch.setattr(worker, "extract_chunk", partial(cluster_tasks.dies_always, "zeppelin"))
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # the first death of a task is its last
        report = ingest([folder, poison.parent], tmp_path / "poison.db", cluster="local:2")
    assert report.articles == 13
    assert [(s.path, s.reason) for s in report.skipped] == [
        (str(poison), "its worker process died each time it extracted it (out of memory?); please report this article")]
    assert exported(tmp_path / "poison.db") == exported(reference)  # the poison came last: the rest as before


def test_the_writer_never_loads_the_model(corpus, tmp_path):
    """Extraction happens in the workers only: the ingesting process stays small."""
    import subprocess
    import sys

    code = (f"import sys; from store.ingest import ingest; "
            f"r = ingest([{str(corpus[0])!r}], {str(tmp_path / 'w.db')!r}, cluster='local:2'); "
            f"print(r.articles, 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=True)
    assert out.stdout.split() == ["13", "False"]
    assert out.stderr == ""  # distributed's own logging is silenced
