"""Exports: the JSON the scorer reads (checked field by field against what went in), CSV and TimelineJS."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from store.db import connect, insert_article, insert_event, transaction, update_event
from store.export import CSV_COLUMNS, export
from store.filter import Filter
from store.timelinejs import NO_COUNTRY_GROUP, write_timelinejs
from store.model import Article, Dating, Event, Place, Source, When

VISIT = "Chinese Premier Li Qiang will visit Pyongyang on Thursday, the ministry said."
ARRIVAL = "Li Qiang arrived in Pyongyang on Thursday for the anniversary."
PARADE = "Kim Jong Un will attend a military parade in Beijing next week."
SCRIPT = 'A blogger wrote "<script>alert(1)</script>" & left — café talk.'
DECADE = "Tensions grew through the 2010s."


def source(art: Article, sentence: str, dated_by: str | None = None) -> Source:
    """The sentence as a telling; with `dated_by`, dated by its words "on Thursday"."""
    start = art.body.index(sentence)
    dating = None
    if dated_by:
        words = art.body.index("on Thursday", start)
        dating = Dating(dated_by, words, words + len("on Thursday"), "on Thursday", "published")
    return Source(art.id, art.path, art.title, art.published, sentence, start, start + len(sentence), dating)


def days(first: str, last: str | None = None, precision: str = "day") -> When:
    return When(date.fromisoformat(first), date.fromisoformat(last or first), precision)


@pytest.fixture
def conn(tmp_path):
    """Ids: 1 Li's visit (merged from two articles), 2 parade (week), 3 a month, 4 undated, 5 a decade."""
    visit = Article("news/li.md", f"Intro line.\n{VISIT}", "China's Li Qiang to visit", date(2025, 10, 7),
                    url="https://example.com/li?a=1&b=2", source="Asia Wire")
    arrival = Article("news/arrival.md", ARRIVAL, "Li arrives", date(2025, 10, 9))
    kim = Article("kim.md", f"{PARADE}\n{SCRIPT}\n{DECADE}", "Kim & the parade", None)
    connection = connect(tmp_path / "e.db", create=True)
    with transaction(connection):
        for art in (visit, arrival, kim):
            insert_article(connection, art)
        li_id = insert_event(connection, Event(days("2025-10-09"), "Li Qiang to visit North Korea", ["Li Qiang"],
                                               ["CN", "KP"], [source(visit, VISIT, "explicit")]),
                             {"Li Qiang": "CN"})
        insert_event(connection, Event(days("2025-09-01", "2025-09-07", "week"), "Kim to attend parade in Beijing",
                                       ["Kim Jong Un"], ["KP", "CN"], [source(kim, PARADE)]), {})
        insert_event(connection, Event(days("2025-09-01", "2025-09-30", "month"), "<b>Kim</b> & Xi", [], ["CN"],
                                       [source(kim, SCRIPT)]), {})
        insert_event(connection, Event(When.undated(), "Talk in a café", ["Zoë Ångström"], [],
                                       [source(kim, SCRIPT)]), {})
        insert_event(connection, Event(days("2010-01-01", "2019-12-31", "decade"), "Tensions grew", [], ["KR", "KP"],
                                       [source(kim, DECADE)]), {})
        merged = Event(days("2025-10-09"), "Li Qiang visits North Korea", ["Li Qiang", "Kim Jong Un"], ["CN", "KP"],
                       [source(visit, VISIT), source(arrival, ARRIVAL)], orgs=["Korean Central News Agency"],
                       places=[Place("Pyongyang", "KP")])
        update_event(connection, li_id, merged, [source(arrival, ARRIVAL)], {})
    yield connection
    connection.close()


def exported(conn, fmt: str, flt: Filter = Filter()) -> str:
    out = io.StringIO()
    export(conn, fmt, flt, out)
    return out.getvalue()


