"""Storing cost as events gather sources (run by hand): N invented articles, each retelling one of 84 events
(same person, same day, shared words), stored through ingest's own write path (store.ingest._store, batches of
16 articles a transaction) without the language model. Prints articles/s and the process's peak memory for each
tenth of the run: both should stay flat as the events gather thousands of tellings.

    python benchmarks/store_growth.py [--articles 50000] [--events 84]
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store import db  # noqa: E402
from store.ingest import _store  # noqa: E402
from store.model import Article, Dating, Entities, Event, Extraction, Source, When  # noqa: E402
from store.people import PersonIndex  # noqa: E402

BATCH = 16
WORDS = ("harbour", "treaty", "fishing", "quota", "minister", "summit", "border", "talks", "vessel", "coast")


def retelling(number: int, event: int, rng: random.Random) -> Extraction:
    person = f"Person{event:03d} Example"
    day = date(2025, 1, 1).replace(day=1 + event % 28, month=1 + event % 12)
    words = rng.sample(WORDS, 4)
    sentence = (f"{person} met officials on the {day:%d %B %Y} about the {words[0]} and {words[1]} "
                f"({words[2]}, {words[3]}).")
    body = f"{sentence}\n\n(Article {number}.)"  # each article its own content hash
    article = Article(f"article-{number:06d}.md", body, f"Story {number}", date(2025, 12, 1))
    source = Source(article.id, article.path, article.title, article.published, sentence, 0, len(sentence),
                    Dating("explicit", 0, 0, ""))
    told = Event(When(day, day, "day"), sentence[:60], [person], ["NO"], [source], "explicit",
                 frozenset({"met", "officials", *words[:3]}))
    return Extraction(article, [], [], [], Entities(), [told])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=84)
    args = parser.parse_args()
    rng = random.Random(7)
    print(f"load average {os.getloadavg()[0]:.2f}; {args.articles:,} articles retelling {args.events} events")
    with tempfile.TemporaryDirectory() as folder:
        conn = db.connect(Path(folder) / "growth.db", create=True)
        tenth = max(1, args.articles // 10)
        started = window = time.perf_counter()
        for first in range(0, args.articles, BATCH):
            with db.transaction(conn):
                people = PersonIndex(conn)  # as ingest makes it for each batch
                for number in range(first, min(first + BATCH, args.articles)):
                    _store(conn, retelling(number, number % args.events, rng), force=False, people=people)
            done = min(first + BATCH, args.articles)
            if done % tenth < BATCH or done == args.articles:
                now = time.perf_counter()
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                sources = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
                events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
                print(f"{done:>7,} articles: {tenth / (now - window):7.0f} articles/s in this tenth; "
                      f"{events} events, {sources:,} sources; peak memory {peak:,.0f} MB", flush=True)
                window = now
        print(f"total {time.perf_counter() - started:.1f} s; load average {os.getloadavg()[0]:.2f}")
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
