"""Articles saved as HTML pages: main text, title, date, canonical URL and site name via trafilatura, offline.

Only the page's markup is searched for a date (meta tags, JSON-LD, <time>), not its running text: a date
guessed from the text would outrank `--published` and the dateline, which are more reliable.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from store.clean import printable_path
from store.readers.dates import metadata_date
from store.readers.records import Draft, Skipped


def read_html(path: Path, text: str) -> Iterator[Draft | Skipped]:
    import trafilatura  # heavy import, needed for HTML files only

    document = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()},
    )
    if document is None or not (document.text or "").strip():
        yield Skipped(printable_path(path), "no article text found in the HTML")
        return
    title = document.title or ""
    published, problem = metadata_date(document.date)
    yield Draft(
        file=path,
        path=printable_path(path),
        body=_without_heading(document.text, title),
        title=title,
        published=published,
        published_problem=problem,
        url=document.url,
        source=document.sitename,
    )


def _without_heading(text: str, title: str) -> str:
    """The extracted text without its first line when that line only repeats the page title."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() and rest.strip() else text
