"""Which files a list of paths names: files as given, folders searched recursively in sorted order, hidden files
and folders left out, and in folders only files whose extension a reader knows."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from store.readers.records import Skipped


def article_files(paths: Sequence[str | Path], extensions: Iterable[str]) -> Iterator[Path | Skipped]:
    """Each file to read, in a deterministic order, or a Skipped for a path that does not exist."""
    wanted = {extension.lower() for extension in extensions}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _folder_files(path, wanted)
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def _folder_files(folder: Path, wanted: set[str]) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root, name) for name in files
                  if not name.startswith(".") and Path(name).suffix.lower() in wanted]
    return sorted(found)
