"""Article readers: each format, publication-date precedence, datelines, encodings, and broken or hostile files."""
import codecs
import json
import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from store.model import Article
from store.readers import Skipped, parse_date, read_paths
from store.readers.dateline import dateline_date, read_dateline

DATA = Path(__file__).parents[1] / "data"
READERS = DATA / "readers"


def read_one(path, published=None):
    items = list(read_paths([path], published))
    assert len(items) == 1, items
    return items[0]


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


# --- formats -------------------------------------------------------------------------------------------------

def test_frontmatter_gives_title_date_url_source_and_the_body_after_the_block():
    article = read_one(READERS / "frontmatter_article.md")
    assert article.title == "Ministers meet in Geneva on water rights"
    assert article.published == date(2024, 5, 14)
    assert article.url == "https://news.example.org/geneva-water-talks"
    assert article.source == "Example Wire"
    assert article.body.startswith("GENEVA, May 12 (Example Wire) - Water ministers")
    assert article.body.endswith("Talks are due to resume next month.\n")


def test_seed_bodies_follow_the_gold_offset_rule():
    seeds = sorted((DATA / "seeds").glob("*.md"))
    articles = list(read_paths([DATA / "seeds"]))
    assert [a.path for a in articles] == [str(p) for p in seeds]
    for article, path in zip(articles, seeds):
        assert article.body == path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        assert article.title and article.published is not None


def test_broken_yaml_frontmatter_is_left_out_of_the_body_and_its_fields_recovered():
    article = read_one(READERS / "broken_frontmatter.md")  # "title: Breaking: ..." is not valid YAML
    assert article.body == "The treaty was signed on Sunday after two years of talks.\n"
    assert article.title == "Breaking: ministers agree on river treaty"
    assert article.published == date(2024, 6, 2)  # from `date:`


def test_plain_text_title_comes_from_the_file_name_and_the_body_is_the_whole_text():
    path = READERS / "harbour_strike-ends.txt"
    article = read_one(path)
    assert article.title == "harbour strike ends"
    assert article.body == path.read_text(encoding="utf-8")
    assert article.published == date(2024, 9, 3)  # from the dateline "ROTTERDAM, Sept 3, 2024 (Example Wire) —"


@pytest.mark.parametrize(("text", "title"), [
    ("Harbour strike ends after three weeks\n\nDock workers returned on Monday.\n", "Harbour strike ends after three weeks"),
    ("# Harbour strike ends\nDock workers returned on Monday.\n", "Harbour strike ends"),
    ("Dock workers returned to the harbour on Monday.\nThe strike had lasted three weeks.\n", "dock news"),  # a sentence
    ("Rotterdam, May 10\nDock workers returned to the harbour on Monday.\n", "dock news"),  # a dateline
    ("Harbour strike ends after three weeks\n", "dock news"),  # nothing after it: the text itself
])
def test_a_text_without_a_title_takes_its_headline_line_else_the_file_name(tmp_path, text, title):
    assert read_one(write(tmp_path, "dock-news.txt", text)).title == title


def test_json_list_gives_one_article_per_record_with_scraper_field_names():
    path = READERS / "scraped_records.json"
    first, second = read_paths([path])
    assert first == Article(f"{path}#1", "The new rail link opened on Monday.", "Rail link opens", date(2024, 3, 4),
                            "https://news.example.org/rail", "Example Wire")
    assert second == Article(f"{path}#2", "The bridge will stay closed until Friday.", "Bridge closed for repairs",
                             date(2024, 3, 5), "https://news.example.org/bridge", "Example Daily")


def test_json_single_object_keeps_the_file_path_and_falls_back_to_the_file_name_title(tmp_path):
    path = write(tmp_path, "court-ruling.json", '{"Body": "The court ruled on Monday.", "date": "2024-02-05"}')
    article = read_one(path)
    assert (article.path, article.title, article.published) == (str(path), "court ruling", date(2024, 2, 5))
    assert article.body == "The court ruled on Monday."


