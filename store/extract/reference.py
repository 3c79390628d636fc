"""Who the subject of a sentence stands for when it names nobody. A personal pronoun ("He sold the property") is
the person named before it, nearest first: earlier in the same sentence, else the subject of the sentence before
(or, when its subject is not a person, the first person that sentence names); nothing further back, where a
referent is too often someone else. A definite description by role ("The minister said ...") is the nearest person
the article gave that title; "the company", "the group" ... the nearest organisation named before.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from store.extract.syntax import Tokens
from store.model import Mention, Sentence

PRONOUNS = frozenset({"he", "she"})
# Role nouns that, after "the", stand for a person of the story ("the minister", "the president").
ROLES = frozenset({"minister", "president", "premier", "chancellor", "secretary", "leader", "spokesman",
                   "spokeswoman", "spokesperson", "ambassador", "envoy", "governor", "mayor", "king", "queen",
                   "prince", "princess", "general", "commander", "senator", "lawmaker", "congressman",
                   "congresswoman", "chairman", "chairwoman", "ceo", "founder", "pope", "emperor", "dictator"})
# Nouns that, after "the", stand for an organisation of the story ("the company", "the group").
ORG_NOUNS = frozenset({"company", "firm", "group", "bank", "carmaker", "automaker", "airline", "insurer", "lender",
                       "retailer", "agency", "party", "ministry", "organisation", "organization", "union",
                       "conglomerate", "manufacturer", "maker", "operator", "regulator", "corporation"})
_SUBJECT = ("nsubj", "nsubjpass")
_TITLE_REACH = 60  # characters around a mention read for its title
_APPOSITION_WORDS = 6  # ", Russia's foreign minister,": an apposition longer than this is a clause

MentionsIn = Callable[[int, int], Sequence[Mention]]  # the mentions that start in [start, end), in body order


def subject_referent(body: str, tokens: Tokens, sentence: Sentence, previous: Sentence | None,
                     persons_in: MentionsIn) -> str | None:
    """The person the sentence's pronoun or role subject stands for, or None (no such subject, or nobody named
    before it close enough). A role ("the minister") stands for the nearest person the article gave that title
    ("Foreign Minister Sergei Lavrov"), however far back: "the envoy" after "Biden ... recalled its ambassador"
    is nobody named."""
    subject = _subject(tokens, sentence.start, sentence.end)
    if subject is None or not _refers(tokens, subject):
        return None
    role = tokens.words[subject]
    if role not in PRONOUNS:
        earlier = persons_in(0, tokens.starts[subject])
        titled = {m.key for m in earlier if _titled(body, m, role)}
        return next((m.key for m in reversed(earlier) if m.key in titled), None)
    before = persons_in(sentence.start, tokens.starts[subject])
    if before:
        return before[-1].key
    if previous is None:
        return None
    named = persons_in(previous.start, previous.end)
    if not named:
        return None
    earlier_subject = _subject(tokens, previous.start, previous.end)
    if earlier_subject is not None:
        low, high = tokens.subtree_span(earlier_subject)
        inside = [m for m in named if low <= m.start < high]
        if inside:
            return inside[0].key
    return named[0].key


def _titled(body: str, mention: Mention, role: str) -> bool:
    """Whether the role word stands as the mention's title: just before it ("Foreign Minister Lavrov") or in an
    apposition after it ("Lavrov, Russia's foreign minister,")."""
    before = body[max(0, mention.start - _TITLE_REACH):mention.start].lower().split()
    after = body[mention.end:mention.end + _TITLE_REACH].lower()
    apposition = re.split(r"[,.;:!?]", after[1:], maxsplit=1)[0].split() if after.startswith(",") else []
    return role in before[-3:] or (role in apposition and len(apposition) <= _APPOSITION_WORDS)


def _subject(tokens: Tokens, start: int, end: int) -> int | None:
    roots = tokens.roots(start, end)
    if not roots:
        return None
    return next((c for c in tokens.children(roots[0]) if tokens.deps[c] in _SUBJECT), None)


def _refers(tokens: Tokens, subject: int) -> bool:
    """A pronoun, or "the" + a role noun with nothing else but adjectives ("the foreign minister")."""
    word = tokens.words[subject]
    if word in PRONOUNS:
        return True
    if word not in ROLES:
        return False
    children = tokens.children(subject)
    return (any(tokens.deps[c] == "det" and tokens.words[c] == "the" for c in children)
            and all(tokens.deps[c] in ("det", "amod", "compound") for c in children))


def subject_org(tokens: Tokens, sentence: Sentence, orgs_in: MentionsIn) -> str | None:
    """The organisation a subject "the company" ("the group", "the bank" ...) stands for: the nearest named
    before it in the article, or None."""
    subject = _subject(tokens, sentence.start, sentence.end)
    if subject is None or tokens.words[subject] not in ORG_NOUNS:
        return None
    if not any(tokens.deps[c] == "det" and tokens.words[c] == "the" for c in tokens.children(subject)):
        return None
    earlier = orgs_in(0, tokens.starts[subject])
    return earlier[-1].key if earlier else None
