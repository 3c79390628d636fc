"""How the command line reports a user's error: one line `dateline: error: ...` on stderr, exit code 1 (130 for an
interruption)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from store.db import StoreError
from tui.launch import error_line


def fail(message: str, code: int = 1) -> NoReturn:
    """Print the error as a single line on stderr and leave with exit code `code`."""
    typer.echo(error_line(message), err=True)
    raise typer.Exit(code)


@contextmanager
def reported_errors() -> Iterator[None]:
    """Turn a StoreError raised inside the block into `fail`."""
    try:
        yield
    except StoreError as error:
        fail(str(error))
