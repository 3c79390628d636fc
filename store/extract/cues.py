"""Lexical cues in a sentence that tell the event step what kind of sentence it is.

No part-of-speech tagger is loaded (ingest speed), so these are word patterns: habitual or hypothetical
statements, analysis ("the gathering underscores …"), reporting clauses ("…, Beijing said Tuesday"), openings
that continue the previous sentence's story ("That same month", "Following that parade", "also").
"""
from __future__ import annotations

import re

_HABITUAL = re.compile(
    r"\b(typically|usually|generally|traditionally|routinely|normally|customarily|tends? to|tended to)\b", re.I
)
_HYPOTHETICAL = re.compile(r"\b(could|might|may|would)\b", re.I)
_REPORTING = (r"said|says|announced|announces|reported|reports|told|stated|confirmed|added|noted|declared|"
              r"disclosed|revealed|claimed|insisted|warned|wrote|tweeted|posted")
_REPORTING_VERB = re.compile(rf"\b({_REPORTING})\b", re.I)
_ANALYSIS_STEMS = (r"underscore|underline|highlight|mark|signal|signifie|signify|reflect|suggest|show|symboli[sz]e|"
                   r"illustrate|demonstrate|indicate|represent|emphasi[sz]e|mean|remain|pose|raise")
_ANALYSIS = re.compile(rf"\b({_ANALYSIS_STEMS})s?\b")
# After a determiner the word is a noun ("a show", "the marks"), not a verb.
_DETERMINER_BEFORE = re.compile(r"\b(a|an|the|his|her|its|their|our|my|your|this|that|these|those)\s+$", re.I)
# A bare form ("mark") is a present-tense verb after a plural subject ("The celebrations mark").
_PLURAL_SUBJECT_BEFORE = re.compile(r"(\b(they|these|those|which|who|we)|[a-z]{3,}s)\s+$", re.I)
# A sentence opening that places it after, or alongside, what the previous sentence told.
_SEQUEL_OPENING = re.compile(
    r"^\s*(following|after|afterwards|afterward|later|then|subsequently|soon after|shortly after|"
    r"a (day|week|month) later|days later|weeks later)\b",
    re.I,
)
_CONTINUATION_OPENING = re.compile(r"^\s*(meanwhile|at the same time|during|in addition|also|separately)\b", re.I)
_ALSO = re.compile(r"\b(also|too|as well)\b", re.I)
# "the event", "this occasion": a generic name for an event already told.
_EVENT_ANAPHOR = re.compile(r"\b(the|this|that)(\s+[\w-]+){0,2}\s+(event|occasion)\b", re.I)
# "During the event, Russia will assume the presidency": the event is the time frame of another happening.
_DURING_EVENT = re.compile(
    r"\b(during|throughout|in the course of|on the sidelines of|on the margins of)\s+"
    r"(the|this|that)(\s+[\w-]+){0,2}\s+(event|occasion)\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(since|for the first time since)\s+$", re.I)
_AFTER_REPORTING = re.compile(rf"\b({_REPORTING})(\s+(on|late|early))?\s+$", re.I)
_AFTER_AFTER = re.compile(r"^\s*(after|later than|since)\b", re.I)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
MIN_SPEECH_WORDS = 5


def without_quotes(text: str) -> str:
    """The sentence with quoted speech blanked out: words inside quotes are not the reporter's own."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges of quoted speech in `text`: a quote of a few words ("a “killer”", "“malign”
    activities") is a term the reporter uses, not speech."""
    return [m.span() for m in _QUOTED.finditer(text) if len(m.group().split()) >= MIN_SPEECH_WORDS]


# A first-person quote that opens on a feeling or a view ("We are very happy ...", "I hope that ...", "We believe").
_OPINION_OPENING = re.compile(
    r"^[\"“‘']\s*(?:I|We)(?:\s+(?:am|are|were|was|do|all|really|truly|so|very|sincerely|deeply|too))*"
    r"(?:['’]m|['’]re)?(?:\s+(?:very|so|really|truly|deeply))*\s+(?:hope|hoped|believe|think|feel|wish|trust|"
    r"excited|happy|proud|glad|delighted|honou?red|grateful|thankful|confident|optimistic|looking forward|pleased|"
    r"thrilled)\b", re.I)
