"""The JSON view of one article's extraction that `dateline extract` prints (a contract: scorers read it)."""
from __future__ import annotations

from store.export import event_record
from store.model import Extraction


def extraction_to_json(ex: Extraction) -> dict:
    article = ex.article
    return {
        "article": {
            "path": article.path,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url,
            "source": article.source,
        },
        "sentences": [{"index": s.index, "start": s.start, "end": s.end, "paragraph": s.paragraph, "text": s.text}
                      for s in ex.sentences],
        "entities": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "key": m.key}
                     for m in ex.entities.mentions],
        "affiliations": dict(sorted(ex.entities.affiliations.items())),
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
             **({"mod": t.mod} if t.mod else {})}
            for t in ex.timexes
        ],
        "events": [event_record(e) for e in ex.events],
    }
