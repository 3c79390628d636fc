"""Merging: the same real-world event told in several sentences or articles becomes one event with every source.

Two tellings are one event when their dates agree (intervals overlap), they share a person (or, for events
without persons, a country and the same day; or the same wider date and all the same words), and they share
content words ("parade", "delegation"); a
year-wide date agrees with a day only on more words, and never with a bare publication day. Within one
article the bar is higher: sentences of one story usually tell different things, so both must carry a date of
their own (not just the publication date), unless a sentence names "the event" told before it. A sentence that
opens "Following that …" is a later event and never joins the one before it. The merged date is the most precise
interval that all dated tellings allow.
"""
from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterator
from heapq import merge as merge_sorted

from store.extract.events import SentenceEvent
from store.model import PUBLICATION_CODES, Event, When

MIN_SHARED_WORDS = 2
MIN_SHARED_WORDS_WITHOUT_PERSONS = 3
MIN_SHARED_WORDS_ACROSS_PRECISIONS = 3  # a day and a year-wide date overlap easily: ask for more evidence
MONTH_DAYS = 31
STRENGTH = {"explicit": 3, "previous": 2, "story": 2, "published": 1, "before": 1, "after": 1, "none": 0}
# Within one article an event is compared with at most this many of the latest events sharing an actor with it:
# without a bound a dump of thousands of sentences about one person costs time quadratic in its length. Real
# articles stay under it: a 567 KB page of ../shared/corpus/t17-dev (2,101 candidate events) merges exactly as
# without a bound (at 200 it did not).
MAX_CLUSTERS_COMPARED = 1_000


def same_event(a: Event, b: Event) -> bool:
    """Whether two events (single tellings or merged ones) tell one real-world happening."""
    if not a.when.overlaps(b.when):
        return False
    wide = max(a.when.days, b.when.days) > MONTH_DAYS
    if wide and {a.dated_by, b.dated_by} & set(PUBLICATION_CODES):
        return False  # a publication day says too little to pin a telling inside a quarter, a year, a decade
    shared_words = len(a.words & b.words)
    needed = MIN_SHARED_WORDS_ACROSS_PRECISIONS if wide and min(a.when.days, b.when.days) <= MONTH_DAYS \
        else MIN_SHARED_WORDS
    if a.persons and b.persons:
        return bool(set(a.persons) & set(b.persons)) and shared_words >= needed
    if a.persons or b.persons:
        return False
    if not (a.when == b.when and set(a.countries) & set(b.countries)):
        return False
    if a.when.precision == "day":
        return shared_words >= MIN_SHARED_WORDS_WITHOUT_PERSONS
    return a.words == b.words and len(a.words) >= MIN_SHARED_WORDS_WITHOUT_PERSONS  # told in the same words


def merge_into(target: Event, other: Event, *, participants: bool = True) -> Event:
    """`target` with `other`'s sources, actors and words added; its date narrowed as far as both allow. Without
    `participants` (`other` tells more of the occasion `target` is: what was said there), `other`'s persons and
    countries (organisations, places) are added only where `target` names none: "Blinken said Biden wanted ..." adds no participant to
    the talks of Blinken and Lavrov."""
    sources = target.sources + [s for s in other.sources if s not in target.sources]
    persons = other.persons if participants or not target.persons else []
    countries = other.countries if participants or not target.countries else []
    return Event(
        when=combined_when(target, other),
        summary=target.summary,
        persons=target.persons + [p for p in persons if p not in target.persons],
        countries=target.countries + [c for c in countries if c not in target.countries],
        sources=sources,
        dated_by=max(target.dated_by, other.dated_by, key=STRENGTH.__getitem__),
        words=target.words | other.words,
        id=target.id,
        orgs=target.orgs + [o for o in (other.orgs if participants or not target.orgs else []) if o not in target.orgs],
        places=target.places + [p for p in (other.places if participants or not target.places else [])
                                if p not in target.places],
    )


def combined_when(a: Event, b: Event) -> When:
    """The intersection of both intervals; a date taken only from the publication day yields to a stronger one."""
    if STRENGTH[a.dated_by] != STRENGTH[b.dated_by] and min(STRENGTH[a.dated_by], STRENGTH[b.dated_by]) <= 1:
        return a.when if STRENGTH[a.dated_by] > STRENGTH[b.dated_by] else b.when
    if not a.when.overlaps(b.when):
        return a.when
    start, end = max(a.when.start, b.when.start), min(a.when.end, b.when.end)
    if (start, end) == (a.when.start, a.when.end):
        return a.when
    if (start, end) == (b.when.start, b.when.end):
        return b.when
    narrower = min(a.when, b.when, key=lambda w: w.days)
    return When(start, end, "day" if start == end else narrower.precision)


