"""Canonical person names, surname joining, non-person filtering and title countries, on hand-made spans."""
import re

import pytest

from store.extract.persons import (
    find_persons,
    looks_like_person,
    name_key,
    strip_name,
    title_country_after,
    title_country_before,
)
from store.model import Span


def spans(body, label, *texts, taken=()):
    """A span with `label` on every whole-word occurrence of each text that no earlier text (or `taken` span)
    already covers: spans(body, "PERSON", "Kim Jong Un", "Kim") tags the bare "Kim"s only."""
    out = list(taken)
    for text in texts:
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", body):
            if not any(s.start < m.end() and m.start() < s.end for s in out):
                out.append(Span(m.start(), m.end(), label, text))
    return sorted((s for s in out if s not in taken), key=lambda s: s.start)


def keys(body, *person_texts, others=()):
    mentions, _ = find_persons(body, spans(body, "PERSON", *person_texts, taken=others) + list(others))
    return [(m.text, m.key) for m in mentions]


@pytest.mark.parametrize("span_text, name", [
    ("President Donald Trump's", "Donald Trump"),
    ("Kim Jong Un's", "Kim Jong Un"),
    ("Kim Jong Un’s", "Kim Jong Un"),
    ("U.S. President Donald Trump", "Donald Trump"),
    ("Chinese Premier Li Qiang", "Li Qiang"),
    ("Russia's former President Dmitry Medvedev", "Dmitry Medvedev"),
    ("North Korean leader Kim Jong Un", "Kim Jong Un"),
    ("Chief Financial Officer Amy Hood", "Amy Hood"),
    ("the late Queen Elizabeth", "Elizabeth"),
    ("Mr. Putin", "Putin"),
    ("Charles Dickens'", "Charles Dickens"),
    ("Georgia Meloni", "Georgia Meloni"),  # a first name that is also a country stays
    ("Kim Jong Un", "Kim Jong Un"),  # "Kim" is also a town in India
])
def test_strip_name(span_text, name):
    body = f"Yesterday {span_text} spoke."
    start = body.index(span_text)
    s, e = strip_name(body, start, start + len(span_text))
    assert body[s:e] == name


def test_strip_name_of_a_bare_title_is_empty():
    body = "The President spoke."
    s, e = strip_name(body, 4, 13)
    assert s == e


@pytest.mark.parametrize("name", ["Kim Jong Un", "To Lam", "Xi", "Lee Jae-myung", "Ursula von der Leyen",
                                  "John F. Kennedy", "Martin Luther King", "O'Neill"])
def test_people(name):
    assert looks_like_person(name)


@pytest.mark.parametrize("name", ["Workers' Party", "Hwasong-20", "antenna", "App Store", "GB", "Garuda Indonesia",
                                  "New York", "Douglas Aircraft", "von"])
def test_not_people(name):
    assert not looks_like_person(name)


def test_name_key_ignores_case_accents_and_hyphens():
    assert name_key("Lee Jae-myung") == name_key("lee jae myung")
    assert name_key("José Martí") == name_key("Jose Marti")
    assert name_key("O’Neill") == name_key("O'Neill")


def test_bare_surname_and_given_name_join_the_full_name():
    body = "Vladimir Putin met Steve Jobs. Putin smiled and Steve laughed."
    assert keys(body, "Vladimir Putin", "Steve Jobs", "Putin", "Steve") == [
        ("Vladimir Putin", "Vladimir Putin"), ("Steve Jobs", "Steve Jobs"),
        ("Putin", "Vladimir Putin"), ("Steve", "Steve Jobs")]


def test_bare_name_prefers_the_most_mentioned_full_name():
    body = "Kim Il Sung founded it. Kim Jong Un spoke. Kim Jong Un left. Kim waved."
    assert keys(body, "Kim Il Sung", "Kim Jong Un", "Kim")[-1] == ("Kim", "Kim Jong Un")


def test_bare_name_ties_go_to_the_earliest_full_name():
    body = "Kim Yo Jong and Kim Jong Un came. Kim waved."
    assert keys(body, "Kim Yo Jong", "Kim Jong Un", "Kim")[-1] == ("Kim", "Kim Yo Jong")


def test_a_full_name_before_the_bare_one_beats_a_more_frequent_one_after():
    body = "Kim Yo Jong spoke. Kim left. Kim Jong Un came. Kim Jong Un spoke."
    assert keys(body, "Kim Yo Jong", "Kim Jong Un", "Kim")[1] == ("Kim", "Kim Yo Jong")


def test_bare_name_joins_a_full_name_that_comes_later_when_none_came_before():
    body = "Lee arrived first. Lee Jae Myung then spoke."
    assert keys(body, "Lee Jae Myung", "Lee")[0] == ("Lee", "Lee Jae Myung")


def test_bare_name_without_full_name_stays():
    assert keys("Xi spoke and Li listened.", "Xi", "Li") == [("Xi", "Xi"), ("Li", "Li")]


