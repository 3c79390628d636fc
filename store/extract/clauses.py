"""The clause of a sentence that says what happened, read from its parse: the main verb with who did it and to what
(its subject, objects, complements and prepositional phrases), without what only adds to it — a relative clause,
an apposition, a clause of circumstance ("as crowds gathered"), a second clause joined to the verb ("and said
..."), a parenthesis — and, when the sentence only reports it ("Officials said the talks will resume"), the
reported clause. An event's summary is made from it (store/extract/summary.py); its excerpt stays the sentence.
"""
from __future__ import annotations

from collections.abc import Sequence

from store.extract.syntax import Tokens

# Verbs that report what follows them: "X said Y happened" tells Y.
REPORTING = frozenset({
    "say", "says", "said", "tell", "tells", "told", "announce", "announces", "announced", "add", "adds", "added",
    "state", "states", "stated", "report", "reports", "reported", "confirm", "confirms", "confirmed", "claim",
    "claims", "claimed", "insist", "insists", "insisted", "warn", "warns", "warned", "note", "notes", "noted",
})
# Dependents that only add to what a word says, left out wherever they hang.
_ADDED = frozenset({"relcl", "appos", "parataxis", "discourse", "intj", "meta", "dep"})
# Dependents of the main verb left out: a clause of circumstance, a second clause and its conjunction, "that".
_ADDED_TO_VERB = frozenset({"advcl", "conj", "cc", "mark", "preconj"})
_KEPT_PUNCTUATION = frozenset({"-", "–", "'", "’", "'s", "’s", "%", "$"})
_QUOTES = ('"', "“", "‘", "'")
MIN_WORDS = 4  # a shorter clause says too little ("He said"): the sentence is summarised instead


def main_clause(body: str, tokens: Tokens, start: int, end: int, names: Sequence[tuple[int, int]] = ()) -> str | None:
    """The clause of the sentence at [start, end) of `body` that says what happened, or None when its parse gives
    none (no single root, a root that is no verb, a clause of fewer than MIN_WORDS words) or when it would leave
    out one of `names` (the spans of the persons the sentence names: who did it is part of what happened)."""
    roots = tokens.roots(start, end)
    if len(roots) != 1:
        return None
    verb = roots[0]
    if tokens.words[verb] in REPORTING:
        reported = [c for c in tokens.children(verb) if tokens.deps[c] == "ccomp" and tokens.tags[c].startswith("VB")]
        if reported:
            opens = tokens.subtree_span(reported[0])[0]
            if any(mark in body[max(start, opens - 2):opens] for mark in _QUOTES):
                return None  # a quotation: who said it is part of what happened
            verb = reported[0]
    if not tokens.tags[verb].startswith(("VB", "MD")):
        return None
    children = tokens.children(verb)
    if sum(tokens.deps[c] in ("nsubj", "nsubjpass") for c in children) > 1:
        return None  # two subjects of one verb: a second clause the parse hung on it
    joins = [c for c in children if tokens.deps[c] == "cc"]
    if joins and any(c > joins[0] and tokens.deps[c] not in _ADDED_TO_VERB | {"punct"} and not _purpose(tokens, c)
                     for c in children):
        return None  # "…, and the president …": words after "and" the parse gave to the first clause
    # Only the sentence's own tokens: the parse of a sentence cut into pieces runs on past the piece.
    kept = [i for i in _kept(tokens, verb) if start <= tokens.starts[i] < end]
    words = [i for i in kept if tokens.tags[i][:1].isalnum()]
    if len(words) < MIN_WORDS:
        return None
    inside = set(kept)
    if any(i not in inside for name_start, name_end in names for i in tokens.within(name_start, name_end)):
        return None
    pieces = []
    for k, i in enumerate(kept):
        if k and kept[k - 1] == i - 1:
            pieces.append(body[tokens.ends[i - 1]:tokens.starts[i]])  # the text's own spacing between neighbours
        elif k:
            pieces.append(" ")
        pieces.append(body[tokens.starts[i]:tokens.ends[i]])
    return "".join(pieces).strip(" ,;:")


def _purpose(tokens: Tokens, clause: int) -> bool:
    """Whether a clause hanging on the verb says what for: "met on Tuesday to discuss the crisis"."""
    return tokens.deps[clause] == "advcl" and any(tokens.tags[c] == "TO" for c in tokens.children(clause))


def _restricts(tokens: Tokens, child: int) -> bool:
    """Whether a dependent that usually only adds in fact says which: a name in apposition ("Russia's Vladimir
    Putin", "his schedule Tuesday"), an infinitive after a noun ("the last minister to visit Beijing")."""
    dep = tokens.deps[child]
    if dep == "appos":
        return tokens.tags[child] in ("NNP", "NNPS")
    return dep == "relcl" and any(tokens.tags[c] == "TO" for c in tokens.children(child))


def _kept(tokens: Tokens, verb: int) -> list[int]:
    """The tokens of the clause of `verb`, in text order."""
    kept, stack = [], [verb]
    while stack:
        i = stack.pop()
        kept.append(i)
        for child in tokens.children(i):
            dep = tokens.deps[child]
            if dep in _ADDED and not _restricts(tokens, child):
                continue
            if i == verb and dep in _ADDED_TO_VERB and not _purpose(tokens, child):
                continue
            stack.append(child)
    inside = set(kept)
    # A comma or a quote mark stays between two kept words ("Denmark, Iceland"), not where a part left out was.
    return sorted(i for i in kept if tokens.deps[i] != "punct" or tokens.words[i] in _KEPT_PUNCTUATION
                  or (i - 1 in inside and i + 1 in inside))
