"""Ingest speed against bare spaCy NER (run by hand; prints a table). See benchmarks/README.md.

    python benchmarks/ingest_speed.py [--copies 3] [--runs 3] [--processes 1,2] [--no-cli]

The corpus is every article of ../shared/eval/timex-dev/*/*.md and ../shared/corpus/seeds/*.md (real news
articles, ~19k words), written --copies times into a temp dir. Copies after the first end with one more
paragraph, "(Copy N.)", so that their content hash differs and ingest does not skip them as already seen; their
events are the same, so from the second copy on they merge into stored events, as retellings do.

Words are the whitespace-split words of the article bodies as the readers return them. For each process count:

  spaCy          `nlp.pipe` over the bodies' paragraphs (what dateline feeds the model) with the same model and
                 components as store/extract/nlp.load() (tok2vec, tagger, parser, ner: see nlp.EXCLUDED),
                 without dateline's entity-fix component;
  + ruler        the same with dateline's entity-fix component (store/extract/ruler.py) added after ner;
  ingest         store.ingest.ingest of the corpus folder into a fresh store: reading the files, extraction,
                 merging, SQLite writes in batch transactions; the model already loaded;
  ingest/spaCy   ingest words/s over spaCy words/s (target: at least 0.75);
  cold CLI       `dateline ingest CORPUS --db NEW -j N` in a fresh process, once: everything, model load included.

The in-process figures are the best of --runs rounds, each round running all three in turn; model load times
are reported apart.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from store.extract import nlp as dateline_nlp
from store.ingest import ingest
from store.readers import Skipped, read_paths

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = sorted(SHARED.glob("eval/timex-dev/*/*.md")) + sorted(SHARED.glob("corpus/seeds/*.md"))
DATELINE = str(Path(sys.executable).parent / "dateline")  # the one installed beside this Python


def build_corpus(folder: Path, copies: int) -> None:
    for copy in range(copies):
        for source in SOURCES:
            text = source.read_text(encoding="utf-8")
            if copy:
                text = f"{text.rstrip()}\n\n(Copy {copy}.)\n"
            target = folder / f"copy{copy}" / source.parent.name / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def timed(action) -> tuple[object, float]:
    """What `action()` returns, and how many seconds it took."""
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def bare_model(with_ruler: bool):
    import spacy

    nlp = spacy.load(dateline_nlp.MODEL, exclude=dateline_nlp.EXCLUDED)
    if "senter" not in dateline_nlp.EXCLUDED:  # the parser splits sentences when it runs
        nlp.enable_pipe("senter")
    if with_ruler:
        from store.extract import countries, ruler

        ruler.install(nlp)
        countries.load_tables()
    return nlp


def ingest_once(corpus: Path, n_process: int, expected: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = ingest([corpus], Path(tmp) / "bench.db", n_process=n_process)
    if report.articles != expected:
        raise SystemExit(f"ingest stored {report.articles} articles, expected {expected}")


def cli_once(corpus: Path, n_process: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        args = [DATELINE, "ingest", str(corpus), "--db", str(Path(tmp) / "cli.db"), "-j", str(n_process)]
        return timed(lambda: subprocess.run(args, check=True, capture_output=True))[1]


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--no-cli", action="store_true", help="skip the cold `dateline ingest` runs")
    args = parser.parse_args(argv)
    processes = [int(p) for p in args.processes.split(",")]

    corpus = Path(tempfile.mkdtemp(prefix="dateline-ingest-speed-"))
    try:
        build_corpus(corpus, args.copies)
        articles = [a for a in read_paths([corpus]) if not isinstance(a, Skipped)]
        texts = [a.body[s:e] for a in articles for s, e in dateline_nlp.paragraphs(a.body)]
        words = sum(len(a.body.split()) for a in articles)
        print(f"corpus: {len(articles)} articles ({len(SOURCES)} files x {args.copies} copies; copies after the "
              f"first end with a paragraph \"(Copy N.)\" so their content hash differs), {len(texts)} paragraphs, "
              f"{words:,} words")

        _, load_spacy = timed(lambda: __import__("spacy"))
        _, load_dateline = timed(dateline_nlp.load)
        bare, load_bare = timed(lambda: bare_model(with_ruler=False))
        models = {"spaCy": bare, "+ ruler": bare_model(with_ruler=True)}
        print(f"load: import spacy {load_spacy:.2f} s, then store.extract.nlp.load() {load_dateline:.2f} s (model, "
              f"entity-fix component, place tables); spacy.load alone {load_bare:.2f} s")
        print(f"in-process figures: best of {args.runs} interleaved rounds, model loaded beforehand; "
              f"nlp.pipe batch_size {dateline_nlp.PIPE_BATCH_SIZE}")
        print()
        header = ["processes", "spaCy w/s", "+ ruler w/s", "ingest w/s", "ingest/spaCy", "cold CLI w/s"]
        print("".join(f"{h:>14}" for h in header))
        for n in processes:
            runs = {name: (lambda m=model: _consume(m.pipe(texts, n_process=n,
                                                           batch_size=dateline_nlp.PIPE_BATCH_SIZE)))
                    for name, model in models.items()}
            runs["ingest"] = lambda: ingest_once(corpus, n, len(articles))
            times: dict[str, list[float]] = {name: [] for name in runs}
            for _ in range(args.runs):  # rounds interleave the measurements: a busy moment hits them all alike
                for name, run in runs.items():
                    times[name].append(timed(run)[1])
            rates = {name: words / min(seconds) for name, seconds in times.items()}
            cold = "-" if args.no_cli else f"{words / cli_once(corpus, n):,.0f}"
            row = [str(n), f"{rates['spaCy']:,.0f}", f"{rates['+ ruler']:,.0f}", f"{rates['ingest']:,.0f}",
                   f"{rates['ingest'] / rates['spaCy']:.2f}", cold]
            print("".join(f"{c:>14}" for c in row), flush=True)
    finally:
        shutil.rmtree(corpus)


def _consume(docs) -> None:
    for _ in docs:
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
