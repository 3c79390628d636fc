"""Hygiene for untrusted article text: one newline convention, and no terminal control sequences or bidi
override/isolate characters that could garble a terminal or disguise text."""
from __future__ import annotations

import re

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


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """`text` with \\n newlines and without control, escape-sequence or bidi-control characters."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", normalise_newlines(text)))


def clean_line(text: str) -> str:
    """A cleaned one-line value (title, url, source name): whitespace runs become one space."""
    return " ".join(clean_text(text).split())
