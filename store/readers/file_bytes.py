"""Reading the bytes of one article file safely: only regular files (or symbolic links to them), never more than
a limit. A named pipe would block the read forever, a device such as /dev/zero never ends, and a file that says
it is small (as /proc files do) may still be endless, so the read itself is bounded too."""
from __future__ import annotations

import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_READ_SIZE = 1 << 20


def read_bounded(path: Path, limit: int) -> bytes | str:
    """The bytes of the regular file at `path` when it holds at most `limit` bytes; otherwise why it is not read
    (one short line)."""
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind:
            return f"not a regular file but {kind}"
        # O_NONBLOCK: should the file become a pipe between the stat and the open, the open does not wait.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return "a symbolic link to nothing (its target does not exist)" if path.is_symlink() else "no such file"
    except OSError as error:
        return f"cannot read the file ({error.strerror or error})"
    try:
        info = os.fstat(fd)
        kind = _not_regular(info.st_mode)
        if kind:
            return f"not a regular file but {kind}"
        if info.st_size > limit:
            return _too_large(info.st_size, limit)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_READ_SIZE, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        return f"cannot read the file ({error.strerror or error})"
    finally:
        os.close(fd)
    if size > limit:  # it grew while read, or its size was not its length
        return _too_large(None, limit)
    return b"".join(chunks)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _too_large(size: int | None, limit: int) -> str:
    held = f"{size:,} bytes; " if size is not None else ""
    return f"file too large ({held}the limit for this kind of file is {limit:,} bytes): split it into articles"
