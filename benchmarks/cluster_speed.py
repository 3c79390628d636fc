"""Ingest on a Dask LocalCluster against `-j`, and the one writer's ceiling (run by hand; prints tables). See
benchmarks/README.md.

    python benchmarks/cluster_speed.py [--copies 3] [--runs 2] [--workers 2]

Corpus: as ingest_speed.py (../shared/eval/timex-dev and the seeds, --copies times, copies after the first ending
in "(Copy N.)"). Words are the whitespace-split words of the article bodies.

  -j N             store.ingest.ingest(n_process=N) into a fresh store, the model loaded in this process
                   beforehand (the workers are forked with it): reading, extraction, merging, SQLite writes;
  cluster, warm    ingest(cluster=ADDRESS) on a LocalCluster of N worker processes (one thread each) started
                   beforehand, its workers' model loaded: what a run on a standing cluster gets;
  cluster, cold    ingest(cluster="local:N"): the LocalCluster started and its workers' model loaded in the run,
                   as `dateline ingest --cluster local:N` does;
  start            LocalCluster(N) and its client, then the model loaded in every worker, apart.

The writer's ceiling: every article extracted once beforehand (in this process), then ingest into a fresh store
with extraction free (the stream hands back the stored-up extractions), best of --runs: reading the files twice,
hashing, merging against the store, SQLite writes. With a cluster the writer also unpickles each extraction as it
comes back: measured apart, per article. Workers one writer can feed = the writer's articles/s (with unpickling)
over one worker's articles/s (extraction alone, one process, model loaded).
"""
from __future__ import annotations

import argparse
import pickle
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "benchmarks"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from ingest_speed import SOURCES, build_corpus, timed  # noqa: E402
from store.extract import nlp, pipeline  # noqa: E402
from store.ingest import ingest  # noqa: E402
from store.model import Extraction  # noqa: E402
from store.readers import Skipped, read_paths  # noqa: E402


def fresh_ingest(corpus: Path, expected: int, **options) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = ingest([corpus], Path(tmp) / "bench.db", **options)
    if report.articles != expected:
        raise SystemExit(f"ingest stored {report.articles} articles, expected {expected}")


def with_cpu(action) -> tuple[float, float]:
    """Wall seconds of `action()`, and the CPU seconds this process (all its threads) spent meanwhile."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    _, seconds = timed(action)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return seconds, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def start_cluster(workers: int):
    """The LocalCluster `--cluster local:N` starts (store.cluster.local.local_client), its client, and how long its
    workers took to load the model."""
    from store.cluster.local import local_client
    from store.cluster.worker import load_model

    local = local_client(workers)
    client = local.__enter__()
    started = time.perf_counter()
    client.run(load_model)
    return local, client, time.perf_counter() - started


def writer_ceiling(corpus: Path, articles: list, runs: int) -> tuple[float, float, float, float]:
    """(articles/s, events/s stored with extraction free, unpickling seconds per article, one process's
    extraction articles/s)."""
    extractions, seconds = timed(lambda: list(pipeline.extract_many(articles)))
    extract_rate = len(articles) / seconds
    done = {e.article.id: e for e in extractions if isinstance(e, Extraction)}
    tellings = sum(len(e.events) for e in done.values())
    real = pipeline.extract_many
    pipeline.extract_many = lambda stream, n_process=1: (done[a.id] for a in stream)  # extraction is free
    try:
        best = min(timed(lambda: fresh_ingest(corpus, len(done)))[1] for _ in range(runs))
    finally:
        pipeline.extract_many = real
    pickled = [pickle.dumps(e, protocol=5) for e in done.values()]
    unpickle = min(timed(lambda: [pickle.loads(p) for p in pickled])[1] for _ in range(runs)) / len(pickled)
    print(f"extractions pickled: {sum(map(len, pickled)) / len(pickled) / 1024:,.0f} KiB per article on average "
          f"(the bodies {sum(len(a.body) for a in articles) / len(articles) / 1024:,.0f} KiB)")
    return len(done) / best, tellings / best, unpickle, extract_rate


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    n = args.workers

    corpus = Path(tempfile.mkdtemp(prefix="dateline-cluster-speed-"))
    try:
        build_corpus(corpus, args.copies)
        articles = [a for a in read_paths([corpus]) if not isinstance(a, Skipped)]
        words = sum(len(a.body.split()) for a in articles)
        print(f"corpus: {len(articles)} articles ({len(SOURCES)} files x {args.copies} copies), {words:,} words")

        _, load = timed(nlp.load)
        print(f"model load in this process: {load:.2f} s")
        (local, client, model), start = timed(lambda: start_cluster(n))
        print(f"start: LocalCluster({n}) and client {start - model:.2f} s, then the model in its workers "
              f"{model:.2f} s (all at once)")
        address = local.cluster.scheduler_address
        runs = {
            f"-j {n}": lambda: fresh_ingest(corpus, len(articles), n_process=n),
            "cluster, warm": lambda: fresh_ingest(corpus, len(articles), cluster=address),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        try:
            for _ in range(args.runs):  # interleaved rounds: a busy moment hits them all alike
                for name, run in runs.items():
                    times[name].append(with_cpu(run))
        finally:
            local.__exit__(None, None, None)
        times["cluster, cold"] = [with_cpu(lambda: fresh_ingest(corpus, len(articles), cluster=f"local:{n}"))]
        print()
        print(f"{'':>16}{'words/s':>12}{'seconds':>10}{'this process CPU s':>20}")
        for name, runs_of in times.items():
            seconds, cpu = min(runs_of)
            print(f"{name:>16}{words / seconds:>12,.0f}{seconds:>10.2f}{cpu:>20.2f}")
        print("(this process: reading, writing, and for the cluster its client and, for local:N, the scheduler and "
              "the nannies)")

        print()
        rate, events, unpickle, extract_rate = writer_ceiling(corpus, articles, args.runs)
        with_unpickle = 1 / (1 / rate + unpickle)
        print(f"writer, extraction free: {rate:,.0f} articles/s, {events:,.0f} events (tellings) stored/s; "
              f"unpickling {unpickle * 1000:.2f} ms per article: {with_unpickle:,.0f} articles/s on a cluster")
        print(f"one worker extracts {extract_rate:,.1f} articles/s ({extract_rate * words / len(articles):,.0f} "
              f"words/s): one writer can feed ~{with_unpickle / extract_rate:,.0f} workers of this kind")
    finally:
        shutil.rmtree(corpus)


if __name__ == "__main__":
    main(sys.argv[1:])
