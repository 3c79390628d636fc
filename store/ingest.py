"""Ingest: read article files, extract their events, merge them with what the store holds, write in batches.

Each batch of articles is one transaction, so an interrupted ingest leaves a store that opens and that a rerun
completes: articles are keyed by content hash and skipped when already stored (unless `force`). Extraction is
one stream over the whole run (one spaCy run, its worker processes started once), cut into batches for writing.
With `cluster` (store/cluster/) that stream comes from the workers of a Dask cluster instead, in the same order:
this process stays the one writer, and what it stores is the same.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice
from pathlib import Path

from store import db, disputes
from store.clean import clean_line
from store.extract import merge
from store.model import Article, Event, Extraction
from store.people import PersonIndex, keeps_spelling
from store.readers import Skipped, read_paths

BATCH_SIZE = 16


@dataclass
class IngestReport:
    articles: int = 0  # articles extracted and stored in this run
    unchanged: int = 0  # already in the store, left as they were
    events_new: int = 0
    events_merged: int = 0  # tellings that joined an event already in the store
    events_joined: int = 0  # stored events found to be one with another (a telling of both): one fewer each
    skipped: list[Skipped] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # articles without a publication date
    totals: dict = field(default_factory=dict)  # the store's counts at the end


def ingest(
    paths: Sequence[str | Path],
    db_path: str | Path,
    *,
    published: date | None = None,
    force: bool = False,
    n_process: int = 1,
    cluster: str | None = None,
    on_start: Callable[[int], None] | None = None,
    on_advance: Callable[[int], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    on_note: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every article under `paths` into the store at `db_path` (created if missing, unless nothing is
    readable). `cluster`: extract on the Dask cluster at this address (tcp://HOST:8786, or local:N) instead of in
    `n_process` local processes. `on_start(n)`: n articles to extract; `on_advance(k)`: k more done; `on_warning(line)`:
    a date problem of one article; `on_note(line)`: the store was upgraded, and where its copy is; the cluster's
    dashboard."""
    from store.extract.pipeline import extract_many  # spaCy loads only when there is work to do

    report = IngestReport()
    # Read twice: once to know what there is to do (ids and paths, not the texts), once to extract it as it is
    # read. Memory then follows the batch in hand, not the collection: a JSONL file of a gigabyte is not held.
    items = [(item.id, item.path) if isinstance(item, Article) else item for item in read_paths(paths, published)]
    if all(isinstance(item, Skipped) for item in items) and not Path(db_path).exists():
        report.skipped = list(items)
        return report  # nothing to store: no empty store is created
    conn = db.connect(db_path, create=True, on_upgrade=on_note)
    try:
        todo = _articles_to_do(conn, items, force, report)
        if on_start:
            on_start(len(todo))
        articles = _read_again(paths, published, todo, report)
        if cluster is None:
            stream = extract_many(articles, n_process=n_process)
        else:
            from store.cluster import extract_on_cluster

            stream = extract_on_cluster(articles, cluster, on_note=on_note)
        with closing(stream) as extractions:
            for batch in _batches(extractions, BATCH_SIZE):
                _store_batch(conn, batch, force, report, on_advance, on_warning)
        report.skipped.extend(Skipped(path, "changed while ingest read it: run the command again to store it")
                              for path in todo.values())
        report.totals = db.stats(conn)
    finally:
        conn.close()
    return report


def _read_again(paths: Sequence[str | Path], published: date | None, todo: dict[str, str],
                report: IngestReport) -> Iterator[Article]:
    """The articles to do, read a second time, each once; what is done is taken off `todo` (id → path), so that
    what is left in it at the end changed between the two readings."""
    for item in read_paths(paths, published):
        if isinstance(item, Article) and todo.pop(item.id, None) is not None:
            yield item


def _batches(extractions: Iterator[Extraction | Skipped], size: int) -> Iterator[list[Extraction | Skipped]]:
    while batch := list(islice(extractions, size)):
        yield batch


def _store_batch(
    conn,
    batch: list[Extraction | Skipped],
    force: bool,
    report: IngestReport,
    on_advance: Callable[[int], None] | None,
    on_warning: Callable[[str], None] | None,
) -> None:
    """One transaction: an interrupted ingest keeps the batches before. Extraction goes on meanwhile in spaCy's
    worker processes, if any."""
    report.skipped.extend(item for item in batch if isinstance(item, Skipped))
    extractions = [item for item in batch if isinstance(item, Extraction)]
    stored = []
    with db.transaction(conn):
        people = PersonIndex(conn)
        for extraction in extractions:
            if _store_or_skip(conn, extraction, force, report, people):
                stored.append(extraction)
        db.mark_changed(conn)
    for extraction in stored:
        article = extraction.article
        if article.published is None:
            report.undated.append(article.path)
        for warning in (date_warning(article), left_out_dates(extraction)):
            if warning and on_warning:
                on_warning(warning)
    if on_advance:
        on_advance(len(batch))  # articles done, stored or skipped


