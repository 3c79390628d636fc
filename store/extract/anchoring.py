"""Which event a time expression dates, and the tense of what a sentence reports, read from the dependency parse.

A time dates the sentence's main event unless the parse puts it in a background one:
- a bound: under "since", "compared to/with", "than" ("the highest-level meeting since Biden took office in
  2021", "compared to the last parade in 2015"), or the "in N years" of "the first visit in six years";
- a relative or adnominal clause ("Lai, who was arrested in 2020", "the meeting held in Busan last November");
- a noun modifier ("sales for the 2008 model year"), the period of a noun ("the presidency for 2021-2023"), or a
  phrase on a noun whose event lies before or after the main one ("ahead of a possible summit in June", "to
  prepare for a summit next month").
A time that carries its own "when" clause dates that clause ("since March, when Biden said ..."), and a relative
clause opened by "where" or "when" tells a stage of the story itself ("New York, where he will lead ...").

Tense comes from the verb group above a token: a modal "will", "'ll", "shall" or "going to" looks ahead
(FUTURE); a past tag (VBD), a perfect ("has held") or a pluperfect looks back (PAST); a present tense is PRESENT;
an infinitive after a present "plans/expects/is set to" looks ahead, after anything else it is UNKNOWN ("agreed
to sell ... in October" says nothing of when the sale is).
"""
from __future__ import annotations

from dataclasses import dataclass

from store.extract.syntax import Tokens

PAST, PRESENT, FUTURE, UNKNOWN = "past", "present", "future", "unknown"

_BOUNDING = frozenset({"since", "compared", "than", "unlike"})
_CLAUSE_ON_NOUN = frozenset({"relcl", "acl"})
_NOUN_MODIFIER = frozenset({"compound", "nummod", "amod", "nmod"})
_SUBJECT = frozenset({"nsubj", "nsubjpass", "ROOT"})
# Words that place the event of their object before or after the main one ("ahead of a summit in June", "to
# prepare for a summit next month", "after talks on Monday").
_RELATING = frozenset({"ahead", "before", "after", "following", "prior", "prepare", "prepares", "preparing",
                       "preparation", "preparations", "until", "toward", "towards", "way"})
_NARRATING = frozenset({"where", "when"})  # "... New York, where he will lead ...": a stage of the story itself
_FIRST = frozenset({"first", "last", "only"})
_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                    "century", "centuries"})
_FUTURE_MODALS = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_HAVE = frozenset({"has", "have", "'ve", "’ve", "had", "'d", "’d"})
# Past verbs whose infinitive still looks ahead ("hoped to finish in October").
_INTENDED = frozenset({"planned", "hoped", "wanted", "intended", "aimed", "expected", "sought", "promised", "pledged",
                       "vowed", "prepared", "threatened", "offered", "proposed", "urged", "asked", "called"})
_LOOKING_AHEAD = frozenset({"plan", "plans", "planning", "expect", "expects", "expected", "set", "scheduled",
                            "slated", "due", "aim", "aims", "intend", "intends", "going", "hope", "hopes",
                            "want", "wants", "seek", "seeks", "prepare", "prepares", "preparing"})


@dataclass(frozen=True)
class Background:
    """Why a time expression dates a background event, and that event's token when the parse shows one (the
    object of "since"/"compared to"/"ahead of", the verb of a relative clause), so it can be told on its own."""

    reason: str
    event: int | None = None


def background(tokens: Tokens, start: int, end: int) -> Background | None:
    """The background event the time expression at [start, end) dates, or None when it may date the main one."""
    head = tokens.head_of(start, end)
    if head is None:
        return None
    if _has_when_clause(tokens, head):
        return None
    words, deps, heads, tags = tokens.words, tokens.deps, tokens.heads, tokens.tags
    number = head
    while tags[heads[number]] == "CD" and heads[number] != number:  # "2023" of "2021-2023" hangs on "2021"
        number = heads[number]
    if (deps[number] == "pobj" and words[heads[number]] == "for"
            and _is_span_of_years(tokens, *tokens.subtree_span(number))):
        return Background("a period (for)")  # "assume the presidency for 2021-2023": the term, not the act
    noun = heads[head]
    if (deps[head] in _NOUN_MODIFIER and tokens.starts[noun] >= end and tags[noun] in ("NN", "NNS")
            and deps[noun] not in _SUBJECT):
        return Background("modifies a noun")
    below, first_noun, path = head, True, [head]
    for i in tokens.up(head):
        word = words[i]
        if word in _BOUNDING:
            return Background(f"a bound ({word})", _highest_content(tokens, path, start, end))
        if _has_child(tokens, i, "mark", _BOUNDING):
            return Background(f"a bound ({_child_word(tokens, i, 'mark', _BOUNDING)})", i)
        if deps[below] in _CLAUSE_ON_NOUN and not _is_complement(tokens, below):
            return Background("a relative clause", below)
        if tags[i].startswith("NN") and first_noun:
            first_noun = False
            if deps[below] == "prep" and words[below] in ("in", "for") and _is_stretch(tokens, start, end) and (
                    _has_child(tokens, i, "amod", _FIRST | _superlatives(tokens, i))):
                return Background("the first in a period")
            if deps[below] == "prep" and words[below] == "for":
                return Background("the period of a noun")
            if deps[i] == "pobj" and (words[heads[i]] in _RELATING or words[heads[heads[i]]] in _RELATING):
                return Background(f"another event {words[heads[heads[i]]]} {words[heads[i]]}", i)
            if (deps[i] not in _SUBJECT and words[i] in EVENT_NOUNS and _has_child(tokens, i, "amod", _NOT_YET)):
                # "will set the stage for a planned summit next month": the summit's time (see other_happenings)
                return Background("a happening to come", i)
        below = i
        path.append(i)
    return None


