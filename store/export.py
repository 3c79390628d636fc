"""Writing the events a filter selects: JSON (the shape the scorer reads), CSV (one row per event) and
TimelineJS3 JSON (HTML-escaped, since TimelineJS renders slide text as HTML); and the JSON of one article's
extraction that `dateline extract` prints."""
from __future__ import annotations

import csv
import html
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date
from typing import TextIO

from store.filter import Filter
from store.model import DATING_REASONS, Event, Extraction, Place
from store.provenance import chosen_telling, dating_note
from store.clean import printable_path
from store.output_safety import json_text, spreadsheet_cell
from store.extract.summary import summarise
from store.queries import all_events

FORMATS = ("json", "csv", "timelinejs")
CSV_COLUMNS = ("start", "end", "precision", "summary", "persons", "countries", "sources", "excerpts", "orgs",
               "places", "dated_by", "dating_note", "outlets", "urls")


def export(conn: sqlite3.Connection, fmt: str, flt: Filter, out: TextIO) -> int:
    """Write the events `flt` selects to `out` in `fmt` (one of FORMATS); returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    refs = ArticleRefs(conn)
    if fmt == "timelinejs":
        from store.timelinejs import write_timelinejs

        return write_timelinejs(all_events(conn, flt), out, refs, flt)
    return (_write_json if fmt == "json" else _write_csv)(all_events(conn, flt), out, refs)


class ArticleRefs:
    """Each article's outlet (`source:`) and URL, read once per article."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._known: dict[str, tuple[str | None, str | None]] = {}

    def __call__(self, article_id: str) -> tuple[str | None, str | None]:
        if article_id not in self._known:
            row = self._conn.execute("SELECT source, url FROM articles WHERE id = ?", (article_id,)).fetchone()
            self._known[article_id] = (row[0], row[1]) if row else (None, None)
        return self._known[article_id]


def _no_refs(article_id: str) -> tuple[None, None]:
    return None, None


def event_record(event: Event, refs: Callable[[str], tuple[str | None, str | None]] = _no_refs) -> dict:
    """One event as the JSON export holds it: ISO dates or null, canonical names, alpha-2 codes, organisations,
    places below the country (name and country code), sources with their outlet and URL (from `refs`)."""
    return {
        "start": _iso(event.when.start),
        "end": _iso(event.when.end),
        "precision": event.when.precision,
        "summary": event.summary,
        "persons": list(event.persons),
        "countries": list(event.countries),
        "orgs": list(event.orgs),
        "places": [{"name": p.name, "country": p.country} for p in event.places],
        "sources": [
            {"path": s.path, "title": s.title, "published": _iso(s.published), "excerpt": s.excerpt,
             "start": s.start, "end": s.end, **dict(zip(("outlet", "url"), refs(s.article_id)))}
            for s in event.sources
        ],
        "dated_by": dating_record(event),
    }


def dating_record(event: Event) -> dict:
    """How the event got its date: the reason ("stated", "story occasion", "previous event", "publication day",
    "before publication", "after publication", "undated"), the words that gave it (text, offsets in the article
    body, and the article's path, or nulls when no words did), what they were read against ("anchor":
    "absolute", "published", "previous" or null) and all of it in words ("note"). The telling that carries the
    event's dating is the one shown."""
    chosen = chosen_telling(event.sources, event.dated_by, event.when)
    reason = DATING_REASONS.get(event.dated_by, event.dated_by)
    when = event.when
    published = next((source.published for source in event.sources if source.published), None)
    dated_by = event.dated_by
    if dated_by == "published" and when.start is not None and when.start != when.end:
        # a store written before the "before"/"after" codes: the side of the publication tells which
        dated_by = "after" if published is not None and when.start >= published else "before"
        reason = DATING_REASONS[dated_by]
    dating = chosen.dating if chosen else None
    has_words = dating is not None and dating.text is not None
    told_on = chosen.published if chosen and chosen.published else published
    return {"reason": reason,
            "text": dating.text if has_words else None,
            "start": dating.start if has_words else None,
            "end": dating.end if has_words else None,
            "path": chosen.path if has_words else None,
            "anchor": dating.anchor if has_words else None,
            "note": dating_note(dating, dated_by, told_on)}


def extraction_to_json(ex: Extraction) -> dict:
    """What `dateline extract --format json` prints for one article (a contract: scorers read it). A timex whose
    date is left out of the events (a year outside store.model's range) carries the "reason"."""
    article = ex.article
    return {
        "article": {
            "path": article.path,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url,
            "source": article.source,
        },
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text}
                      for s in ex.sentences],
        "entities": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "key": m.key,
                      **({"country": m.country} if m.country else {})}
                     for m in ex.entities.mentions],
        "affiliations": dict(sorted(ex.entities.affiliations.items())),
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             **({"mod": t.mod} if t.mod else {}), **({"reason": t.problem} if t.problem else {})}
            for t in ex.timexes
        ],
        "events": [event_record(e) for e in ex.events],
    }


def _write_json(events: Iterable[Event], out: TextIO, refs: ArticleRefs) -> int:
    """{"events": [...]}, one event per line, written as the events are read."""
    count = 0
    out.write('{"events": [')
    for event in events:
        out.write(",\n" if count else "\n")
        out.write(json_text(event_record(event, refs)))
        count += 1
    out.write("\n]}\n" if count else "]}\n")
    return count


def _write_csv(events: Iterable[Event], out: TextIO, refs: ArticleRefs) -> int:
    """The summary whole (not cut for the screen); persons, countries, organisations and places ("Pyongyang (KP)")
    joined by "; "; source paths, excerpts, outlets and URLs one per line inside their cell, one line per source.
    Text cells cannot start a spreadsheet formula (see `spreadsheet_cell`)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for event in events:
        writer.writerow((
            _iso(event.when.start) or "",
            _iso(event.when.end) or "",
            event.when.precision,
            spreadsheet_cell(whole_summary(event)),
            spreadsheet_cell("; ".join(event.persons)),
            spreadsheet_cell("; ".join(event.countries)),
            spreadsheet_cell("\n".join(printable_path(s.path) for s in event.sources)),
            spreadsheet_cell("\n".join(s.excerpt for s in event.sources)),
            spreadsheet_cell("; ".join(event.orgs)),
            spreadsheet_cell("; ".join(place_label(p) for p in event.places)),
            *_dating_cells(event),
            spreadsheet_cell("\n".join(refs(s.article_id)[0] or "" for s in event.sources)),
            spreadsheet_cell("\n".join(refs(s.article_id)[1] or "" for s in event.sources)),
        ))
        count += 1
    return count


def whole_summary(event: Event) -> str:
    """The event's summary without the cut made for the screen: a summary that ends in "…" is its telling's
    sentence summarised whole."""
    if not event.summary.endswith("…"):
        return event.summary
    head = event.summary[:-1]
    for source in event.sources:
        whole = summarise(source.excerpt, max_len=len(source.excerpt) + 1)
        if whole.startswith(head):
            return whole
    return head


def _dating_cells(event: Event) -> tuple[str, str]:
    dating = dating_record(event)
    return dating["reason"], spreadsheet_cell(dating["note"])


def place_label(place: Place) -> str:
    """A place with its country's code, where known: "Pyongyang (KP)"."""
    return f"{place.name} ({place.country})" if place.country else place.name


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
