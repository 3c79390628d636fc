"""Stand-ins for store.cluster.worker.extract_chunk that the cluster tests put in its place. They run in the workers, which
find them by name (tests.store.cluster_tasks): a worker process spawned by a LocalCluster has the test run's
sys.path."""
from __future__ import annotations

import os
import signal
import time

from store.cluster import worker


def dies_once(marker: str, only_with: str, articles):
    """The first worker to get the article whose path holds `only_with` dies at once (SIGKILL, as the OOM killer
    would), its process id written to `marker`; the task redone elsewhere extracts it."""
    if any(only_with in a.path for a in articles):
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            pass
        else:
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            os.kill(os.getpid(), signal.SIGKILL)
    return worker.extract_chunk(articles)


def dies_always(word: str, articles):
    """The worker dies each time it gets an article whose body holds `word`."""
    if any(word in a.body for a in articles):
        os.kill(os.getpid(), signal.SIGKILL)
    return worker.extract_chunk(articles)


def first_last(first: str, articles):
    """The chunk holding `first` comes back last: results then arrive out of reading order."""
    if any(first in a.path for a in articles):
        time.sleep(3)
    return worker.extract_chunk(articles)
