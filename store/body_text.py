"""How an article's body is kept in the store: its UTF-8 text compressed with zlib (a blob; real articles shrink to
about a third, the largest part of a big store). `body_text(a.body)` in SQL, registered on every connection
(db.connect), gives the text back, so that excerpts are still read by their character offsets
(schema.EXCERPT_SQL); `body_pack(text)` is what a migration compresses stored bodies with. A body stored as plain
text (a store edited by hand) reads as it is."""
from __future__ import annotations

import sqlite3
import zlib
from functools import lru_cache

LEVEL = 6  # zlib's default: within a few per cent of the smallest, and fast enough for the ingest writer


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), LEVEL)


@lru_cache(maxsize=64)  # a merge reads the same few bodies' excerpts several times over
def unpack(stored: bytes | str) -> str:
    return stored if isinstance(stored, str) else zlib.decompress(stored).decode("utf-8")


def register(conn: sqlite3.Connection) -> None:
    """Make body_text() and body_pack() known to SQL on `conn`."""
    conn.create_function("body_text", 1, unpack, deterministic=True)
    conn.create_function("body_pack", 1, lambda text: text if isinstance(text, bytes) else pack(text),
                         deterministic=True)
