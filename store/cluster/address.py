"""What `--cluster` is given and whether it can be used: the address (a scheduler's, or local:N), Dask being
installed, and the one error line when the cluster cannot be used or is lost."""
from __future__ import annotations

INSTALL_HINT = "pip install 'dateline[cluster]'"
LOCAL_PREFIX = "local:"


class ClusterError(Exception):
    """The cluster cannot be used or was lost: one line, said as it is."""


def available() -> str | None:
    """None when Dask distributed can be imported, else the one line saying how to install it."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return f"--cluster needs Dask distributed, which is not installed: {INSTALL_HINT}"
    return None


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N) for `local:N`, else (scheduler address, None). Raises ClusterError on a bad one."""
    address = address.strip()
    if address.startswith(LOCAL_PREFIX):
        count = address[len(LOCAL_PREFIX):]
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {address}: local:N needs a number of workers, at least 1 (local:2)")
        return "local", int(count)
    if not address or any(c.isspace() for c in address):
        raise ClusterError(f"--cluster {address!r}: give a scheduler address (tcp://HOST:8786) or local:N")
    return address, None

