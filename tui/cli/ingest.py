"""CLI commands that run extraction: `ingest` (articles into the store); `extract` (no store) is in extract.py."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from store.clean import clean_line
from tui.cli.errors import fail
from tui.cli.options import published_date
from tui.cli.stores import store_to_write


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    from tui.cli.extract import extract_command

    app.command("extract")(extract_command)


def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (searched recursively)."),
    db: Path = typer.Option(None, "--db", help="The store to write (created if missing) [default: $DATELINE_DB, else news.db in your user data folder]."),
    published: Optional[str] = typer.Option(
        None, "--published", help="Publication date for articles whose files carry none (YYYY-MM-DD)."
    ),
    force: bool = typer.Option(False, "--force", help="Re-extract articles already in the store."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="spaCy worker processes."),
    cluster: Optional[str] = typer.Option(
        None, "--cluster", metavar="ADDRESS",
        help="Extract on a Dask cluster: its scheduler's address (tcp://HOST:8786), or local:N for N worker "
             "processes on this machine. Needs: pip install 'dateline[cluster]'.",
    ),
) -> None:
    """Read articles, extract dated events with persons, countries and sources, and store them."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from store.cluster import ClusterError  # Dask itself is imported only with --cluster
    from store.db import StoreError, error_reason
    from store.ingest import ingest

    err = Console(stderr=True, soft_wrap=True)  # one line per message: the terminal wraps, grep still finds it
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]  # a bad link is skipped with its reason
    if missing:
        fail(f"{missing[0]}: no such file or folder")
    when = published_date(published)
    if cluster is not None:
        _check_cluster(cluster, processes)
    target = store_to_write(db)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("Reading the articles…" if cluster else "Loading the language model…", total=None)

        def started(total: int) -> None:
            progress.update(task, total=total, description="Extracting")

        def warn(line: str) -> None:
            progress.console.print(_line(f"warning: {line}"))

        def note(line: str) -> None:
            progress.console.print(_line(f"note: {line}"))

        try:
            report = ingest(paths, target, published=when, force=force, n_process=processes, cluster=cluster,
                            on_start=started, on_advance=lambda done: progress.advance(task, done), on_warning=warn,
                            on_note=note)
        except StoreError as exc:
            fail(str(exc))
        except ClusterError as exc:
            fail(f"{exc} (the batches written before are kept; rerun to complete)")
        except sqlite3.Error as exc:
            fail(f"cannot write store {target}: {error_reason(exc, writing=True)} (the batches written before "
                 "are kept; rerun to complete)")
        except KeyboardInterrupt:
            fail(f"interrupted: the articles stored before are kept in {target}; rerun to complete", code=130)
    _print_report(err, report, target)
    if report.articles == 0 and report.unchanged == 0:
        raise typer.Exit(1)


def _check_cluster(address: str, processes: int) -> None:
    """Before anything is read: --cluster given with -j, a malformed address, or Dask not installed."""
    from store.cluster import ClusterError, available, parse_address

    if processes != 1:
        fail("-j and --cluster do not go together: --cluster local:N runs N worker processes on this machine")
    try:
        parse_address(address)
    except ClusterError as exc:
        fail(str(exc))
    missing = available()
    if missing:
        fail(missing)


def _line(text: str) -> Text:
    """A message naming files: one line, without the control characters a file name may hold."""
    return Text(clean_line(text))


def _print_report(console: Console, report, target: Path) -> None:
    for skipped in report.skipped:
        console.print(_line(f"skipped {skipped.path}: {skipped.reason}"))
    totals = report.totals
    if not totals:
        console.print(_line(f"Nothing ingested: no readable article, so {target} was not created."))
        return
    if report.unchanged and not report.articles:
        console.print(_line(f"Nothing new: {report.unchanged} article(s) already in {target} (--force re-extracts)."))
    else:
        kept = f" {report.unchanged} already stored were left as they were," if report.unchanged else ""
        if report.events_joined:  # else "60 new events" and "the store holds 59" read as a contradiction
            kept += f" {report.events_joined} known event(s) found to be one with another,"
        console.print(_line(
            f"Ingested {report.articles} article(s) into {target}: {report.events_new} new event(s), "
            f"{report.events_merged} telling(s) merged into known events,{kept} {len(report.skipped)} skipped."
        ))
    console.print(Text(
        f"The store holds {totals.get('articles', 0)} articles, {totals.get('events', 0)} events, "
        f"{totals.get('persons', 0)} persons, {totals.get('countries', 0)} countries."
    ))
