"""Hygiene for untrusted text: one newline convention, no terminal control sequences or bidi override/isolate
characters that could garble a terminal or disguise text, no invisible zero-width characters, and one Unicode
form (NFC), in article text and in file names.

Zero-width characters (the zero-width space, joiner and non-joiner, the word joiner, a BOM inside the text, the
soft hyphen) are invisible: they are dropped, so that the text reads as its reader sees it ("Mer\u00adkel" is
"Merkel") and no invisible character sits inside a name. Where they stand between a lower-case and a capital
letter ("Jong\u200dUn", "Kim\u200bJong") they mark the only boundary between two words, and become a space:
the model reads "JongUn" as no name at all. (An emoji sequence joined by ZWJ falls apart into its emoji; Persian
or Indic text loses the shaping hints ZWNJ/ZWJ give: neither matters to names and dates.)
NFC makes "Jose\u0301" and "José" one spelling. Readers clean the text before the body is stored, so stored
offsets point into cleaned text.

A file name is kept recognisable rather than cleaned: `printable_path` writes its control characters and the
bytes that are not UTF-8 as backslash escapes, the way `ls -b` does.
"""
from __future__ import annotations

import os
import re
import unicodedata

# ANSI escape sequences as a whole (CSI "ESC [ ... m", OSC "ESC ] ... BEL", two-character escapes), so that
# their parameters do not survive as stray text once the ESC itself is gone.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[ -/]*[0-~]"
)
# C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides (U+202A-202E) and isolates (U+2066-2069).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: what Python makes of bytes in a file name that are not UTF-8 (they cannot be written out).
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# In a file name, every control character is escaped, \t and \n included.
_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Soft hyphen, zero-width space, non-joiner, joiner, word joiner, BOM / zero-width no-break space.
_ZERO_WIDTH = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]+")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """`text` with \\n newlines, without control, escape-sequence, bidi-control or zero-width characters, in NFC;
    a lone surrogate (from a file name's undecodable bytes) becomes U+FFFD."""
    text = _SURROGATE.sub("\ufffd", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", normalise_newlines(text))))
    return unicodedata.normalize("NFC", _ZERO_WIDTH.sub(_zero_width_replacement, text))


def _zero_width_replacement(match: re.Match) -> str:
    """A space for zero-width characters between a lower-case and a capital letter, else nothing."""
    text, start, end = match.string, match.start(), match.end()
    return " " if start > 0 and end < len(text) and text[start - 1].islower() and text[end].isupper() else ""


def clean_line(text: str) -> str:
    """A cleaned one-line value (title, url, source name): whitespace runs become one space."""
    return " ".join(clean_text(text).split())


def printable_path(path: str | os.PathLike) -> str:
    """A file path as text that any output can carry: "bad\\xff.txt" for a name holding the byte 0xff (not
    UTF-8), "esc\\x1b]0;x\\x07.txt" for one holding an escape sequence; other names unchanged."""
    name = os.fspath(path)
    if _SURROGATE.search(name):  # the bytes the file system gave, undecodable as UTF-8, shown as \xNN
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    return _PATH_CONTROL.sub(_escape, name)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
