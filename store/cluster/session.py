"""The client side of a cluster ingest: a session with the cluster for one run, sending chunks of articles out,
a bounded number at a time, and handing their extractions on in reading order."""
from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import chain

from store.cluster import worker
from store.cluster.address import INSTALL_HINT, ClusterError, available, parse_address
from store.cluster.local import close_quietly, local_client, quiet_distributed
from store.model import Article, Extraction
from store.readers.records import Skipped

CHUNK_ARTICLES = 4  # articles per task, as pipeline.PROCESS_CHUNK
# Characters per task at most (a single longer article goes alone): the arguments travel inside the task, and
# Dask warns about graphs over 10 MB (distributed.admin.large-graph-warning-threshold).
CHUNK_CHARS = 1_000_000
CHUNKS_AHEAD = 3  # chunks out (sent, or back and waiting for an earlier one) per worker thread
CONNECT_SECONDS = 20  # to reach the scheduler
WORKERS_SECONDS = 60  # for a first worker to join a scheduler that has none
THREADS_SECONDS = 2.0  # how often the window is sized again to the workers there are


def extract_on_cluster(articles: Iterable[Article], address: str,
                       on_note: Callable[[str], None] | None = None) -> Iterator[Extraction | Skipped]:
    """The extraction of each article, in order, as `pipeline.extract_many` gives it, done by the workers of the
    cluster at `address`. Nothing is started or reached until there is a first article. `on_note(line)`: where
    the dashboard is, when there is one."""
    items = iter(articles)
    first = next(items, None)
    if first is None:
        return
    with _Session(address, on_note) as session:
        yield from session.extract(chain([first], items))