def date_warning(article: Article) -> str | None:
    """One line when an article's publication date is missing, its file's date field was unusable, or its year
    was assumed from a dateline that gives none."""
    problem = "".join(f"{note}; " for note in (article.published_problem, article.published_assumed) if note)
    if article.published is None:
        return (f"{article.path}: {problem or 'no publication date; '}only absolute dates are resolved "
                "(give one with --published)")
    if article.published_assumed:
        return f"{article.path}: {problem}dated {article.published.isoformat()} from its dateline"
    if problem:
        return f"{article.path}: {problem}dated {article.published.isoformat()} from --published or its dateline"
    return None


def left_out_dates(extraction: Extraction, shown: int = 3) -> str | None:
    """One line when dates in the article were left out of its events (a year outside the range), with the
    first few and why."""
    refused = [t for t in extraction.timexes if t.problem]
    if not refused:
        return None
    named = "; ".join(f"“{t.text}”: {t.problem}" for t in refused[:shown])
    more = f"; {len(refused) - shown} more" if len(refused) > shown else ""
    return f"{extraction.article.path}: {len(refused)} date(s) left out of its events ({named}{more})"


def _articles_to_do(conn, items: list[tuple[str, str] | Skipped], force: bool,
                    report: IngestReport) -> dict[str, str]:
    """Of the articles read ((id, path) pairs), those to extract: id → path, in reading order."""
    todo: dict[str, str] = {}
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        article_id, path = item
        if article_id in seen:
            report.skipped.append(Skipped(path, f"same text as {seen[article_id]}"))
        elif db.has_article(conn, article_id) and not force:
            seen[article_id] = path
            report.unchanged += 1
        else:
            seen[article_id] = path
            todo[article_id] = path
    return todo


# What one article's data can make SQLite or Python refuse (a defect met on unusual text). Other SQLite errors
# (disk full, a damaged or locked file) concern the whole store and stop the run.
_ARTICLE_ERRORS = (sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError, ValueError, TypeError,
                   OverflowError)


def _store_or_skip(conn, extraction: Extraction, force: bool, report: IngestReport, people: PersonIndex) -> bool:
    """Store one article inside the batch's transaction, under a savepoint: an article that cannot be stored is
    skipped with the reason and the rest of the batch is kept. False when it was not stored."""
    article = extraction.article
    if db.has_article(conn, article.id) and not force:  # stored meanwhile by another ingest of the same file
        report.unchanged += 1
        return False
    conn.execute("SAVEPOINT article")
    try:
        new, merged, joined = _store(conn, extraction, force, people)
    except _ARTICLE_ERRORS as error:
        conn.execute("ROLLBACK TO article")
        conn.execute("RELEASE article")
        report.skipped.append(Skipped(article.path, f"cannot store it ({type(error).__name__}: "
                                                    f"{clean_line(str(error))[:160]}); please report this article"))
        return False
    conn.execute("RELEASE article")
    report.articles += 1
    report.events_new += new
    report.events_merged += merged
    report.events_joined += joined
    return True


def _store(conn, extraction: Extraction, force: bool, people: PersonIndex) -> tuple[int, int, int]:
    """Write one article and its events; (events new, tellings merged into stored events, stored events joined
    to another)."""
    article = extraction.article
    if force and db.has_article(conn, article.id):
        db.delete_article(conn, article.id)
    db.insert_article(conn, article)
    extraction = _named_as_stored(conn, extraction, people)
    extraction = _orgs_as_stored(conn, extraction)
    extraction, learned = _with_affiliated_countries(conn, extraction)
    new = merged = joined = 0
    affiliations, aliases = extraction.entities.affiliations, extraction.entities.aliases
    matches, also = _matching_stored_events(conn, extraction.events)
    for index, event in enumerate(extraction.events):
        stored = matches.get(index)
        if stored is None:
            event_id = db.insert_event(conn, event, affiliations, aliases=aliases)
            _note_disputes(conn, event_id, event)
            new += 1
            continue
        combined = merge.merge_into(stored, event)
        db.update_event(conn, stored.id, combined, event.sources, affiliations, aliases=aliases, told=event)
        merged += 1
        for other in also.get(index, ()):  # this telling is one with two stored events: they are one
            combined = merge.merge_into(combined, other)
            db.absorb_event(conn, stored.id, other.id, combined)
            joined += 1
    for person, code in learned.items():  # the store learns a person's country: their stored events name it too
        db.spread_affiliation(conn, person, code)
    db.tally_days(conn, article.id, 1)
    return new, merged, joined


def _note_disputes(conn, event_id: int, event: Event) -> None:
    """Record the stored events that tell this new one's happening with a stated date a few days away."""
    if event.when.start is None or not event.persons or event.dated_by != "explicit":
        return
    articles = {s.article_id for s in event.sources}
    candidates = db.merge_candidates(conn, disputes.window(event.when), event.persons, [], not_told_by=articles)
    disputes.record_disputes(conn, event_id, [c.id for c in candidates
                                             if c.id != event_id and disputes.tells_same_apart_from_date(c, event)])


