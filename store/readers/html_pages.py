"""Articles saved as HTML pages: main text, title, date, canonical URL and site name via trafilatura, offline.

Only the page's markup is searched for a date (meta tags, JSON-LD, <time>), not its running text: a date
guessed from the text would outrank `--published` and the dateline, which are more reliable.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from store.clean import printable_path
from store.readers.dates import metadata_date
from store.readers.article import LONGEST_ARTICLE
from store.readers.records import Draft, Skipped

# A page whose text outside scripts, styles, comments and tags is this long has a main text over the limit too
# (navigation and boilerplate are rarely half of a page's text): it is refused before the costly extraction,
# which takes minutes and gigabytes on tens of megabytes.
MOST_VISIBLE_TEXT = 2 * LONGEST_ARTICLE
_HIDDEN = frozenset({"script", "style", "template"})  # elements whose content is no text of the page
# A comment's start, or a tag: "/" if closing, its name, "/" if self-closed. [^<>] keeps every match from
# running past the next "<": the scan stays linear on pages full of unclosed brackets.
_TAG = re.compile(r"<!--|<\s*(/?)\s*([A-Za-z][\w:-]*)[^<>]*?(/?)>")
_SPACES = re.compile(r"\s+")
PARSER_DEPTH = 255  # libxml2 (lxml, under trafilatura) drops what lies deeper, unless told to read huge trees
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_LAYOUT = re.compile(r"</?(?:div|span|section|font|b|i|em|strong|a|center|small|big|u|table|tbody|thead|tfoot|tr|"
                     r"td|th|ul|ol|li|dl|dt|dd|nav|aside|header|footer|main|figure|figcaption|form|label)\b[^>]*>",
                     re.IGNORECASE)


def read_html(path: Path, text: str) -> Iterator[Draft | Skipped]:
    visible = visible_text_length(text)
    if visible > MOST_VISIBLE_TEXT:  # the main text cannot be shorter than the limit: say so before parsing
        yield Skipped(printable_path(path), f"article text too long (the page holds over {MOST_VISIBLE_TEXT:,} "
                                            f"characters of text; the limit is {LONGEST_ARTICLE:,}): split it into "
                                            "articles")
        return
    document = _extracted(text)
    if document is None and nesting_depth(text) > PARSER_DEPTH:
        document = _extracted(flattened(text))  # the parser drops what lies deeper than PARSER_DEPTH elements
        if document is None:
            yield Skipped(printable_path(path), f"no article text found in the HTML (its elements nest over "
                                                f"{PARSER_DEPTH} deep, deeper than the HTML parser reads)")
            return
    if document is None:
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


def _extracted(page: str):
    """trafilatura's document for the page, or None when it finds no text."""
    import trafilatura  # heavy import, needed for HTML files only

    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False,
                                "max_date": date.today().isoformat()},
    )
    return document if document is not None and (document.text or "").strip() else None


def nesting_depth(page: str) -> int:
    """About how deep the page's elements nest (void and self-closed elements aside)."""
    depth = deepest = 0
    for tag in _TAG.finditer(page):
        if tag.group(2) is None or tag.group(3) or tag.group(2).lower() in _VOID:
            continue  # a comment's start, a self-closed or a void element
        depth = max(0, depth - 1) if tag.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def flattened(page: str) -> str:
    """The page without its layout and inline elements (div, span, table cells, lists, links ...): the text and
    its paragraphs and headings stay, the nesting goes."""
    return _LAYOUT.sub(" ", page)


def visible_text_length(page: str, enough: int = MOST_VISIBLE_TEXT) -> int:
    """About how many characters of text a page shows (without scripts, styles, comments and tags, runs of
    whitespace counted as one), counted until more than `enough` are found. Linear time on any page: a tag never
    spans a "<", and an unclosed comment, script or style hides the rest of the page."""
    shown, position, lowered = 0, 0, None
    while True:
        for tag in _TAG.finditer(page, position):
            if tag.start() > position:
                shown += len(_SPACES.sub(" ", page[position:tag.start()]))
                if shown > enough:
                    return shown
            position = tag.end()
            name = (tag.group(2) or "").lower()
            if tag.group(0).startswith("<!--") or (name in _HIDDEN and not tag.group(1)):
                break  # its content is no text: skip to its end, then scan on
        else:
            return shown + len(_SPACES.sub(" ", page[position:]))
        if not name:
            end = page.find("-->", position)
            position = len(page) if end < 0 else end + 3
        else:
            lowered = lowered if lowered is not None else page.lower()
            end = lowered.find(f"</{name}", position)
            position = len(page) if end < 0 else (page.find(">", end) + 1 or len(page))


def _without_heading(text: str, title: str) -> str:
    """The extracted text without its first line when that line only repeats the page title."""
    first, _, rest = text.partition("\n")
    return rest if title and first.strip() == title.strip() and rest.strip() else text
