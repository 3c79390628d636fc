"""Score the time-expression tagger on the timex dev set (MEANTIME Wikinews articles, apple and airbus).

For every article: spaCy analysis, `tag`, and the timexes written as {"timexes": [...]} into a temp dir; then
/work/shared/eval/score_timex.py prints relaxed/strict/value/type F1 against each folder's gold.

MEANTIME annotates only the title and the first sentences of each article: the gold never reaches past the
fourth body sentence. By default only timexes in the first ANNOTATED_SENTENCES sentences are written, so that
unannotated text does not count as false positives; `--all` writes every timex.

usage: python benchmarks/timex_dev.py [--wrong] [--all]
"""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys
import tempfile

import yaml

from store.extract.nlp import analyse_many
from store.extract.timex import tag

DEV = pathlib.Path("/work/shared/eval/timex-dev")
SCORER = pathlib.Path("/work/shared/eval/score_timex.py")
FOLDERS = ("apple", "airbus")
ANNOTATED_SENTENCES = 4


def read_article(path: pathlib.Path) -> tuple[str, object]:
    """(body, published date) of a dev article: YAML frontmatter, then the body after the closing ---."""
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    return body, yaml.safe_load(front.removeprefix("---\n")).get("published")


def write_system(folder: pathlib.Path, out: pathlib.Path, everything: bool) -> None:
    paths = sorted(folder.glob("*.md"))
    articles = [read_article(p) for p in paths]
    for path, (body, published), analysis in zip(paths, articles, analyse_many(b for b, _ in articles)):
        timexes = tag(body, published, analysis.spans, analysis.sentences)
        if not everything and len(analysis.sentences) > ANNOTATED_SENTENCES:
            limit = analysis.sentences[ANNOTATED_SENTENCES - 1].end
            timexes = [t for t in timexes if t.start < limit]
        rows = [{"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in timexes]
        (out / f"{path.stem}.json").write_text(json.dumps({"timexes": rows}, indent=1))


def main(argv: list[str]) -> None:
    for name in FOLDERS:
        with tempfile.TemporaryDirectory() as tmp:
            write_system(DEV / name, pathlib.Path(tmp), "--all" in argv)
            args = [sys.executable, str(SCORER), str(DEV / name / "gold.json"), tmp]
            result = subprocess.run(args + (["--wrong"] if "--wrong" in argv else []),
                                    capture_output=True, text=True, check=True)
        print(f"== {name}\n{result.stdout.rstrip()}")


if __name__ == "__main__":
    main(sys.argv[1:])
