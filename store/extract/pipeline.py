"""One straight walk from an Article to its Extraction: spaCy analysis, time expressions, entities, events,
merging within the article. Cross-article merging happens at ingest, against the store."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import closing
from itertools import tee

from store.extract import merge, nlp
from store.extract.entities import find_entities
from store.extract.events import find_events
from store.extract.timex import date_ranges, tag
from store.model import Article, Extraction


def extract_many(articles: Iterable[Article], n_process: int = 1) -> Iterator[Extraction]:
    """The extraction of each article, in order, each as soon as spaCy is through with it. `articles` is read
    lazily and one spaCy run serves them all (see `nlp.analyse_many`): memory stays at a few batches, and worker
    processes start once."""
    articles, bodies = tee(articles)
    with closing(nlp.analyse_many((a.body for a in bodies), n_process=n_process)) as analyses:
        for article, analysis in zip(articles, analyses):
            yield _extract(article, analysis)


def extract(article: Article) -> Extraction:
    return next(extract_many([article]))


def _extract(article: Article, analysis: nlp.Analysis) -> Extraction:
    timexes = tag(article.body, article.published, analysis.spans, analysis.sentences)
    entities = find_entities(article.body, analysis.spans, analysis.sentences)
    candidates = find_events(article, analysis.sentences, timexes, date_ranges(article.body, timexes), entities)
    events = merge.merge_article(candidates)
    return Extraction(article, analysis.sentences, analysis.spans, timexes, entities, events)
