"""Content words of a sentence, lightly stemmed, for deciding whether two sentences tell the same event.

Function words and the generic vocabulary of news reporting ("said", "officials", "first") carry no evidence
that two sentences are about the same happening, so they are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")

STOPWORDS = frozenset(
    """
    a about above according across after afterwards again against all almost alone along already also although
    always am among amongst an and another any anyone anything are around as at back be became because become
    becomes been before being below beside besides between beyond both but by can cannot could did do does doing
    done down due during each either else elsewhere enough even ever every everything except few for former
    formerly from further had has have having he her here hers herself him himself his how however i if in into
    is it its itself just last least less many may me meanwhile might more moreover most mostly much must my
    myself neither never nevertheless next no nobody none nor not nothing now of off often on once one only onto
    or other others otherwise our ours ourselves out over own per perhaps please quite rather re really same
    several she should since so some somehow something sometimes still such than that the their theirs them
    themselves then there thereafter thereby therefore these they this those though through throughout thus to
    together too toward towards under until up upon us very via was we well were what whatever when whence
    whenever where whereas whether which while who whoever whole whom whose why will with within without would
    yet you your yours yourself yourselves
    say said says saying tell told tells announce announced announces announcement report reported reports
    reportedly state stated statement add added confirm confirmed according claim claimed note noted
    official officials leader leaders top senior government country countries nation people president premier
    minister spokesman spokeswoman spokesperson chief head foreign new first second third last latest two three
    four five six seven eight nine ten hundred thousand million billion year years month months week weeks day
    days time times today yesterday tomorrow ago earlier later recent recently expected expects expect expecting
    including include includes also mr mrs ms dr
    """.split()
)

_SUFFIXES = ("ations", "ation", "ments", "ment", "ances", "ance", "ences", "ence", "ships", "ship", "ings",
             "ing", "edly", "ied", "ies", "ed", "es", "ly", "s")


@lru_cache(maxsize=1 << 16)  # news repeats its words: each is stemmed once
@lru_cache(maxsize=1)
def _irregular_pasts() -> dict[str, str]:
    text = (files("store") / "data" / "irregular_verbs.txt").read_text(encoding="utf-8")
    return dict(line.split() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def stem(word: str) -> str:
    """Crude suffix stripping: enough to let "attending"/"attendance"/"attend" and "visits"/"visited" meet; an
    irregular past is its verb ("met" / "meet", "held" / "hold")."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in _irregular_pasts():
        return _irregular_pasts()[word]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def content_words(text: str, skip: Iterable[tuple[int, int]] = ()) -> frozenset[str]:
    """Stems of the words of `text` that are not stop words, leaving out the character ranges in `skip`."""
    ranges = list(skip)
    out = set()
    for m in _WORD.finditer(text):
        at = m.start()
        if any(s <= at < e for s, e in ranges):
            continue
        word = m.group().lower()
        if word in STOPWORDS or len(word) < 3:
            continue
        stemmed = stem(word)
        if stemmed not in STOPWORDS:
            out.add(stemmed)
    return frozenset(out)
