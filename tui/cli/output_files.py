"""Output files written whole or not at all: the text goes to a temporary file beside the target, which replaces
the target only once everything is written. An export that fails half-way (a damaged store, a full disk, Ctrl-C)
leaves the user's previous file as it was. A target that is no regular file (a pipe, /dev/null, /dev/stdout) is
written directly, never replaced."""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def replaced_when_complete(target: Path) -> Iterator[TextIO]:
    """A text file to write; on leaving the block without an error it becomes `target` (through a link, the
    file the link points to), with the permissions a new file gets; on an error it is removed."""
    final = Path(os.path.realpath(target))
    if final.exists() and not stat.S_ISREG(final.stat().st_mode):
        # A pipe, a terminal, /dev/null, /dev/stdout: written as it is; never replaced by a file.
        with open(final, "w", encoding="utf-8", newline="") as out:
            yield out
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_of(final))
        os.replace(temporary, final)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _mode_of(final: Path) -> int:
    """The existing file's permissions, else those of a new file under the current umask."""
    try:
        return final.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
