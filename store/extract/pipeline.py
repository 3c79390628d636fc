"""One straight walk from an Article to its Extraction: spaCy analysis, time expressions, entities, events (from
the article's text, not the reader comments saved with it), merging within the article. Cross-article merging happens at ingest, against the store.

An article whose extraction raises (a defect met on unusual text) comes out as `Skipped` with the error, so one
article never stops a run of thousands."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import closing
from itertools import islice, tee

from store.extract import merge, nlp
from store.extract.comments import comments_start
from store.extract.entities import find_entities
from store.extract.events import SentenceEvent, find_events
from store.extract.timex import date_ranges, tag, with_range_durations
from store.model import Article, Entities, Extraction, Timex
from store.readers.records import Skipped

PROCESS_CHUNK = 4  # articles per task handed to a worker process


def extract_many(articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction | Skipped]:
    """The extraction of each article, in order, each as soon as it is done. `articles` is read lazily: memory
    stays at a few batches. With `n_process` > 1, whole extractions run in that many worker processes."""
    if n_process > 1:
        yield from _extract_in_processes(articles, n_process)
        return
    articles, bodies = tee(articles)
    with closing(nlp.analyse_many(a.body for a in bodies)) as analyses:
        for article, analysis in zip(articles, analyses):
            yield _extract_or_skip(article, analysis)


def _extract_in_processes(articles: Iterable[Article], n_process: int) -> Iterator[Extraction | Skipped]:
    """Worker processes extract chunks of articles whole (spaCy and everything after it), so every core does the
    whole job; this process only hands out articles and takes results back, in order, a bounded number of chunks
    ahead. The model is loaded here first and the workers are forked, as spaCy's own `n_process` does, so they
    start with it loaded."""
    import multiprocessing
    import os
    import threading
    from concurrent.futures import Future, ProcessPoolExecutor

    nlp.load()
    pool = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"),
                               initializer=_prepare_worker, initargs=(os.getpid(), threading.main_thread().ident))
    pending: deque[Future[list[Extraction | Skipped]]] = deque()
    try:
        for chunk in _chunks(articles, PROCESS_CHUNK):
            pending.append(pool.submit(_extract_chunk, chunk))
            if len(pending) > 2 * n_process:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepare_worker(parent: int, parents_main_thread: int | None) -> None:
    """Ctrl-C reaches the whole process group: the parent stops the run and says so once, the workers stay quiet
    and finish their chunk. A parent killed outright (SIGKILL, the OOM killer) takes its workers with it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_the_parent(parent, parents_main_thread)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_WATCH_SECONDS = 0.5


def _die_with_the_parent(parent: int, parents_main_thread: int | None) -> None:
    """Without this a worker outlives a killed parent (each one ~180 MB, waiting forever for work): nothing
    closes the pool's queues, since every worker holds their ends too.

    On Linux the kernel sends the worker SIGKILL when the thread that forked it ends. That is the process's end
    only if the main thread forked: Python 3.11's ProcessPoolExecutor forks all its "fork" workers in the thread
    of the first `submit` (whichever thread first advances this generator; the executor's own manager thread forks
    only replacements under max_tasks_per_child, unused here). The forking thread is the one running in this
    child, with the same ident. Any other forking thread, or another system, gets a thread here that polls
    getppid(), which changes when the parent process (not one of its threads) is gone."""
    import os
    import sys
    import threading

    if sys.platform == "linux" and threading.get_ident() == parents_main_thread:
        import ctypes
        import signal

        if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before prctl: no signal will come
                os._exit(1)
            return
    threading.Thread(target=_exit_when_orphaned, args=(parent,), name="dateline-parent-watch", daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    import os
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_WATCH_SECONDS)
    os._exit(1)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    items = iter(articles)
    while chunk := list(islice(items, size)):
        yield chunk


def _extract_chunk(articles: list[Article]) -> list[Extraction | Skipped]:
    return list(extract_many(articles))


def extract(article: Article) -> Extraction | Skipped:
    return next(extract_many([article]))


def _extract_or_skip(article: Article, analysis: nlp.Analysis) -> Extraction | Skipped:
    try:
        return extract_analysed(article, analysis)
    except Exception as error:  # noqa: BLE001 - reported per article; the run goes on
        return Skipped(article.path, f"extraction failed ({type(error).__name__}: {error}); please report this "
                                     "article")


def extract_analysed(article: Article, analysis: nlp.Analysis) -> Extraction:
    """The extraction of an article whose spaCy analysis is done (what benchmarks that also read the parse use)."""
    timexes, entities, candidates = _tellings(article, analysis)
    events = merge.merge_article(candidates)
    return Extraction(article, analysis.sentences, analysis.spans, with_range_durations(article.body, timexes),
                      entities, events)


def tellings(article: Article) -> list[SentenceEvent]:
    """The article's events sentence by sentence, each with its own date and actors, before merging (what tests of
    the dating rules look at)."""
    return _tellings(article, nlp.analyse(article.body))[2]


def _tellings(article: Article, analysis: nlp.Analysis) -> tuple[list[Timex], Entities, list[SentenceEvent]]:
    timexes = tag(article.body, article.published, analysis.spans, analysis.sentences, analysis.tokens)
    entities = find_entities(article.body, analysis.spans, analysis.sentences)
    article_end = comments_start(article.body)  # reader comments tell no event of the story
    told = [s for s in analysis.sentences if s.start < article_end]
    candidates = find_events(article, told, timexes, date_ranges(article.body, timexes), entities, analysis.tokens)
    return timexes, entities, candidates
