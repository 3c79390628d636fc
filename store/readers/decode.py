"""Bytes of an article file to text: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252, else latin-1.
A file with NUL bytes that is not UTF-16 is binary and has no text."""
from __future__ import annotations

import codecs

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes) -> str | None:
    """The text in `data`, or None when it is a binary file."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data:
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")  # every byte is a latin-1 character: this cannot fail
