"""The clause that says what happened, read from the parse of invented sentences (store/extract/clauses.py)."""
import pytest

from store.extract import nlp
from store.extract.clauses import main_clause


def clause(sentence: str, named: tuple[str, ...] = ()) -> str | None:
    analysis = nlp.analyse(sentence)
    names = [(sentence.index(name), sentence.index(name) + len(name)) for name in named]
    return main_clause(sentence, analysis.tokens, 0, len(sentence), names)


@pytest.mark.parametrize(("sentence", "expected"), [
    # the reported clause, not the attribution
    ("Officials said the talks will resume on Friday.", "the talks will resume on Friday"),
    # a relative clause and a second clause left out
    ("The minister, who arrived from Oslo, met the mayor on Monday and visited a school.",
     "The minister met the mayor on Monday"),
    # what for stays, the circumstance goes
    ("The envoys met in Geneva on Tuesday to discuss the ceasefire, as protesters gathered outside.",
     "The envoys met in Geneva on Tuesday to discuss the ceasefire"),
    # commas between kept words stay
    ("The council comprises Norway, Sweden and Finland.", "The council comprises Norway, Sweden and Finland"),
    # a quotation keeps who said it: the sentence is summarised instead
    ('"We will not stop," the general said.', None),
    ("He said so.", None),  # too short to say anything
])
def test_the_clause_of_what_happened(sentence, expected):
    assert clause(sentence) == expected


def test_a_clause_that_would_drop_a_named_person_is_refused():
    assert clause("Ana Lima said the deal was signed in Paris on Monday.", ("Ana Lima",)) is None
    assert clause("Ana Lima said the deal was signed in Paris on Monday.") == "the deal was signed in Paris on Monday"


def test_the_clause_stays_inside_its_piece_of_a_cut_sentence():
    sentence = "The envoys met in Geneva on Tuesday to discuss the ceasefire."
    analysis = nlp.analyse(sentence)
    cut = sentence.index(" to discuss")
    assert main_clause(sentence, analysis.tokens, 0, cut) == "The envoys met in Geneva on Tuesday"
