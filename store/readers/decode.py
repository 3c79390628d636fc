"""Bytes of an article file to text: UTF-8 (with or without BOM), UTF-16 with a BOM, the encoding a saved page
declares (windows-1251, Shift_JIS ...), else cp1252, else latin-1.

A file is binary, and has no text, when it has NUL bytes (and is not UTF-16), or when the first SAMPLE characters
of its decoded text are more than BINARY_SHARE characters that text does not contain: control characters other than whitespace and ESC (C0,
DEL, and the C1 controls a latin-1 reading gives bytes 0x80-0x9F), unassigned code points, private-use and
surrogate characters. Random bytes read as latin-1 are about a quarter such characters; text, in any of these
encodings, has next to none (a stray control or two, or the ESC of terminal colours, which `clean_text` removes).
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
BINARY_SHARE = 0.05
SAMPLE = 65_536  # characters looked at, from the start (git and file(1) also judge a file by its beginning)
MIN_BINARY_CHARACTERS = 8  # fewer is no evidence: "Caf\xe9 \x81open" is text with one stray byte
# C0 controls but \t \n \v \f \r and ESC; DEL; C1 controls. (Unassigned and private-use characters are looked up.)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_NOT_TEXT_CATEGORIES = frozenset({"Cn", "Co", "Cs"})


def decode(data: bytes, declared: str | None = None) -> str | None:
    """The text in `data`, or None when it is a binary file. `declared` is the encoding the file names for itself
    (a saved page's <meta charset>): used when the bytes are not UTF-8 and decode without error in it."""
    if declared and not data.startswith(_UTF16_BOMS) and not _is_utf8(data):
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None:
            return None if is_binary(text) else text
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return None if is_binary(text) else text
    if b"\x00" in data:
        return None
    text = _decode_8bit(data)
    return None if is_binary(text) else text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode_8bit(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")  # every byte is a latin-1 character: this cannot fail


def is_binary(text: str) -> bool:
    """Whether more than BINARY_SHARE of the start of `text` (and at least MIN_BINARY_CHARACTERS) are characters
    that text does not contain (see the module docstring)."""
    text = text[:SAMPLE]
    odd = len(_CONTROL.findall(text))
    for character, count in Counter(text).items():
        if ord(character) > 0x9f and unicodedata.category(character) in _NOT_TEXT_CATEGORIES:
            odd += count
    return odd >= MIN_BINARY_CHARACTERS and odd > BINARY_SHARE * len(text)
