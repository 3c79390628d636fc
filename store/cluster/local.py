"""A LocalCluster for `--cluster local:N`, started for the run and closed after it, and distributed's own logging
kept quiet meanwhile (the run says what matters in its own lines)."""
from __future__ import annotations

import logging

# Run in each local worker process as it starts (a preload: the text of a module). Ctrl-C reaches the whole process
# group: the ingest stops the run and says so once; the workers, closed by it, stay quiet (no KeyboardInterrupt
# traceback each). Workers started by `dask worker` elsewhere are left as their owner started them.
_LOCAL_WORKER_PRELOAD = """\
import signal


def dask_setup(worker):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
"""


class local_client:
    """A LocalCluster of `count` worker processes (one thread each) on this machine, with its client; closed and
    its scratch folder removed at the end."""

    def __init__(self, count: int):
        self.count = count

    def __enter__(self):
        import tempfile

        import dask
        from distributed import Client, LocalCluster

        self._scratch = tempfile.TemporaryDirectory(prefix="dateline-dask-")
        self.cluster = self.client = None
        try:
            # The scheduler and its HTTP server on 127.0.0.1 only, the latter on any free port (8787 may be taken,
            # and distributed then warns). The workers' statistical profiler (a stack sample every 10 ms, for the
            # dashboard) costs extraction ~8 % (benchmarks/README.md): off. The scheduler's and the workers' scratch
            # folders in this run's own. The workers take this config with them.
            with dask.config.set({"distributed.worker.profile.enabled": False,
                                  "temporary-directory": self._scratch.name}):
                self.cluster = LocalCluster(n_workers=self.count, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                            silence_logs=logging.CRITICAL, preload=[_LOCAL_WORKER_PRELOAD])
            self.client = Client(self.cluster, set_as_default=False)
        except BaseException:
            self.__exit__()
            raise
        return self.client

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            close_quietly(self.client)
        if self.cluster is not None:
            try:
                self.cluster.close()
            except Exception:  # noqa: BLE001 - closing what this run started; the run's outcome is what matters
                pass
        self._scratch.cleanup()


def close_quietly(client) -> None:
    try:
        client.close(timeout=5)
    except Exception:  # noqa: BLE001 - a client whose scheduler is gone
        pass


class quiet_distributed:
    """distributed logs to stderr (a restarted worker, a lost scheduler with its traceback): the run says what
    matters in its own lines, so these loggers say nothing meanwhile. Their configured levels are put back after."""

    NAMES = ("distributed", "tornado")

    def __enter__(self):
        loggers = logging.Logger.manager.loggerDict
        names = [n for n in loggers if n.split(".")[0] in self.NAMES and isinstance(loggers[n], logging.Logger)]
        self._levels = {name: logging.getLogger(name).level for name in {*names, *self.NAMES}}
        for name in self._levels:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    def __exit__(self, *exc) -> None:
        for name, level in self._levels.items():
            logging.getLogger(name).setLevel(level)
