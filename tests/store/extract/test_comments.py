"""Reader comments saved with a page: where they begin, and that they tell no event of the story."""
from __future__ import annotations

from datetime import date

import pytest

from store.extract.comments import comments_start
from store.extract.pipeline import extract
from store.model import Article

LEAD = "Anna Kovalenko met Lars Berg in Kyiv on Monday."
BODY = "Kovalenko said the talks went well."
COMMENT = "Berg was wrong about Ukraine again. January 30, 2025 at 6:16 pm | Report abuse | Merkel said so in 2015."


@pytest.mark.parametrize("thread", [
    COMMENT,  # the comment widget named: one stamp is enough
    "Berg lied. May 2, 2025 at 1:00 pm | Kim\nNot so. May 3, 2025 at 9:12 am | Lee",  # two bare stamps
    "At 10:49 am on 02 Feb 2025, reader7 wrote: Berg visited Ukraine in 2019.",  # a blog's comment heading
])
def test_a_comment_thread_begins_at_the_paragraph_of_its_first_stamp(thread):
    body = f"{LEAD}\n{BODY}\n{thread}"
    assert comments_start(body) == len(LEAD) + len(BODY) + 2


@pytest.mark.parametrize("body", [
    f"Updated January 30, 2025 at 6:16 pm | Report abuse\n{LEAD}\n{BODY}",  # a stamp in the first paragraph
    f"{LEAD}\nKYIV | Mon Jan 27, 2025 6:03 pm EST KYIV - {BODY}",  # a dateline: its bar comes before the date
    f"{LEAD}\nThe vote was on May 2, 2025 at 1:00 pm | a close one.\n{BODY}",  # one bare stamp
])
def test_an_article_without_a_thread_is_whole(body):
    assert comments_start(body) == len(body)


def test_the_comments_tell_no_event_and_lend_no_date():
    article = Article("a.md", f"{LEAD}\n{BODY}\n{COMMENT}", "Talks in Kyiv", date(2025, 1, 28))
    events = extract(article).events
    excerpts = [s.excerpt for e in events for s in e.sources]
    assert excerpts == [LEAD, BODY]  # what Kovalenko said is part of the meeting: one event
    assert all(e.when.start == e.when.end == date(2025, 1, 27) for e in events)
