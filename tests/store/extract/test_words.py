from store.extract.summary import summarise
from store.extract.words import content_words, stem


def test_stem_lets_word_forms_meet():
    assert stem("attending") == stem("attendance") == stem("attend") == "attend"
    assert stem("visits") == stem("visited") == stem("visit") == "visit"
    assert stem("friendly") == stem("friendship") == "friend"


def test_content_words_drop_news_boilerplate_and_skipped_ranges():
    text = "Officials said Li will visit the capital next week"
    words = content_words(text, skip=[(text.index("next"), len(text))])
    assert words == {"visit", "capital"}


def test_summary_drops_attribution_and_opening():
    s = "Meanwhile, the two sides held phone talks Tuesday, the South Korean Foreign Ministry said in a statement."
    assert summarise(s) == "The two sides held phone talks Tuesday"


def test_long_summary_is_cut_at_a_word_boundary():
    s = "word " * 60
    out = summarise(s, max_len=50)
    assert len(out) <= 50 and out.endswith("…") and "wor…" not in out


def test_an_irregular_past_is_its_verb():
    assert [stem(w) for w in ("met", "held", "took", "spoke")] == ["meet", "hold", "take", "speak"]
    assert content_words("Ministers met in Oslo") & content_words("Ministers will meet in Oslo") >= {"meet", "oslo"}


def test_a_quotation_cut_from_its_attribution_loses_its_opening_mark_too():
    assert summarise('"This visit will deepen our ties," the minister said.') == "This visit will deepen our ties"
    assert summarise("“We will go,” he said.") == "We will go"
    assert summarise('He called it "a new start".') == 'He called it "a new start"'  # a quote closed stays
