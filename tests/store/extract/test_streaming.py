"""Extraction streams: articles are read lazily, each result comes out once spaCy is through with its paragraphs,
stopping early reads no further article, and results stay paired with their bodies (real model)."""
from datetime import date

from store.extract.nlp import PIPE_BATCH_SIZE, analyse_many
from store.extract.pipeline import extract_many
from store.model import Article

ARTICLES = 1000


def test_first_extraction_comes_before_the_articles_run_out():
    pulled = 0

    def articles():
        nonlocal pulled
        for n in range(ARTICLES):
            pulled += 1
            yield Article(path=f"a{n}.txt", body=f"France and Germany signed pact number {n} on Tuesday.",
                          published=date(2024, 5, 2))

    extractions = extract_many(articles())
    first = next(extractions)
    assert first.article.path == "a0.txt"
    assert [(e.when.start, e.countries) for e in first.events] == [(date(2024, 4, 30), ["FR", "DE"])]
    # spaCy reads a batch of paragraphs ahead (each component batches), not the whole input
    assert pulled <= 2 * PIPE_BATCH_SIZE < ARTICLES
    read = pulled
    extractions.close()  # what ingest does when a write fails: the batches in flight are run out, no more read
    assert pulled == read


def test_each_analysis_belongs_to_its_body_even_around_bodies_without_text():
    bodies = ["Kim visited Beijing.", "", "   \n  ", "Paris is big.\n\nLondon is bigger.", ""]
    analyses = list(analyse_many(iter(bodies)))
    assert len(analyses) == len(bodies)
    assert [len(a.sentences) for a in analyses] == [1, 0, 0, 2, 0]
    last = analyses[3]
    assert [(s.text, s.paragraph) for s in last.sentences] == [("Paris is big.", 0), ("London is bigger.", 1)]
    assert all(bodies[3][s.start:s.end] == s.text for s in last.sentences)
    assert {s.text for s in last.spans} == {"Paris", "London"}
    assert all(bodies[3][s.start:s.end] == s.text for s in last.spans)
    assert [s.text for s in analyses[0].spans] == ["Kim", "Beijing"]
