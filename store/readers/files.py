"""Which files a list of paths names: files as given, folders searched recursively in sorted order, hidden files
and folders left out, and in folders only files whose extension a reader knows."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from store.clean import printable_path
from store.readers.records import Skipped


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
            yield Skipped(printable_path(path), "a symbolic link to nothing (its target does not exist)")
        else:
            yield Skipped(printable_path(path), "no such file or folder")


def _folder_files(folder: Path, wanted: set[str]) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in wanted]
    return sorted(found)
