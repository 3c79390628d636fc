"""Which metadata fields hold an article's text, title, date, link and source, across frontmatter and the usual
scraper outputs (news-please, NewsAPI, schema.org, RSS-to-JSON). Field names compare case-insensitively."""
from __future__ import annotations

import math
from collections.abc import Mapping

TEXT = ("text", "body", "content", "article", "maintext")
TITLE = ("title", "headline")
PUBLISHED = ("published", "date", "publish_date", "published_at", "datepublished", "publishedat", "date_publish",
             "pubdate")
URL = ("url", "link")
SOURCE = ("source", "site_name", "sitename", "source_domain")


def first_value(record: Mapping, names: tuple[str, ...]) -> object | None:
    """The value of the first of `names` that `record` holds and that is not empty."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def first_text(record: Mapping, names: tuple[str, ...], numbers: bool = True) -> str | None:
    """The first of `names` that holds text: a string, the "name" of an object ({"name": "Reuters"}), or (with
    `numbers`) a finite number. A field of another type ({"text": ["x"], "content": "..."}) does not hide the
    next one."""
    lowered = {str(key).lower(): value for key, value in record.items()}
    for name in names:
        value = lowered.get(name)
        if isinstance(value, Mapping):
            value = value.get("name")
        if numbers and isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            value = str(value)
        if isinstance(value, str) and value:
            return value
    return None