def test_json_round_trip_holds_every_field_that_went_in(conn):
    data = json.loads(exported(conn, "json"))
    assert list(data) == ["events"]
    decade, week, month, visit, undated = data["events"]
    assert visit == {
        "start": "2025-10-09", "end": "2025-10-09", "precision": "day",
        "summary": "Li Qiang visits North Korea",
        "persons": ["Li Qiang", "Kim Jong Un"],
        "countries": ["CN", "KP"],
        "orgs": ["Korean Central News Agency"],
        "places": [{"name": "Pyongyang", "country": "KP"}],
        "sources": [
            {"path": "news/li.md", "title": "China's Li Qiang to visit", "published": "2025-10-07",
             "excerpt": VISIT, "start": 12, "end": 12 + len(VISIT), "outlet": "Asia Wire",
             "url": "https://example.com/li?a=1&b=2"},
            {"path": "news/arrival.md", "title": "Li arrives", "published": "2025-10-09",
             "excerpt": ARRIVAL, "start": 0, "end": len(ARRIVAL), "outlet": None, "url": None},
        ],
        # "on Thursday" of the first telling: the body is "Intro line.\n" (12 characters), then VISIT
        "dated_by": {"reason": "stated", "text": "on Thursday", "start": 12 + VISIT.index("on Thursday"),
                     "end": 12 + VISIT.index("on Thursday") + 11, "path": "news/li.md", "anchor": "published",
                     "note": "stated: “on Thursday”, read against the publication (2025-10-07)"},
    }
    assert week == {
        "start": "2025-09-01", "end": "2025-09-07", "precision": "week", "summary": "Kim to attend parade in Beijing",
        "persons": ["Kim Jong Un"], "countries": ["KP", "CN"], "orgs": [], "places": [],
        "sources": [{"path": "kim.md", "title": "Kim & the parade", "published": None, "excerpt": PARADE,
                     "start": 0, "end": len(PARADE), "outlet": None, "url": None}],
        "dated_by": {"reason": "stated", "text": None, "start": None, "end": None, "path": None,  # no words kept
                     "anchor": None, "note": "stated"},
    }
    assert (month["start"], month["end"], month["precision"], month["summary"]) == (
        "2025-09-01", "2025-09-30", "month", "<b>Kim</b> & Xi")
    assert month["sources"][0]["excerpt"] == SCRIPT
    assert (decade["start"], decade["end"], decade["precision"], decade["countries"]) == (
        "2010-01-01", "2019-12-31", "decade", ["KR", "KP"])
    assert (undated["start"], undated["end"], undated["precision"], undated["persons"]) == (
        None, None, "undated", ["Zoë Ångström"])


def test_json_of_a_filtered_or_empty_selection(conn):
    persons = [e["persons"] for e in json.loads(exported(conn, "json", Filter(persons=("Kim Jong Un",))))["events"]]
    assert persons == [["Kim Jong Un"], ["Li Qiang", "Kim Jong Un"]]
    assert json.loads(exported(conn, "json", Filter(persons=("Nobody",)))) == {"events": []}


