"""How the browser shows article text, which is untrusted: one-line values and an article's date · file · url
line made safe to show, a body or paragraph with a passage marked, and the wrapped line a passage falls on, so
that a screen can scroll it into view.

Content is built from plain strings (never parsed as markup) and each part is cleaned of control characters
and escape sequences on its own, so the mark stays exactly on the cleaned passage.
"""
from __future__ import annotations

import re
from datetime import date

from textual.content import Content

from store.clean import clean_line, clean_text
from tui.dates import day_label

_REST_OF_WORD = re.compile(r"\S*[^\S\n]*")  # up to where the wrapper may break the line after an offset


def safe_line(text: str) -> Content:
    """An untrusted one-line value (title, path, url) as plain content on one line."""
    return Content(clean_line(text))


def provenance(published: date | None, path: str, url: str | None, outlet: str | None = None) -> Content:
    """"Yonhap · Tue 7 Oct 2025 · news/li.md · https://…": where an article comes from, on one line."""
    day = "no publication date" if published is None else day_label(published)
    return Content(" · ").join([*(safe_line(outlet) for outlet in (outlet,) if outlet), Content(day),
                                *(safe_line(value) for value in (path, url) if value)])


def marked(text: str, start: int, end: int, style: str, *more: tuple[int, int, str]) -> Content:
    """`text` with its characters [start, end) styled by `style` (a style or a ".component-class"), and each of
    `more` (start, end, style) over that; offsets outside the text are clamped to it. Each stretch between two
    offsets is cleaned on its own, so that the marks stay on their characters."""
    spans = [(max(0, min(a, len(text))), max(0, min(b, len(text))), s) for a, b, s in ((start, end, style), *more)]
    cuts = sorted({0, len(text), *(offset for a, b, _ in spans for offset in (a, b))})
    pieces, at = [], {}
    for a, b in zip(cuts, cuts[1:]):
        at[a] = sum(len(piece) for piece in pieces)
        pieces.append(clean_text(text[a:b]))
    at[len(text)] = sum(len(piece) for piece in pieces)
    content = Content("".join(pieces))
    for a, b, span_style in spans:
        if a < b:
            content = content.stylize(span_style, at[a], at[b])
    return content


def line_of(content: Content, offset: int, width: int) -> int:
    """The line (from 0) the character at `offset` sits on once `content` is wrapped to `width` cells, as a
    Static wraps it. The content is cut after that character's word: the wrapper breaks greedily, word by
    word, so the lines up to that word are the same as the whole text's."""
    cut = _REST_OF_WORD.match(content.plain, max(0, min(offset, len(content)))).end()
    return max(0, len(content[:cut].wrap(width)) - 1)
