"""A short one-line summary of an event from its source sentence: the sentence without its opening
connective and trailing attribution, cut at a clause or word boundary when still long."""
from __future__ import annotations

import re

MAX_LEN = 140

_OPENING = re.compile(
    r"^\s*(meanwhile|however|separately|in addition|additionally|also|according to [^,]{1,80}|"
    r"in a statement|on the other hand)\s*,\s*",
    re.I,
)
_ATTRIBUTION = re.compile(
    r",\s*(according to [^,]{1,80}|[^,]{1,80}\b(said|says|reported|announced|has announced|have said|has said|"
    r"told [^,]{1,40}|stated|confirmed|added|reported earlier|said in a statement)( in a statement)?)\s*\.?\s*$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"(,\s+(which|while|who|where|as|with|whereas|although|though)\b|;|\s[–—-]\s)")


def _balanced_quotes(text: str) -> str:
    """`text` without an opening quote mark whose closing one went with the attribution ('"We will go, he said')."""
    if text[:1] == '"' and text.count('"') % 2:
        return text[1:]
    if text[:1] == "“" and text.count("“") > text.count("”"):
        return text[1:]
    return text


def summarise(sentence: str, max_len: int = MAX_LEN) -> str:
    text = " ".join(sentence.split())
    text = _OPENING.sub("", text, count=1)
    text = _ATTRIBUTION.sub("", text, count=1)
    text = _balanced_quotes(text.rstrip(" .;,"))
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if len(text) <= max_len:
        return text
    for m in _CLAUSE_BREAK.finditer(text):
        if max_len // 2 <= m.start() <= max_len:
            return text[: m.start()].rstrip(" ,;")
    cut = text.rfind(" ", 0, max_len - 1)
    return text[: cut if cut > 0 else max_len - 1].rstrip(" ,;") + "…"