def test_name_does_not_join_on_a_middle_word():
    body = "Martin Luther King spoke. Luther listened."
    assert keys(body, "Martin Luther King", "Luther")[-1] == ("Luther", "Luther")


def test_spellings_of_one_name_share_the_most_used_spelling():
    body = "Lee Jae-myung spoke. Lee Jae Myung left. Lee Jae Myung returned."
    assert {key for _, key in keys(body, "Lee Jae-myung", "Lee Jae Myung")} == {"Lee Jae Myung"}


def test_aliases_collect_surface_forms():
    body = "President Vladimir Putin spoke. Putin's aides left."
    _, aliases = find_persons(body, spans(body, "PERSON", "Vladimir Putin", "Putin's"))
    assert aliases == {"Vladimir Putin": {"Vladimir Putin", "Putin"}}


def test_mention_offsets_point_at_the_bare_name():
    body = "U.S. President Donald Trump's plan"
    mentions, _ = find_persons(body, spans(body, "PERSON", "U.S. President Donald Trump's"))
    assert [(body[m.start:m.end], m.text) for m in mentions] == [("Donald Trump", "Donald Trump")]


def test_one_word_name_tagged_otherwise_more_often_is_dropped():
    body = "Mac sales rose. The Mac team grew. Mac owners cheered."
    orgs = spans(body, "ORG", "Mac")[1:]
    assert keys(body, "Mac", others=orgs) == []
    assert keys(body, "Mac", others=orgs[1:]) == [("Mac", "Mac"), ("Mac", "Mac")]  # tagged PERSON more often: kept


def test_one_word_name_after_lower_case_the_is_dropped():
    assert keys("Fans of the Beatles sang.", "Beatles") == []


def test_bare_name_tagged_otherwise_still_joins_a_full_name():
    body = "Tim Cook spoke. Cook left. Cook Islands officials came."
    others = [Span(body.index("Cook Islands"), body.index("Cook Islands") + 4, "GPE", "Cook")]
    assert keys(body, "Tim Cook", "Cook") == [("Tim Cook", "Tim Cook"), ("Cook", "Tim Cook"), ("Cook", "Tim Cook")]
    # Untagged, "Cook left" is still Tim Cook (a bare surname after the full name); "Cook Islands" is another name.
    assert keys(body, "Tim Cook", others=others) == [("Tim Cook", "Tim Cook"), ("Cook", "Tim Cook")]


@pytest.mark.parametrize("text, name, code", [
    ("Chinese Premier Li Qiang spoke.", "Li Qiang", "CN"),
    ("North Korean leader Kim Jong Un spoke.", "Kim Jong Un", "KP"),
    ("U.S. President Donald Trump spoke.", "Donald Trump", "US"),
    ("Russia's former President Dmitry Medvedev spoke.", "Dmitry Medvedev", "RU"),
    ("Vietnam's Communist Party chief To Lam spoke.", "To Lam", "VN"),
    ("Kim met China's Xi Jinping.", "Xi Jinping", "CN"),
    ("Kim met China’s Xi Jinping.", "Xi Jinping", "CN"),
    ("South Korean President Lee Jae Myung spoke.", "Lee Jae Myung", "KR"),
    ("Indonesian Vice President Jusuf Kalla spoke.", "Jusuf Kalla", "ID"),
    ("Moscow's mayor Sergei Sobyanin spoke.", "Sergei Sobyanin", "RU"),
])
def test_title_country_before(text, name, code):
    assert title_country_before(text, text.index(name), 0) == code


@pytest.mark.parametrize("text, name", [
    ("Ties with the U.S. under President Donald Trump grew.", "Donald Trump"),  # "under" breaks the title
    ("According to China's Foreign Ministry, Li Qiang arrived.", "Li Qiang"),  # a comma breaks it
    ("Apple CEO Tim Cook spoke.", "Tim Cook"),  # a company, not a country
    ("Chinese officials met Li Qiang.", "Li Qiang"),  # no title
    ("Ryanair Chief Executive Officer Michael Leary spoke.", "Michael Leary"),  # "Officer" is also a small town
])
def test_no_title_country_before(text, name):
    assert title_country_before(text, text.index(name), 0) is None


@pytest.mark.parametrize("text, name, code", [
    ("Li Qiang, China's premier, spoke.", "Li Qiang", "CN"),
    ("Vladimir Putin, the Russian president, spoke.", "Vladimir Putin", "RU"),
    ("Emmanuel Macron, the president of France, spoke.", "Emmanuel Macron", "FR"),
])
def test_title_country_after(text, name, code):
    end = text.index(name) + len(name)
    assert title_country_after(text, end, len(text)) == code


