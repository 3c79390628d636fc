"""`dateline --version`: the installed distribution's version (the source tree's pyproject when not installed)."""
from __future__ import annotations

import re
from pathlib import Path


def version() -> str:
    from importlib import metadata  # 12 ms: only for --version, not on the browser's way to its first frame

    try:
        return metadata.version("dateline")
    except metadata.PackageNotFoundError:  # run from a checkout without installing it
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        found = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE) \
            if pyproject.is_file() else None
        return found.group(1) if found else "unknown"


def version_text() -> str:
    return f"dateline {version()}"
