"""The tokens of an article with their Penn tags and dependency parse, in body offsets, and the few ways later
steps walk them: the tokens of a character range, the head of a range, the path from a token up to its root.

Built from spaCy's docs in `nlp` (one paragraph at a time; a token's head is an index into the article's whole
token list); nothing here imports spaCy.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator


class Tokens:
    """Every token of an article, in body order."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.words: list[str] = []  # lower-cased text
        self.tags: list[str] = []  # Penn Treebank tag: VBD, MD, NN ...
        self.deps: list[str] = []  # dependency label: ROOT, nsubj, prep, pobj, relcl ...
        self.heads: list[int] = []  # index of the head token; a root is its own head
        self._children: list[list[int]] | None = None

    def add(self, doc, offset: int) -> None:
        """Append the tokens of one spaCy doc whose text starts at `offset` in the body."""
        base = len(self.starts)
        for token in doc:
            start = offset + token.idx
            self.starts.append(start)
            self.ends.append(start + len(token.text))
            self.words.append(token.lower_)
            self.tags.append(token.tag_)
            self.deps.append(token.dep_)
            self.heads.append(base + token.head.i)
        self._children = None

    def __len__(self) -> int:
        return len(self.starts)

    def within(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside [start, end)."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def head_of(self, start: int, end: int) -> int | None:
        """The token of [start, end) whose head lies outside it (the highest one), or None if no token is there."""
        inside = self.within(start, end)
        if not inside:
            return None
        for i in inside:
            if self.heads[i] not in inside or self.heads[i] == i:
                return i
        return inside[0]

    def up(self, i: int) -> Iterator[int]:
        """The heads above token i, nearest first, up to and including its root."""
        seen = {i}
        while self.heads[i] != i:
            i = self.heads[i]
            if i in seen:  # never met in a parse; a guard against a cycle all the same
                return
            seen.add(i)
            yield i

    def children(self, i: int) -> list[int]:
        if self._children is None:
            self._children = [[] for _ in self.starts]
            for child, head in enumerate(self.heads):
                if head != child:
                    self._children[head].append(child)
        return self._children[i]

    def roots(self, start: int, end: int) -> list[int]:
        """The root tokens of the tokens in [start, end) (a sentence has one; a piece of a cut one may have more)."""
        return [i for i in self.within(start, end) if self.heads[i] == i]

    def subtree_span(self, i: int) -> tuple[int, int]:
        """(start, end) character offsets of token i with everything below it."""
        low = high = i
        stack = [i]
        while stack:
            j = stack.pop()
            low, high = min(low, j), max(high, j)
            stack.extend(self.children(j))
        return self.starts[low], self.ends[high]
