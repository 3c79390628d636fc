"""The `dateline` console script. The browser's own invocations (`dateline`, `dateline --db FILE`, `dateline
browse [FILE]`, `dateline browse --db FILE`) start it without loading Typer and the other commands, which took a
sixth of the time to the first frame; anything else, help and shell completion included, goes to the full
command line (tui.cli).

The browser starts the same way from both: the store is checked before Textual is imported (a bad one is one
error line and exit code 1), and its first rows are read in a thread while Textual loads."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from store.clean import clean_line


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    store = browse_only(args, completing=any(name.startswith("_DATELINE_COMPLETE") for name in os.environ))
    if store is None:
        from tui.cli import app

        app(args=args, prog_name="dateline")
        return
    from store.db import StoreError
    from tui.paths import default_db

    try:
        code = run_browser(store or default_db())
    except StoreError as error:
        print(error_line(str(error)), file=sys.stderr)
        code = 1
    except KeyboardInterrupt:  # Ctrl-C before the browser was up
        code = 130
    sys.exit(code)


def browse_only(args: list[str], completing: bool = False) -> Path | str | None:
    """The store a browser-only invocation names ("" for the default one), or None when `args` ask for more than
    the browser (or the shell is completing a command line)."""
    if completing:
        return None
    if args[:1] == ["browse"]:
        args = args[1:]
        if len(args) == 1 and _is_file_name(args[0]):
            return Path(args[0])
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--db" and _is_file_name(args[1]):
        return Path(args[1])
    return None


def _is_file_name(arg: str) -> bool:
    """A store's name rather than an option; a folder is left to the full command line's own error."""
    return bool(arg) and not arg.startswith("-") and not Path(arg).is_dir()


def error_line(message: str) -> str:
    """A user's error as the command line reports it: one line, on stderr, exit code 1."""
    return f"dateline: error: {clean_line(message)}"  # paths and reasons may carry escapes


def run_browser(path: Path) -> int:
    """Open the browser on the store at `path` until the user quits; its return code. Raises StoreError (before
    Textual is imported) when the store cannot be read."""
    from store.db import connect
    from tui.reader import StoreReader

    connect(path, readonly=True).close()
    reader = StoreReader(path)
    reader.prefetch_first_view()  # reads the first rows while Textual loads
    from tui.app import DatelineApp

    app = DatelineApp(reader)
    app.run()
    return app.return_code or 0
