"""Date provenance: which of an event's tellings carries its dating, and in words what dated the event and what
those words were read against — "“on Thursday”, read against the publication (Tue 7 Oct 2025)", "no time in the
sentence: the occasion the article dated, “Tuesday” …", "no time in the text: told as past, by the publication".
The detail pane, the sources screen and the exports say it alike."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol, TypeVar

from store.model import Dating, When


class _Told(Protocol):
    dating: Dating | None


T = TypeVar("T", bound=_Told)

# What the first dating word was read against (Dating.anchor).
ANCHORS = {"absolute": "written in full", "published": "read against the publication",
           "previous": "read against the date told before it"}
# Dating reasons that took the date from elsewhere than the sentence's own words.
INFERRED = frozenset({"story", "previous", "published", "before", "after"})
_NO_TIME_OF_ITS_OWN = {"story": "no time in the sentence: the occasion the article dated",
                       "previous": "no time in the sentence: the event told just before"}
_PUBLICATION_ONLY = {"published": "no time in the text: the publication day",
                     "before": "no time in the text: told as past, so by the publication",
                     "after": "no time in the text: told as coming, so from the publication"}


def chosen_telling(tellings: Sequence[T], dated_by: str, when: When | None = None) -> T | None:
    """The telling whose dating the event carries: among those whose reason is the event's, the first that gave
    the event's own interval `when` (of several tellings merged, the most precise decides), else the first that
    kept its words, else the first."""
    dated = [t for t in tellings if t.dating is not None and t.dating.reason == dated_by]
    worded = [t for t in dated if t.dating.text is not None]
    return next((t for t in worded if when is not None and t.dating.when == when),
                worded[0] if worded else dated[0] if dated else None)


def dating_note(dating: Dating | None, dated_by: str, published: date | None,
                day: Callable[[date], str] = date.isoformat) -> str:
    """What dated the event, in words (see the module docstring); `day` writes the publication date."""
    on_day = f" ({day(published)})" if published is not None else ""
    if dated_by in _PUBLICATION_ONLY:
        return _PUBLICATION_ONLY[dated_by] + on_day
    if dated_by == "none":
        return "undated: nothing in the text dates it"
    words = words_note(dating, published, day)
    if dated_by in _NO_TIME_OF_ITS_OWN:
        joint = " by " if dated_by == "story" else ", dated by "
        return _NO_TIME_OF_ITS_OWN[dated_by] + (joint + words if words else "")
    return f"stated: {words}" if words else "stated"


def words_note(dating: Dating | None, published: date | None, day: Callable[[date], str] = date.isoformat) -> str:
    """"“on Thursday”, read against the publication (Tue 7 Oct 2025)"; "" when no words were kept."""
    if dating is None or dating.text is None:
        return ""
    against = ANCHORS.get(dating.anchor or "", "")
    if dating.anchor == "published" and published is not None:
        against += f" ({day(published)})"
    return f"“{dating.text}”" + (f", {against}" if against else "")
