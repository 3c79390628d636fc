"""`dateline extract FILE...`: what the pipeline sees in each article — sentences, entities, TIMEX3 time
expressions, events — without touching a store. spaCy loads once for all the files.

One file prints its article as one indented JSON object (a list when the file holds several articles), as
before; several files print one JSON object per article per line; `--output-dir DIR` writes one file per article
(DIR/NAME.json, NAME the file's stem, numbered when taken). A file that cannot be read or extracted is one line
on stderr and the others are still extracted; the command fails only when no article was extracted.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from tui.cli.errors import fail
from tui.cli.options import published_date


def extract_command(
    files: list[Path] = typer.Argument(..., help="Article files (or folders, read recursively)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date if a file has none."),
    fmt: str = typer.Option("json", "--format", help="Output format (json)."),
    output_dir: Optional[Path] = typer.Option(
        None, "--output-dir", metavar="DIR", file_okay=False,
        help="Write one DIR/NAME.json per article instead of printing."),
) -> None:
    """Print what the pipeline sees in articles — sentences, entities, time expressions, events — without
    touching a store."""
    from store.clean import clean_line
    from store.export import extraction_to_json
    from store.extract.pipeline import extract_many
    from store.output_safety import json_text
    from store.readers import Skipped, read_paths

    if fmt != "json":
        fail(f"--format {fmt!r}: only json is supported")
    missing = [f for f in files if not f.exists()]
    for path in missing:
        typer.echo(f"dateline: error: {clean_line(str(path))}: no such file", err=True)
    files = [f for f in files if f.exists()]
    if output_dir is not None:
        try:
            output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(f"cannot create {output_dir}: {error.strerror or error}")
    articles = []
    for item in read_paths(files, published_date(published)):
        if isinstance(item, Skipped):
            typer.echo(f"dateline: error: {clean_line(item.path)}: {clean_line(item.reason)}", err=True)
        else:
            articles.append(item)
    records, written, extracted = [], set(), 0
    for extraction in extract_many(articles):
        if isinstance(extraction, Skipped):
            typer.echo(f"dateline: error: {clean_line(extraction.path)}: {clean_line(extraction.reason)}", err=True)
            continue
        record = extraction_to_json(extraction)
        if output_dir is not None:
            target = _free_name(output_dir, Path(extraction.article.path).stem, written)
            target.write_text(json_text(record) + "\n", encoding="utf-8")
        elif len(files) == 1 and not files[0].is_dir():
            records.append(record)  # one file: printed whole at the end, as before
        else:
            sys.stdout.write(json_text(record) + "\n")
        extracted += 1
    if records:
        sys.stdout.write(json_text(records[0] if len(records) == 1 else records, indent=1) + "\n")
    if not extracted:
        raise typer.Exit(1)


def _free_name(folder: Path, stem: str, written: set[Path]) -> Path:
    """DIR/STEM.json, else DIR/STEM-2.json, -3 ... when this run already wrote that name."""
    target, number = folder / f"{stem}.json", 1
    while target in written:
        number += 1
        target = folder / f"{stem}-{number}.json"
    written.add(target)
    return target
