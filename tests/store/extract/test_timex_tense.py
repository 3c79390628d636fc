"""Lexical tense around a time expression: which way a bare weekday or month-day points."""
from __future__ import annotations

import pytest

from store.extract.timex.intervals import FUTURE, PAST, UNKNOWN
from store.extract.timex.tense import direction

CASES = [
    ("Beijing and Pyongyang announced Tuesday.", "Tuesday", PAST),
    ("Pre-orders began Tuesday, overwhelming the store.", "Tuesday", PAST),
    ("Boeing on Tuesday delivered the final jet.", "Tuesday", PAST),
    ("On Wednesday, Apple introduced a new iPod.", "Wednesday", PAST),
    ("In a Wednesday media event, Apple released new laptops.", "Wednesday", PAST),
    ("Li will head a delegation from Thursday through Saturday, the ministry said.", "Thursday", FUTURE),
    ("Friday's festivities are expected to include a parade.", "Friday", FUTURE),
    ("The trial is set to begin on Wednesday.", "Wednesday", FUTURE),
    ("Kim is to attend the parade Thursday.", "Thursday", FUTURE),
    ("Apple announced an event to be held on October 12.", "October 12", FUTURE),
    ("Apple announced Friday that it will give owners a free case.", "Friday", PAST),
    ("Over eight million will have been sold, the quarter ends on June 26.", "June 26", UNKNOWN),
    ("Monday: talks in Geneva.", "Monday", UNKNOWN),
]


@pytest.mark.parametrize("sentence, target, expected", CASES)
def test_direction_from_the_nearest_cue_of_the_clause(sentence, target, expected):
    start = sentence.index(target)
    assert direction(sentence, start, start + len(target)) == expected
