"""`dateline ingest --cluster` as a user runs it: its errors before anything is read, a run on a LocalCluster, and a
scheduler that goes away mid-run (real `dask scheduler` and `dask worker` processes, real model)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store.ingest import BATCH_SIZE
from tests.exported import exported
from tests.processes import HAS_PROC, children, dateline, started, survivors
from tests.store.test_ingest_crash import stored_articles, write_articles
from tui.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
runner = CliRunner()


def test_cluster_with_j_is_one_error_line(tmp_path):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "--cluster", "local:2",
                                 "-j", "2"])
    assert result.exit_code == 1
    assert result.stderr == ("dateline: error: -j and --cluster do not go together: --cluster local:N runs N worker "
                             "processes on this machine\n")
    assert not (tmp_path / "s.db").exists()


@pytest.mark.parametrize("address", ["local:0", "local:two", "", "tcp://a b:8786"])
def test_a_malformed_cluster_address_is_one_error_line(tmp_path, address):
    result = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "--cluster", address])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("dateline: error: --cluster ") and not (tmp_path / "s.db").exists()


def test_cluster_without_dask_installed_says_how_to_install_it(tmp_path):
    code = ("import sys; sys.modules['distributed'] = None; from tui.cli import app; sys.argv[0] = 'dateline'; "
            "app()")  # an import of distributed now fails, as without the extra
    run = subprocess.run([sys.executable, "-c", code, "ingest", str(SEEDS), "--db", str(tmp_path / "s.db"),
                          "--cluster", "local:2"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stderr == ("dateline: error: --cluster needs Dask distributed, which is not installed: "
                          "pip install 'dateline[cluster]'\n")
    assert not (tmp_path / "s.db").exists()


def test_ingest_on_a_local_cluster_says_what_a_local_run_says(tmp_path):
    pytest.importorskip("distributed")
    local = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "local.db")])
    on_cluster = runner.invoke(app, ["ingest", str(SEEDS), "--db", str(tmp_path / "cluster.db"), "--cluster",
                                     "local:2"])
    assert on_cluster.exit_code == local.exit_code == 0, on_cluster.output
    assert on_cluster.stderr.replace("cluster.db", "local.db") == local.stderr
    assert exported(tmp_path / "cluster.db") == exported(tmp_path / "local.db")


def _start(*args: str, log: Path) -> subprocess.Popen:
    """`python -m MODULE ARGS...`, its output to `log`, its scratch folders beside it (a killed scheduler leaves its
    own behind)."""
    with log.open("w") as out:
        return subprocess.Popen([sys.executable, "-m", *args], stdout=out, stderr=out,
                                env={**os.environ, "TMPDIR": str(log.parent)})


@pytest.fixture
def scheduler(tmp_path):
    """A `dask scheduler` on a free port with one `dask worker` of one thread, as on another machine; killed at the
    end, whatever happened to them."""
    pytest.importorskip("distributed")
    running = []

    def start() -> tuple[str, subprocess.Popen]:
        file = tmp_path / f"scheduler{len(running)}.json"
        process = _start("distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
                         "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(file), log=file.with_suffix(".log"))
        running.append(process)
        deadline = time.monotonic() + 60
        while not file.exists() or not file.read_text().strip():
            assert time.monotonic() < deadline and process.poll() is None, "the scheduler did not start"
            time.sleep(0.05)
        address = json.loads(file.read_text())["address"]
        running.append(_start("distributed.cli.dask_worker", address, "--nthreads", "1", "--nworkers", "1",
                              "--no-dashboard", log=file.with_suffix(".worker.log")))
        return address, process

    yield start
    for process in running:
        process.kill()
        process.wait(timeout=60)


def test_the_scheduler_gone_mid_run_is_one_line_the_batches_written_are_kept_and_a_rerun_completes(tmp_path,
                                                                                                  scheduler):
    folder = tmp_path / "articles"
    write_articles(folder, 6 * BATCH_SIZE)
    reference = tmp_path / "reference.db"
    done = dateline("ingest", str(folder), "--db", str(reference))
    assert done.wait(timeout=300) == 0, done.communicate()[1]

    store = tmp_path / "lost.db"
    address, process = scheduler()
    run = dateline("ingest", str(folder), "--db", str(store), "--cluster", address)
    deadline = time.monotonic() + 300
    while stored_articles(store) < BATCH_SIZE and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before its scheduler could be killed"
    os.kill(process.pid, signal.SIGKILL)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 1
    assert err.strip().splitlines()[-1] == (f"dateline: error: lost the Dask scheduler at {address} (the batches "
                                            "written before are kept; rerun to complete)")
    assert "Traceback" not in err
    kept = stored_articles(store)
    assert BATCH_SIZE <= kept < 6 * BATCH_SIZE and kept % BATCH_SIZE == 0  # whole batches only

    address, _ = scheduler()  # the scheduler back (another one), and a worker
    rerun = dateline("ingest", str(folder), "--db", str(store), "--cluster", address)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{kept} already stored were left as they were" in " ".join(err.split())
    assert exported(store) == exported(reference)


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("signals") / "articles"
    write_articles(folder, 6 * BATCH_SIZE)
    return folder


def _run_until_a_batch_is_stored(folder: Path, store: Path, **popen) -> subprocess.Popen:
    """A run on a LocalCluster; its scratch folder (left behind when it is killed) in the test's own."""
    run = dateline("ingest", str(folder), "--db", str(store), "--cluster", "local:2",
                   env={**os.environ, "TMPDIR": str(store.parent)}, **popen)
    deadline = time.monotonic() + 300
    while stored_articles(store) < BATCH_SIZE and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert run.poll() is None, "the run ended before it could be stopped"
    return run


def test_ctrl_c_on_a_local_cluster_stops_with_one_line_and_keeps_the_batches_written(articles, tmp_path):
    """The workers get the SIGINT too (one process group) and stay quiet: no traceback of theirs."""
    pytest.importorskip("distributed")
    store = tmp_path / "interrupted.db"
    run = _run_until_a_batch_is_stored(articles, store, start_new_session=True)
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130
    assert err.strip().splitlines()[-1] == (f"dateline: error: interrupted: the articles stored before are kept in "
                                            f"{store}; rerun to complete")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert stored_articles(store) % BATCH_SIZE == 0 and stored_articles(store) >= BATCH_SIZE


@pytest.mark.skipif(not HAS_PROC, reason="finds the worker processes in /proc")
def test_the_local_workers_die_with_a_killed_ingest(articles, tmp_path):
    pytest.importorskip("distributed")
    store = tmp_path / "killed.db"
    with (tmp_path / "killed.log").open("w") as log:  # not a pipe: a surviving worker would hold it open
        run = _run_until_a_batch_is_stored(articles, store, stdout=log, stderr=log)
        workers = {pid: started(pid) for pid in children(run.pid)}
        os.kill(run.pid, signal.SIGKILL)
        run.wait(timeout=60)
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    assert not survivors(workers, within=30), "workers outlived their killed parent"