@pytest.mark.parametrize("text, name", [
    ("Steve Jobs, the Apple Chief Executive Officer, spoke.", "Steve Jobs"),
    ("Kim Yo Jong, who met Chinese officials, spoke.", "Kim Yo Jong"),
    ("Xi Jinping, China's economy was discussed.", "Xi Jinping"),  # a place but no title
])
def test_no_title_country_after(text, name):
    end = text.index(name) + len(name)
    assert title_country_after(text, end, len(text)) is None


# --- bare surnames the model did not tag as a person -------------------------------------------------------------

def test_an_untagged_surname_after_the_full_name_is_that_person():
    body = "Foreign Minister Anna Kovalenko met reporters. Kovalenko said the talks went well."
    assert keys(body, "Anna Kovalenko") == [("Anna Kovalenko", "Anna Kovalenko"), ("Kovalenko", "Anna Kovalenko")]


def test_a_surname_tagged_as_an_organisation_or_an_unknown_place_is_still_the_person():
    body = "Minister Tae-ho Park arrived on Sunday. Park asked the hosts to help. Park thanked them."
    others = spans(body, "ORG", "Park asked") + spans(body, "GPE", "Park thanked")
    found = keys(body, "Tae-ho Park", others=[Span(s.start, s.start + 4, s.label, "Park") for s in others])
    assert found == [("Tae-ho Park", "Tae-ho Park"), ("Park", "Tae-ho Park"), ("Park", "Tae-ho Park")]


def test_a_title_and_surname_joins_the_full_name():
    body = "Prime Minister Ravi Menon flew in on Monday. PM Menon arrived at the base."
    assert keys(body, "Ravi Menon")[-1] == ("Menon", "Ravi Menon")


def test_an_untagged_surname_is_not_joined_when_it_is_also_a_common_word_or_inside_another_name():
    body = ("Senator Tom Young spoke first. The young voters cheered. Senator Mark Stone spoke. "
            "Later Stone Harris, a farmer, said Stone Age tools were found.")
    found = keys(body, "Tom Young", "Mark Stone")
    assert found == [("Tom Young", "Tom Young"), ("Mark Stone", "Mark Stone")]


def test_an_untagged_surname_before_the_full_name_is_not_joined():
    body = "Kovalenko arrived. Later Foreign Minister Anna Kovalenko met reporters."
    assert keys(body, "Anna Kovalenko") == [("Anna Kovalenko", "Anna Kovalenko")]


def test_a_titled_surname_joins_the_full_name_written_after_the_same_title():
    body = ("President Sam Ortega and First Lady Lena Ortega hosted the dinner. Lady Ortega thanked the chefs. "
            "President Ortega spoke last.")
    found = dict(keys(body, "Sam Ortega", "Lena Ortega", "Ortega"))
    assert [k for t, k in keys(body, "Sam Ortega", "Lena Ortega", "Ortega") if t == "Ortega"] == [
        "Lena Ortega", "Sam Ortega"]
    assert found["Sam Ortega"] == "Sam Ortega"


def test_an_untagged_hyphenated_surname_is_left_alone_and_breaks_nothing():
    body = "Spokesman Ahmed El-Gallal spoke on Monday. El-Gallal, speaking from the east, said the town was calm."
    assert keys(body, "Ahmed El-Gallal") == [("Ahmed El-Gallal", "Ahmed El-Gallal")]


def test_a_surname_under_an_office_title_is_not_the_partner_named_in_full():
    body = ("President Hale and First Lady Mara Hale will host the Prime Minister of India. "
            "Hale is traveling to Fiji later this month. Mara Hale will stay in Washington.")
    # the president is "Hale", not "Mara Hale"; so is the untitled "Hale" after it (the store may know them)
    assert keys(body, "Mara Hale", "Hale") == [("Hale", "Hale"), ("Mara Hale", "Mara Hale"), ("Hale", "Hale"),
                                               ("Mara Hale", "Mara Hale")]


def test_a_hyphenated_surname_alone_is_the_full_name_of_it():
    body = "Press secretary Karine Jean-Pierre spoke on Monday. Jean-Pierre added that talks went well."
    assert keys(body, "Karine Jean-Pierre", "Jean-Pierre")[-1] == ("Jean-Pierre", "Karine Jean-Pierre")


@pytest.mark.parametrize("words", ["administration", "era", "government"])
def test_a_name_that_names_a_government_or_a_period_is_not_the_person(words):
    body = f"President Joe Biden spoke on Monday. The Biden {words} has made progress, an official said."
    assert keys(body, "Joe Biden", "Biden") == [("Joe Biden", "Joe Biden")]


@pytest.mark.parametrize(("body", "person"), [
    ("Jim Press, the chief executive, resigned on Monday.", "Jim Press"),
    ("Chrysler President Jim Press resigned on Monday.", "Jim Press"),
    ("Jim Press resigned on Monday.", None),  # an organisation word and nothing saying it is a person's name
])
def test_a_titled_name_may_end_in_an_organisation_word(body, person):
    assert [key for _, key in keys(body, "Jim Press")] == ([person] if person else [])
