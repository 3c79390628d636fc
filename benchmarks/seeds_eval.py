"""Score extraction on the sample articles against ../shared/eval/seeds.gold.json (run by hand).

    python benchmarks/seeds_eval.py [--keep DIR]

Ingests tests/data/seeds into a fresh store, exports JSON and runs the shared scorer on it.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATELINE = str(Path(sys.executable).parent / "dateline")  # the one installed beside this Python


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "seeds.db", Path(tmp) / "seeds.json"
        subprocess.run([DATELINE, "ingest", str(ROOT / "tests/data/seeds"), "--db", str(db)], check=True)
        with out.open("w") as fh:
            subprocess.run([DATELINE, "export", "--db", str(db), "--format", "json"], check=True, stdout=fh)
        return subprocess.run([sys.executable, str(SHARED / "eval/score.py"), str(SHARED / "eval/seeds.gold.json"),
                               str(out)]).returncode


if __name__ == "__main__":
    sys.exit(main())
