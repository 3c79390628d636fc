"""Paragraphs handed to spaCy: one per line block, and a block too long for the model cut into pieces."""
from hypothesis import given, settings
from hypothesis import strategies as st

from store.extract.nlp import LONGEST_PARAGRAPH, analyse_many, paragraphs


def test_each_line_block_is_a_paragraph_without_its_surrounding_spaces():
    body = "  First one.\n\nSecond one. \nThird.\n"
    assert [body[s:e] for s, e in paragraphs(body)] == ["First one.", "Second one.", "Third."]


def test_a_block_longer_than_the_limit_is_cut_after_sentence_ends():
    sentence = "Talks resumed in Geneva on Monday. "
    body = sentence * (3 * LONGEST_PARAGRAPH // len(sentence))
    pieces = paragraphs(body)
    assert len(pieces) >= 3
    assert all(body[s:e].endswith("Monday.") and body[s:e].startswith("Talks") for s, e in pieces)
    assert all(e - s <= LONGEST_PARAGRAPH for s, e in pieces)


def test_a_block_without_spaces_is_cut_at_the_limit():
    body = "x" * (2 * LONGEST_PARAGRAPH + 5)
    assert paragraphs(body) == [(0, LONGEST_PARAGRAPH), (LONGEST_PARAGRAPH, 2 * LONGEST_PARAGRAPH),
                                (2 * LONGEST_PARAGRAPH, 2 * LONGEST_PARAGRAPH + 5)]


words = st.lists(st.sampled_from(["word", "Word.", " ", "  ", "\n", "x" * 3000, "end. ", "\t"]), max_size=400)


@settings(max_examples=150, deadline=None)
@given(words.map("".join))
def test_pieces_are_short_disjoint_trimmed_and_cover_every_visible_character(body):
    pieces = paragraphs(body)
    covered = set()
    for (s, e), nxt in zip(pieces, pieces[1:] + [(len(body), len(body))]):
        assert 0 <= s < e <= nxt[0] and e - s <= LONGEST_PARAGRAPH
        assert not body[s].isspace() and not body[e - 1].isspace() and "\n" not in body[s:e]
        covered.update(range(s, e))
    assert {i for i, ch in enumerate(body) if not ch.isspace()} <= covered


def test_an_article_of_one_huge_block_is_analysed_in_body_offsets():
    sentence = "Japan and France signed a deal in Paris on Monday. "
    body = sentence * (int(2.5 * LONGEST_PARAGRAPH) // len(sentence))
    (analysis,) = analyse_many([body])
    assert len(analysis.sentences) == body.count("Monday.")
    assert all(body[s.start:s.end] == s.text for s in analysis.sentences)
    assert {sp.text for sp in analysis.spans if sp.label == "GPE"} >= {"Japan", "France", "Paris"}
