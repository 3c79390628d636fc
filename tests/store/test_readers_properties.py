"""Properties of the readers on arbitrary file contents: reading never raises, and every file gives Articles or
Skipped entries with a reason; an Article has text, and a date that is plausible or none."""
from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.model import Article
from store.readers import Skipped, read_paths
from store.readers.dates import plausible

FIELDS = ["text", "body", "title", "published", "date", "url", "source"]
json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                       max_size=3), max_leaves=8)
records = st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(max_size=60), max_size=5)
frontmatter = st.builds(lambda meta, body: f"---\n{meta}\n---\n{body}",
                        st.text(max_size=80), st.text(max_size=200))
contents = {
    ".txt": st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
    ".md": st.one_of(st.binary(max_size=300), frontmatter.map(str.encode)),
    ".json": st.one_of(st.binary(max_size=200), st.lists(records, max_size=3).map(json.dumps).map(str.encode),
                       records.map(json.dumps).map(str.encode)),
    ".jsonl": st.one_of(st.binary(max_size=200), st.lists(st.one_of(records.map(json.dumps), st.text(max_size=20)),
                                                          max_size=4).map("\n".join).map(str.encode)),
    ".html": st.one_of(st.binary(max_size=200), st.text(max_size=200).map(
        lambda t: f"<html><head><title>{t[:20]}</title></head><body><article><p>{t}</p></article></body></html>")
        .map(str.encode)),
}


def _check(path, published):
    items = list(read_paths([path], published))
    assert items, "every file gives at least one entry"
    for item in items:
        assert isinstance(item, (Article, Skipped))
        if isinstance(item, Skipped):
            assert item.reason.strip() and str(path) in item.path
        else:
            assert item.body.strip() and item.path.startswith(str(path))
            assert item.published is None or plausible(item.published)
            assert "\x1b" not in item.body + item.title


published = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2026, 1, 1)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from([".txt", ".md", ".json", ".jsonl"]).flatmap(
    lambda suffix: st.tuples(st.just(suffix), contents[suffix])), published)
def test_any_text_or_json_file_is_read_or_skipped_with_a_reason(tmp_path, file, day):
    suffix, data = file
    path = tmp_path / f"article{suffix}"
    path.write_bytes(data)
    _check(path, day)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(contents[".html"])
def test_any_html_file_is_read_or_skipped_with_a_reason(tmp_path, data):
    path = tmp_path / "page.html"
    path.write_bytes(data)
    _check(path, None)
