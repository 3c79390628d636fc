"""Time expressions: the tagger (`tagger`: `tag`, `date_ranges`) and what it is made of — the expression grammar
and finder (`grammar`), the words it knows (`words`), how a found span is read into a TIMEX3 value (`normalise`,
with `named_dates`, `relative_dates` and `durations`), the reference it is read against (`readings`), the tense
that points a partial date to the past or the future (`tense`), and TIMEX3 values as calendar intervals
(`intervals`).

`tag` and `date_ranges` are loaded on first use: the browser reads TIMEX3 values as intervals (`intervals`)
without compiling the grammar's patterns at start (56 ms)."""
from __future__ import annotations

__all__ = ["date_ranges", "tag", "with_range_durations"]


def __getattr__(name: str):
    if name in __all__:
        from store.extract.timex import tagger

        return getattr(tagger, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
