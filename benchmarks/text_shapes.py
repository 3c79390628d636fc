"""Invented article text in the shapes that stress extraction, for benchmarks/text_speed.py and the tests.

Every sentence is generated from templates with made-up names (syllables drawn by a seeded random generator)
and a few real country and city names: no article text is copied from anywhere. `article(words, shape)` gives
about `words` words of one shape:

  normal       sentences of 8-25 words, a paragraph (newline) every 4-8 sentences
  one_line     the same sentences with no newline at all: one block
  no_punct     the same words without sentence punctuation and without newlines
  long_tokens  one block of space-separated "words" of 200-5,000 letters and digits, with a few sentences between
"""
from __future__ import annotations

import random

SHAPES = ("normal", "one_line", "no_punct", "long_tokens")

_SYLLABLES = ("ka", "lo", "mir", "ten", "va", "sor", "bel", "dru", "na", "vik", "tal", "ren", "os", "mar", "ule",
              "gan", "pe", "zor", "fin", "hal")
_PLACES = ("France", "Japan", "Brazil", "Kenya", "Norway", "Canada", "Peru", "Paris", "Nairobi", "Oslo", "Lima")
_TITLES = ("President", "Foreign Minister", "Prime Minister", "Governor", "Ambassador")
_DAYS = ("on Monday", "on Tuesday", "last week", "in March 2024", "on 12 May 2023", "next month", "yesterday")
_TEMPLATES = (
    "{title} {person} met {person2} in {place} {day} to discuss trade and security.",
    "{person} said the talks with {place} would resume {day}, according to officials.",
    "Officials in {place} announced a new agreement on fisheries {day}.",
    "The delegation led by {person} arrived in {place} {day} after a long journey.",
    "{person2} told reporters that the plan had the support of {title} {person}.",
    "Thousands gathered in the capital {day} as the vote was counted.",
    "The ministry of {place} did not comment on the report.",
)


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}"


def sentences(count: int, seed: int = 7, people: int = 40) -> list[str]:
    """`count` invented news sentences naming a cast of `people` invented persons."""
    rng = random.Random(seed)
    cast = [_name(rng) for _ in range(people)]
    out = []
    for _ in range(count):
        out.append(rng.choice(_TEMPLATES).format(
            title=rng.choice(_TITLES), person=rng.choice(cast), person2=rng.choice(cast),
            place=rng.choice(_PLACES), day=rng.choice(_DAYS)))
    return out


def _token(rng: random.Random) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(200, 5000)))


def article(words: int, shape: str, seed: int = 7) -> str:
    """About `words` whitespace-separated words of invented text in `shape` (see the module docstring)."""
    rng = random.Random(seed)
    pool = sentences(max(1, words // 12), seed)
    if shape == "normal":
        paragraphs, i = [], 0
        while i < len(pool):
            n = rng.randint(4, 8)
            paragraphs.append(" ".join(pool[i:i + n]))
            i += n
        return "\n\n".join(paragraphs) + "\n"
    if shape == "one_line":
        return " ".join(pool)
    if shape == "no_punct":
        return " ".join(s.rstrip(".").replace(",", "") for s in pool)
    if shape == "long_tokens":
        parts, count = [], 0
        while count < words:
            part = _token(rng) if rng.random() < 0.3 else rng.choice(pool)
            parts.append(part)
            count += len(part.split())
        return " ".join(parts)
    raise ValueError(f"unknown shape {shape!r}; one of {', '.join(SHAPES)}")