def test_jsonl_broken_line_is_skipped_with_its_number_and_other_lines_are_read():
    path = READERS / "scraped_lines.jsonl"
    first, broken, third = read_paths([path])
    assert (first.path, first.body, first.published) == (
        f"{path}#1", "Farmers began the harvest a week early.", date(2024, 8, 1))
    assert broken.path == f"{path}:2"
    assert broken.reason.startswith("line 2: invalid JSON")
    assert (third.path, third.title, third.published) == (f"{path}#3", "Floods recede", date(2024, 8, 2))


def test_json_records_without_text_or_not_objects_are_skipped(tmp_path):
    path = write(tmp_path, "mixed.json", '[{"title": "no text"}, 5, {"text": "Kept."}]')
    no_text, not_object, kept = read_paths([path])
    assert no_text == Skipped(f"{path}#1", "record 1: no article text (no text/body/content/article/maintext field holding text)")
    assert not_object == Skipped(f"{path}#2", "record 2: not a JSON object")
    assert kept.path == f"{path}#3" and kept.body == "Kept."


def test_invalid_json_file_is_skipped(tmp_path):
    item = read_one(write(tmp_path, "cut.json", '{"text": "cut'))
    assert isinstance(item, Skipped) and item.reason.startswith("invalid JSON")


def test_empty_json_list_is_skipped(tmp_path):
    path = write(tmp_path, "none.json", "[]")
    assert read_one(path) == Skipped(str(path), "no records (an empty list)")


def test_html_gives_main_text_without_navigation_footer_or_repeated_heading():
    article = read_one(READERS / "saved_page.html")
    assert article.body == (
        "The regional council approved the expansion of the city airport on Monday after a year of public "
        "hearings.\nConstruction of a second terminal is due to start next spring and should take three years "
        "to complete.")
    assert article.title == "Airport expansion approved"
    assert article.published == date(2024, 7, 9)
    assert (article.url, article.source) == ("https://daily.example.org/airport-expansion", "Example Daily")


def test_html_without_text_is_skipped(tmp_path):
    item = read_one(write(tmp_path, "blank.html", "<html><head><title>x</title></head><body></body></html>"))
    assert isinstance(item, Skipped)


# --- publication date precedence -----------------------------------------------------------------------------

def test_file_metadata_outranks_the_argument_and_the_dateline():
    assert read_one(READERS / "frontmatter_article.md", date(2024, 1, 1)).published == date(2024, 5, 14)


def test_argument_outranks_the_dateline():
    assert read_one(READERS / "harbour_strike-ends.txt", date(2024, 9, 10)).published == date(2024, 9, 10)


def test_absurd_or_invalid_metadata_dates_count_as_absent(tmp_path):
    old = write(tmp_path, "old.md", "---\npublished: 1066-10-14\n---\nText.\n")
    invalid = write(tmp_path, "invalid.md", "---\npublished: 2024-13-45\ntitle: Kept\n---\nText.\n")
    assert read_one(old, date(2024, 1, 2)).published == date(2024, 1, 2)
    article = read_one(invalid)
    assert (article.published, article.title, article.body) == (None, "Kept", "Text.\n")


@pytest.mark.parametrize("name, content, problem", [
    ("zero.md", "---\npublished: 0000-01-01\n---\nText.\n",
     "published '0000-01-01' is not a full date (day, month and year)"),
    ("far.md", "---\npublished: 9999-12-31\n---\nText.\n", "published '9999-12-31' is out of range"),
    ("old.md", "---\ndate: 1066-10-14\n---\nText.\n", "published '1066-10-14' is out of range"),
    ("words.md", "---\npublished: last Tuesday\n---\nText.\n",
     "published 'last Tuesday' is not a full date (day, month and year)"),
    ("far.json", '{"text": "Text.", "published": "9999-01-01T00:00:00Z"}',
     "published '9999-01-01T00:00:00Z' is out of range"),
    ("number.json", '{"text": "Text.", "date": 20240102}', "published '20240102' is not a full date"),
])
def test_an_unusable_date_field_says_why(tmp_path, name, content, problem):
    article = read_one(write(tmp_path, name, content))
    assert article.published is None
    assert article.published_problem.startswith(problem)


