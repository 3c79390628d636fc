"""Child processes: `dateline` run as a child process."""
from __future__ import annotations

import subprocess
import sys

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

