"""Extraction speed on text of pathological shapes (run by hand; prints a table). See benchmarks/README.md.

    python benchmarks/text_speed.py [--words 20000] [--runs 3] [--shapes normal,one_line,no_punct,long_tokens]

Each shape is one invented article of about --words words (benchmarks/text_shapes.py: normal paragraphs, the
same sentences on one line, the same words without sentence punctuation, space-separated "words" of 200-5,000
characters among sentences). Timed: `store.extract.pipeline.extract` of the article (spaCy over its pieces, time
expressions, entities, events, merging), model loaded beforehand; the median of --runs, in process CPU seconds
(other work on a shared machine slows wall-clock time far more) and wall-clock seconds. The load average is
printed before and after.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import text_shapes  # noqa: E402

from store.extract import nlp  # noqa: E402
from store.extract.pipeline import extract  # noqa: E402
from store.model import Article  # noqa: E402


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(text_shapes.SHAPES))
    args = parser.parse_args(argv)
    nlp.load()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}; median of {args.runs} runs; "
          f"store from {Path(nlp.__file__).resolve().parents[2]}")
    header = ["shape", "characters", "words", "sentences", "longest", "persons", "CPU words/s", "wall words/s",
              "CPU chars/s"]
    print("".join(f"{h:>13}" for h in header))
    for shape in args.shapes.split(","):
        body = text_shapes.article(args.words, shape)
        article = Article(f"{shape}.txt", body, published=date(2025, 1, 7))
        words = len(body.split())
        cpu, wall = [], []
        for _ in range(args.runs):
            c, w = time.process_time(), time.perf_counter()
            extraction = extract(article)
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        persons = {m.key for m in extraction.entities.mentions if m.kind == "person"}
        longest = max(s.end - s.start for s in extraction.sentences)
        row = [shape, f"{len(body):,}", f"{words:,}", f"{len(extraction.sentences):,}", f"{longest:,}",
               str(len(persons)), f"{words / statistics.median(cpu):,.0f}", f"{words / statistics.median(wall):,.0f}",
               f"{len(body) / statistics.median(cpu):,.0f}"]
        print("".join(f"{c:>13}" for c in row), flush=True)
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
