"""Article readers: turn files and folders of news articles (.txt, .md, .json, .jsonl, .html) into `Article`s,
or `Skipped` entries saying why a file (or a JSONL line) was not read.

    for item in read_paths(["news/"], published=None):
        ...  # an Article, or a Skipped(path, reason)

`parse_date` is the strict date parser used for metadata dates; the CLI uses it for `--published` and filters.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from store.clean import clean_text, printable_path
from store.model import Article
from store.readers.article import LONGEST_ARTICLE, finish
from store.readers.dates import parse_date
from store.readers.decode import decode
from store.readers.file_bytes import open_bounded, read_bounded
from store.readers.files import article_files
from store.readers.frontmatter import read_text_article
from store.readers.html_charset import declared_charset
from store.readers.html_pages import read_html
from store.readers.json_records import read_json, read_jsonl
from store.readers.json_stream import text_of
from store.readers.records import Skipped

__all__ = ["SUPPORTED", "Skipped", "parse_date", "read_paths"]

# The most bytes read of one file, by what it holds. One article: its longest text in UTF-8 (up to 4 bytes a
# character) and a BOM; a saved page: that and its markup, scripts and inline images; a collection of records
# (.json, .jsonl): many articles, read a record at a time.
_ARTICLE_BYTES = 4 * LONGEST_ARTICLE + 4
_PAGE_BYTES = 50_000_000
_COLLECTION_BYTES = 1_000_000_000
_READERS = {
    ".txt": (read_text_article, _ARTICLE_BYTES),
    ".md": (read_text_article, _ARTICLE_BYTES),
    ".markdown": (read_text_article, _ARTICLE_BYTES),
    ".json": (read_json, _COLLECTION_BYTES),
    ".jsonl": (read_jsonl, _COLLECTION_BYTES),
    ".html": (read_html, _PAGE_BYTES),
    ".htm": (read_html, _PAGE_BYTES),
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


_STREAMED = (read_json, read_jsonl)  # read a record at a time: memory follows the largest record, not the file
_SAMPLE_BYTES = 65_536


def _read_collection(path: Path, reader, limit: int, published: date | None, today: date
                     ) -> Iterator[Article | Skipped]:
    """A .json or .jsonl collection, streamed: judged empty or binary on its first bytes, then read record by
    record (json_stream.text_of decodes it, as UTF-8 or else cp1252)."""
    name = printable_path(path)
    opened = open_bounded(path, limit)
    if isinstance(opened, str):
        yield Skipped(name, opened)
        return
    with opened:
        try:
            sample = opened.read(_SAMPLE_BYTES)
        except OSError as error:
            yield Skipped(name, f"cannot read the file ({error.strerror or error})")
            return
    _, problem = _checked(decode(sample), complete=len(sample) < _SAMPLE_BYTES)  # complete: the sample is all
    if problem:
        yield Skipped(name, problem)
        return
    encodings = ("utf-16",) if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else None
    yield from _finished(name, text_of(lambda: open_bounded(path, limit), lambda text: reader(path, text), encodings),
                         published, today)


def _checked(text: str | None, complete: bool = True) -> tuple[str | None, str | None]:
    """(the decoded text, cleaned when `complete`, None), or (None, why the file holds no article text)."""
    if text is None:
        return None, "binary file"
    if not text.strip():
        return None, "empty file"
    if not complete:
        return text, None
    text = clean_text(text)
    return (text, None) if text.strip() else (None, "no text (only control characters)")


def _finished(name: str, items: Iterator, published: date | None, today: date) -> Iterator[Article | Skipped]:
    """A reader's drafts finished into articles (its Skipped passed on); a str from `items` is why the file could
    not be read on, the last item."""
    found = False
    for item in items:
        if isinstance(item, str):
            yield Skipped(name, item)
            return
        found = True
        yield item if isinstance(item, Skipped) else finish(item, published, today)
    if not found:
        yield Skipped(name, "no article found")


def _read_file(path: Path, published: date | None, today: date) -> Iterator[Article | Skipped]:
    name = printable_path(path)
    if path.suffix.lower() not in _READERS:
        yield Skipped(name, f"unsupported file type ({printable_path(path.suffix) or 'no extension'}); "
                            f"reads {', '.join(SUPPORTED)}")
        return
    reader, limit = _READERS[path.suffix.lower()]
    if reader in _STREAMED:
        yield from _read_collection(path, reader, limit, published, today)
        return
    data = read_bounded(path, limit)
    if isinstance(data, str):
        yield Skipped(name, data)
        return
    text, problem = _checked(decode(data, declared_charset(data) if reader is read_html else None))
    if problem:
        yield Skipped(name, problem)
        return
    yield from _finished(name, reader(path, text), published, today)
