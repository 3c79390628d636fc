"""The character encoding a saved HTML page declares for itself: `<meta charset="...">` or
`<meta http-equiv="Content-Type" content="text/html; charset=...">`, looked for (as browsers do) in the first
PRESCAN bytes, which are ASCII in every encoding a page declares this way."""
from __future__ import annotations

import codecs
import re

PRESCAN = 1024 * 4
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# Browsers read pages labelled latin-1 or ASCII as windows-1252 (the WHATWG Encoding Standard); so do we.
_AS_BROWSERS_READ = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the encoding the page declares, or None (no declaration, or one Python does not know)."""
    found = _DECLARED.search(data[:PRESCAN])
    if not found:
        return None
    try:
        name = codecs.lookup(found.group(1).decode("ascii")).name
    except LookupError:
        return None
    return _AS_BROWSERS_READ.get(name, name)
