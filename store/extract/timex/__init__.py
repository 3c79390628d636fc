"""Time expressions: the tagger (`tagger`: `tag`, `date_ranges`) and what it is made of — the expression grammar
and finder (`grammar`), the words it knows (`words`), how a found span is read into a TIMEX3 value (`normalise`,
with `named_dates`, `relative_dates` and `durations`), the reference it is read against (`readings`), the tense
that points a partial date to the past or the future (`tense`), and TIMEX3 values as calendar intervals
(`intervals`)."""
from store.extract.timex.tagger import date_ranges, tag

__all__ = ["date_ranges", "tag"]
