"""A hand-made store for the browser's tests, written through store.db (no spaCy), with positions easy to
work out by hand. Timeline order (oldest first), 195 events:

    index 0        2015 (year precision)          "Kim's decade of parades"
    index 1        Thu 15 Jun 2023                 MARKUP (a summary full of Rich markup)
    index 2 + 8m … 9 + 8m   month m = 0 … 23 (Jan 2024 … Dec 2025): event k = 8m + j on day 1 + 3j, j = 0 … 7
    index 194      undated                         "An undated rumour"

Event k (0 … 191): persons Ana Lima when k % 4 == 0, Ben Okoro when k % 6 == 0; countries FR when k is
even, else DE, and JP too when k % 3 == 0; "harbour" in its summary when k % 50 == 7 (k = 7, 57, 107, 157);
two sources when k % 10 == 0.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from store.db import connect, insert_article, insert_event, transaction
from store.model import Article, Event, Source, When

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MARKUP = "[bold red]Loud[/bold red] claims about [link=http://example.com]a link[/link] and [/]"
N_MONTHLY = 192
TOTAL = N_MONTHLY + 3


def day_of(k: int) -> date:
    month, j = divmod(k, 8)
    return date(2024 + month // 12, month % 12 + 1, 1 + 3 * j)


def summary_of(k: int) -> str:
    day = day_of(k)
    harbour = " at the harbour" if k % 50 == 7 else ""
    return f"Event {k:03d} held{harbour} in {MONTH_NAMES[day.month - 1]} {day.year}"


def index_of(k: int) -> int:
    """The timeline index (oldest first) of monthly event k."""
    return 2 + k


def _source(article: Article, sentence: str) -> Source:
    start = article.body.index(sentence)
    return Source(article.id, article.path, article.title, article.published, sentence, start, start + len(sentence))


def build(path: Path) -> Path:
    sentences = [f"Reporters wrote that {summary_of(k).lower()}." for k in range(N_MONTHLY)]
    extra = [f"A second paper said {summary_of(k).lower()}." for k in range(0, N_MONTHLY, 10)]
    first = Article("news/first.md", "\n".join([*sentences, "Kim's decade of parades began.",
                                                "People heard [bold red]Loud[/bold red] claims.",
                                                "Nobody knows when."]),
                    "The first paper", date(2026, 1, 5))
    second = Article("news/second.md", "\n".join(extra), "The second paper", date(2026, 1, 6))
    conn = connect(path, create=True)
    with transaction(conn):
        insert_article(conn, first)
        insert_article(conn, second)
        insert_event(conn, Event(When(date(2015, 1, 1), date(2015, 12, 31), "year"), "Kim's decade of parades",
                                 ["Kim Jong Un"], ["KP"], [_source(first, "Kim's decade of parades began.")]), {})
        insert_event(conn, Event(When(date(2023, 6, 15), date(2023, 6, 15), "day"), MARKUP, [], ["US"],
                                 [_source(first, "People heard [bold red]Loud[/bold red] claims.")]), {})
        for k in range(N_MONTHLY):
            persons = [name for name, every in (("Ana Lima", 4), ("Ben Okoro", 6)) if k % every == 0]
            countries = ["FR" if k % 2 == 0 else "DE"] + (["JP"] if k % 3 == 0 else [])
            sources = [_source(first, sentences[k])]
            if k % 10 == 0:
                sources.append(_source(second, extra[k // 10]))
            day = day_of(k)
            insert_event(conn, Event(When(day, day, "day"), summary_of(k), persons, countries, sources), {})
        insert_event(conn, Event(When.undated(), "An undated rumour", [], [], [_source(first, "Nobody knows when.")]),
                     {})
    conn.close()
    return path


def build_empty(path: Path) -> Path:
    connect(path, create=True).close()
    return path
