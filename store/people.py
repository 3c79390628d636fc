"""Who is who across the store: one person named differently by different articles is one actor.

"Sergei" / "Sergey Lavrov", "Joe" / "Joseph Biden", "Antony" / "Anthony Blinken" and a typo such as "Bilnken"
are one person; "Jill" and "Joe Biden" are two. Two names are one person's when their surnames agree (or differ by
one letter, their given names the same) and their given names are the same, one letter apart, or short and full
forms of one name (store/data/given_name_forms.txt); a bare surname left by an article ("Biden") is the store's
person of that surname with the most events.

`PersonIndex` holds the store's person names by surname while an ingest runs; `resolve` says which stored person
a new article's name is, if exactly one. The spelling kept is the one of the earliest-published article that
names the person (ingest renames the actor when an earlier article arrives), so the store is the same whatever the
order its articles came in; the other spellings stay as aliases.
"""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from functools import lru_cache
from importlib.resources import files

from store.extract.persons import name_key

MIN_FUZZY_LENGTH = 4  # given names or surnames this long may differ by one letter ("Sergei"/"Sergey")


@lru_cache(maxsize=1)
def _name_forms() -> dict[str, frozenset[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    text = (files("store") / "data" / "given_name_forms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        names = line.split()
        if names and not line.startswith("#"):
            for name in names:
                forms[name].update(names)
    return {name: frozenset(group) for name, group in forms.items()}


# Letters that transliterations and spellings of one name swap ("Sergei"/"Sergey", "Aleksandr"/"Alexandr").
_SAME_SOUND = (frozenset("iyj"), frozenset("ck"), frozenset("sz"), frozenset("vw"))


def _one_letter_apart(a: str, b: str) -> bool:
    """`a` and `b` (both at least MIN_FUZZY_LENGTH long) are spellings of one name a letter apart: one letter for
    another of the same sound ("Sergei"/"Sergey"), an "h" or a doubled letter more ("Antony"/"Anthony",
    "Philip"/"Phillip"), or two neighbours swapped ("Bilnken"). "Mark"/"Mary" and "Ivan"/"Ivana" are not."""
    if a == b or min(len(a), len(b)) < MIN_FUZZY_LENGTH or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):  # b has one letter more, at i
        extra = b[i]
        return a[i:] == b[i + 1:] and (extra == "h" or extra == b[i - 1:i] or extra == b[i + 1:i + 2])
    if a[i + 1:] == b[i + 1:]:
        return any({a[i], b[i]} <= letters for letters in _SAME_SOUND)
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]


def _given_names_agree(a: str, b: str) -> bool:
    return a == b or _one_letter_apart(a, b) or b in _name_forms().get(a, ())


def same_person(a: str, b: str) -> bool:
    """Whether two full names (given name first, at least two words) name one person."""
    first, second = name_key(a).split(), name_key(b).split()
    if len(first) < 2 or len(second) < 2:
        return False
    if first == second:
        return True
    (given_a, surname_a), (given_b, surname_b) = (first[0], first[-1]), (second[0], second[-1])
    if surname_a == surname_b:
        return _given_names_agree(given_a, given_b) and _middles_agree(first[1:-1], second[1:-1])
    return given_a == given_b and _one_letter_apart(surname_a, surname_b)


def _middles_agree(a: list[str], b: list[str]) -> bool:
    """Middle names or initials, when both names give them, agree ("Joseph R. Biden" and "Joe Biden" do)."""
    return not (a and b) or a[0][0] == b[0][0]


class PersonIndex:
    """The store's person names by surname, kept up to date as an ingest adds and renames persons."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn
        self._by_surname: dict[str, set[str]] = defaultdict(set)
        self._by_first: dict[str, set[str]] = defaultdict(set)  # by the name's first word
        self.corrections = dict(conn.execute("SELECT name, target FROM person_corrections").fetchall())
        for (name,) in conn.execute("SELECT name FROM actors WHERE kind = 'person'"):
            self.add(name)

    def add(self, name: str) -> None:
        self._by_surname[_surname(name)].add(name)
        self._by_first[_first(name)].add(name)

    def remove(self, name: str) -> None:
        self._by_surname[_surname(name)].discard(name)
        self._by_first[_first(name)].discard(name)

    def resolve(self, name: str) -> str | None:
        """The stored person `name` is, when exactly one is (itself when stored as it is); None otherwise. The
        analyst's corrections come first."""
        if name in self.corrections:
            return self.corrections[name]
        surname = _surname(name)
        if " " not in name.strip():  # a bare surname, hyphenated or not ("Biden", "Jean-Pierre")
            return self._best_known(surname)
        nearby = set(self._by_surname.get(surname, ())) | {  # the model cut one short: "Yoon Suk" (Yeol)
            n for n in self._by_first.get(_first(name), ()) if _one_extends_the_other(name, n)}
        if len(surname) >= MIN_FUZZY_LENGTH:  # a surname one letter off: "Bilnken"
            nearby |= {n for key, names in self._by_surname.items() if _one_letter_apart(key, surname) for n in names}
        if name in nearby:
            return name
        matches = [n for n in nearby if same_person(name, n) or _one_extends_the_other(name, n)]
        return matches[0] if len(matches) == 1 else None

    def _best_known(self, surname: str) -> str | None:
        """For a bare surname: the stored person of that surname named in most events, if one is named more
        often than any other."""
        names = [n for n in self._by_surname.get(surname, ()) if " " in n.strip()]
        if not names:
            return None
        counts = dict(self._conn.execute(
            f"SELECT name, n_events FROM actors WHERE kind = 'person' AND name IN ({', '.join('?' * len(names))})",
            names).fetchall())
        ranked = sorted(names, key=lambda n: -counts.get(n, 0))
        if len(ranked) > 1 and counts.get(ranked[0], 0) == counts.get(ranked[1], 0):
            return None
        return ranked[0]


def keeps_spelling(new: str, stored: str, new_is_earlier: bool) -> bool:
    """Whether the store should call a person `new` rather than `stored` (one person's two names): the longer when
    one only extends the other ("Yoon Suk Yeol"), else the earlier-published article's; never a bare surname."""
    if " " not in new.strip():
        return False
    if _one_extends_the_other(new, stored):
        return len(name_key(new)) > len(name_key(stored))
    return new_is_earlier


def _one_extends_the_other(a: str, b: str) -> bool:
    """ "Yoon Suk" and "Yoon Suk Yeol": the words of the shorter (two at least) begin the longer."""
    first, second = sorted((name_key(a).split(), name_key(b).split()), key=len)
    return 2 <= len(first) < len(second) and second[:len(first)] == first


def _surname(name: str) -> str:
    words = name_key(name).split()
    return words[-1] if words else ""


def _first(name: str) -> str:
    words = name_key(name).split()
    return words[0] if words else ""
