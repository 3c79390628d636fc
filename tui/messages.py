"""Messages that the main screen's thread workers post with what they read from the store. Each result of a
filtered view carries the `generation` of the view it was read for, so a late answer for an older view is
dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from store.density import Bucket
from store.filter import Filter
from store.queries import ActorCount, EventRow, SourceRow


@dataclass
class StoreOpened(Message):
    """The store opened (or was read again): how many events it holds in all, the first rows of its timeline, and
    its count of write batches."""

    total: int
    rows: list[EventRow]
    changes: int


@dataclass
class StoreRecounted(Message):
    """The store was read again on request: how many events it holds now, and its count of write batches."""

    total: int
    changes: int


@dataclass
class StoreChanged(Message):
    """The store's count of write batches is `changes`: something was written since it was read."""

    changes: int


@dataclass
class StoreFailed(Message):
    """Reading the store failed; `error` is one line naming the file and the reason. `move`: the read was a
    cursor move's."""

    error: str
    move: bool = False


@dataclass
class ViewCounted(Message):
    """A filter in an order was counted: the timeline restarts with `total` rows and the cursor on row `cursor`,
    which is `row` (when read); `rows` are the rows around it, from index `first` on."""

    generation: int
    flt: Filter
    descending: bool
    total: int
    cursor: int
    row: EventRow | None
    chips: list[str]  # the filter's actors by name, for the header
    first: int
    rows: list[EventRow]


@dataclass
class RowsLoaded(Message):
    """Timeline rows read for a view, from index `first` on, in display order."""

    generation: int
    first: int
    rows: list[EventRow]


@dataclass
class CursorFound(Message):
    """Where a jump or a search lands: row `index`, which is `row`. `note` is worth telling the user; `hit` is
    (number, count) for a search hit; `around`, the rows about a far landing, read by the same worker so that the
    frame there needs no second read."""

    generation: int
    index: int
    row: EventRow | None
    note: str = ""
    hit: tuple[int, int] | None = None
    around: tuple[int, list[EventRow]] | None = None  # (index of the first, rows) about a far row, read with it


@dataclass
class NothingFound(Message):
    """A jump or a search found no row: `note` says so; `search` when it was a search (no hit at all)."""

    note: str
    search: bool = False


@dataclass
class ExcerptRead(Message):
    """The first source of an event, to copy with its citation (None when it has no source)."""

    source: SourceRow | None


@dataclass
class DetailLoaded(Message):
    """What the detail area shows beyond the timeline row: the event's sources, its countries' names and the
    events kept apart from it because their sources date it differently."""

    event_id: int
    sources: list[SourceRow]
    country_names: dict[str, str]
    disputing: list[EventRow] = field(default_factory=list)


@dataclass
class FacetsCounted(Message):
    """Persons or countries (`kind`) with their number of events under the view's filter."""

    generation: int
    kind: str
    counts: list[ActorCount]


@dataclass
class DensityCounted(Message):
    """Events per time bucket under the view's filter, for the sparkline."""

    generation: int
    buckets: list[Bucket]


@dataclass
class PersonCorrected(Message):
    """The analyst's correction was stored: the person `name` is now called `target`; `known`: the store had a
    person called `name`."""

    name: str
    target: str
    known: bool


@dataclass
class SpellingsRead(Message):
    """The other spellings of the person `name`, read for the split dialog."""

    name: str
    spellings: list[str]


@dataclass
class PersonSplit(Message):
    """The analyst's split was stored: `alias` is a person of their own, named by `count` events."""

    name: str
    alias: str
    count: int


@dataclass
class CorrectionRefused(Message):
    """The correction says nothing the store can apply (`reason`, one line)."""

    reason: str


@dataclass
class KeyDatesFound(Message):
    """The key dates of `flt` (store/digest.py) were found: their events, how many dates, among how many days."""

    flt: Filter
    ids: tuple[int, ...]
    dates: int
    days: int
    asked: int  # how many dates were asked for


@dataclass
class HitsKept(Message):
    """A search's hits were read (navigation.HitKeys): kept for its n, N and "k of n"."""

    hits: object  # navigation.HitKeys (not imported here: navigation imports the reader)
