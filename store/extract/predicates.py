"""What a sentence's main predicate reports, read from the dependency parse: an occurrence (something happening,
an act, a change, a statement: "He sold the property", "The quake killed 200 people", "Prices fell", "The company
said ...") or a state ("The building is old", "He owns three shops", "Analysts believe ..."). An occurrence is an
event whoever does it, named or not; a state is not.
"""
from __future__ import annotations

from store.extract.syntax import Tokens

# Verbs of being, having and mind: their sentences tell how things are, not what happened. Word forms (the parse
# keeps no lemmas).
_STATE_VERBS = frozenset(
    f"{stem}{ending}" for stem, endings in (
        ("be", ("", "en", "ing")), ("is", ("",)), ("are", ("",)), ("was", ("",)), ("were", ("",)), ("am", ("",)),
        ("'s", ("",)), ("’s", ("",)), ("'re", ("",)), ("’re", ("",)), ("'m", ("",)), ("’m", ("",)),
        ("ha", ("ve", "s", "d", "ving")), ("'ve", ("",)), ("’ve", ("",)),
        ("seem", ("", "s", "ed")), ("remain", ("", "s", "ed")), ("belong", ("", "s", "ed")),
        ("consist", ("", "s", "ed")), ("contain", ("", "s", "ed")), ("comprise", ("", "s", "d")),
        ("include", ("", "s", "d")), ("mean", ("", "s", "t")), ("resemble", ("", "s", "d")),
        ("exist", ("", "s", "ed")), ("own", ("", "s", "ed")), ("cost", ("", "s")), ("lack", ("", "s", "ed")),
        ("depend", ("", "s", "ed")), ("matter", ("", "s", "ed")), ("know", ("", "s", "n")), ("knew", ("",)),
        ("believe", ("", "s", "d")), ("think", ("", "s")), ("thought", ("",)), ("hope", ("", "s", "d")),
        ("feel", ("", "s")), ("felt", ("",)), ("want", ("", "s", "ed")), ("wish", ("", "es", "ed")),
        ("need", ("", "s", "ed")), ("like", ("", "s", "d")), ("love", ("", "s", "d")), ("hate", ("", "s", "d")),
        ("prefer", ("", "s", "red")), ("understand", ("", "s")), ("understood", ("",)), ("doubt", ("", "s", "ed")),
        ("deserve", ("", "s", "d")), ("equal", ("", "s", "led")), ("appear", ("", "s")), ("look", ("", "s")),
        ("sound", ("", "s")), ("lie", ("", "s")), ("stand", ("", "s")), ("face", ("", "s")),
        ("aim", ("", "s")), ("intend", ("", "s")),
    )
    for ending in endings
)
_PAST_BE = frozenset({"was", "were"})
# Verbs of saying: in the present too they report a statement ("The company says its profit rose").
_SAYING = frozenset({"says", "say", "tells", "tell", "announces", "announce", "reports", "report", "confirms",
                     "confirm", "denies", "deny", "claims", "claim", "warns", "warn", "insists", "insist"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_POSSIBILITY = frozenset({"could", "might", "may", "would", "should"})
_PERCEIVED = frozenset({"heard", "seen", "felt", "smelled", "spotted", "observed"})


def reports_occurrence(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the main predicate of the sentence at [start, end) reports an occurrence: its root is a verb of
    action, change or saying, past, future or perfect, active or passive ("was killed", "will meet", "has sold",
    "said"), or a verb of saying in the present ("says"); or a past "there was" ("There were clashes in the
    capital"). Not: a verb of state, mind or intent, a copula, a simple present of anything but saying ("Relations
    threaten a return to Cold War lows" is commentary), a negated verb ("The envoy has not returned": nothing
    happened), a fragment without a verb."""
    roots = tokens.roots(start, end)
    if not roots:
        return False
    root = roots[0]
    tag, word = tokens.tags[root], tokens.words[root]
    if not tag.startswith("VB"):
        return False
    children = tokens.children(root)
    if any(tokens.deps[c] == "neg" for c in children):
        return False
    if word in _PAST_BE:
        return any(tokens.deps[c] == "expl" for c in children)  # "There were clashes ..."
    if word in _STATE_VERBS:
        return False
    if tag in _PRESENT_TAGS and word not in _SAYING:
        return any(tokens.deps[c] in ("aux", "auxpass") for c in children)  # "has sold", "is held" stand
    return True


def under_possibility(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the main verb of the sentence at [start, end) is under a modal of possibility ("The army could
    attack", "Iraq might have avoided the violence"): what it tells may not happen. A modal further down ("said it
    would", "every copy they could find", "could be heard" in a clause) leaves the main verb's happening as told."""
    roots = tokens.roots(start, end)
    if not roots or tokens.words[roots[0]] in _PERCEIVED:
        return False  # "Gunfire could be heard": it was heard
    return any(tokens.deps[c] == "aux" and tokens.words[c] in _POSSIBILITY for c in tokens.children(roots[0]))