def _orgs_as_stored(conn, extraction: Extraction) -> Extraction:
    """The extraction with each organisation called as the store already calls it ("Sony Corporation" is the
    stored "Sony Corp."), its own name then kept as a form of the stored one."""
    from store.extract.orgs import org_key

    called = {}
    for name in dict.fromkeys(o for event in extraction.events for o in event.orgs):
        stored = db.stored_org(conn, org_key(name))
        if stored is not None and stored != name:
            called[name] = stored
    if not called:
        return extraction
    entities = extraction.entities
    aliases = dict(entities.aliases)
    for name, stored in called.items():
        aliases[stored] = set(aliases.get(stored, set())) | aliases.pop(name, set()) | {name}
    return replace(extraction, entities=replace(entities, aliases=aliases), events=[
        replace(event, orgs=list(dict.fromkeys(called.get(o, o) for o in event.orgs))) for event in extraction.events])


def _with_affiliated_countries(conn, extraction: Extraction) -> tuple[Extraction, dict[str, str]]:
    """The extraction with the country of each person's title (this article's, else the store's) among the
    countries of every event naming them; and the persons whose country the store learns from this article."""
    names = dict.fromkeys(p for event in extraction.events for p in event.persons)
    stored = db.person_codes(conn, names)
    codes = {**stored, **{n: c for n, c in extraction.entities.affiliations.items() if n in names}}
    learned = {name: code for name, code in codes.items() if name not in stored}
    events = [replace(event, countries=list(dict.fromkeys(
        [*event.countries, *(codes[p] for p in event.persons if p in codes)]))) for event in extraction.events]
    return replace(extraction, events=events), learned


def _named_as_stored(conn, extraction: Extraction, people: PersonIndex) -> Extraction:
    """The extraction with each person called as the store calls them (store/people.py): "Sergei Lavrov" is the
    stored "Sergey Lavrov", a bare "Biden" the stored Biden most events name. When this article is the earliest
    to name a stored person, its spelling becomes the store's (the stored one an alias)."""
    published = extraction.article.published
    called: dict[str, str] = {}
    names = dict.fromkeys(p for event in extraction.events for p in event.persons)
    for name in sorted(names, key=lambda n: " " not in n.strip()):  # full names first: bare ones may be them
        stored = people.resolve(name)
        if stored is None or stored == name:
            people.add(name)
            continue
        chosen = name in people.corrections or stored in people.corrections.values()  # by the analyst: kept
        if not chosen and keeps_spelling(name, stored, _named_earlier(conn, published, stored)):
            db.rename_person(conn, stored, name)
            people.remove(stored)
            people.add(name)
        else:
            called[name] = stored
    if not called:
        return extraction
    entities = extraction.entities
    aliases: dict[str, set[str]] = {}
    for name, forms in entities.aliases.items():
        aliases.setdefault(called.get(name, name), set()).update(forms | ({name} if name in called else set()))
    return replace(
        extraction,
        events=[replace(event, persons=list(dict.fromkeys(called.get(p, p) for p in event.persons)))
                for event in extraction.events],
        entities=replace(entities, aliases=aliases,
                         affiliations={called.get(name, name): code for name, code in entities.affiliations.items()}),
    )


def _named_earlier(conn, published: date | None, person: str) -> bool:
    """Whether an article published on `published` is earlier than every stored article that names `person`."""
    earliest = db.earliest_naming(conn, person)
    return published is not None and (earliest is None or published < earliest)


def _matching_stored_events(conn, events: list[Event]) -> tuple[dict[int, Event], dict[int, list[Event]]]:
    """For each of the article's events (by index) the stored event, told by other articles, that it tells again;
    and the other stored events it tells again too, when they are one with that one as well (same_event). A
    stored event is the match or one of the others of one telling at most.

    One article tells a stored event at most once (its own tellings were already merged by merge_article), so
    the pairs are assigned best first: the telling whose actors and words agree most with a stored event gets
    it, and a looser telling earlier in the article cannot take it first."""
    pairs = []
    for index, event in enumerate(events):
        if event.when.start is None:
            continue
        articles = {s.article_id for s in event.sources}
        for candidate in db.merge_candidates(conn, event.when, event.persons, event.countries, not_told_by=articles):
            if merge.same_event(candidate, event):
                pairs.append((_agreement(candidate, event), index, candidate))
    matches: dict[int, Event] = {}
    also: dict[int, list[Event]] = {}  # other stored events a telling is one with, beside its match
    taken: set[int] = set()
    for _, index, candidate in sorted(pairs, key=lambda pair: (-pair[0][0], -pair[0][1], pair[1])):
        if index not in matches and candidate.id not in taken:
            matches[index] = candidate
            taken.add(candidate.id)
        elif index in matches and candidate.id not in taken and merge.same_event(matches[index], candidate):
            also.setdefault(index, []).append(candidate)
            taken.add(candidate.id)
    return matches, also


def _agreement(stored: Event, event: Event) -> tuple[float, int]:
    """How closely a telling agrees with a stored event: the share of actors they have in common (persons, or
    countries when neither names a person), then the words they share."""
    mine, theirs = (set(event.persons), set(stored.persons)) if event.persons or stored.persons \
        else (set(event.countries), set(stored.countries))
    actors = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
    return actors, len(stored.words & event.words)