_UNOPENED_QUOTE = re.compile(r"^[^\"“”]+?([\"”])")
MAX_ATTRIBUTION_WORDS = 14  # words outside the quote: "said Kavita, a dancer from ..."


def is_quoted_opinion(text: str) -> bool:
    """A sentence that is someone's quoted feeling or view and the words saying whose: ""We are very excited,"
    said Kavita, a dancer." The feeling is no happening of the story."""
    text = text.strip()
    unopened = _UNOPENED_QUOTE.match(text)  # the quote opened in the sentence before: "... looking forward," said
    if unopened:
        text = ("“" if unopened.group(1) == "”" else '"') + text
    quotes = quoted_spans(text)
    if not quotes or quotes[0][0] != 0:
        return False
    outside = without_quotes(text)
    return (bool(_OPINION_OPENING.match(text)) and len(outside.split()) <= MAX_ATTRIBUTION_WORDS
            and bool(_REPORTING_VERB.search(outside)))


def is_habitual(text: str) -> bool:
    return bool(_HABITUAL.search(without_quotes(text)))


def is_hypothetical(text: str) -> bool:
    """A modal ("could", "might") that is not inside reported speech ("said it would …") or quotes."""
    text = without_quotes(text)
    modal = _HYPOTHETICAL.search(text)
    if not modal:
        return False
    reporting = _REPORTING_VERB.search(text)
    return not (reporting and reporting.start() < modal.start())


# A view given as that of unnamed commentators: "which some observers argue is the actual target".
_PUNDITS = re.compile(r"\b(?:observers|analysts|experts|critics|commentators|pundits|scholars)\s+(?:say|said|argue|"
                      r"argued|believe|believed|note|noted|suggest|suggested|think|thought|contend|contended)\b",
                      re.I)


def is_analysis(text: str) -> bool:
    """A present-tense verb of commentary ("The gathering underscores …", "The celebrations mark …"), or a view
    given as that of unnamed observers or analysts."""
    text = without_quotes(text)
    if _PUNDITS.search(text):
        return True
    for m in _ANALYSIS.finditer(text):
        before = text[:m.start()]
        if _DETERMINER_BEFORE.search(before):
            continue
        if m.group().endswith("s") or _PLURAL_SUBJECT_BEFORE.search(before):
            return True
    return False


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’").endswith("?")


def opens_sequel(text: str) -> bool:
    """Opens with "Following …", "After …", "Later …": a new event after the previous one."""
    return bool(_SEQUEL_OPENING.match(text))


def continues_previous(text: str) -> bool:
    """Carries the story on: a sequel or continuation opening, or "also"/"too"."""
    return bool(_SEQUEL_OPENING.match(text) or _CONTINUATION_OPENING.match(text) or _ALSO.search(text))


_LOOKING_AHEAD = re.compile(r"\b(upcoming|planned|coming|forthcoming|scheduled|expected|next|proposed)\b", re.I)


def looks_ahead(text: str) -> bool:
    """Names a happening still to come: "the upcoming meeting", "the planned visit"."""
    return bool(_LOOKING_AHEAD.search(text))


def names_event_anaphor(text: str) -> bool:
    return bool(_EVENT_ANAPHOR.search(text))


def happens_during_event(text: str) -> bool:
    """Names "the event" only as the time of what it tells ("During the event, Russia will assume ..."): a
    happening of its own at that time, not another telling of the event."""
    return bool(_DURING_EVENT.search(text))


def opening_clause_end(text: str) -> int:
    """Length of a leading "Following that parade," clause (0 if none): its words describe another event."""
    if not _SEQUEL_OPENING.match(text):
        return 0
    comma = text.find(",")
    return comma + 1 if 0 < comma < 60 else 0


def bounds_a_period(before: str) -> bool:
    """The text just before a time expression makes it a bound ("since 2018"), not the event's time."""
    return bool(_SINCE_BEFORE.search(before))


def is_report_time(before: str) -> bool:
    """The time expression dates a reporting verb ("announced Tuesday"), not the event reported."""
    return bool(_AFTER_REPORTING.search(before))


def follows_duration(after: str) -> bool:
    """Text after a duration that makes it a distance back in time ("just over a month after Kim joined")."""
    return bool(_AFTER_AFTER.match(after))
