"""Persons: turn the model's PERSON spans into canonical full names, and read a person's country off the title
in front of (or the apposition after) a name.

- A name loses its titles, its possessive and any country in front ("U.S. President Donald Trump's" →
  "Donald Trump").
- Things that are not people are dropped: no capital letter, digits, organisation words ("Workers' Party",
  "App Store"), country words ("Garuda Indonesia"), acronyms, and one-word names the article more often tags as
  something else.
- A bare surname or given name ("Kim", "Putin") joins a full name of the same article that starts or ends with
  it: the full name written after the same title ("President Biden" after "President Joe Biden", not "First Lady
  Jill Biden") wins, then one met before the bare one over one met after; then the most mentioned; then the
  earliest.
- Once an article names a person in full, later bare uses of the surname or given name that the model tagged as
  something else or missed ("Lavrov said", "PM Modi") are mentions of that person too, unless the word is also an
  ordinary lower-case word of the article, stands inside another name, or is tagged as a place that exists.

Word tables (general knowledge) live in store/data: titles.txt, title_modifiers.txt, org_words.txt.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from store.extract.countries import NOTABLE_CITY_POPULATION, country_code, demonym_code, place_code
from store.model import Mention, Span

NOT_PERSON_LABELS = frozenset({"ORG", "PRODUCT", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "EVENT", "LAW"})
NAME_PARTICLES = frozenset({"al", "bin", "ibn", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "la",
                            "le", "van", "von"})
ARTICLES = frozenset({"the", "a", "an"})
MAX_NAME_WORDS = 5
MAX_PLACE_WORDS = 4  # "Papua New Guinea's", "United States of America"
MAX_ORG_WORDS_IN_TITLE = 4  # "Vietnam's Communist Party chief", "Natural Resources Minister"

# A word, a possessive "'s" on its own, or one punctuation mark; "U.S.-led" and "O'Brien" stay whole.
_WORD = re.compile(r"[’']s\b|[^\s,;:!?()\"“”]+?(?=[’']s\b|[\s,;:!?()\"“”]|$)|[,;:!?()\"“”]")
_TRAILING_PUNCT = "'’\".,;:!?“”)"
_QUOTES = "'’\"“”"


def _word_set(name: str) -> frozenset[str]:
    text = (files("store") / "data" / name).read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return _word_set("titles.txt")


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    return _word_set("title_modifiers.txt")


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return _word_set("org_words.txt")


def is_title(word: str) -> bool:
    return word.lower() in titles()


def is_title_part(word: str) -> bool:
    """A title or a word that can stand inside a title phrase ("former", "Vice", "Prime")."""
    return word.lower() in titles() or word.lower() in title_modifiers()


def is_possessive(word: str) -> bool:
    return word in ("'s", "’s")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


class _Word(NamedTuple):  # a tuple: articles have many words, and a tuple is quicker to make than a dataclass
    start: int
    end: int
    text: str


def words(text: str, offset: int = 0) -> list[_Word]:
    """The words of `text` with body offsets (text starts at `offset`); a possessive is a word of its own."""
    return [_Word(offset + m.start(), offset + m.end(), m.group()) for m in _WORD.finditer(text)]


def _place_phrase(ws: Sequence[_Word], at_end: bool, nationality: bool) -> tuple[str | None, int]:
    """The country of the longest place phrase (or, with `nationality`, also demonym phrase) that starts or ends
    `ws`, and how many words it takes; (None, 0) when there is none."""
    for n in range(min(MAX_PLACE_WORDS, len(ws)), 0, -1):
        text = " ".join(w.text for w in (ws[-n:] if at_end else ws[:n]))
        if not text[:1].isupper():
            continue
        code = place_code(text, NOTABLE_CITY_POPULATION) or (demonym_code(text) if nationality else None)
        if code:
            return code, n
    return None, 0


def _leading_country(ws: Sequence[_Word]) -> int:
    """How many words at the start of a PERSON span are a country in front of the name: a country or nationality
    before a title ("U.S. President", "Chinese Premier"), or a place with a possessive ("China's"), the possessive
    included. 0 when the span starts with the name itself ("Georgia Smith", "Kim Jong Un")."""
    for n in range(min(MAX_PLACE_WORDS, len(ws) - 1), 0, -1):
        text = " ".join(w.text for w in ws[:n])
        following = ws[n].text
        if is_possessive(following) and place_code(text, NOTABLE_CITY_POPULATION):
            return n + 1
        if is_title_part(following) and (country_code(text) or demonym_code(text)):
            return n
    return 0


def strip_name(body: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the bare name inside a PERSON span: leading articles, titles and countries ("the", "Chinese
    Premier", "Russia's former President") and a trailing possessive or quote are cut off. Returns an empty range
    when nothing is left."""
    ws = words(body[start:end], start)
    while ws and (is_possessive(ws[-1].text) or all(c in _TRAILING_PUNCT for c in ws[-1].text)):
        ws.pop()
    while ws:
        if ws[0].text.lower() in ARTICLES or is_title_part(ws[0].text):
            ws = ws[1:]
        elif n := _leading_country(ws):
            ws = ws[n:]
        else:
            break
    if not ws:
        return start, start
    name_end = ws[-1].end
    while name_end > ws[-1].start + 1 and body[name_end - 1] in _QUOTES:
        name_end -= 1
    return ws[0].start, name_end


