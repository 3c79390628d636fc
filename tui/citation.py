"""Copying a source as a journalist cites it: the excerpt in quotes, then outlet, title, publication date and URL
(or the file when there is no URL), sent to the terminal's clipboard (OSC 52) and shown, since a terminal or tmux
may drop the sequence."""
from __future__ import annotations

from textual.app import App

from store.clean import clean_text
from store.queries import SourceRow
from tui.dates import day_label


def citation(source: SourceRow) -> str:
    """“excerpt” — outlet, title, date, URL (or the file), cleaned of control characters."""
    day = day_label(source.published) if source.published else "no publication date"
    where = [part for part in (source.outlet, source.title, day, source.url or source.path) if part]
    return clean_text(f"“{source.excerpt}” — {', '.join(where)}")


def copy_cited(app: App, source: SourceRow) -> None:
    """Send the cited excerpt to the terminal's clipboard and say so, with the text to copy by hand."""
    cited = citation(source)
    app.copy_to_clipboard(cited)
    app.notify(f"Sent to the terminal's clipboard (a terminal or tmux may drop it; then copy it from here):\n{cited}",
               title="Excerpt and citation", markup=False, timeout=12)