class _Session:
    """A client of the cluster for one run (and the LocalCluster it started, if any)."""

    def __init__(self, address: str, on_note: Callable[[str], None] | None):
        self.address = address
        self.on_note = on_note
        self._stack = ExitStack()
        self._threads_asked = -THREADS_SECONDS
        self._thread_count = 1

    def __enter__(self) -> _Session:
        missing = available()
        if missing:
            raise ClusterError(missing)
        try:
            self._start()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def _start(self) -> None:
        import dask
        from distributed import Client

        kind, count = parse_address(self.address)
        self._stack.enter_context(quiet_distributed())
        # distributed warns about the task graph's size; article texts are the arguments, chunked by size.
        self._stack.enter_context(dask.config.set({"distributed.admin.large-graph-warning-threshold": "100MB"}))
        if kind == "local":
            self.client = self._stack.enter_context(local_client(count))
            self.where = self.scheduler = f"the local Dask cluster of {count} worker process(es)"
        else:
            try:
                self.client = Client(kind, timeout=CONNECT_SECONDS, set_as_default=False)
            except (OSError, TimeoutError) as error:
                raise ClusterError(f"cannot reach the Dask scheduler at {kind}: {_reason(error)}") from error
            self._stack.callback(close_quietly, self.client)
            self.where = self.scheduler = f"the Dask scheduler at {kind}"
            self._wait_for_workers()
        link = self._dashboard()
        if link and self.on_note:
            self.on_note(f"Dask dashboard: {link}")
        try:
            loaded = self.client.run(worker.load_model)  # each worker there loads it now; later ones at their first task
        except Exception as error:  # noqa: BLE001 - a worker without dateline, or a different one
            raise ClusterError(f"a worker of {self.where} cannot load dateline's model ({_reason(error)}): "
                               f"install the same dateline with {INSTALL_HINT} on every worker machine") from error
        other = sorted(name for name, (code, _) in loaded.items() if code != worker.code_fingerprint())
        if other:
            raise ClusterError(f"{len(other)} worker(s) of {self.where} run another dateline than this one (first: "
                               f"{other[0]}): install the same dateline on every worker machine")

    def _wait_for_workers(self) -> None:
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except (OSError, TimeoutError) as error:
            raise ClusterError(f"no worker joined {self.where} in {WORKERS_SECONDS} s: start some with "
                               f"`dask worker {self.address} --nthreads 1`") from error

    def _dashboard(self) -> str | None:
        """The dashboard's address, when the scheduler serves one (it needs bokeh, on the scheduler's machine;
        without it the scheduler's HTTP server only says so)."""
        try:
            if "dashboard" not in self.client.scheduler_info().get("services", {}):
                return None
            has_bokeh = self.client.run_on_scheduler(_scheduler_has_bokeh())
        except Exception:  # noqa: BLE001 - a scheduler refusing to run functions: no dashboard said
            return None
        return self.client.dashboard_link if has_bokeh else None

    def _threads(self) -> int:
        """The cluster's worker threads, asked again at most every THREADS_SECONDS (workers join and leave; each
        asking is a round trip to the scheduler)."""
        now = time.monotonic()
        if now - self._threads_asked > THREADS_SECONDS:
            self._threads_asked = now
            try:
                self._thread_count = max(1, sum(self.client.nthreads().values()))
            except Exception:  # noqa: BLE001 - the scheduler gone: the tasks out say so, as ClusterError
                pass
        return self._thread_count

    def extract(self, articles: Iterable[Article]) -> Iterator[Extraction | Skipped]:
        """Send chunks out, keep at most CHUNKS_AHEAD per worker thread out, take results as they complete and
        yield them in reading order."""
        from distributed import as_completed

        run = uuid.uuid4().hex[:8]
        chunks = enumerate(_chunks(articles))
        sent: dict[str, tuple[int, list[Article]]] = {}  # task key → (chunk number, its articles)
        futures = {}  # task key → future, until its results are taken
        back: dict[int, list[Extraction | Skipped]] = {}  # chunk number → results waiting for earlier chunks
        completed = as_completed(loop=self.client.loop)  # not the default client: this one was not made default
        total = handed = 0  # chunks sent, chunks yielded
        more = True
        try:
            while more or handed < total:
                while more and total - handed < CHUNKS_AHEAD * self._threads():
                    number, chunk = next(chunks, (None, None))
                    if chunk is None:
                        more = False
                        break
                    key = f"dateline-extract-{run}-{number}"
                    futures[key] = self.client.submit(worker.extract_chunk, chunk, key=key, pure=False)
                    sent[key] = number, chunk
                    completed.add(futures[key])
                    total += 1
                if handed in back:
                    yield from back.pop(handed)
                    handed += 1
                    continue
                if handed == total:
                    continue
                future = next(completed)
                number, chunk = sent.pop(future.key)
                back[number] = self._results(futures.pop(future.key), chunk)
        finally:
            completed.clear()
            if futures:
                try:
                    self.client.cancel(list(futures.values()), force=True)
                except Exception:  # noqa: BLE001 - the scheduler gone: nothing left to cancel there
                    pass

    def _results(self, future, chunk: list[Article]) -> list[Extraction | Skipped]:
        """The chunk's results. When its workers kept dying, article by article, one at a time: a task that kills its
        worker kills those queued there with it, and they count the death too (KilledWorker comes for them as
        well): an article is skipped when it kept dying on its own."""
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            if len(chunk) == 1:
                return [Skipped(chunk[0].path, "its worker process died each time it extracted it (out of memory?); "
                                               "please report this article")]
            results = []
            for article in chunk:
                single = self.client.submit(worker.extract_chunk, [article], key=f"{future.key}-{len(results)}", pure=False)
                results.extend(self._results(single, [article]))
            return results
        except Exception as error:  # noqa: BLE001 - extraction errors are Skipped on the worker: this is the cluster
            raise ClusterError(self._failure(error)) from error

    def _failure(self, error: BaseException) -> str:
        """One line for a task that brought no result. The scheduler gone shows as the task cancelled (the client
        cancels every task when its connection drops) or as the connection closed, depending on the moment."""
        from distributed.client import FutureCancelledError
        from distributed.comm.core import CommClosedError

        if isinstance(error, (FutureCancelledError, CommClosedError)) or self.client.status != "running":
            return f"lost {self.scheduler}"
        return f"a task failed on {self.where} ({_reason(error)})"


def _reason(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


def _chunks(articles: Iterable[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    size = 0
    for article in articles:
        if chunk and (len(chunk) == CHUNK_ARTICLES or size + len(article.body) > CHUNK_CHARS):
            yield chunk
            chunk, size = [], 0
        chunk.append(article)
        size += len(article.body)
    if chunk:
        yield chunk


def _scheduler_has_bokeh():
    def has_bokeh() -> bool:  # defined here, so that it travels by value: the scheduler need not have dateline
        import importlib.util

        return importlib.util.find_spec("bokeh") is not None

    return has_bokeh
