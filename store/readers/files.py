"""Which files a list of paths names: files as given, folders searched in sorted order (without recursion, so a
tree of any depth is read), hidden files and folders left out, and in folders only files whose extension a
reader knows. A link to a folder inside a folder is not followed (a loop would never end) and is named with that
reason; a link that leads nowhere or loops, named directly, is skipped with what it is."""
from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from store.clean import printable_path
from store.readers.records import Skipped

LINKED_FOLDER = "a link to a folder: linked folders are not followed (name it to read it)"


def article_files(paths: Sequence[str | Path], extensions: Iterable[str]) -> Iterator[Path | Skipped]:
    """Each file to read, in a deterministic order, or a Skipped for a path that does not exist. What is not a
    regular file (a pipe, a device) is still listed: reading it says why it is skipped."""
    wanted = {extension.lower() for extension in extensions}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder_files(path, wanted)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield Skipped(printable_path(path), _bad_link(path))
        else:
            yield Skipped(printable_path(path), "no such file or folder")


def _bad_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops back to itself"
    return "a symbolic link to nothing (its target does not exist)"


def _folder_files(folder: Path, wanted: set[str]) -> list[Path | Skipped]:
    """The wanted files under `folder`, and its linked or unreadable folders as Skipped, sorted by path."""
    found: list[tuple[str, Path | Skipped]] = []
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                listed = list(entries)
        except OSError as error:
            found.append((current, Skipped(printable_path(Path(current)),
                                           f"folder not read ({error.strerror or error})")))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(entry.path)
            elif entry.is_symlink() and _is_dir(entry):
                found.append((entry.path, Skipped(printable_path(Path(entry.path)), LINKED_FOLDER)))
            elif os.path.splitext(entry.name)[1].lower() in wanted:
                found.append((entry.path, Path(entry.path)))
    return [item for _, item in sorted(found, key=lambda pair: Path(pair[0]).parts)]


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False
