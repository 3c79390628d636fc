"""The headline a plain-text article opens with: its first line, when that line reads as one (a few words, no
closing full stop, not a dateline such as "New Delhi, May 10") and the text goes on after it. It is the article's
title when the file gives none; the event step tells no event from it (it repeats what the text tells)."""
from __future__ import annotations

from datetime import date

from store.readers.dateline import read_dateline

MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 200
_SENTENCE_ENDS = ".,;:"  # a line ending so is a sentence or a lead-in, not a headline


def headline(body: str) -> str | None:
    """The headline line of `body` without Markdown heading marks, or None."""
    lines = body.lstrip().split("\n", 1)
    if len(lines) < 2 or not lines[1].strip():
        return None
    line = lines[0].strip().lstrip("#").strip()
    if not 2 <= len(line.split()) <= MAX_HEADLINE_WORDS or len(line) > MAX_HEADLINE_CHARS:
        return None
    if line[-1] in _SENTENCE_ENDS or read_dateline(f"{line}\n.", date.today()) is not None:
        return None
    return line
