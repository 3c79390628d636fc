"""Organisations named in one article: the model's ORG spans (companies, agencies, parties, ministries, armies),
each under one name within the article. Forms that differ only by a corporate suffix or a leading "the" are one
organisation ("Sony Corp.", "Sony"), called by the longest. Not organisations: a country the model tagged ORG
(those are countries), a span holding or inside a person's name ("PM Modi"), an agency credited in brackets
("(Reuters)").
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from store.extract.countries import country_code
from store.model import Mention, Span

ORG_LABEL = "ORG"
# Words that end a company's name without naming it: "Sony Corp." is Sony.
_SUFFIXES = frozenset({"corp", "corp.", "corporation", "inc", "inc.", "incorporated", "ltd", "ltd.", "limited",
                       "co", "co.", "plc", "llc", "ag", "sa", "s.a.", "nv", "n.v.", "gmbh", "holdings", "group"})
_LEADING_THE = re.compile(r"(?:the|The)\s+")
_TRAILING = re.compile(r"(?:['’]s|(?<=s)['’]|[\s,;:]+)$")


def org_key(name: str) -> str:
    """How two forms of one organisation's name compare: case, spaces and a corporate suffix left aside."""
    words = [w.strip(",") for w in name.casefold().split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def org_aliases(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    """Each organisation's other forms in the article, and the form it is compared by (`org_key`): what the store
    keeps so that "--org Sony" finds "Sony Corp." and another article's "Sony Corporation" is the same."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "org":
            out.setdefault(m.key, set()).update({m.text, org_key(m.text)} - {m.key})
    return out


def find_orgs(body: str, spans: Sequence[Span], taken: Sequence[Mention]) -> list[Mention]:
    """The organisations the article names, one mention per ORG span, canonical within the article. `taken`:
    the person and country mentions already found (an ORG span that is one of them is not an organisation)."""
    found: list[tuple[int, int, str]] = []
    for span in spans:
        if span.label != ORG_LABEL:
            continue
        start, end = _trimmed(body, span.start, span.end)
        text = " ".join(body[start:end].split())
        if not _usable(text) or body[max(0, start - 1):start] == "(" and body[end:end + 1] == ")":
            continue
        if any(m.start < end and start < m.end and (m.kind == "person" or m.start <= start and end <= m.end)
               for m in taken) or country_code(text):
            continue  # a person's name ("PM Modi"), a country, or inside one of them
        found.append((start, end, text))
    names: dict[str, str] = {}
    for _, _, text in found:
        key = org_key(text)
        if len(text) > len(names.get(key, "")):
            names[key] = text
    return [Mention(start, end, text, "org", names[org_key(text)]) for start, end, text in found]


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    lead = _LEADING_THE.match(body, start, end)
    if lead:
        start = lead.end()
    tail = _TRAILING.search(body, start, end)
    if tail and tail.start() > start:
        end = tail.start()
    return start, end


def _usable(text: str) -> bool:
    """A name: at least two letters, a capital among them, not a number or a bare acronym of one letter."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and any(c.isupper() for c in letters)
