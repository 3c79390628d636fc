"""The worker side of a cluster ingest: what a task runs in a Dask worker process. Module-level functions: tasks
name them (pickled by reference), so every worker must have this same dateline installed."""
from __future__ import annotations

import ctypes
import functools
import os
import sys
import threading
import time

from store.model import Article, Extraction
from store.readers.records import Skipped

_MODEL_LOCK = threading.Lock()  # one extraction at a time per process, should a worker run several threads
M_MMAP_THRESHOLD = -3  # <malloc.h>
MMAP_THRESHOLD = 32 * 1024 * 1024  # the highest glibc's own sliding threshold goes on 64-bit systems
_allocator_set = False


def extract_chunk(articles: list[Article]) -> list[Extraction | Skipped]:
    from store.extract.pipeline import extract_many

    with _MODEL_LOCK:
        _set_allocator()
        return list(extract_many(articles))


def _set_allocator() -> None:
    """A worker started by a Dask nanny has MALLOC_TRIM_THRESHOLD_ set (distributed.nanny.pre-spawn-environ, to give
    memory back sooner), and glibc then stops sliding its mmap threshold up: every array of the model's over 128 KiB
    is mapped and unmapped anew, and extraction takes 20-50 % longer (benchmarks/README.md). Raising the threshold
    once in the process gives the speed back; the trimming stays."""
    global _allocator_set
    if _allocator_set:
        return
    _allocator_set = True
    if sys.platform.startswith("linux") and "MALLOC_TRIM_THRESHOLD_" in os.environ:
        try:
            ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
        except (OSError, AttributeError):  # not glibc (musl has no mallopt): left as it is
            pass


def load_model() -> tuple[str, float]:
    """Load the model in this worker process (once: nlp.load is cached); this dateline's code fingerprint and the
    seconds it took. Run by Client.run in the worker's event loop before any task of the run is sent, so without the
    lock: a task of another run holding it would stall the worker's heartbeats."""
    from store.extract import nlp

    started = time.perf_counter()
    _set_allocator()
    nlp.load()
    return code_fingerprint(), time.perf_counter() - started


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of dateline's store package (code and data tables): workers that extract with other code would make a
    store a local run does not."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent  # the store package
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".tsv", ".txt") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
