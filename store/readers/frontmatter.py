"""Markdown and plain-text articles, with or without a YAML frontmatter block (`title`, `published` or `date`,
`source`, `url`).

The body is exactly the text after the closing `---` line (offsets in gold files point into it). Frontmatter that
is not valid YAML (an unquoted colon in a title is the usual cause) is read line by line as `key: value`, so the
article keeps what can be recovered and its body stays the text after the block.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from store.clean import printable_path
from store.readers import fields
from store.readers.dates import metadata_date
from store.readers.records import Draft

_OPEN = "---\n"
_CLOSE = "\n---\n"
_LOOSE_FIELD = re.compile(r"^\s*([\w-]+)\s*:\s*(.*?)\s*$")
# libyaml's loader reads a block ten times as fast as PyYAML's own, but it recurses on the C stack and crashes the
# process on nesting some 30,000 deep; a block no longer than this cannot nest deeper than it. Longer blocks, or
# no libyaml, take PyYAML's loader, which raises RecursionError instead.
_FAST_LOADER_MAX = 2000
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_text_article(path: Path, text: str) -> Iterator[Draft]:
    block, body = split_frontmatter(text)
    meta = _metadata(block) if block is not None else {}
    published, problem = metadata_date(fields.first_value(meta, fields.PUBLISHED))
    yield Draft(
        file=path,
        path=printable_path(path),
        body=body,
        title=fields.first_text(meta, fields.TITLE) or "",
        published=published,
        published_problem=problem,
        url=fields.first_text(meta, fields.URL),
        source=fields.first_text(meta, fields.SOURCE),
    )


def split_frontmatter(text: str) -> tuple[str | None, str]:
    """(frontmatter block or None, body). Without a closed block, the whole text is the body."""
    if not text.startswith(_OPEN):
        return None, text
    close = text.find(_CLOSE)
    if close >= 0:
        return text[len(_OPEN):close] if close >= len(_OPEN) else "", text[close + len(_CLOSE):]
    if text.endswith("\n---"):  # a frontmatter block and nothing after it
        return text[len(_OPEN):-len("\n---")], ""
    return None, text


def _metadata(block: str) -> dict:
    try:
        meta = yaml.load(block, Loader=_FAST_LOADER if len(block) <= _FAST_LOADER_MAX else yaml.SafeLoader)
    # ValueError: a YAML timestamp that is no date ("2025-13-45"); RecursionError: brackets nested a thousand deep.
    except (yaml.YAMLError, ValueError, RecursionError):
        return _loose_metadata(block)
    if meta is None:
        return {}
    return meta if isinstance(meta, dict) else _loose_metadata(block)


def _loose_metadata(block: str) -> dict:
    """`key: value` lines of a block that YAML refused, values unquoted."""
    meta = {}
    for line in block.split("\n"):
        match = _LOOSE_FIELD.match(line)
        if match:
            meta.setdefault(match.group(1), match.group(2).strip("\"'"))
    return meta
