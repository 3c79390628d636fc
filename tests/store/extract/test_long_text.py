"""Text in pathological shapes goes through extraction in bounded work: no sentence longer than LONGEST_SENTENCE,
no step that compares everything with everything in an article, and a one-line article read like the same text
in paragraphs. (No timings are asserted: the work is counted.)"""
from __future__ import annotations

import importlib.util
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract import merge, nlp
from store.extract.timex import tagger as timex
from store.extract.entities import find_entities
from store.extract.events import SentenceEvent, find_events
from store.extract.nlp import LONGEST_SENTENCE, analyse_many
from store.extract.pipeline import extract
from store.model import Article, Entities, Event, Mention, Sentence, Source, Timex, When

SHAPES = Path(__file__).resolve().parents[3] / "benchmarks" / "text_shapes.py"


def text_shapes():
    spec = importlib.util.spec_from_file_location("text_shapes", SHAPES)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class Counted(list):
    """A list that counts the items read out of it by iteration."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item


def test_text_without_sentence_punctuation_gives_no_sentence_over_the_limit():
    body = text_shapes().article(3_000, "no_punct")  # one block of ~18,000 characters without a full stop
    (analysis,) = analyse_many([body])
    assert max(s.end - s.start for s in analysis.sentences) <= LONGEST_SENTENCE
    assert all(body[s.start:s.end] == s.text and s.text == s.text.strip() for s in analysis.sentences)
    covered = "".join(s.text for s in analysis.sentences)
    assert covered.replace(" ", "") == body.replace(" ", "")  # every visible character is in a sentence, once


def test_a_long_sentence_is_cut_after_a_clause_mark_before_a_bare_space():
    clause = "the envoys met again, " * 60  # 1,320 characters, a comma every 22
    body = clause.strip()
    pieces = list(nlp._pieces(body, 0, len(body), LONGEST_SENTENCE, nlp._SENTENCE_CUTS))
    assert len(pieces) == 2
    assert body[pieces[0][0]:pieces[0][1]].endswith("again,") and pieces[0][1] - pieces[0][0] <= LONGEST_SENTENCE


def _sentences(n: int) -> tuple[str, list[Sentence]]:
    text = "Officials met in Oslo on Monday. "
    body = text * n
    sentences = [Sentence(i, i * len(text), i * len(text) + len(text) - 1, text.strip(), i) for i in range(n)]
    return body, sentences


def test_find_events_reads_each_time_expression_and_mention_a_bounded_number_of_times():
    n = 400
    body, sentences = _sentences(n)
    article = Article("a.txt", body, published=date(2025, 1, 1))
    monday = When(date(2024, 12, 30), date(2024, 12, 30), "day")
    offset = body.index("Monday")
    timexes = Counted(Timex(s.start + offset, s.start + offset + 6, "Monday", "DATE", "2024-12-30", monday)
                      for s in sentences)
    oslo = body.index("Oslo")
    mentions = Counted(Mention(s.start + oslo, s.start + oslo + 4, "Oslo", "country", "NO") for s in sentences)
    found = find_events(article, sentences, timexes, [], Entities(mentions))
    assert len(found) == n and all(f.event.countries == ["NO"] for f in found)
    assert timexes.reads <= 2 * n and mentions.reads <= 2 * n  # was n * n each: every sentence scanned them all


def _event(i: int, person: str) -> SentenceEvent:
    day = date(2020, 1, 1) + timedelta(days=2 * i)  # no two overlap: nothing merges
    text = f"{person} opened the bridge number {i}"
    source = Source("id", "a.txt", "t", date(2025, 1, 1), text, i * 50, i * 50 + len(text))
    event = Event(When(day, day, "day"), text, [person], [], [source], "explicit", frozenset({"bridge", "open"}))
    return SentenceEvent(event, Sentence(i, i * 50, i * 50 + len(text), text, i))


def test_merging_compares_an_event_with_a_bounded_number_of_earlier_ones(monkeypatch):
    calls = 0
    real = merge.same_event

    def counted(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(merge, "same_event", counted)
    monkeypatch.setattr(merge, "MAX_CLUSTERS_COMPARED", 50)
    n = 4 * merge.MAX_CLUSTERS_COMPARED
    one_person = [_event(i, "Ada Lovelace") for i in range(n)]
    assert len(merge.merge_article(one_person)) == n
    assert calls <= n * merge.MAX_CLUSTERS_COMPARED  # was n * (n - 1) / 2, twice as many
    calls = 0
    many_persons = [_event(i, f"Person {i}") for i in range(n)]
    assert len(merge.merge_article(many_persons)) == n
    assert calls == 0  # sharing no person, they are never compared


def test_the_article_hash_is_computed_once_however_many_events(monkeypatch):
    import store.model

    hashed = 0
    real = store.model.hashlib.sha256

    def counted(data):
        nonlocal hashed
        hashed += 1
        return real(data)

    monkeypatch.setattr(store.model.hashlib, "sha256", counted)
    body = "Japan and France signed a trade deal in Paris on Monday. " * 30
    extraction = extract(Article("a.txt", body, published=date(2025, 1, 7)))
    assert len(extraction.events) >= 1 and sum(len(e.sources) for e in extraction.events) == 30
    assert hashed == 1


def test_a_long_one_line_article_names_the_persons_of_the_same_text_in_paragraphs():
    shapes = text_shapes()
    in_paragraphs = shapes.article(9_000, "normal")  # ~55,000 characters: three pieces for the model in one line
    one_line = shapes.article(9_000, "one_line")
    assert "\n" not in one_line and len(one_line) > 2 * nlp.LONGEST_PARAGRAPH

    def persons(body):
        (analysis,) = analyse_many([body])
        entities = find_entities(body, analysis.spans, analysis.sentences)
        return {m.key for m in entities.mentions if m.kind == "person"}

    expected = persons(in_paragraphs)
    assert len(expected) >= 30
    assert persons(one_line) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 8)), max_size=12), st.integers(0, 120))
def test_the_sentence_of_an_offset_is_the_one_a_scan_would_find(shape, offset):
    sentences, start = [], 0
    for gap, length in shape:  # sorted, disjoint sentences with gaps between them, as the model gives
        start += gap
        sentences.append(Sentence(len(sentences), start, start + length, "x" * length, 0))
        start += length
    if not sentences:
        return
    holding = [s for s in sentences if s.start <= offset < s.end]
    scanned = holding[0] if holding else min(sentences, key=lambda s: abs(s.start - offset))
    assert timex._Sentences(sentences).of(offset) == scanned


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(1, 6)), max_size=10), st.integers(0, 60), st.integers(1, 9))
def test_interval_look_ups_agree_with_pairwise_checks(shape, start, length):
    ranges, at = [], 0
    for gap, size in shape:
        at += gap
        ranges.append((at, at + size))
        at += size
    end = start + length
    intervals = timex._Intervals(ranges)
    assert intervals.overlaps(start, end) == any(s < end and start < e for s, e in ranges)
    assert intervals.covers(start, end) == any(s <= start and end <= e for s, e in ranges)
