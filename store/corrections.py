"""The analyst's corrections of who is who, written to a store file in one transaction: what `dateline people merge`,
`rename` and `split` and the browser's persons list do. `db.correct_person` and `db.split_person` apply a
correction and keep it, so that every later ingest applies it too."""
from __future__ import annotations

from pathlib import Path

from store import db


def checked_names(name: str, target: str) -> tuple[str, str]:
    """Both names with their spaces made single; ValueError when the correction would say nothing."""
    name, target = " ".join(name.split()), " ".join(target.split())
    if not name or not target:
        raise ValueError("a person's name cannot be empty")
    if name == target:
        raise ValueError(f"{name!r} is already called that")
    return name, target


def correct_person(path: str | Path, name: str, target: str) -> tuple[bool, str]:
    """The person called `name` is `target` (a new name, or another person: then the two are one). Returns whether
    the store had a person called `name` and the name the person now has. ValueError for a correction that says
    nothing (an empty name, the same name); StoreError or sqlite3.Error when the store cannot be written."""
    name, target = checked_names(name, target)
    conn = db.connect(path)
    try:
        with db.transaction(conn):
            corrected = db.correct_person(conn, name, target)
            db.mark_changed(conn)
    finally:
        conn.close()
    return corrected


def split_person(path: str | Path, name: str, alias: str) -> int:
    """`alias`, stored as a spelling of the person `name`, is a person of their own; returns how many events name
    them now. ValueError for a split that says nothing or a person not stored."""
    name, alias = " ".join(name.split()), " ".join(alias.split())
    if not name or not alias:
        raise ValueError("a person's name cannot be empty")
    conn = db.connect(path)
    try:
        with db.transaction(conn):
            count = db.split_person(conn, name, alias)
            db.mark_changed(conn)
    finally:
        conn.close()
    return count
