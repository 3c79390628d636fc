"""Child processes: `dateline` run as a child process, and children as /proc shows them (Linux), for the tests
that kill a parent and check that its workers die too."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# The CLI as the `dateline` script runs it. SIGINT first gets Python's usual handler (KeyboardInterrupt): a child
# inherits an ignored SIGINT from a pytest started in the background (`cmd &` in a script, nohup, setsid, some CI),
# Python then installs no handler, and the Ctrl-C tests' SIGINT would do nothing. (restore_signals=True does not
# help: it resets SIGPIPE, SIGXFZ and SIGXFSZ only.) dateline itself keeps an ignored SIGINT ignored, as a program
# started with nohup should: only the tests want Ctrl-C to reach it.
DATELINE = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from tui.cli import app; sys.argv[0] = 'dateline'; app()")


def dateline(*args: str, **popen) -> subprocess.Popen:
    """`dateline ARGS...` in a child process, its stdout and stderr piped as text unless `popen` says otherwise."""
    popen = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, "text": True, **popen}
    return subprocess.Popen([sys.executable, "-c", DATELINE, *args], **popen)


HAS_PROC = Path("/proc/thread-self/children").exists()  # Linux with CONFIG_PROC_CHILDREN


def children(pid: int) -> set[int]:
    """The child processes of `pid` (the children of each of its threads)."""
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(child) for child in (task / "children").read_text().split())
        except OSError:  # the thread ended meanwhile
            pass
    return found


def started(pid: int) -> str | None:
    """The start time of process `pid` (to tell it from a later process given the same pid), or None once it is
    gone; a zombie (dead, waiting for a reaper that may never come in a container) counts as gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else fields[19]


def survivors(processes: dict[int, str | None], within: float) -> set[int]:
    """Which of `processes` ({pid: start time}) are still alive after `within` seconds at most; waits only as long
    as some are (a bound, not a measure). Survivors are killed then, so that a failed test leaves no orphan."""
    deadline = time.monotonic() + within
    alive = {pid: start for pid, start in processes.items() if start is not None}
    while True:
        alive = {pid: start for pid, start in alive.items() if started(pid) == start}
        if not alive or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    return set(alive)


def as_a_normal_user() -> list[str]:
    """A command prefix that runs a child without the permission override root has: setpriv dropping
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH as root; nothing for a user, who has no override."""
    if os.geteuid() != 0:
        return []
    drop = "-dac_override,-dac_read_search"
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot drop root's permission override here")
    return ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", "--"]