def name_key(name: str) -> str:
    """How two spellings of one name compare: case, accents, hyphens and apostrophe shapes ignored."""
    name = unicodedata.normalize("NFKD", name.replace("’", "'").replace("-", " "))
    return " ".join("".join(c for c in name if not unicodedata.combining(c)).casefold().split())


def looks_like_person(name: str, titled: bool = False) -> bool:
    """Whether a stripped name can be a person's: capitalised words (name particles aside), no digits, no
    organisation words, not a place ("New York") nor ending in a country ("Garuda Indonesia"), not an acronym.
    A `titled` name (a title before it or in an apposition after it) may end in an organisation word: "Chrysler
    President Jim Press", "Jim Press, the chief executive"."""
    tokens = name.split()
    if not 1 <= len(tokens) <= MAX_NAME_WORDS:
        return False
    if tokens[0].lower() in NAME_PARTICLES or tokens[-1].lower() in NAME_PARTICLES:
        return False
    for k, token in enumerate(tokens):
        if token.lower() in NAME_PARTICLES:
            continue
        if not token[:1].isupper() or any(c.isdigit() for c in token):
            return False
        if token.lower() in org_words() and not (titled and k == len(tokens) - 1 > 0):
            return False
    if len(tokens) == 1:
        return any(c.islower() for c in name)
    return not (place_code(name) or country_code(tokens[-1]))


@dataclass
class _Raw:
    start: int
    end: int
    text: str
    key: str


def _raw_names(body: str, spans: Sequence[Span]) -> list[_Raw]:
    out = []
    for span in spans:
        if span.label != "PERSON":
            continue
        start, end = strip_name(body, span.start, span.end)
        text = " ".join(body[start:end].split())
        if text and looks_like_person(text, _titled(body, start, end)) and not _NAMES_A_BODY.match(body, end):
            out.append(_Raw(start, end, text, name_key(text)))
    return sorted(out, key=lambda r: r.start)


_WORD_BEFORE = re.compile(r"([A-Za-z][\w.-]*)[ \t]+$")
_APPOSITION = re.compile(r",[ \t]+((?:[\w'’.-]+[ \t]+){0,4}[\w'’.-]+)")


def _titled(body: str, start: int, end: int) -> bool:
    """Whether a title stands right before the name ("President Jim Press") or in an apposition after it ("Jim
    Press, the chief executive,")."""
    before = _WORD_BEFORE.search(body, max(0, start - 40), start)
    if before and is_title(before.group(1)):
        return True
    after = _APPOSITION.match(body, end)
    return bool(after) and any(is_title(w) for w in after.group(1).split())


# A name used as the name of a government or a period ("the Biden administration", "the Trump era"): not the
# person acting.
_NAMES_A_BODY = re.compile(r"[ \t]+(?:administration|government|cabinet|campaign|era|presidency|doctrine|years)\b")


def _tagged_otherwise(body: str, spans: Sequence[Span], raw: Sequence[_Raw]) -> set[str]:
    """Names the article tags with another label at least as often as PERSON ("Mac", "Northrop Grumman"), and
    one-word names written after a lower-case "the" ("the Beatles")."""
    person = Counter(r.key for r in raw)
    other = Counter(name_key(body[s.start:s.end]) for s in spans if s.label in NOT_PERSON_LABELS)
    after_the = {r.key for r in raw if " " not in r.key and body[max(0, r.start - 4):r.start] == "the "}
    return {key for key in person if other[key] >= person[key]} | after_the