def background_tense(tokens: Tokens, found: Background) -> str:
    """The tense of a background event: past for what a bound looks back to ("since the elections in July"); the
    tense of its own verb for a clause ("who was arrested in 2020"); UNKNOWN for a noun ("ahead of a summit in
    June" takes no tense from the verb above it) or when the parse shows no event."""
    if found.reason.startswith("a bound (since"):
        return PAST
    if found.event is None or not tokens.tags[found.event].startswith("VB"):
        return UNKNOWN
    return tense_at(tokens, found.event) or UNKNOWN


def _is_span_of_years(tokens: Tokens, start: int, end: int) -> bool:
    """ "2021-2023", "2021 to 2023": a time expression (with what the parse hangs on it) naming more than one year."""
    inside = [tokens.words[i] for i in tokens.within(start, end)]
    years = [w for w in inside if len(w) == 4 and w.isdigit()]
    return len(years) >= 2 or any(len(w) == 9 and w[4] in "-–" and w[:4].isdigit() for w in inside)


def subject_event_noun(tokens: Tokens, start: int, end: int) -> str | None:
    """The event noun that is the subject of the sentence at [start, end) ("The meeting lasted ...", "The upcoming
    summit marks ..."), or None."""
    subject = _event_subject(tokens, start, end)
    return None if subject is None else tokens.words[subject]


# Modifiers that make an event noun one particular happening: "the upcoming meeting", "the planned visit".
_PARTICULAR = frozenset({"upcoming", "planned", "coming", "forthcoming", "scheduled", "expected", "next",
                         "latest", "recent", "proposed", "first"})


