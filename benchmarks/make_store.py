"""Build a realistic synthetic event store for the scale benchmarks (run by hand).

    python benchmarks/make_store.py OUT.db --events 1000000 [--seed 7] [--write-path]

N events over 50 years (1976–2025, more of them in recent years, as in a news archive), each told by 1–3
sources; thousands of persons with a Zipf spread (a few in many events, most in a handful), ~200 countries
(also Zipf), persons mostly with their own country; hundreds to thousands of organisations (Zipf, none in half
the events, drawn by a generator of their own so that the rest of the store is as before). Articles hold ~10 event sentences each, so every source
is an exact sentence of a stored article. The rows are written table by table in one `store.db.bulk_load`, which
counts the kept counts (per day, per actor pair, day tallies) once at the end; `--write-path` stores each chunk of
events through the store's own write path instead (`store.db.insert_article`, `store.db.insert_event`, one
transaction a chunk, the counts kept by their triggers), an hour for 10M events: both give the same rows
(tests/test_make_store.py). Chunks cover short time slices and are written in random order, so event ids do not
follow dates, as after a real ingest.

Some words are planted at known rates so that searches have hits to find: "treaty" in 1 event in 100,
"earthquake" in 1 in 1,000, "zeppelin" in 1 in 100,000.
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import multiprocessing
import random
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from store import db  # noqa: E402
from store.extract.timex.intervals import value_at, when_of  # noqa: E402
from store.model import Article, Dating, Event, Source, When  # noqa: E402

FIRST_DAY, LAST_DAY = date(1976, 1, 1), date(2025, 12, 31)
CHUNK = 2000  # events per transaction (write path), per batch of rows (bulk)
WORKERS = 2  # processes making chunks for the bulk load
IN_FLIGHT = 8  # chunks asked of them and not yet written
BULK_CACHE_KIB = 1 << 20  # the bulk load's page cache: its indexes grow in random order
SENTENCES_PER_ARTICLE = 10
PLANTED = (("treaty", 100), ("earthquake", 1_000), ("zeppelin", 100_000))  # word, one event in …
PRECISIONS = (("day", 60), ("month", 14), ("week", 6), ("year", 10), ("quarter", 2), ("decade", 1), ("undated", 7))
SOURCES_PER_EVENT = ((1, 60), (2, 30), (3, 10))
PERSONS_PER_EVENT = ((0, 25), (1, 40), (2, 25), (3, 10))
ORGS_PER_EVENT = ((0, 50), (1, 35), (2, 15))
ORG_SUFFIXES = ("Corp.", "Group", "Bank", "Party", "Agency", "Ministry", "Airlines", "Holdings")

_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "tr", "br", "kr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
_CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "th"]
VERBS = ["met", "signed an accord with", "criticised", "visited", "called", "welcomed", "warned", "praised",
         "held talks with", "sanctioned", "hosted", "rejected a proposal from"]
TOPICS = ["trade", "security", "energy", "elections", "the border", "climate", "finance", "migration", "health",
          "fisheries", "aviation", "a ceasefire", "grain exports", "the budget", "nuclear talks", "tariffs"]


def syllable_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))


def unique_words(rng: random.Random, count: int, syllables: tuple[int, int]) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < count:
        words[syllable_word(rng, rng.randint(*syllables))] = None
    return list(words)


class Zipf:
    """Draws ranks 0 … n-1 with P(rank k) ∝ 1 / (k + 1) ** s."""

    def __init__(self, n: int, s: float) -> None:
        self.cumulative = list(itertools.accumulate(1 / (k + 1) ** s for k in range(n)))

    def draw(self, rng: random.Random) -> int:
        return bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])


def weighted(rng: random.Random, table) -> object:
    values, weights = zip(*table)
    return rng.choices(values, weights)[0]


@dataclass(frozen=True)
class Person:
    name: str
    country: str  # alpha-2


@dataclass
class World:
    """Who and what the synthetic news is about."""

    countries: list[str]  # alpha-2, most newsworthy first
    country_rank: Zipf
    persons: list[Person]
    person_rank: Zipf
    cities: dict[str, str]  # alpha-2 → a made-up city name
    vocabulary: list[str]
    word_rank: Zipf
    orgs: list[str] = field(default_factory=list)  # companies, agencies, parties: drawn by their own generator
    org_rank: Zipf | None = None


def make_world(rng: random.Random, n_persons: int) -> World:
    codes = sorted(country.alpha_2 for country in pycountry.countries)
    rng.shuffle(codes)
    countries = codes[:200]
    country_rank = Zipf(len(countries), 1.0)
    firsts = [w.capitalize() for w in unique_words(rng, 300, (1, 2))]
    lasts = [w.capitalize() for w in unique_words(rng, 600, (2, 3))]
    names = list(dict.fromkeys(f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(n_persons * 2)))
    persons = [Person(name, countries[country_rank.draw(rng)]) for name in names[:n_persons]]
    cities = {code: syllable_word(rng, 2).capitalize() + rng.choice(["", " City", "burg", "abad", "ville"])
              for code in countries}
    vocabulary = unique_words(rng, 5000, (2, 3))
    return World(countries, country_rank, persons, Zipf(len(persons), 1.1), cities, vocabulary,
                 Zipf(len(vocabulary), 1.0))


def day_in(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randint(0, (last - first).days))


def when_near(rng: random.Random, day: date) -> When:
    """The day, or the week, month, … holding it (the store's own calendar), or undated."""
    precision = weighted(rng, PRECISIONS)
    return When.undated() if precision == "undated" else when_of(value_at(day, precision))


@dataclass
class Telling:
    """An event before it is stored: what happened, and the sentence each of its sources will hold."""

    when: When
    day: date  # when it was reported about
    persons: list[str]
    countries: list[str]
    sentences: list[str]
    orgs: list[str] = field(default_factory=list)


def make_telling(rng: random.Random, world: World, day: date, serial: int) -> Telling:
    persons = list(dict.fromkeys(world.persons[world.person_rank.draw(rng)]
                                 for _ in range(weighted(rng, PERSONS_PER_EVENT))))
    countries = list(dict.fromkeys([p.country for p in persons]
                                   + [world.countries[world.country_rank.draw(rng)]
                                      for _ in range(rng.randint(0 if persons else 1, 2))]))
    words = [world.vocabulary[world.word_rank.draw(rng)] for _ in range(rng.randint(2, 5))]
    words += [word for word, every in PLANTED if serial % every == every // 2]
    place = world.cities[countries[0]]
    who = persons[0].name if persons else f"Officials of {pycountry.countries.get(alpha_2=countries[0]).name}"
    whom = persons[1].name if len(persons) > 1 else f"a delegation from {place}"
    sentences = []
    for _ in range(weighted(rng, SOURCES_PER_EVENT)):
        extra = f", with {persons[2].name} present" if len(persons) > 2 else ""
        sentences.append(f"{who} {rng.choice(VERBS)} {whom} in {place} over {rng.choice(TOPICS)}{extra},"
                         f" citing {' '.join(rng.sample(words, len(words)))}.")
    return Telling(when_near(rng, day), day, [p.name for p in persons], countries, sentences)


def lay_out_chunk(rng: random.Random, tellings: list[Telling], serial: int) -> tuple[list[Article], list[Event]]:
    """The chunk's source sentences laid out in articles (an event's sources in different articles), and its
    events with their sources in those articles."""
    n_sources = sum(len(t.sentences) for t in tellings)
    n_articles = max(3, -(-n_sources // SENTENCES_PER_ARTICLE))
    placed: list[list[tuple[int, int]]] = [[] for _ in range(n_articles)]  # (telling, sentence) per article
    for t_index, telling in enumerate(tellings):
        for s_index, a_index in enumerate(rng.sample(range(n_articles), len(telling.sentences))):
            placed[a_index].append((t_index, s_index))
    sources: dict[tuple[int, int], Source] = {}
    articles: list[Article] = []
    for a_index, contents in enumerate(placed):
        if not contents:
            continue
        published = max(tellings[t].day for t, _ in contents) + timedelta(days=rng.randint(0, 3))
        title = f"Report {serial}-{a_index}: {tellings[contents[0][0]].sentences[0][:60]}"
        parts, offsets, at = [], [], 0
        for t, s in contents:
            text = tellings[t].sentences[s]
            offsets.append((t, s, at, at + len(text)))
            parts.append(text)
            at += len(text) + 1
        article = Article(f"synthetic/{serial}/{a_index}.md", "\n".join(parts), title, published)
        for t, s, start, end in offsets:
            when = tellings[t].when
            dating = Dating("explicit", when=when) if when.start else None  # each telling states its date
            sources[(t, s)] = Source(article.id, article.path, title, published, article.body[start:end],
                                     start, end, dating)
        articles.append(article)
    events = [Event(telling.when, telling.sentences[0], telling.persons, telling.countries,
                    [sources[(t_index, s)] for s in range(len(telling.sentences))],
                    dated_by="explicit" if telling.when.start else "none", orgs=telling.orgs)
              for t_index, telling in enumerate(tellings)]
    return articles, events


class WritePath:
    """Stores each chunk through the store's own write path, one transaction a chunk, as an ingest would."""

    def __init__(self, conn, affiliations: dict[str, str]) -> None:
        self.conn, self.affiliations = conn, affiliations

    def store(self, chunk: tuple[list[Article], list[Event]]) -> None:
        """Store a chunk made by make_chunk: its articles, then its events."""
        articles, events = chunk
        with db.transaction(self.conn):
            for article in articles:
                db.insert_article(self.conn, article)
            for event in events:
                db.insert_event(self.conn, event, {name: self.affiliations[name] for name in event.persons})
            for article in articles:  # as ingest does once an article's events are stored
                db.tally_days(self.conn, article.id, 1)

    @contextmanager
    def session(self) -> Iterator[None]:
        yield


class BulkRows:
    """Stores the same rows as WritePath (ids included: events, sources and actors numbered in the order the write
    path gives them), written a table at a time with executemany inside one db.bulk_load (triggers and secondary
    indexes dropped, the kept counts counted and the indexes built once at the end): a 10M-event store in minutes
    rather than hours. A chunk's rows are made by `chunk_rows` (in the worker processes) and numbered and stored by
    `store` (in the writing one)."""

    def __init__(self, conn, affiliations: dict[str, str]) -> None:
        self.conn, self.affiliations = conn, affiliations
        self.actors: dict[tuple[str, str], list] = {}  # (kind, name) → [id, code, events]
        self.next_event = 1

    @staticmethod
    def chunk_rows(articles: list[Article], events: list[Event], affiliations: dict[str, str]) -> tuple:
        """The chunk's rows without their ids: the articles', and per event its columns, source count, sources
        (without the event id), full-text row, actors (kind, name, code, position) and vouching articles."""
        from store.extract.countries import country_name

        bodies = {article.id: article.body for article in articles}
        rows = []
        for event in events:
            actors = [("person", name, affiliations.get(name), position)
                      for position, name in enumerate(dict.fromkeys(event.persons))]
            actors += [("country", country_name(code), code, position)
                       for position, code in enumerate(dict.fromkeys(c.upper() for c in event.countries))]
            actors += [("org", name, None, position) for position, name in enumerate(dict.fromkeys(event.orgs))]
            rows.append((db.event_columns(event), len(event.sources),
                         [db.source_columns(0, source, event.dated_by)[1:] for source in event.sources],
                         (event.summary, "\n".join(bodies[s.article_id][s.start:s.end] for s in event.sources)),
                         actors, sorted({source.article_id for source in event.sources})))
        return [db.article_columns(article) for article in articles], rows

    def _actor(self, kind: str, name: str, code: str | None, new: list[tuple]) -> int:
        actor = self.actors.get((kind, name))
        if actor is None:
            actor = self.actors[(kind, name)] = [len(self.actors) + 1, code, 0]
            new.append((actor[0], kind, name, code))
        elif code is not None:
            actor[1] = code
        actor[2] += 1
        return actor[0]

    def store(self, chunk: tuple) -> None:
        articles, rows = chunk
        events, sources, fts, links, vouching, new_actors = [], [], [], [], [], []
        for columns, n_sources, told, text, actors, vouchers in rows:
            event_id, self.next_event = self.next_event, self.next_event + 1
            events.append((event_id, *columns, n_sources))
            sources += [(event_id, *source) for source in told]
            fts.append((event_id, *text))
            wanted: dict[int, int] = {}
            for kind, name, code, position in actors:
                wanted.setdefault(self._actor(kind, name, code, new_actors), position)
            for actor_id, position in wanted.items():
                links.append((event_id, actor_id, position, columns[4]))
                vouching += [(event_id, actor_id, article_id) for article_id in vouchers]
        conn = self.conn
        conn.executemany("INSERT INTO actors (id, kind, name, code) VALUES (?, ?, ?, ?)", new_actors)
        conn.executemany(db.ARTICLE_INSERT, articles)
        conn.executemany("INSERT INTO events (id, start, end, precision, summary, sort_key, words, n_sources)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
        conn.executemany(db.SOURCE_INSERT, sources)
        conn.executemany("INSERT INTO events_fts (rowid, summary, excerpts) VALUES (?, ?, ?)", fts)
        conn.executemany("INSERT INTO event_actors (event_id, actor_id, position, sort_key) VALUES (?, ?, ?, ?)",
                         links)
        conn.executemany("INSERT INTO event_actor_articles (event_id, actor_id, article_no)"
                         " SELECT ?, ?, no FROM articles WHERE id = ?", vouching)

    @contextmanager
    def session(self) -> Iterator[None]:
        """One db.bulk_load for all the chunks; the actors' codes and event counts are written at its end."""
        with db.bulk_load(self.conn, unindexed=True):
            yield
            self.conn.executemany("UPDATE actors SET code = ?, n_events = ? WHERE id = ?",
                                  [(code, n, actor_id) for actor_id, code, n in self.actors.values()])


@dataclass(frozen=True)
class Plan:
    """What every chunk is made from: the world, the seed, the chunks' time slices and the store's size."""

    world: World
    affiliations: dict[str, str]
    seed: int
    cuts: list[date]  # chunk k covers cuts[k] … cuts[k + 1] - 1 day
    n_events: int


def make_chunk(plan: Plan, k: int) -> tuple[list[Article], list[Event]]:
    """Chunk k's articles and events, drawn from random generators of its own (seeded by the seed and k), so that
    chunks can be made in any order and in any process."""
    rng, org_rng = random.Random(f"{plan.seed}/{k}"), random.Random(f"{plan.seed}/{k}/orgs")
    world = plan.world
    first, last = plan.cuts[k], max(plan.cuts[k], plan.cuts[k + 1] - timedelta(days=1))
    tellings = []
    for serial in range(k * CHUNK, min(plan.n_events, (k + 1) * CHUNK)):
        telling = make_telling(rng, world, day_in(rng, first, last), serial)
        telling.orgs = list(dict.fromkeys(world.orgs[world.org_rank.draw(org_rng)]
                                          for _ in range(weighted(org_rng, ORGS_PER_EVENT))))
        tellings.append(telling)
    return lay_out_chunk(rng, tellings, k)


_PLAN: Plan | None = None  # a worker process's plan (set by _set_plan)


def _set_plan(plan: Plan) -> None:
    global _PLAN
    _PLAN = plan


def _bulk_chunk(k: int) -> tuple:
    return BulkRows.chunk_rows(*make_chunk(_PLAN, k), _PLAN.affiliations)


def _made_in_order(pool, order: list[int]) -> Iterator[tuple]:
    """The chunks of `order` made by the pool's workers, in that order, with at most IN_FLIGHT asked for at once
    (the workers make rows faster than they are written: unbounded, they would fill the memory)."""
    chunks = iter(order)
    pending = deque(pool.apply_async(_bulk_chunk, (k,)) for k in itertools.islice(chunks, IN_FLIGHT))
    while pending:
        chunk = pending.popleft().get()
        for k in itertools.islice(chunks, 1):
            pending.append(pool.apply_async(_bulk_chunk, (k,)))
        yield chunk


def make_store(path: Path, n_events: int, seed: int = 7, progress=None, bulk: bool = True) -> None:
    """Write a synthetic store of `n_events` events at `path` (which must not exist): in one bulk load (BulkRows),
    its chunks made by WORKERS processes, or with `bulk` False through the write path a chunk at a time
    (WritePath); both store the same rows."""
    if path.exists():
        raise FileExistsError(f"{path} exists: remove it first")
    rng = random.Random(seed)
    world = make_world(rng, n_persons=max(2000, min(20000, n_events // 50)))
    org_rng = random.Random(seed + 1)  # its own draws: the persons, countries and words stay as they were
    world.orgs = list(dict.fromkeys(f"{w.capitalize()} {org_rng.choice(ORG_SUFFIXES)}"
                                    for w in unique_words(org_rng, max(500, min(5000, n_events // 200)), (2, 3))))
    world.org_rank = Zipf(len(world.orgs), 1.1)
    n_chunks = -(-n_events // CHUNK)
    years = (LAST_DAY - FIRST_DAY).days
    # More news in later years: slice boundaries follow sqrt, so the density grows linearly with time.
    cuts = [FIRST_DAY + timedelta(days=int(years * (k / n_chunks) ** 0.5)) for k in range(n_chunks + 1)]
    plan = Plan(world, {p.name: p.country for p in world.persons}, seed, cuts, n_events)
    order = list(range(n_chunks))
    rng.shuffle(order)
    conn = db.connect(path, create=True)
    if bulk:  # one transaction: a rollback journal holds only the few pages it changes, a WAL all it writes
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    writer = (BulkRows if bulk else WritePath)(conn, plan.affiliations)
    try:
        with writer.session(), ExitStack() as stack:
            if bulk:  # forked workers make the chunks' rows while this process writes them
                pool = stack.enter_context(multiprocessing.get_context("fork").Pool(WORKERS, _set_plan, (plan,)))
                chunks = _made_in_order(pool, order)
            else:
                chunks = (make_chunk(plan, k) for k in order)
            for done, chunk in enumerate(chunks, 1):
                writer.store(chunk)
                if progress:
                    progress(done, n_chunks)
        if bulk:
            conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write-path", action="store_true", help="store each chunk through the write path")
    args = parser.parse_args()
    began = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if done == total or done % max(1, total // 20) == 0:
            print(f"  {done}/{total} chunks, {time.perf_counter() - began:.0f} s", file=sys.stderr)

    try:
        make_store(args.out, args.events, args.seed, progress, bulk=not args.write_path)
    except FileExistsError as error:
        print(f"make_store: error: {error}", file=sys.stderr)
        return 1
    size = args.out.stat().st_size / 2**20
    print(f"{args.events} events in {time.perf_counter() - began:.1f} s: {args.out} ({size:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
