"""Reading one time expression: its text and a `Reference` (publication date, tense, the expression before)
in, a TIMEX3 `Reading` (type, value, mod, interval, anchor) out. The text is matched against the families of
`grammar`; the first family whose reader accepts it decides.
"""
from __future__ import annotations

import re

from store.extract.timex import durations, named_dates, relative_dates
from store.extract.timex.grammar import match
from store.extract.timex.readings import Reading, Reference

_READERS = {**named_dates.HANDLERS, **relative_dates.HANDLERS, **durations.HANDLERS}
# A possessive ("Friday's", "two days'") and trailing punctuation; "1980's" keeps its "'s".
_TRAILING = re.compile(r"(?:(?<=[^\W\d])['’]s|(?<=s)['’])?[\s.,;:!?)]*$")


def normalise(text: str, reference: Reference) -> Reading | None:
    """The reading of `text` as a whole, or None when it is not a time expression this grammar knows."""
    clean = _TRAILING.sub("", re.sub(r"\s+", " ", text.strip()))
    for family, m in match(clean):
        reading = _READERS[family](m, reference)
        if reading is not None:
            return reading
    return None