def names_particular_event(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the sentence's subject is one particular happening ("The upcoming meeting in Beijing marks ...")
    rather than a kind of them ("The celebrations mark a pivotal moment")."""
    subject = _event_subject(tokens, start, end)
    return subject is not None and any(tokens.deps[c] == "amod" and tokens.words[c] in _PARTICULAR
                                       for c in tokens.children(subject))


# Prepositions that put a happening before or after the one a sentence tells ("to prepare for a summit between Biden
# and Putin", "ahead of the summit", "since the war"): its participants are not the sentence's.
_OTHER_TIME_PREPOSITIONS = frozenset({"for", "before", "after", "since", "following", "until", "toward", "towards"})
_OTHER_TIME_OF = frozenset({"ahead", "prior"})  # "ahead of", "prior to"
_WILL = frozenset({"will", "shall", "'ll"})
_NOT_YET = frozenset({"proposed", "possible", "potential", "planned", "future", "prospective"})  # a happening to come


def other_happenings(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the happenings the sentence at [start, end) places before or after its own, with no time
    of their own ("... will meet to prepare for a possible summit between Biden and Putin"; "Modi arrived on a
    visit during which he will hold talks with Biden")."""
    spans = []
    roots = tokens.roots(start, end)
    told_as_past = len(roots) == 1 and tokens.tags[roots[0]] == "VBD"
    for i in tokens.within(start, end):
        if told_as_past and tokens.deps[i] == "relcl" and _has_child(tokens, i, "aux", _WILL):
            spans.append(tokens.subtree_span(i))  # a happening still to come, told inside a past one
            continue
        if tokens.words[i] not in EVENT_NOUNS or tokens.heads[i] == i:
            continue
        if tokens.deps[i] not in ("nsubj", "nsubjpass") and any(
                tokens.deps[c] == "amod" and tokens.words[c] in _NOT_YET for c in tokens.children(i)):
            spans.append(tokens.subtree_span(i))  # "..., including a proposed summit between Biden and Putin"
            continue
        if tokens.deps[i] != "pobj":
            continue
        preposition = tokens.heads[i]
        word = tokens.words[preposition]
        if word in _OTHER_TIME_PREPOSITIONS or (word in ("of", "to") and
                                                tokens.words[tokens.heads[preposition]] in _OTHER_TIME_OF):
            spans.append(tokens.subtree_span(i))
    return spans


# Participles that tell what a happening set off: "..., prompting Moscow to recall its ambassador".
_SETTING_OFF = frozenset({"prompting", "forcing", "causing", "leading", "spurring", "triggering", "sparking",
                          "compelling", "provoking"})


def reactions(tokens: Tokens, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of what the sentence at [start, end) tells its happening set off, each a happening of its
    own: "Biden called Putin a killer, prompting Moscow to recall its ambassador" → "Moscow to recall its
    ambassador"."""
    spans = []
    for i in tokens.within(start, end):
        if tokens.words[i] in _SETTING_OFF and tokens.tags[i] == "VBG" and tokens.deps[i] == "advcl":
            after = [c for c in tokens.children(i) if c > i]
            if any(tokens.deps[c] == "dobj" for c in after):
                spans.append((tokens.subtree_span(after[0])[0], tokens.subtree_span(i)[1]))
    return spans


def told_as_before(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the sentence's main verb is in the past perfect ("PM Modi had said ..."): what it tells lies before
    the time the story is at."""
    roots = tokens.roots(start, end)
    return len(roots) == 1 and tokens.tags[roots[0]] == "VBN" and any(
        tokens.deps[c] == "aux" and tokens.words[c] == "had" for c in tokens.children(roots[0]))


def _event_subject(tokens: Tokens, start: int, end: int) -> int | None:
    """The token of the sentence's subject when it is an event noun, or None."""
    roots = tokens.roots(start, end)
    if len(roots) != 1:
        return None
    return next((child for child in tokens.children(roots[0])
                 if tokens.deps[child] in ("nsubj", "nsubjpass") and tokens.words[child] in EVENT_NOUNS), None)


def _is_stretch(tokens: Tokens, start: int, end: int) -> bool:
    """ "six years", "more than a decade": a stretch of time, not a point in it ("in 2015")."""
    return any(tokens.words[i] in _UNITS for i in tokens.within(start, end))


def _highest_content(tokens: Tokens, path: list[int], start: int, end: int) -> int | None:
    """The highest noun or verb on `path` (nearest first) outside the time expression itself: what "since" or
    "compared to" governs ("since the elections in July" → elections; "since March" → none)."""
    for i in reversed(path):
        if start <= tokens.starts[i] < end:
            return None
        if tokens.tags[i].startswith(("NN", "VB")):
            return i
    return None


def _is_complement(tokens: Tokens, clause: int) -> bool:
    """A clause on a noun that tells its content or its own time, not a description: an infinitive ("an
    invitation to visit from June 20", "a meeting to be held Monday"), a present participle ("celebrations marking
    the anniversary later this week") or a clause opened by "where"/"when"."""
    if tokens.deps[clause] == "acl" and tokens.tags[clause] == "VBG":
        return True  # "celebrations marking ... later this week": a participle tells its noun's own time
    return _has_child(tokens, clause, "aux", {"to"}) or _has_child(tokens, clause, "advmod", _NARRATING)


def tense_at(tokens: Tokens, i: int) -> str | None:
    """The tense of the verb group that governs token i (the token itself if it is a verb); None when no verb
    governs it."""
    verb = _verb_over(tokens, i)
    if verb is None:
        return None
    return _verb_tense(tokens, verb)


def _verb_over(tokens: Tokens, i: int) -> int | None:
    return i if _is_verb(tokens, i) else next((j for j in tokens.up(i) if _is_verb(tokens, j)), None)


def governing_verb(tokens: Tokens, start: int, end: int) -> int | None:
    """The verb that governs the words at [start, end) (a time expression's clause), or None."""
    head = tokens.head_of(start, end)
    return None if head is None else _verb_over(tokens, head)


def time_tense(tokens: Tokens, start: int, end: int, sentence: str) -> str:
    """The tense of the clause a time expression at [start, end) is attached to; `sentence` (the sentence's own
    tense) when no verb governs it."""
    head = tokens.head_of(start, end)
    tense = tense_at(tokens, head) if head is not None else None
    return sentence if tense is None else tense


# Nouns that name a happening: a sentence about one tells an event even in the form of a description.
EVENT_NOUNS = frozenset({"visit", "visits", "meeting", "meetings", "talks", "summit", "summits", "trip", "trips",
                         "tour", "conference", "ceremony", "parade", "election", "elections", "vote", "attack",
                         "attacks", "strike", "strikes", "war", "protest", "protests", "match", "game", "final",
                         "launch", "test", "tests", "exercise", "exercises", "negotiations", "dinner", "speech",
                         "funeral", "wedding", "trial", "hearing", "referendum", "festival", "celebration",
                         "celebrations", "anniversary", "crash", "earthquake", "flood", "fire", "storm", "deal",
                         "agreement", "treaty", "announcement", "event", "occasion"})
_STATIVE = frozenset({"is", "are", "'s", "’s", "has", "have", "'ve", "’ve", "remains", "remain", "lies", "lie",
                      "comprises", "comprise", "consists", "consist", "includes", "include", "belongs", "belong"})


def describes(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the sentence at [start, end) describes a state rather than reports a happening: its main verb is a
    present-tense "be", "have" or another verb of state ("Reykjavik is a city of ...", "Twelve countries have
    observer status", "The council comprises eight states"), with no clause reported under it."""
    roots = tokens.roots(start, end)
    if len(roots) != 1:
        return False
    root = roots[0]
    verb = root if tokens.words[root] in _STATIVE else next(
        (c for c in tokens.children(root) if tokens.deps[c] in ("aux", "auxpass") and tokens.words[c] in _STATIVE
         and tokens.tags[root] not in ("VBN", "VBG")), None) if tokens.tags[root] in ("NN", "NNS", "JJ") else None
    if verb is None or tokens.tags[verb] not in ("VBZ", "VBP"):
        return False
    if any(tokens.deps[c] in ("attr", "nsubj") and tokens.words[c] in EVENT_NOUNS for c in tokens.children(root)):
        return False  # "This is the first visit to Beijing ...", "The summit is in June": an event, told as a state
    return not any(tokens.deps[c] in ("ccomp", "xcomp", "advcl") for c in tokens.children(root))


def sentence_tense(tokens: Tokens, start: int, end: int) -> str:
    """The tense of what the sentence at [start, end) reports: its main verb's, or the reported clause's when the
    main verb reports speech and the clause looks ahead ("officials said they will meet")."""
    roots = tokens.roots(start, end)
    if not roots:
        return UNKNOWN
    root = roots[0]
    tense = _verb_tense(tokens, root) if _is_verb(tokens, root) else UNKNOWN
    for child in tokens.children(root):
        if tokens.deps[child] == "ccomp" and _is_verb(tokens, child):
            reported = _verb_tense(tokens, child)
            if reported == FUTURE or tense == UNKNOWN:
                return reported
    return tense


def _verb_tense(tokens: Tokens, verb: int) -> str:
    words, tags, deps = tokens.words, tokens.tags, tokens.deps
    auxiliaries = [c for c in tokens.children(verb) if deps[c] in ("aux", "auxpass") and c < verb]
    aux_words = {words[c] for c in auxiliaries}
    if aux_words & _FUTURE_MODALS:
        return FUTURE
    if "to" in aux_words:
        governor = tokens.heads[verb]
        if governor != verb and words[governor] in _LOOKING_AHEAD and tags[governor] in ("VBZ", "VBP", "VBN", "JJ",
                                                                                          "VBG", "VB"):
            return FUTURE if _verb_tense(tokens, governor) in (PRESENT, FUTURE, UNKNOWN) else UNKNOWN
        if (governor != verb and tags[governor] == "VBD" and words[governor] not in _INTENDED
                and _verb_tense(tokens, governor) == PAST):
            return PAST  # "agreed to sell the unit in October": what was agreed then, not a plan ahead
        return UNKNOWN
    if any(tags[c] == "MD" for c in auxiliaries):
        return UNKNOWN  # "could", "may", "would": no time of its own
    if aux_words & _HAVE or tags[verb] == "VBD" or any(tags[c] == "VBD" for c in auxiliaries):
        return PAST
    if tags[verb] in ("VBZ", "VBP") or any(tags[c] in ("VBZ", "VBP") for c in auxiliaries):
        return PRESENT
    return UNKNOWN


def _is_verb(tokens: Tokens, i: int) -> bool:
    return tokens.tags[i].startswith("VB") or tokens.tags[i] == "MD"


def _has_child(tokens: Tokens, i: int, dep: str, words) -> bool:
    return any(tokens.deps[c] == dep and tokens.words[c] in words for c in tokens.children(i))


def _child_word(tokens: Tokens, i: int, dep: str, words) -> str:
    return next(tokens.words[c] for c in tokens.children(i) if tokens.deps[c] == dep and tokens.words[c] in words)


def _has_when_clause(tokens: Tokens, i: int) -> bool:
    """ "March, when Biden said ...": a clause on the time itself, opened by "when"."""
    for clause in tokens.children(i):
        if tokens.deps[clause] in ("relcl", "advcl", "acl") and _has_child(tokens, clause, "advmod", {"when"}):
            return True
    return False


def _superlatives(tokens: Tokens, i: int) -> set[str]:
    return {tokens.words[c] for c in tokens.children(i) if tokens.tags[c] == "JJS"}