def test_a_missing_date_field_is_no_problem(tmp_path):
    article = read_one(write(tmp_path, "a.md", "---\ntitle: T\n---\nText.\n"))
    assert (article.published, article.published_problem) == (None, None)


def test_yearless_dateline_in_a_file_takes_this_year_for_today(tmp_path):
    today = date.today()
    path = write(tmp_path, "a.txt", f"PARIS, {today:%B} {today.day} (AFP) - Talks opened.\n")
    assert read_one(path).published == today


def test_no_date_anywhere_leaves_published_empty(tmp_path):
    assert read_one(write(tmp_path, "a.txt", "LONDON (Reuters) - Talks opened on Monday.\n")).published is None


# --- datelines -----------------------------------------------------------------------------------------------

TODAY = date(2025, 3, 1)


@pytest.mark.parametrize("body, expected", [
    ("WASHINGTON, March 22, 2024 (Reuters) - The US said", date(2024, 3, 22)),
    ("BEIJING, Oct 7, 2024 (AP) — China said", date(2024, 10, 7)),
    ("NEW YORK, Oct. 7, 2024 /PRNewswire/ -- Acme said", date(2024, 10, 7)),
    ("SEOUL, South Korea, Dec. 1 (AP) — Officials said", date(2024, 12, 1)),
    ("Rio de Janeiro, 22 March 2024 - Officials said", date(2024, 3, 22)),
    ("Oct 7 (Reuters)- Officials said", date(2024, 10, 7)),
    ("A repeated headline\nBy A. Writer\nPARIS, Jan. 5 (AFP) - Talks", date(2025, 1, 5)),
    ("LONDON (Reuters) - Britain said", None),  # no date in the dateline
    ("WASHINGTON — The US said", None),
    ("He said on March 22 - and left", None),  # a sentence, not a dateline
    ("Kim Visits Beijing On Oct 7 With Troops - Report", None),  # too many words for a place
    ("WASHINGTON, April 31 - Talks", None),  # no such day
    ("WASHINGTON, March 22, 1700 - Talks", None),  # absurd year
])
def test_dateline_date(body, expected):
    assert dateline_date(body, TODAY) == expected


@pytest.mark.parametrize("dateline, expected", [
    ("March 1", date(2025, 3, 1)),  # today
    ("March 2", date(2024, 3, 2)),  # tomorrow: must be last year's
    ("Feb 28", date(2025, 2, 28)),
    ("Feb. 29", date(2024, 2, 29)),  # the latest 29 February not after today
])
def test_yearless_dateline_takes_the_latest_year_not_after_today(dateline, expected):
    assert dateline_date(f"OSLO, {dateline} (NTB) - Talks", TODAY) == expected


@pytest.mark.parametrize("body, expected", [
    ("New Delhi [India], November 24, 2024 (ANI): India said", date(2024, 11, 24)),  # bracketed region, colon
    ("New Delhi, May 10, 2024\nThe minister will travel", date(2024, 5, 10)),  # a line of its own
    ("Nairobi, 2 May 2024\nThe minister will travel", date(2024, 5, 2)),
    ("May 10, 2024\nThe minister will travel", None),  # a date alone on a line is not a dateline: no place
    ("New Delhi, May 10, 2024", None),  # nothing after it: a one-line text, not a dateline
    ("Note: May 10 was the deadline", None),  # a colon after a word that holds no date
])
def test_dateline_forms(body, expected):
    assert dateline_date(body, TODAY) == expected


@pytest.mark.parametrize("text, year", [
    ("Ministers met on Thursday to sign it.", 2024),  # 17 October 2024 is a Thursday (2023: Tuesday)
    ("Ministers met on Tuesday to sign it.", 2023),
    ("The pact was signed on Thursday. On Thursday, too, talks began.", 2024),
])
def test_a_yearless_dateline_takes_the_year_its_weekdays_agree_with(text, year):
    found = read_dateline(f"BEIJING, Oct. 17 (Xinhua) -- {text}", TODAY)
    assert found.day == date(year, 10, 17)
    assert f"took {year}" in found.assumed and "weekday" in found.assumed