def merge_article(candidates: list[SentenceEvent]) -> list[Event]:
    """Cluster the candidate events of one article; returns one Event per cluster, in order of first telling."""
    clusters: list[Event] = []
    index = _ActorIndex()
    last: int | None = None  # cluster index of the previous sentence's event
    told_in: list[tuple[int, int, int]] = []  # (sentence start, end, cluster index), in body order
    waiting: list[SentenceEvent] = []  # tell again an occasion whose sentence comes later
    for cand in candidates:
        ev = cand.event
        target = None
        if cand.tells_again is not None:
            if _cluster_at(told_in, cand.tells_again) is None and cand.tells_again > cand.sentence.start:
                waiting.append(cand)
                continue
            target = _occasion_of(cand, told_in, clusters)
        if target is not None:
            pass
        elif cand.anaphor and clusters:
            target = _antecedent(clusters)
        elif ev.dated_by in ("explicit", "previous"):
            for i in index.latest_sharing(ev):
                if cand.sequel and i == last:
                    continue
                if clusters[i].dated_by in ("explicit", "previous") and same_event(clusters[i], ev):
                    target = i
                    break
        last = _join(clusters, target, ev, participants=cand.tells_again is None)
        index.add(last, clusters[last])
        insort(told_in, (cand.sentence.start, cand.sentence.end, last))
    for cand in waiting:
        last = _join(clusters, _occasion_of(cand, told_in, clusters), cand.event, participants=False)
        insort(told_in, (cand.sentence.start, cand.sentence.end, last))
    return clusters


def _occasion_of(cand: SentenceEvent, told_in: list[tuple[int, int, int]], clusters: list[Event]) -> int | None:
    """The cluster of the occasion `cand` tells more of, when it is told and the sentence may join it."""
    target = _cluster_at(told_in, cand.tells_again)
    if target is not None and not (cand.names_it or shares_participants(clusters[target], cand.event)):
        return None
    return target


def shares_participants(occasion: Event, telling: Event) -> bool:
    """Whether a sentence can tell more of an occasion: a person of both when both name persons, else a country
    of both; a sentence that names no actor continues whatever it follows."""
    if telling.persons:  # a named person's act is not an occasion of unnamed ones
        return bool(set(occasion.persons) & set(telling.persons))
    if not telling.countries:
        return True
    return bool(set(occasion.countries) & set(telling.countries))


def _join(clusters: list[Event], target: int | None, event: Event, participants: bool = True) -> int:
    """Add `event` to cluster `target` (a new cluster when None); the cluster's index."""
    if target is None:
        clusters.append(event)
        return len(clusters) - 1
    clusters[target] = merge_into(clusters[target], event, participants=participants)
    return target


def _cluster_at(told_in: list[tuple[int, int, int]], offset: int) -> int | None:
    """The cluster whose telling's sentence holds body `offset`, if one does."""
    i = bisect_right(told_in, (offset, float("inf"), 0)) - 1
    if i >= 0 and told_in[i][0] <= offset < told_in[i][1]:
        return told_in[i][2]
    return None


class _ActorIndex:
    """The clusters of an article by what `same_event` needs them to share with an event: a person, or (for events
    without persons) a country and the same day. Asked for the clusters an event might join, latest first, it
    gives a superset of those `same_event` accepts (at most MAX_CLUSTERS_COMPARED of them) without looking at the
    others: comparing every event with every earlier one was quadratic in an article's length."""

    def __init__(self) -> None:
        self._clusters: dict[object, list[int]] = {}  # key → cluster indices, ascending
        self._indexed: dict[int, set[object]] = {}  # cluster index → its keys already in `_clusters`

    @staticmethod
    def _keys(event: Event) -> list[object]:
        if event.persons:
            return list(event.persons)
        if event.when.precision != "day":
            return []
        return [(event.when, country) for country in event.countries]

    def add(self, i: int, cluster: Event) -> None:
        """Index cluster `i` under its keys (again after a merge: its actors or date may have grown)."""
        indexed = self._indexed.setdefault(i, set())
        for key in self._keys(cluster):
            if key not in indexed:
                indexed.add(key)
                insort(self._clusters.setdefault(key, []), i)

    def latest_sharing(self, event: Event) -> Iterator[int]:
        lists = [reversed(self._clusters[key]) for key in self._keys(event) if key in self._clusters]
        previous, given = None, 0
        for i in merge_sorted(*lists, reverse=True):
            if i != previous:
                yield i
                given += 1
                if given == MAX_CLUSTERS_COMPARED:
                    return
                previous = i


def _antecedent(clusters: list[Event]) -> int:
    """The event "the event" refers to: the latest one already called an event, else the article's first."""
    for i in reversed(range(len(clusters))):
        if any("event" in s.excerpt.lower() for s in clusters[i].sources):
            return i
    return 0
