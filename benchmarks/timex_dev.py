"""Score the time-expression tagger on the timex dev set (MEANTIME Wikinews articles, apple and airbus).

For every article the pipeline's extraction (exactly what `dateline extract ARTICLE --format json` prints; run
in-process so the model loads once) is written into a temp dir and ../shared/eval/score_timex.py scores it.

Two figures per folder:
  whole articles   the official procedure of ../shared/eval/timex-dev/README.md: every timex counts.
  annotated region MEANTIME annotates only the first sentences of each article (no gold past the fourth body
                   sentence), so every correct timex after them counts as a false positive above. This line keeps
                   only timexes in the first ANNOTATED_SENTENCES sentences: the tagger's quality where gold exists.

usage: python benchmarks/timex_dev.py [--wrong]
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

from store.export import extraction_to_json
from store.extract.pipeline import extract_many
from store.readers import Skipped, read_paths

SHARED = pathlib.Path(__file__).resolve().parent.parent.parent / "shared"
DEV = SHARED / "eval" / "timex-dev"
SCORER = SHARED / "eval" / "score_timex.py"
FOLDERS = ("apple", "airbus")
ANNOTATED_SENTENCES = 4


def write_system(folder: pathlib.Path, whole: pathlib.Path, region: pathlib.Path) -> None:
    articles = [a for a in read_paths(sorted(folder.glob("*.md"))) if not isinstance(a, Skipped)]
    for extraction in extract_many(articles):
        if isinstance(extraction, Skipped):
            print(f"skipped {extraction.path}: {extraction.reason}", file=sys.stderr)
            continue
        out = extraction_to_json(extraction)
        name = pathlib.Path(extraction.article.path).stem
        (whole / f"{name}.json").write_text(json.dumps(out))
        sentences = extraction.sentences
        limit = sentences[ANNOTATED_SENTENCES - 1].end if len(sentences) > ANNOTATED_SENTENCES else None
        kept = [t for t in out["timexes"] if limit is None or t["start"] < limit]
        (region / f"{name}.json").write_text(json.dumps({"timexes": kept}))


def score(folder: pathlib.Path, system: str, wrong: bool) -> str:
    args = [sys.executable, str(SCORER), str(folder / "gold.json"), system] + (["--wrong"] if wrong else [])
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.rstrip()


def main(argv: list[str]) -> None:
    for name in FOLDERS:
        with tempfile.TemporaryDirectory() as whole, tempfile.TemporaryDirectory() as region:
            write_system(DEV / name, pathlib.Path(whole), pathlib.Path(region))
            print(f"== {name}")
            print(f"whole articles:   {score(DEV / name, whole, False)}")
            print(f"annotated region: {score(DEV / name, region, '--wrong' in argv)}")


if __name__ == "__main__":
    main(sys.argv[1:])
