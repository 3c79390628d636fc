"""How true the dates of events are on real news (run by hand): the real-dev scores, and the count of events
told in the past tense yet dated after their article's publication, on real-dev and on the Timeline17 stories.

    python benchmarks/dates_eval.py [--corpus DIR ...] [--show N]

Real-dev is ingested into a fresh store, exported and scored by ../shared/eval/score.py. The past-after-publication
count extracts each article of each corpus in this process (spaCy loaded once, one process) and reads, for each
event, the sentence of its first telling two ways (store.extract.anchoring, from the parse):
- the sentence's tense: the main verb's ("Modi has accepted an invitation to visit from June 20-23" is past even
  though the visit it dates is to come: a strict, partly false alarm);
- the tense of the clause its date is attached to: the verb governing the time expression that dated the event
  (its telling's dating words), or the background event's own tense for a time of one
  (anchoring.background_tense); the sentence's tense when no time expression of the sentence dated it (the
  story's date, an earlier event's): "to visit ... from June 20-23" has no tense of its own.
An event told in the past that starts after the day its article was published is a wrong date (issue 12: none,
by the second count). The first few of each are printed with their sentence, to read.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DATELINE = str(Path(sys.executable).parent / "dateline")  # the one installed beside this Python
CORPORA = [SHARED / "corpus/real-dev", SHARED / "corpus/t17-dev"]


def score_real_dev() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "real-dev.db", Path(tmp) / "real-dev.json"
        subprocess.run([DATELINE, "ingest", str(SHARED / "corpus/real-dev"), "--db", str(db)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with out.open("w") as fh:
            subprocess.run([DATELINE, "export", "--db", str(db), "--format", "json"], check=True, stdout=fh)
        scored = subprocess.run([sys.executable, str(SHARED / "eval/score.py"),
                                 str(SHARED / "eval/real-dev.gold.json"), str(out)],
                                check=True, capture_output=True, text=True)
        return scored.stdout.strip().splitlines()[-1]


def past_after_publication(corpus: Path, show: int) -> tuple[int, int, int, int]:
    """(events, dated events in past-tense sentences, those dated after publication, events whose date's own
    clause is past and dated after publication); prints the first `show` of each kind."""
    from store.extract import nlp
    from store.extract.anchoring import PAST, sentence_tense
    from store.extract.pipeline import extract_analysed
    from store.readers import read_paths
    from store.readers.records import Skipped

    articles = [a for a in read_paths([corpus]) if not isinstance(a, Skipped)]
    events = past = late_sentence = late_clause = 0
    for article, analysis in zip(articles, nlp.analyse_many(a.body for a in articles)):
        try:
            extraction = extract_analysed(article, analysis)
        except Exception as error:  # noqa: BLE001 - a defect to see, not a reason to lose the other figures
            print(f"  extraction failed: {Path(article.path).name}: {type(error).__name__}: {error}")
            continue
        for event in extraction.events:
            events += 1
            source = event.sources[0]
            sentence = next((s for s in analysis.sentences if s.start <= source.start < s.end), None)
            if event.when.start is None or article.published is None or sentence is None:
                continue
            tokens = analysis.tokens
            tense = sentence_tense(tokens, sentence.start, sentence.end)  # character offsets, as extraction's
            # The time expression that dated the event (its own dating words, when they lie in this sentence);
            # else the sentence's tense stands (a date from the story or an earlier event).
            words = source.dating
            dating = [t for t in extraction.timexes if words is not None and words.start is not None
                      and sentence.start <= t.start < sentence.end and words.start <= t.start < words.end]
            clause = _date_tense(tokens, dating[0], tense) if dating else tense
            past += tense == PAST
            if event.when.start <= article.published:
                continue
            for kind, told in (("sentence", tense), ("clause", clause)):
                if told != PAST:
                    continue
                if kind == "sentence":
                    late_sentence += 1
                    count = late_sentence
                else:
                    late_clause += 1
                    count = late_clause
                if count <= show:
                    print(f"  past {kind}, after publication: {Path(article.path).name} (published "
                          f"{article.published}): {event.when.start}..{event.when.end} | {sentence.text[:140]}")
    return events, past, late_sentence, late_clause


def _date_tense(tokens, timex, sentence_tense: str) -> str:
    """The tense of the clause a date is attached to; for the date of a background event, that event's own
    (anchoring.background_tense: "ahead of a possible summit in June" has none, whatever "marked" above it says)."""
    from store.extract.anchoring import background, background_tense, time_tense

    found = background(tokens, timex.start, timex.end)
    if found is not None and found.event is not None:
        return background_tense(tokens, found)
    return time_tense(tokens, timex.start, timex.end, sentence_tense)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", type=Path, help="a folder of articles (default: real-dev "
                                                                     "and t17-dev)")
    parser.add_argument("--show", type=int, default=10, help="past-tense events after publication to print")
    parser.add_argument("--no-score", action="store_true", help="skip the real-dev scores")
    args = parser.parse_args()
    if not args.no_score:
        print("real-dev:", score_real_dev())
    for corpus in args.corpus or CORPORA:
        events, past, late_sentence, late_clause = past_after_publication(corpus, args.show)
        print(f"{corpus.name}: {events} events, {past} dated in past-tense sentences; dated after publication: "
              f"{late_sentence} by the sentence's tense, {late_clause} by the tense of their date's clause")
    return 0


if __name__ == "__main__":
    sys.exit(main())
