"""The TimelineJS3 export, fit to publish: one slide per dated event, every slide in a group (its first country's
name, or "No country named"), an interval's end written as its full last day (a 2021–2023 bar runs to 31 Dec 2023;
the label stays in `display_date`), each source cited by outlet, title and date with the title linked to its
URL when that is http(s) — never the article's local path — and a title slide giving the span, the filters and
how many undated events were left out. All text is HTML-escaped: TimelineJS renders slide text as HTML."""
from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from datetime import date
from typing import TextIO

from store.filter import Filter, filter_summary
from store.model import Event
from store.output_safety import json_text
from store.queries import when_label

NO_COUNTRY_GROUP = "No country named"

Refs = Callable[[str], tuple[str | None, str | None]]


def write_timelinejs(events: Iterable[Event], out: TextIO, refs: Refs, flt: Filter) -> int:
    """Write the timeline; returns how many slides (dated events) it holds."""
    slides, first, last, undated = [], None, None, 0
    for event in events:
        if event.when.start is None:
            undated += 1
            continue
        slides.append(_slide(event, refs))
        first = event.when.start if first is None else min(first, event.when.start)
        last = event.when.end if last is None else max(last, event.when.end)
    timeline = {"title": {"text": {"headline": "dateline", "text": _title_text(len(slides), first, last, flt, undated)}},
                "events": slides}
    out.write(json_text(timeline) + "\n")
    return len(slides)


def _title_text(count: int, first: date | None, last: date | None, flt: Filter, undated: int) -> str:
    parts = [_plural(count, "event")]
    if first is not None and last is not None:
        parts[0] += f", {first.isoformat()} to {last.isoformat()}"
    described = filter_summary(flt)
    parts.append(f"Filtered by {described}" if described else "All events of the store")
    if undated:
        parts.append(f"{_plural(undated, 'undated event')} left out (TimelineJS needs a date)")
    return "".join(f"<p>{html.escape(part)}</p>" for part in parts)


def _slide(event: Event, refs: Refs) -> dict:
    when = event.when
    slide = {
        "start_date": _timeline_date(when.start, when.precision),
        "display_date": when_label(when),
        "text": {"headline": html.escape(event.summary), "text": _slide_text(event, refs)},
        "group": _group(event),
    }
    if when.end != when.start:
        slide["end_date"] = {"year": when.end.year, "month": when.end.month, "day": when.end.day}
    if event.id is not None:
        slide["unique_id"] = f"event-{event.id}"
    return slide


def _group(event: Event) -> str:
    """The slide's group, escaped twice: TimelineJS 3.9 decodes a group's HTML to text and then inserts that text
    as HTML (a country code the store holds as written, "<img onerror=...>", would run)."""
    if not event.countries:
        return NO_COUNTRY_GROUP
    from store.extract.countries import country_name  # pycountry loads only for this format

    return html.escape(html.escape(country_name(event.countries[0])))


def _timeline_date(day: date, precision: str) -> dict:
    """A TimelineJS date with as many parts as the precision allows."""
    parts = {"year": day.year}
    if precision in ("day", "week", "month", "quarter"):
        parts["month"] = day.month
    if precision in ("day", "week"):
        parts["day"] = day.day
    return parts


def _slide_text(event: Event, refs: Refs) -> str:
    from store.export import place_label

    paragraphs = []
    if event.persons:
        paragraphs.append(f"<p>{html.escape(', '.join(event.persons))}</p>")
    if event.orgs:
        paragraphs.append(f"<p>{html.escape(', '.join(event.orgs))}</p>")
    if event.places:
        paragraphs.append(f"<p>{html.escape(', '.join(place_label(p) for p in event.places))}</p>")
    for source in event.sources:
        outlet, url = refs(source.article_id)
        title = html.escape(source.title or "untitled")
        if url and url.lower().startswith(("http://", "https://")):
            title = f'<a href="{html.escape(url, quote=True)}">{title}</a>'
        day = source.published.isoformat() if source.published else "undated"
        cite = " · ".join([*([html.escape(outlet)] if outlet else []), title, day])
        paragraphs.append(f"<blockquote>{html.escape(source.excerpt)}</blockquote><p><cite>{cite}</cite></p>")
    return "".join(paragraphs)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
