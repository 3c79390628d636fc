"""How well `dateline digest` picks a story's key dates (run by hand; prints a table): Timeline17 date F1 on the
six t17-dev stories, against the publication-count baseline, and agreement ROUGE-1 of the summaries.

    python benchmarks/key_dates.py [--stores DIR]

Each story is ingested into DIR/TOPIC.db when that store is missing (about a minute a story: commit first). For each,
the digest takes K = the number of gold dates and L = the gold's mean sentences per date, as the papers do, twice:
within the gold span (--since/--until its first and last date) and over the whole store; ../shared/eval/score_tls.py
scores both (`--articles` for PubCount, the publication-count baseline; `--no-clip` for the whole store). Means
follow news-tls: mean precision and mean recall over the stories, F1 from those. ROUGE needs `rouge-score`
installed (not a dependency of dateline).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
from datetime import date

from store import db
from store.digest import key_dates
from store.filter import Filter
from tui.cli.digest import digest_record

SHARED = pathlib.Path(__file__).resolve().parent.parent.parent / "shared"
CORPUS = SHARED / "corpus" / "t17-dev"
GOLD = SHARED / "eval" / "t17-dev"
SCORER = SHARED / "eval" / "score_tls.py"


def ensure_store(stores: pathlib.Path, topic: str) -> pathlib.Path:
    path = stores / f"{topic}.db"
    if not path.exists():
        print(f"ingesting {topic} into {path} ...", file=sys.stderr, flush=True)
        subprocess.run(["dateline", "ingest", str(CORPUS / topic), "--db", str(path)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def score(pairs: list[tuple[pathlib.Path, pathlib.Path, pathlib.Path]], clip: bool) -> dict:
    args = [sys.executable, str(SCORER)]
    for gold, system, _ in pairs:
        args += [str(gold), str(system)]
    for _, _, articles in pairs:
        args += ["--articles", str(articles)]
    args += ["--json"] + ([] if clip else ["--no-clip"])
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", type=pathlib.Path, default=pathlib.Path("/tmp/dateline-t17"))
    args = parser.parse_args(argv)
    args.stores.mkdir(parents=True, exist_ok=True)
    topics = sorted(p.stem for p in GOLD.glob("*.json") if p.stem != "manifest")
    results = {}
    with tempfile.TemporaryDirectory() as out:
        for clip in (True, False):
            pairs = []
            for topic in topics:
                gold = json.loads((GOLD / f"{topic}.json").read_text())["timeline"]
                days = [item["date"] for item in gold]
                per_date = max(1, round(sum(len(item["summary"]) for item in gold) / len(gold)))
                flt = Filter(since=date.fromisoformat(min(days)), until=date.fromisoformat(max(days))) if clip \
                    else Filter()
                conn = db.connect(ensure_store(args.stores, topic), readonly=True)
                found = key_dates(conn, flt, len(days), per_date)
                conn.close()
                system = pathlib.Path(out) / f"{topic}-{clip}.json"
                system.write_text(json.dumps(digest_record(found)))
                pairs.append((GOLD / f"{topic}.json", system, CORPUS / topic))
            results[clip] = score(pairs, clip)
    span, whole = results[True], results[False]
    print(f"{'story':22} {'span F1':>8} {'PubCount':>8} {'agR1':>6} {'store F1':>8} {'PubCount':>8}")
    rows = list(zip(span["results"], whole["results"])) + [(span["average"], whole["average"])]
    for a, b in rows:
        name = a.get("topic", "MEAN")
        print(f"{str(name):22} {a['date']['f_score']:8.3f} {a['pubcount']['f_score']:8.3f}"
              f" {a['agreement_rouge1']['f_score']:6.3f} {b['date']['f_score']:8.3f} {b['pubcount']['f_score']:8.3f}")
    print(f"rouge: {span['settings']['rouge'] or 'not installed (agreement ROUGE-1 from a plain tokenizer)'}")


if __name__ == "__main__":
    main(sys.argv[1:])
