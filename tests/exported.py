"""The JSON export of a store as a dict: what the tests compare stores by."""
import json
from io import StringIO

from store import db
from store.export import export
from store.filter import Filter


def exported(path) -> dict:
    conn = db.connect(path, readonly=True)
    try:
        out = StringIO()
        export(conn, "json", Filter(), out)
        return json.loads(out.getvalue())
    finally:
        conn.close()


def sample_event_count() -> int:
    """How many events the bundled sample store holds (the commands that show it print "N of M events")."""
    from pathlib import Path

    return len(exported(Path(__file__).resolve().parent.parent / "store" / "data" / "sample.db")["events"])
