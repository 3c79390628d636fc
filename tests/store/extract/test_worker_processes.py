"""The extraction worker processes die with their parent, however it ends, and only then: not when the thread
that forked them ends (real processes, a tiny pool without the model: the workers are what is tested)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.processes import HAS_PROC, started, survivors

pytestmark = pytest.mark.skipif(not HAS_PROC, reason="finds the worker processes in /proc")

# A parent that forks two workers as _extract_in_processes does, from its main thread or from a thread that then
# ends; prints their pids once that thread is gone and they still answer, then waits to be killed.
PARENT = """
import multiprocessing, os, sys, threading, time
from concurrent.futures import ProcessPoolExecutor
from store.extract.pipeline import _prepare_worker

pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"), initializer=_prepare_worker,
                           initargs=(os.getpid(), threading.main_thread().ident))
if sys.argv[1] == "thread":
    forker = threading.Thread(target=pool.submit, args=(os.getpid,))
    forker.start()
    forker.join()
    deadline = time.monotonic() + 30
    while os.path.exists(f"/proc/self/task/{forker.native_id}") and time.monotonic() < deadline:
        time.sleep(0.01)  # join() returns a little before the kernel ends the thread (and sends a death signal)
else:
    pool.submit(os.getpid)
assert pool.submit(os.getpid).result()  # both were forked together: had they died, this would raise
print(*pool._processes, flush=True)
time.sleep(300)
"""


@pytest.mark.parametrize("forked_from", ["main", "thread"])
def test_workers_outlive_the_forking_thread_and_die_with_a_killed_parent(forked_from, tmp_path):
    errors = tmp_path / "stderr"
    with errors.open("w") as stderr:  # a file: nothing to read while we wait for the workers' pids
        parent = subprocess.Popen([sys.executable, "-c", PARENT, forked_from], stdout=subprocess.PIPE, text=True,
                                  stderr=stderr)
    try:
        line = parent.stdout.readline()
        workers = {int(pid): started(int(pid)) for pid in line.split()}
        assert len(workers) == 2 and all(workers.values()), errors.read_text()  # alive, answering
        assert parent.poll() is None
    finally:
        parent.stdout.close()
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=60)
    assert not survivors(workers, within=30), "workers outlived their killed parent"
