"""Article readers: turn files and folders of news articles (.txt, .md, .json, .jsonl, .html) into `Article`s,
or `Skipped` entries saying why a file (or a JSONL line) was not read.

    for item in read_paths(["news/"], published=None):
        ...  # an Article, or a Skipped(path, reason)

`parse_date` is the strict date parser used for metadata dates; the CLI uses it for `--published` and filters.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from store.model import Article
from store.readers.article import finish
from store.clean import clean_text
from store.readers.dates import parse_date
from store.readers.decode import decode
from store.readers.files import article_files
from store.readers.frontmatter import read_text_article
from store.readers.html_pages import read_html
from store.readers.json_records import read_json, read_jsonl
from store.readers.records import Skipped

__all__ = ["SUPPORTED", "Skipped", "parse_date", "read_paths"]

_READERS = {
    ".txt": read_text_article,
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
}
SUPPORTED = tuple(_READERS)


def read_paths(paths: Sequence[str | Path], published: date | None = None) -> Iterator[Article | Skipped]:
    """Every article in `paths` (files, or folders searched recursively), in a deterministic order.

    `published` dates the articles whose files carry no date of their own; it outranks a dateline.
    """
    today = date.today()
    for path in article_files(paths, SUPPORTED):
        if isinstance(path, Skipped):
            yield path
        else:
            yield from _read_file(path, published, today)


def _read_file(path: Path, published: date | None, today: date) -> Iterator[Article | Skipped]:
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        yield Skipped(str(path), f"unsupported file type ({path.suffix or 'no extension'}); "
                                 f"reads {', '.join(SUPPORTED)}")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), f"cannot read the file ({exc.strerror or exc})")
        return
    text = decode(data)
    if text is None:
        yield Skipped(str(path), "binary file")
        return
    if not text.strip():
        yield Skipped(str(path), "empty file")
        return
    text = clean_text(text)
    if not text.strip():
        yield Skipped(str(path), "no text (only control characters)")
        return
    found = False
    for item in reader(path, text):
        found = True
        yield item if isinstance(item, Skipped) else finish(item, published, today)
    if not found:
        yield Skipped(str(path), "no article found")