def test_a_yearless_dateline_without_weekdays_says_its_year_is_assumed():
    found = read_dateline("OSLO, Oct. 17 (NTB) - Talks went on.", TODAY)
    assert found.day == date(2024, 10, 17)  # the latest 17 October not after 1 March 2025
    assert "gives no year" in found.assumed and "--published" in found.assumed
    assert read_dateline("OSLO, Oct. 17, 2024 (NTB) - Talks went on.", TODAY).assumed is None


# --- parse_date ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2025-10-07", date(2025, 10, 7)),
    (" 2025-10-07T23:30:00-05:00 ", date(2025, 10, 7)),  # the datetime's own local date
    ("October 7, 2025", date(2025, 10, 7)),
    ("7 Oct 2025", date(2025, 10, 7)),
    ("Tue, 07 Oct 2025 08:00:00 +0000", date(2025, 10, 7)),
])
def test_parse_date_reads_full_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "yesterday", "today", "October 2025", "2025", "not a date", "2025-02-30",
                                  "1700-01-01", f"{date.today().year + 2}-01-01"])
def test_parse_date_refuses_partial_relative_invalid_and_absurd_dates(text):
    assert parse_date(text) is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_date_never_fails_and_keeps_years_plausible(text):
    found = parse_date(text)
    assert found is None or 1800 <= found.year <= date.today().year + 1


# --- encodings and hostile bytes -----------------------------------------------------------------------------

def test_cp1252_file_is_decoded():
    body = read_one(READERS / "cp1252_article.txt").body
    assert body == "The café on the square reopened on Monday, its owner said: “We’re back.” Prices rose by 2€.\n"


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path):
    assert read_one(write(tmp_path, "a.txt", b"Caf\xe9 \x81open")).body == "Café open"  # \x81: a C1 control


def test_utf8_bom_does_not_hide_the_frontmatter(tmp_path):
    article = read_one(write(tmp_path, "a.md", "\ufeff---\ntitle: T\n---\nBody.\n"))
    assert (article.title, article.body) == ("T", "Body.\n")


def test_utf16_with_bom_is_text(tmp_path):
    assert read_one(write(tmp_path, "a.txt", "Grüße.".encode("utf-16"))).body == "Grüße."


def test_a_file_of_control_characters_only_is_skipped_with_a_reason(tmp_path):
    path = write(tmp_path, "a.jsonl", b"\x01\x1b[0m\x07\n")
    assert read_one(path) == Skipped(str(path), "no text (only control characters)")


def test_a_50_mb_article_file_is_skipped_by_its_size_without_reading_it(tmp_path):
    path = write(tmp_path, "dump.txt", ("The minister said talks would resume on Monday. " * 20 + "\n") * 53_000)
    assert path.stat().st_size > 50_000_000
    item = read_one(path)
    assert isinstance(item, Skipped)
    assert item.reason == (f"file too large ({path.stat().st_size:,} bytes; the limit for this kind of file is "
                           "4,000,004 bytes): split it into articles")


def test_an_article_under_the_byte_limit_but_over_a_million_characters_says_so(tmp_path):
    path = write(tmp_path, "long.txt", "Talks would resume on Monday. " * 40_000)  # 1.2 M characters, 1.2 MB
    item = read_one(path)
    assert item.reason == ("article text too long (1,200,000 characters; the limit is 1,000,000): "
                           "split it into articles")


def test_a_large_jsonl_file_of_normal_articles_is_read(tmp_path):
    line = json.dumps({"title": "T", "published": "2024-05-02", "text": "Talks resumed on Monday. " * 400})
    path = write(tmp_path, "many.jsonl", "\n".join([line] * 5000))  # 50 MB in 5,000 articles of 10 kB
    items = list(read_paths([path]))
    assert len(items) == 5000 and all(isinstance(i, Article) for i in items)


def test_binary_file_is_skipped(tmp_path):
    path = write(tmp_path, "a.txt", b"PK\x03\x04\x00\x00binary")
    assert read_one(path) == Skipped(str(path), "binary file")


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_without_nul_are_a_binary_file(tmp_path, seed):
    data = random.Random(seed).randbytes(4000).replace(b"\x00", b"")  # no NUL: they used to be read as latin-1
    path = write(tmp_path, "a.md", data)
    assert read_one(path) == Skipped(str(path), "binary file")