def _is_full(raw: _Raw) -> bool:
    """A full name has two words at least; a hyphenated surname alone ("Jean-Pierre") is bare."""
    return len(raw.text.split()) > 1


def _full_name_for(bare: _Raw, full: dict[str, list[_Raw]], body: str, apart: set[str]) -> str | None:
    """The key of the full name a bare name stands for, or None. A bare name under a title that the full name's
    holder never has ("President Biden" where only "first lady Jill Biden" is named in full) is another person,
    and so is the same bare name after it without a title (its key is added to `apart`)."""
    token = bare.key
    candidates = [k for k in full if k.startswith(token + " ") or k.endswith(" " + token)]
    if not candidates:
        return None
    title = _title_before(body, bare.start)
    if title is None and token in apart:
        return None
    if title and all(_other_role(title, _titles_of(full[k], body)) for k in candidates):
        apart.add(token)
        return None
    if title and len(candidates) > 1:
        titled = [k for k in candidates if any(_title_before(body, r.start) == title for r in full[k])]
        candidates = titled or candidates
    before = [k for k in candidates if full[k][0].start < bare.start]
    pool = before or candidates
    return min(pool, key=lambda k: (-len(full[k]), full[k][0].start))


# Titles that name someone as another's partner ("first lady Jill Biden"): a bare surname under an office title
# ("President Biden") is then the other one.
_PARTNER_TITLES = frozenset({"lady", "gentleman", "wife", "husband", "spouse", "widow", "widower"})


def _other_role(title: str, full_titles: set[str]) -> bool:
    """Whether a bare name under `title` cannot be the holder of a full name given `full_titles`: one is a partner's
    title and the other is not."""
    return bool(full_titles) and (title in _PARTNER_TITLES) != bool(full_titles & _PARTNER_TITLES)


def _titles_of(group: Sequence[_Raw], body: str) -> set[str]:
    """The titles a full name is given in the article ("president", "lady")."""
    return {t for r in group if (t := _title_before(body, r.start))}


def _title_before(body: str, start: int) -> str | None:
    """The title word right before a name ("President", "Lady"), lower-cased, or None."""
    ws = words(body[max(0, start - 40):start])
    return ws[-1].text.lower() if ws and is_title(ws[-1].text) else None


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})


def _bare_uses(body: str, spans: Sequence[Span], full: dict[str, list[_Raw]],
               found: Sequence[_Raw]) -> list[_Raw]:
    """Bare surnames or given names of the article's full names that the model did not tag as a person (see the
    module docstring), after the first full mention of that name."""
    taken = sorted((r.start, r.end) for r in found)
    places = sorted((s.start, s.end) for s in spans if s.label in _PLACE_LABELS)
    parts: dict[str, int] = {}  # the word → where its first full name is first met
    for key, group in full.items():
        for word in (group[0].text.split()[0], group[0].text.split()[-1]):
            if len(word) > 2 and word.lower() not in NAME_PARTICLES and not is_title_part(word):
                parts[word] = min(parts.get(word, len(body)), group[0].start)
    if not parts:
        return []
    lower_words = set(re.findall(r"\b[a-z][a-z'’-]*\b", body))
    pattern = re.compile(r"(?<![\w'’.-])(" + "|".join(sorted(map(re.escape, parts), key=len, reverse=True))
                         + r")(?![\w-])")
    out = []
    for match in pattern.finditer(body):
        word, start, end = match.group(1), match.start(), match.end()
        key = name_key(word)
        if start <= parts[word] or word.lower() in lower_words or " " in key:
            continue  # " " in key: a hyphenated part ("El-Gallal") reads as two words, not a bare name
        if _overlaps(taken, start, end) or _NAMES_A_BODY.match(body, end):
            continue
        if _overlaps(places, start, end) and (place_code(word, NOTABLE_CITY_POPULATION) or demonym_code(word)):
            continue  # a place of that name: "Jackson" the city
        if _next_is_name(body, end) or _previous_is_name(body, start):
            continue  # "Wang Wenbin" for "Wang Yi": another person of the same surname
        out.append(_Raw(start, end, word, key))
    return out


