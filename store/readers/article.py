"""Finishing a reader's `Draft` into an `Article`: cleaned text, a title (the file's, else the headline line the text
opens with, else the file name), and the publication date settled in order of trust — the file's own metadata,
then the date the caller gives, then a dateline at the article's start."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from store.clean import clean_line, clean_text
from store.model import Article
from store.readers.dateline import read_dateline
from store.readers.headline import headline
from store.readers.records import Draft, Skipped

LONGEST_ARTICLE = 1_000_000  # characters: ten times a long feature; longer is a dump to split, not an article


def finish(draft: Draft, published: date | None, today: date) -> Article | Skipped:
    if len(draft.body) > LONGEST_ARTICLE:
        return Skipped(draft.path, f"article text too long ({len(draft.body):,} characters; the limit is "
                                   f"{LONGEST_ARTICLE:,}): split it into articles")
    body = clean_text(draft.body)
    if not body.strip():
        return Skipped(draft.path, "no article text (empty body)")
    dateline = None if draft.published or published else read_dateline(body, today)
    return Article(
        path=draft.path,
        body=body,
        title=clean_line(draft.title) or headline(body) or title_from_name(draft.file),
        published=draft.published or published or (dateline.day if dateline else None),
        url=clean_line(draft.url or "") or None,
        source=clean_line(draft.source or "") or None,
        published_problem=clean_line(draft.published_problem or "") or None,
        published_assumed=dateline.assumed if dateline else None,
    )


def title_from_name(file: Path) -> str:
    """ "kim_visits-beijing.txt" → "kim visits beijing"; without the control characters a name may hold, and with
    bytes that are not UTF-8 shown as "�"."""
    return clean_line(file.stem.replace("_", " ").replace("-", " "))