def test_random_bytes_after_a_utf16_bom_are_a_binary_file(tmp_path):
    data = codecs.BOM_UTF16_LE + bytes(b for b in random.Random(1).randbytes(4000) if b < 0xd8 or b > 0xdf)
    path = write(tmp_path, "a.txt", data)  # no surrogate bytes, so it decodes: to unassigned and private-use text
    assert read_one(path) == Skipped(str(path), "binary file")


def test_a_long_latin1_article_with_a_few_stray_control_bytes_is_text(tmp_path):
    text = "Le caf\xe9 rouvrit lundi; le ma\xeetre \xe9tait l\xe0. " * 200
    data = text.encode("latin-1") + b"\x81\x8d\x90 fin\x1a\n"  # bytes cp1252 lacks, and a DOS end-of-file mark
    body = read_one(write(tmp_path, "a.txt", data)).body
    assert body.startswith("Le café rouvrit lundi; le maître était là.") and body.endswith(" fin\n")


def test_a_name_in_decomposed_unicode_is_stored_composed(tmp_path):
    article = read_one(write(tmp_path, "a.md", "---\ntitle: Jose\u0301 in Ca\u0300diz\n---\nJose\u0301 Mari\u0301a spoke.\n"))
    assert (article.title, article.body) == ("José in Càdiz", "José María spoke.\n")


def test_zero_width_characters_are_removed_and_one_between_words_becomes_a_space(tmp_path):
    text = "Kim Jong\u200dUn and Kim\u200bJong Un met Mer\u00adkel\u2060 \ufeffon Monday\u200c.\n"
    article = read_one(write(tmp_path, "a.txt", text))
    assert article.body == "Kim Jong Un and Kim Jong Un met Merkel on Monday.\n"


@pytest.mark.parametrize("content", ["", "  \n\t\n"])
def test_empty_file_is_skipped(tmp_path, content):
    path = write(tmp_path, "a.md", content)
    assert read_one(path) == Skipped(str(path), "empty file")


def test_frontmatter_without_body_is_skipped(tmp_path):
    item = read_one(write(tmp_path, "a.md", "---\ntitle: Only a title\n---\n\n"))
    assert isinstance(item, Skipped) and "no article text" in item.reason


def test_windows_and_old_mac_newlines_become_newlines(tmp_path):
    article = read_one(write(tmp_path, "a.md", "---\r\ntitle: T\r\n---\r\nOne.\r\nTwo.\rThree.\r\n"))
    assert (article.title, article.body) == ("T", "One.\nTwo.\nThree.\n")


def test_control_escape_and_bidi_characters_are_removed_from_body_and_title(tmp_path):
    text = ("---\ntitle: \"Red \\e[31malert\\e[0m \\u202Egnp.exe\\u202C\"\n---\n"
            "Tab\tand newline\nstay; \x1b[1;31mcolour\x1b[0m, \x1b]0;title\x07bell\x07, \u2066iso\u2069 and \x85C1 go.\n")
    article = read_one(write(tmp_path, "a.md", text))
    assert article.title == "Red alert gnp.exe"
    assert article.body == "Tab\tand newline\nstay; colour, bell, iso and C1 go.\n"


def test_control_characters_inside_json_strings_are_removed(tmp_path):
    path = write(tmp_path, "a.json", '{"title": "A\\u001b[2Jb", "text": "x\\u0007y\\r\\nz"}')
    article = read_one(path)
    assert (article.title, article.body) == ("Ab", "xy\nz")


# --- files and folders ---------------------------------------------------------------------------------------

def test_folders_are_read_recursively_in_sorted_order_skipping_hidden_and_unknown_files(tmp_path):
    for name in ["b.txt", "a/z.md", "a/y.JSON", "c.pdf", ".hidden.txt", ".git/x.txt", "a/.cache/y.md"]:
        write(tmp_path, name, '{"text": "T"}' if name.lower().endswith(".json") else f"Text of {name}.")
    paths = [item.path for item in read_paths([tmp_path])]
    assert paths == [str(tmp_path / "a" / "y.JSON"), str(tmp_path / "a" / "z.md"), str(tmp_path / "b.txt")]


