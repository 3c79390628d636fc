"""Reading the bytes of one article file safely: only regular files (or symbolic links to them), never more than
a limit. A named pipe would block the read forever, a device such as /dev/zero never ends, and a file that says
it is small (as /proc files do) may still be endless, so the read itself is bounded too."""
from __future__ import annotations

import io
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
    opened = open_bounded(path, limit)
    if isinstance(opened, str):
        return opened
    with opened:
        try:
            data = opened.read()
        except OSError as error:
            return f"cannot read the file ({error.strerror or error})"
        if opened.over_limit:  # it grew while read, or its size was not its length
            return _too_large(None, limit)
    return data


class BoundedFile(io.RawIOBase):
    """A regular file opened for reading that yields at most `limit` bytes; `over_limit` tells whether it held
    more (reading stops there)."""

    def __init__(self, fd: int, limit: int) -> None:
        super().__init__()
        self._fd, self._left, self.over_limit = fd, limit, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            self.over_limit = self.over_limit or bool(os.read(self._fd, 1))
            return 0
        wanted = min(len(buffer), self._left, _READ_SIZE)
        chunk = os.read(self._fd, wanted)
        buffer[:len(chunk)] = chunk
        self._left -= len(chunk)
        return len(chunk)

    def close(self) -> None:
        fd = getattr(self, "_fd", None)  # None when a Ctrl-C cut __init__ short: the object is still closed on exit
        if fd is not None and not self.closed:
            os.close(fd)
        super().close()


def open_bounded(path: Path, limit: int) -> BoundedFile | str:
    """The regular file at `path`, opened to read at most `limit` bytes, when it says it holds no more; otherwise
    why it is not read (one short line)."""
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
        reason = f"not a regular file but {kind}" if kind else (
            _too_large(info.st_size, limit) if info.st_size > limit else None)
    except OSError as error:
        reason = f"cannot read the file ({error.strerror or error})"
    if reason:
        os.close(fd)
        return reason
    return BoundedFile(fd, limit)


def too_large(limit: int) -> str:
    """Why a file that grew past `limit` while it was read is not read further."""
    return _too_large(None, limit)


def _not_regular(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _too_large(size: int | None, limit: int) -> str:
    held = f"{size:,} bytes; " if size is not None else ""
    return f"file too large ({held}the limit for this kind of file is {limit:,} bytes): split it into articles"