def _overlaps(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(ranges, (end, end))
    return any(s < end and start < e for s, e in ranges[max(0, i - 8):i])


def _next_is_name(body: str, end: int) -> bool:
    following = re.match(r"[ \t]+([A-Z][\w'’-]*)", body[end:end + 40])
    return bool(following) and not is_title_part(following.group(1)) and following.group(1) not in _FUNCTION_CAPS


def _previous_is_name(body: str, start: int) -> bool:
    ws = words(body[max(0, start - 40):start])
    if not ws:
        return False
    word = ws[-1].text
    sentence_start = len(ws) < 2 or ws[-2].text[-1:] in (".", "!", "?", ":", ";", '"', "“", "”")
    return (is_capitalised(word) and not is_title_part(word) and word not in _FUNCTION_CAPS
            and not sentence_start and word.isalpha())


# Capitalised words that never make a name of their own ("And Lavrov said", "Lavrov On Monday").
_FUNCTION_CAPS = frozenset({"And", "But", "Or", "The", "A", "An", "On", "In", "At", "As", "When", "While", "If",
                            "After", "Before", "Since", "Then", "So", "Yet", "With", "For", "To", "By", "Of"})


def _display(group: Sequence[_Raw]) -> str:
    """The spelling of a name used most often (ties: the first)."""
    counts = Counter(r.text for r in group)
    return max(group, key=lambda r: (counts[r.text], -r.start)).text


def find_persons(body: str, spans: Sequence[Span]) -> tuple[list[Mention], dict[str, set[str]]]:
    """Person mentions with canonical full names (sorted by start), and each name's surface forms."""
    raw = _raw_names(body, spans)
    dropped = _tagged_otherwise(body, spans, raw)
    full: dict[str, list[_Raw]] = {}
    for r in raw:
        if _is_full(r) and r.key not in dropped:
            full.setdefault(r.key, []).append(r)
    names = {key: _display(group) for key, group in full.items()}
    mentions: list[Mention] = []
    aliases: dict[str, set[str]] = {}
    apart: set[str] = set()  # bare names that are not the full name of that surname (see _full_name_for)
    raw = sorted(raw + _bare_uses(body, spans, full, raw), key=lambda r: r.start)
    for r in raw:
        if _is_full(r):
            if r.key in dropped:
                continue
            canonical = names[r.key]
        else:
            joined = _full_name_for(r, full, body, apart)
            if joined is None and r.key in dropped:
                continue
            canonical = names[joined] if joined else r.text
        mentions.append(Mention(r.start, r.end, body[r.start:r.end], "person", canonical))
        aliases.setdefault(canonical, set()).add(r.text)
    return mentions, aliases


def title_country_before(body: str, start: int, window_start: int) -> str | None:
    """The country a title in front of a name gives its holder: "Chinese Premier", "U.S. President", "Russia's
    former President", "Vietnam's Communist Party chief", "China's" (a possessive place alone is enough).
    Reads backwards from `start` to `window_start`; None when the words in between are not such a title."""
    ws = words(body[window_start:start], window_start)
    seen_title = False
    org_like = 0
    while ws:
        word = ws[-1].text
        if is_possessive(word):
            code, _ = _place_phrase(ws[:-1], at_end=True, nationality=False)
            return code
        if is_title_part(word):
            seen_title = seen_title or is_title(word)
            ws.pop()
            continue
        if not is_capitalised(word):
            return None
        code, _ = _place_phrase(ws, at_end=True, nationality=True)
        if code:
            return code if seen_title else None
        org_like += 1
        if org_like > MAX_ORG_WORDS_IN_TITLE:
            return None
        ws.pop()
    return None


def title_country_after(body: str, end: int, window_end: int) -> str | None:
    """The country an apposition after a name gives it: ", China's premier", ", the Russian president",
    ", the president of Russia". None unless the apposition holds a title and a place or nationality."""
    ws = words(body[end:window_end], end)
    if not ws or ws[0].text != ",":
        return None
    ws = ws[1:]
    if ws and ws[0].text.lower() in ARTICLES:
        ws = ws[1:]
    seen_title, code, i = False, None, 0
    while i < len(ws):
        word = ws[i].text
        if is_title_part(word):
            seen_title = seen_title or is_title(word)
            i += 1
        elif is_possessive(word) or word.lower() == "the":
            i += 1
        elif word.lower() == "of":
            rest = ws[i + 1:]
            if rest and rest[0].text.lower() == "the":
                rest = rest[1:]
            code = code or _place_phrase(rest, at_end=False, nationality=False)[0]
            break
        elif is_capitalised(word):
            found, n = _place_phrase(ws[i:], at_end=False, nationality=True)
            code = code or found
            i += max(n, 1)
        else:
            break
    return code if seen_title else None

