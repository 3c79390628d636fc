"""Date provenance in words: which telling carries the event's dating, what dated it, what it was read against."""
from dataclasses import dataclass
from datetime import date

import pytest

from store.model import Dating, When
from store.provenance import chosen_telling, dating_note

PUB = date(2025, 10, 7)


@dataclass
class Told:
    dating: Dating | None


def test_the_chosen_telling_has_the_events_reason_and_its_words_when_one_kept_them():
    bare, worded, other = Told(Dating("explicit")), Told(Dating("explicit", 5, 11, "Monday")), Told(Dating("story"))
    assert chosen_telling([Told(None), other, bare, worded], "explicit") is worded
    assert chosen_telling([bare, other], "explicit") is bare
    assert chosen_telling([bare], "story") is None


@pytest.mark.parametrize(("dating", "dated_by", "note"), [
    (Dating("explicit", 0, 6, "Monday", "published"), "explicit",
     "stated: “Monday”, read against the publication (2025-10-07)"),
    (Dating("explicit", 0, 8, "May 2015", "absolute"), "explicit", "stated: “May 2015”, written in full"),
    (Dating("explicit", 0, 9, "that week", "previous"), "explicit",
     "stated: “that week”, read against the date told before it"),
    (Dating("story", 0, 6, "Monday", "published"), "story",
     "no time in the sentence: the occasion the article dated by “Monday”, read against the publication (2025-10-07)"),
    (Dating("previous"), "previous", "no time in the sentence: the event told just before"),
    (Dating("before"), "before", "no time in the text: told as past, so by the publication (2025-10-07)"),
    (Dating("after"), "after", "no time in the text: told as coming, so from the publication (2025-10-07)"),
    (Dating("published"), "published", "no time in the text: the publication day (2025-10-07)"),
    (Dating("none"), "none", "undated: nothing in the text dates it"),
])
def test_each_kind_of_dating_is_said_in_words(dating, dated_by, note):
    assert dating_note(dating, dated_by, PUB) == note


def test_the_publication_day_is_written_as_asked_and_left_out_when_unknown():
    dating = Dating("explicit", 0, 6, "Monday", "published")
    assert dating_note(dating, "explicit", PUB, lambda day: day.strftime("%d/%m")) == (
        "stated: “Monday”, read against the publication (07/10)")
    assert dating_note(dating, "explicit", None) == "stated: “Monday”, read against the publication"


def test_of_several_tellings_the_one_that_gave_the_events_own_date_is_chosen():
    june = When(date(2023, 6, 1), date(2023, 6, 30), "month")
    day = When(date(2023, 6, 22), date(2023, 6, 22), "day")
    vague, precise = Told(Dating("explicit", 0, 4, "June", when=june)), Told(Dating("explicit", 0, 7, "June 22", when=day))
    assert chosen_telling([vague, precise], "explicit", day) is precise
    assert chosen_telling([vague, precise], "explicit") is vague  # no interval asked: the first with words