def test_a_named_file_of_unknown_type_and_a_missing_path_are_skipped(tmp_path):
    pdf = write(tmp_path, "a.pdf", "%PDF")
    missing = tmp_path / "missing.txt"
    unknown, absent = read_paths([pdf, missing])
    assert unknown.path == str(pdf) and unknown.reason.startswith("unsupported file type (.pdf)")
    assert absent == Skipped(str(missing), "no such file or folder")


def test_a_named_hidden_file_is_read(tmp_path):
    assert read_one(write(tmp_path, ".draft.txt", "Text.")).body == "Text."


# --- what is not a regular file, and file names that are not text --------------------------------------------

def test_a_named_pipe_is_skipped_at_once_with_its_kind(tmp_path):
    import os

    folder = tmp_path / "news"
    write(folder, "a.txt", "Ministers met in Geneva on Monday.")
    os.mkfifo(folder / "pipe.txt")  # no writer: reading it would wait forever
    items = list(read_paths([folder]))
    assert [type(i) for i in items] == [Article, Skipped]
    assert items[1] == Skipped(str(folder / "pipe.txt"), "not a regular file but a named pipe (FIFO)")
    assert read_one(folder / "pipe.txt").reason == "not a regular file but a named pipe (FIFO)"  # named alone


def test_a_link_to_an_endless_device_is_skipped_without_reading_it(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert read_one(link) == Skipped(str(link), "not a regular file but a character device")


def test_a_link_to_a_regular_file_is_read_and_a_dangling_one_says_so(tmp_path):
    target = write(tmp_path, "real.txt", "Ministers met in Geneva on Monday.")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "link.txt").symlink_to(target)
    (tmp_path / "news" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    items = list(read_paths([tmp_path / "news"]))
    assert items[0] == Skipped(str(tmp_path / "news" / "gone.txt"),
                               "a symbolic link to nothing (its target does not exist)")
    assert isinstance(items[1], Article) and items[1].body == "Ministers met in Geneva on Monday."


def test_a_file_that_claims_no_size_is_read_no_further_than_the_limit(tmp_path, monkeypatch):
    """/proc files say they hold 0 bytes: the read itself must stop at the limit."""
    import os

    from store.readers import file_bytes

    path = write(tmp_path, "a.txt", "x" * 5000)
    real_fstat = os.fstat

    class NoSize:
        def __init__(self, info):
            self.st_mode, self.st_size = info.st_mode, 0

    monkeypatch.setattr(file_bytes.os, "fstat", lambda fd: NoSize(real_fstat(fd)))
    monkeypatch.setattr(file_bytes, "_READ_SIZE", 1000)
    reads = []
    real_read = os.read
    monkeypatch.setattr(file_bytes.os, "read", lambda fd, n: reads.append(n) or real_read(fd, n))
    assert file_bytes.read_bounded(path, 2500) == ("file too large (the limit for this kind of file is 2,500 "
                                                   "bytes): split it into articles")
    assert sum(reads) == 2501  # the limit plus one byte, no more
    assert file_bytes.read_bounded(path, 5000) == b"x" * 5000


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_an_escape(tmp_path):
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    raw = os.path.join(os.fsencode(folder), b"bad\xff-name.txt")
    with open(raw, "wb") as out:
        out.write(b"Ministers met in Geneva on Monday.\n")
    article = read_one(folder)
    assert article.path == f"{folder}/bad\\xff-name.txt"
    assert article.title == "bad\ufffd name"
    article.path.encode("utf-8")  # storable and printable: no lone surrogate left
    article.title.encode("utf-8")


def test_control_characters_in_a_file_name_are_escaped_in_its_path_and_dropped_from_its_title(tmp_path):
    path = write(tmp_path, "esc\x1b]0;PWN\x07 \u202eevil.txt", "Ministers met in Geneva on Monday.")
    article = read_one(path)
    assert article.path == f"{tmp_path}/esc\\x1b]0;PWN\\x07 \\u202eevil.txt"
    assert article.title == "esc evil"  # the whole escape sequence goes, not only its ESC
