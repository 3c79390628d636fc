"""The analyst's corrections of who is who, written to a store file in one transaction: what `dateline people merge`,
`rename` and `split` and the browser's persons list do. `db.correct_person` and `db.split_person` apply a
correction and keep it, so that every later ingest applies it too."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from store import db

T = TypeVar("T")


def checked_names(name: str, target: str) -> tuple[str, str]:
    """Both names with their spaces made single; ValueError when the correction would say nothing."""
    name, target = _named(name), _named(target)
    if name == target:
        raise ValueError(f"{name!r} is already called that")
    return name, target


def correct_person(path: str | Path, name: str, target: str) -> tuple[bool, str]:
    """The person called `name` is `target` (a new name, or another person: then the two are one). Returns whether
    the store had a person called `name` and the name the person now has. ValueError for a correction that says
    nothing (an empty name, the same name); StoreError or sqlite3.Error when the store cannot be written."""
    name, target = checked_names(name, target)
    return _written(path, lambda conn: db.correct_person(conn, name, target))


def split_person(path: str | Path, name: str, alias: str) -> int:
    """`alias`, stored as a spelling of the person `name`, is a person of their own; returns how many events name
    them now. ValueError for a split that says nothing or a person not stored."""
    name, alias = _named(name), _named(alias)
    return _written(path, lambda conn: db.split_person(conn, name, alias))


def _named(name: str) -> str:
    """A name with its spaces made single; ValueError when nothing is left."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a person's name cannot be empty")
    return name


def _written(path: str | Path, change: Callable[[sqlite3.Connection], T]) -> T:
    """`change` applied to the store at `path` in one transaction that counts as a write batch; its result."""
    conn = db.connect(path)
    try:
        with db.transaction(conn):
            result = change(conn)
            db.mark_changed(conn)
    finally:
        conn.close()
    return result