def test_csv_has_one_row_per_event_with_joined_lists(conn):
    rows = list(csv.reader(io.StringIO(exported(conn, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 6
    visit = dict(zip(CSV_COLUMNS, rows[4]))
    assert visit == {
        "start": "2025-10-09", "end": "2025-10-09", "precision": "day", "summary": "Li Qiang visits North Korea",
        "persons": "Li Qiang; Kim Jong Un", "countries": "CN; KP",
        "sources": "news/li.md\nnews/arrival.md", "excerpts": f"{VISIT}\n{ARRIVAL}",
        "orgs": "Korean Central News Agency", "places": "Pyongyang (KP)",
        "dated_by": "stated", "dating_note": "stated: “on Thursday”, read against the publication (2025-10-07)",
        "outlets": "Asia Wire\n", "urls": "https://example.com/li?a=1&b=2\n",  # a line per source, blank if none
    }
    undated = dict(zip(CSV_COLUMNS, rows[5]))
    assert (undated["start"], undated["end"], undated["excerpts"]) == ("", "", SCRIPT)


def test_timelinejs_slides_carry_dates_as_precise_as_known(conn):
    timeline = json.loads(exported(conn, "timelinejs"))
    assert timeline["title"]["text"] == {
        "headline": "dateline",
        "text": "<p>4 events, 2010-01-01 to 2025-10-09</p><p>All events of the store</p>"
                "<p>1 undated event left out (TimelineJS needs a date)</p>"}
    decade, week, month, visit = timeline["events"]  # the undated event has no place on a timeline
    assert visit["start_date"] == {"year": 2025, "month": 10, "day": 9} and "end_date" not in visit
    assert week["start_date"] == {"year": 2025, "month": 9, "day": 1}
    assert week["end_date"] == {"year": 2025, "month": 9, "day": 7}
    # a month or a decade runs to its last day; its label stays
    assert month["start_date"] == {"year": 2025, "month": 9} and month["end_date"] == {"year": 2025, "month": 9,
                                                                                        "day": 30}
    assert decade["start_date"] == {"year": 2010} and decade["end_date"] == {"year": 2019, "month": 12, "day": 31}
    assert (month["display_date"], decade["display_date"]) == ("2025-09", "2010s")
    assert (visit["group"], decade["group"], month["group"]) == ("China", "South Korea", "China")
    assert (visit["display_date"], week["display_date"], decade["display_date"]) == (
        "2025-10-09", "week of 2025-09-01", "2010s")
    assert len({slide["unique_id"] for slide in timeline["events"]}) == 4


def test_timelinejs_text_is_escaped_html(conn):
    month = json.loads(exported(conn, "timelinejs"))["events"][2]
    assert month["text"]["headline"] == "&lt;b&gt;Kim&lt;/b&gt; &amp; Xi"
    body = month["text"]["text"]
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "Kim &amp; the parade" in body


def test_unknown_format_is_refused(conn):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        exported(conn, "xml")


# --- output that cannot harm a terminal or a spreadsheet ----------------------------------------------------

FORMULAS = ("=HYPERLINK(\"http://x\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR")


@pytest.fixture
def hostile(tmp_path):
    """A store as an older dateline wrote it: a raw escape sequence and C1 control in a path, cells that start
    like formulas, a bidi override in a summary."""
    lines = [f"{formula} was said on Monday." for formula in FORMULAS]
    art = Article("old/esc\x1b]0;PWN\x07\x9b31m.txt", "\n".join(lines), "=cmd|' /C calc'!A0", date(2025, 1, 6))
    connection = connect(tmp_path / "h.db", create=True)
    with transaction(connection):
        insert_article(connection, art)
        for formula, line in zip(FORMULAS, lines):
            insert_event(connection, Event(days("2025-01-06"), f"{formula} \u202esaid", [], [], [source(art, line)]),
                         {})
    yield connection
    connection.close()


def test_csv_cells_never_start_a_formula_and_carry_no_control_characters(hostile):
    text = exported(hostile, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for column in ("summary", "persons", "countries", "sources", "excerpts"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), (column, row[column])
    assert sorted(row["summary"] for row in rows) == sorted(
        "'" + f"{formula} said".replace("\r", "\n") for formula in FORMULAS)  # the quote, then the text as it was
    assert rows[0]["sources"] == "old/esc\\x1b]0;PWN\\x07\\x9b31m.txt"  # the path escaped, still recognisable
    assert not any(ch in text for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\r"))


def test_json_writes_control_and_bidi_characters_as_escapes_and_reads_back_the_same(hostile):
    stored_path = hostile.execute("SELECT path FROM articles").fetchone()[0]
    for fmt in ("json", "timelinejs"):
        text = exported(hostile, fmt)
        assert not any(ch in text for ch in ("\x1b", "\x07", "\x9b", "\u202e")), fmt
    data = json.loads(exported(hostile, "json"))
    assert data["events"][0]["sources"][0]["path"] == stored_path  # lossless: only the writing changed
    assert "\u202e" in data["events"][0]["summary"]


def test_timelinejs_title_says_the_filter_and_events_without_a_country_have_a_group_too(conn):
    timeline = json.loads(exported(conn, "timelinejs", Filter(persons=("Kim Jong Un",), text="parade")))
    assert timeline["title"]["text"]["text"] == (
        "<p>1 event, 2025-09-01 to 2025-09-07</p><p>Filtered by persons Kim Jong Un; words “parade”</p>")



def test_timelinejs_gives_an_event_without_a_country_a_group_and_links_no_other_scheme():
    art = Article("/home/me/a.md", "Shares fell on Monday.", "Shares", date(2025, 5, 7))
    event = Event(days("2025-05-05"), "Shares fell", [], [], [source(art, "Shares fell on Monday.")])
    out = io.StringIO()
    write_timelinejs([event], out, lambda article_id: ("Wire", "javascript:alert(1)"), Filter())
    (slide,) = json.loads(out.getvalue())["events"]
    assert slide["group"] == NO_COUNTRY_GROUP
    assert "<cite>Wire · Shares · 2025-05-07</cite>" in slide["text"]["text"]
    assert "javascript" not in slide["text"]["text"] and "/home/me" not in slide["text"]["text"]
    # TimelineJS decodes a group and inserts the text as HTML: a code a hostile store holds is escaped twice
    out = io.StringIO()
    write_timelinejs([replace(event, countries=["<I>"])], out, lambda article_id: (None, None), Filter())
    assert json.loads(out.getvalue())["events"][0]["group"] == "&amp;lt;I&amp;gt;"


def test_timelinejs_cites_outlet_title_and_date_and_links_only_http_urls_never_the_local_path(conn):
    visit = json.loads(exported(conn, "timelinejs"))["events"][3]["text"]["text"]
    assert ('<cite>Asia Wire · <a href="https://example.com/li?a=1&amp;b=2">China&#x27;s Li Qiang to visit</a>'
            " · 2025-10-07</cite>") in visit
    assert "<cite>Li arrives · 2025-10-09</cite>" in visit  # no URL: no link
    assert "news/" not in visit


def test_timelinejs_slides_name_the_organisations_and_places_too(conn):
    visit = json.loads(exported(conn, "timelinejs"))["events"][3]
    assert ("<p>Li Qiang, Kim Jong Un</p><p>Korean Central News Agency</p><p>Pyongyang (KP)</p><blockquote>"
            in visit["text"]["text"])
