"""How many of the sentences that report an occurrence become events (run by hand): on a corpus (default
../shared/corpus/t17-dev), every sentence of the article text (reader comments left out, as extraction does) whose
main predicate is an occurrence (store.extract.predicates.reports_occurrence: "He sold the property", "The quake
killed 200 people", "Prices fell sharply on Tuesday") is counted, and so are those that a stored event tells
(an event source is that sentence). Prints the share, and with --sample N writes N kept and N dropped sentences,
drawn at random (fixed seed), to a TSV file for checking by hand.

    python benchmarks/occurrence_events.py [--corpus DIR] [--sample 100 --out sample.tsv]
"""
from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def count(corpus: Path) -> tuple[int, int, list[tuple[str, str]], list[tuple[str, str]]]:
    """(occurrence sentences, those an event tells, kept (file, sentence) pairs, dropped pairs)."""
    from store.extract import nlp
    from store.extract.comments import comments_start
    from store.extract.pipeline import extract_analysed
    from store.extract.predicates import reports_occurrence
    from store.readers import read_paths
    from store.readers.records import Skipped

    articles = [a for a in read_paths([corpus]) if not isinstance(a, Skipped)]
    kept: list[tuple[str, str]] = []
    dropped: list[tuple[str, str]] = []
    for article, analysis in zip(articles, nlp.analyse_many(a.body for a in articles)):
        told = {s.start for event in extract_analysed(article, analysis).events for s in event.sources}
        end = comments_start(article.body)
        name = f"{Path(article.path).parent.name}/{Path(article.path).name}"
        for sentence in analysis.sentences:
            if sentence.start < end and reports_occurrence(analysis.tokens, sentence.start, sentence.end):
                (kept if sentence.start in told else dropped).append((name, " ".join(sentence.text.split())))
    return len(kept) + len(dropped), len(kept), kept, dropped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus/t17-dev")
    parser.add_argument("--sample", type=int, default=0, help="kept and dropped sentences to write for checking")
    parser.add_argument("--out", type=Path, default=Path("occurrence_sample.tsv"))
    args = parser.parse_args()
    total, with_event, kept, dropped = count(args.corpus)
    share = with_event / total if total else 0.0
    print(f"{args.corpus.name}: {total} sentences report an occurrence; {with_event} of them yield an event "
          f"({share:.1%}), {total - with_event} do not")
    if args.sample:
        rng = random.Random(29)
        with args.out.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh, delimiter="\t")
            out.writerow(["kind", "article", "sentence"])
            for kind, pairs in (("kept", kept), ("dropped", dropped)):
                for name, text in rng.sample(pairs, min(args.sample, len(pairs))):
                    out.writerow([kind, name, text])
        print(f"sample written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
