"""Showing untrusted article text: one-line values, provenance, a marked passage, the wrapped line of an offset."""
from __future__ import annotations

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from textual.content import Content, Span

from tui.article_text import line_of, marked, provenance, safe_line


def test_marked_styles_exactly_the_passage_and_parses_no_markup():
    content = marked("Say [bold]hi[/] to me.", 4, 15, "bold")
    assert content.plain == "Say [bold]hi[/] to me."
    assert list(content.spans) == [Span(4, 15, "bold")]


def test_marked_drops_escape_sequences_and_the_mark_stays_on_the_passage():
    text = "\x1b[2JBefore. Said \x1b[31mred\x1b[0m words.\x07 After."
    start = text.index("Said")
    content = marked(text, start, text.index(" After"), ".mark")
    assert content.plain == "Before. Said red words. After."
    assert list(content.spans) == [Span(8, 23, ".mark")]
    assert content.plain[8:23] == "Said red words."


def test_marked_clamps_offsets_to_the_text():
    assert list(marked("short", 2, 99, "bold").spans) == [Span(2, 5, "bold")]
    assert marked("short", 9, 12, "bold").plain == "short"


def test_safe_line_is_one_clean_line():
    assert safe_line("  Title\n  with\tbreaks\x1b[0m ").plain == "Title with breaks"


def test_provenance_names_date_file_and_url_when_known():
    assert provenance(date(2025, 10, 7), "news/li.md", "https://x.org/a").plain == (
        "Tue 7 Oct 2025 · news/li.md · https://x.org/a")
    assert provenance(None, "a\x1b[31m.md", None).plain == "no publication date · a.md"


def test_line_of_counts_wrapped_and_hard_lines():
    content = Content("aaa bbb ccc ddd\neee")  # width 8: "aaa bbb" / "ccc ddd" / "eee"
    assert [line_of(content, content.plain.index(word), 8) for word in ("aaa", "bbb", "ccc", "ddd", "eee")] == [
        0, 0, 1, 1, 2]
    assert line_of(content, content.plain.index("ccc") + 2, 8) == 1  # inside a word


def test_line_of_a_word_that_ends_exactly_at_the_edge_stays_on_its_line():
    content = Content("aaaa bbbbb ccc")  # "aaaa bbbbb" fills 10 cells; its trailing space does not count
    assert [line_of(content, content.plain.index(word), 10) for word in ("bbbbb", "ccc")] == [0, 1]


words = st.text(alphabet="ab", min_size=1, max_size=8)
separators = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n"])


@given(st.lists(st.tuples(words, separators), min_size=1, max_size=40), st.integers(min_value=10, max_value=24))
def test_line_of_agrees_with_wrapping_the_whole_text(parts, width):
    text = "".join(word + separator for word, separator in parts)
    content = Content(text)
    expected = [row for row, line in enumerate(content.wrap(width)) for _ in line.plain.split()]
    starts = [match.start() for match in re.finditer(r"\S+", text)]
    assert len(expected) == len(starts)
    assert [line_of(content, start, width) for start in starts] == expected
