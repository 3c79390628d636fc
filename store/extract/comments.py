"""Where a saved page's reader comments begin: the article is the text before them, and only it tells events.

A page saved with its comment thread carries, after each comment, the comment widget's stamp: a date with a clock
time and a bar ("January 30, 2011 at 6:16 pm | Report abuse |", "March 21, 2011 at 2:01 pm | Reply"), or a
blog's "At 07:55 am on 19 Jan 2010, someone wrote:". Articles have stamps too, but not in that shape (a
dateline's bar comes before its date: "TRIPOLI | Sun May 1, 2011 6:03 pm EDT"). Two such stamps make a
thread; it begins with the paragraph that holds the first (that paragraph's opening is the first comment's text).
Reader comments are written after the article, about it: they are not the story's events, and their dates are
not its dates.
"""
from __future__ import annotations

import re

from store.extract.timex.words import DAY_OF_MONTH, MONTH

_CLOCK = r"\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[AP]M)"
_STAMP = re.compile(
    rf"\b{MONTH}\s+{DAY_OF_MONTH},?\s+\d{{4}},?\s+(?:at\s+)?(?:\d{{1,2}}:\d{{2}}\s*(?:[ap]m|[AP]M)\s+at\s+)?"
    rf"{_CLOCK}\s*\|(?P<widget>\s*(?:Report abuse|Reply|Permalink|Flag)\b)?"  # "January 30, 2011 at 6:16 pm |"
    rf"|\bAt\s+{_CLOCK}\s+on\s+{DAY_OF_MONTH}\s+{MONTH}\s+\d{{4}},\s+[^\n,|]{{1,80}}\s+(?P<wrote>wrote):"
)
MIN_STAMPS = 2  # stamps that make a thread, unless one names the comment widget ("| Report abuse") or a writer


def comments_start(body: str) -> int:
    """The offset in `body` where its reader comments begin: the start of the paragraph holding the first comment
    stamp, once MIN_STAMPS of them (or one naming the widget or the comment's writer) are found; len(body) when the
    body has no comment thread. The first paragraph is the article's (a stamp there is its own)."""
    first_paragraph_end = body.find("\n", len(body) - len(body.lstrip()))
    if first_paragraph_end < 0:
        return len(body)
    first, seen = None, 0
    for stamp in _STAMP.finditer(body, first_paragraph_end):
        first = stamp if first is None else first
        seen += 1
        if seen >= MIN_STAMPS or stamp["widget"] or stamp["wrote"]:
            return body.rfind("\n", 0, first.start()) + 1
    return len(body)
