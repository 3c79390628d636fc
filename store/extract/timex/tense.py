"""Which way a time expression points, from the words of its clause: PAST ("announced Tuesday", "said on
Monday", "began Tuesday"), FUTURE ("will visit Thursday", "is expected Friday", "scheduled for", "to attend",
"until Friday" when nothing else says) or UNKNOWN. No part-of-speech tagger is loaded, so the cues are word lists and a past-tense "-ed" ending.

The cue nearest the expression inside its clause decides (commas, semicolons, dashes and parentheses bound a
clause; a cue after the expression counts as a little further). An opening clause without a cue ("On Tuesday,
…") takes the nearest cue of the rest of the sentence; any other clause without one is UNKNOWN.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from store.extract.timex.intervals import FUTURE, PAST, UNKNOWN

_NOT_INFINITIVE = (r"the|a|an|his|her|its|their|our|my|your|this|that|these|those|which|whom|what|each|every|"
                   r"both|all|many|some|more|less|about|around|nearly|over|under|date|one|two|three")
_NOT_BEFORE_INFINITIVE = ("according", "compared", "due", "next", "close", "prior", "similar", "thanks", "addition",
                          "up", "back", "down", "home", "way", "contrary", "relation", "regard", "respect")
_FUTURE_CUES = re.compile(
    r"\b(will|shall|won['’]t|['’]ll|would|going to|is to|are to|plans? to|planned|planning|intends? to|"
    r"expects?|expected|scheduled|slated|set to|due|aims? to|upcoming|forthcoming|"
    + "".join(f"(?<!{w} )" for w in _NOT_BEFORE_INFINITIVE)
    + rf"to (?!(?:{_NOT_INFINITIVE})\b)(?-i:[a-z]{{2,}})\b)", re.I)
_IRREGULAR_PAST = (
    "said|told|was|were|had|did|met|held|gave|went|came|made|took|saw|began|won|sold|left|led|became|got|found|"
    "ran|rose|fell|spoke|wrote|brought|bought|thought|sent|spent|built|kept|stood|lost|paid|heard|knew|showed|"
    "grew|drew|flew|threw|chose|broke|woke|wore|struck|hung|sang|swore|fought|caught|taught|sought|meant|felt|"
    "dealt|fled|shot|sat|slid|split|quit|ago|earlier|previously|recently|has|have")
# "-ed" words that are not past tenses, or that look ahead ("expected", "scheduled").
_NOT_PAST = {"expected", "scheduled", "planned", "slated", "need", "needed", "indeed", "speed", "united",
             "limited", "hundred", "bed", "red", "shed", "seed", "feed", "breed", "proceed", "exceed", "succeed",
             "based", "so-called", "advanced", "related", "detailed", "embedded", "anticipated", "proposed",
             "intended", "ed", "weed", "reed", "sacred", "naked", "wicked", "kindred", "alleged", "armed",
             "supposed", "unprecedented", "unnamed", "unidentified"}
_PAST_CUES = re.compile(rf"\b({_IRREGULAR_PAST}|[a-z]+ed)\b", re.I)
# After a form of "be" a participle is passive, after a modal "have" is not a past: the tense is the
# auxiliary's ("to be held", "is based", "will have been sold").
_AUXILIARY = re.compile(r"\b(?:be|been|being|is|are|am|will|would|shall|should|could|may|might|must|to)\s+$", re.I)
_AUXILIARY_REACH = 20  # characters before a verb in which its auxiliary is looked for
# The verb a time adverbial belongs to usually comes before it ("announced Tuesday", "began Tuesday"): a cue
# after the expression counts as this many words further away.
_RIGHT_PENALTY = 3
_NON_SPACE = re.compile(r"\S+")
_CLAUSE_BOUNDARY = re.compile(r"[,;:()\[\]]|\s[-–—]+\s|\s--\s")


_UNTIL = re.compile(r"\b(?:until|till|through)\s+$", re.I)


def direction(sentence: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the expression at sentence[start:end]; with no tense to go by, "until Friday"
    looks ahead."""
    found = _cue_direction(sentence, start, end)
    if found == UNKNOWN and _UNTIL.search(sentence, max(0, start - 10), start):
        return FUTURE
    return found


def _cue_direction(sentence: str, start: int, end: int) -> int:
    cues = [c for c in _cues(sentence) if c[1] <= start or c[0] >= end]
    if not cues:
        return UNKNOWN
    clause_start, clause_end = _clause(sentence, start, end)
    inside = [c for c in cues if clause_start <= c[0] and c[1] <= clause_end]
    if not inside and clause_start > 0:
        return UNKNOWN  # a clause of its own ("…, which ends on June 26") says nothing about its tense
    pool = inside or cues

    word_starts, word_ends = _words(sentence)

    def words_between(a: int, b: int) -> int:  # == len(sentence[a:b].split()), without the copy and split
        return bisect_left(word_starts, b) - bisect_right(word_ends, a) if a < b else 0

    def distance(cue: tuple[int, int, int]) -> int:
        if cue[1] <= start:
            return words_between(cue[1], start)
        return words_between(end, cue[0]) + _RIGHT_PENALTY

    return min(pool, key=distance)[2]


@lru_cache(maxsize=64)
def _cues(sentence: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, direction) of every tense cue in the sentence."""
    cues = [(m.start(), m.end(), FUTURE) for m in _FUTURE_CUES.finditer(sentence)]
    in_future_cue = bytearray(len(sentence))
    for start, end, _ in cues:
        in_future_cue[start:end] = b"\1" * (end - start)
    for m in _PAST_CUES.finditer(sentence):
        if (m.group().lower() in _NOT_PAST or in_future_cue[m.start()]
                or _AUXILIARY.search(sentence, max(0, m.start() - _AUXILIARY_REACH), m.start())):
            continue
        cues.append((m.start(), m.end(), PAST))
    return tuple(cues)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause around sentence[start:end]: from the boundary before it to the boundary after it."""
    starts, ends = _boundaries(sentence)
    before = bisect_right(ends, start)
    after = bisect_left(starts, end)
    return (ends[before - 1] if before else 0), (starts[after] if after < len(starts) else len(sentence))


@lru_cache(maxsize=64)
def _words(sentence: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the whitespace-separated words of the sentence."""
    found = list(_NON_SPACE.finditer(sentence))
    return [m.start() for m in found], [m.end() for m in found]


@lru_cache(maxsize=64)
def _boundaries(sentence: str) -> tuple[list[int], list[int]]:
    found = list(_CLAUSE_BOUNDARY.finditer(sentence))
    return [m.start() for m in found], [m.end() for m in found]
