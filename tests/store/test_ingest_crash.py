"""Crash safety: `dateline ingest` killed with SIGKILL in the middle of a run leaves a store that opens, and a rerun
completes it to exactly what one uninterrupted run stores (real processes, real model); its worker processes
(-j 2) die with it."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from store.ingest import BATCH_SIZE
from tests.exported import exported
from tests.processes import HAS_PROC, children, dateline, started, survivors

COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "India", "Mexico", "Norway", "Egypt"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]


def write_articles(folder: Path, count: int) -> None:
    """`count` short articles, each dated, naming two countries and one or two dated events."""
    folder.mkdir()
    for n in range(count):
        a, b = COUNTRIES[n % 10], COUNTRIES[(n // 10 + n + 1) % 10]
        day, month, year = n % 27 + 1, MONTHS[n % 10], 2000 + n % 20
        body = (f"{a} and {b} signed a trade agreement on {month} {day}, {year}.\n\n"
                f"Officials from {b} visited {a} on Tuesday to discuss article {n}.\n")
        (folder / f"article_{n:03}.md").write_text(f"---\npublished: 2024-05-{n % 28 + 1:02}\n---\n{body}",
                                                   encoding="utf-8")


def run_ingest(folder: Path, store: Path, *options: str, **popen) -> subprocess.Popen:
    return dateline("ingest", str(folder), "--db", str(store), *options, **popen)


def stored_articles(store: Path) -> int:
    try:
        conn = sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True, timeout=0.05)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash") / "articles"
    write_articles(folder, 12 * BATCH_SIZE)
    reference = folder.parent / "reference.db"
    done = run_ingest(folder, reference)
    _, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    return folder, exported(reference)


@pytest.mark.parametrize(("kill_after", "processes"), [(1, "2"), (5, "1")])
def test_a_run_killed_mid_way_leaves_a_store_that_opens_and_a_rerun_completes(corpus, tmp_path, kill_after,
                                                                               processes):
    """With -j 2, its worker processes die with it too."""
    folder, reference = corpus
    store = tmp_path / "killed.db"
    with (tmp_path / "killed.log").open("w") as log:  # not a pipe: a surviving worker would hold it open
        run = run_ingest(folder, store, "-j", processes, stdout=log, stderr=log)
        deadline = time.monotonic() + 300
        while stored_articles(store) < kill_after * BATCH_SIZE and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        workers = {pid: started(pid) for pid in children(run.pid)} if HAS_PROC else {}
        assert run.poll() is None, "the run ended before it could be killed"
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
    if HAS_PROC:
        assert len(workers) == (2 if processes == "2" else 0)
        assert not survivors(workers, within=30), "workers outlived their killed parent"
    kept = stored_articles(store)
    assert kill_after * BATCH_SIZE <= kept < 12 * BATCH_SIZE and kept % BATCH_SIZE == 0  # whole batches only

    half = exported(store)  # opens, and what it holds is consistent enough to export
    assert half["events"] and len({s["path"] for e in half["events"] for s in e["sources"]}) == kept

    rerun = run_ingest(folder, store, "-j", processes)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{kept} already stored were left as they were" in " ".join(err.split())
    assert exported(store) == reference


def test_a_run_killed_before_its_first_batch_leaves_a_store_that_a_rerun_fills(corpus, tmp_path):
    folder, reference = corpus
    store = tmp_path / "early.db"
    run = run_ingest(folder, store)
    deadline = time.monotonic() + 60
    while not store.exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(run.pid, signal.SIGKILL)
    run.communicate(timeout=60)
    if store.exists():
        assert stored_articles(store) in (0, BATCH_SIZE)
    rerun = run_ingest(folder, store)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert exported(store) == reference


@pytest.mark.parametrize("processes", ["1", "2"])
def test_ctrl_c_stops_with_one_line_and_keeps_the_batches_written(corpus, tmp_path, processes):
    folder, _ = corpus
    store = tmp_path / "interrupted.db"
    run = run_ingest(folder, store, "-j", processes, start_new_session=True)
    deadline = time.monotonic() + 300
    while stored_articles(store) < BATCH_SIZE and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before it could be interrupted"
    os.killpg(run.pid, signal.SIGINT)  # as Ctrl-C does: the whole process group, workers included
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert err.strip().splitlines()[-1] == (f"dateline: error: interrupted: the articles stored before are kept in "
                                            f"{store}; rerun to complete")
    assert "Traceback" not in err
    assert stored_articles(store) >= BATCH_SIZE

