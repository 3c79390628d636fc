"""Readers against hostile files (issue 28): YAML alias bombs and deep nesting in frontmatter, JSON fields of the
wrong type, folder trees deeper than Python's recursion limit, linked folders. Each bad file is skipped or read
with its reason; the good articles beside it are read. The memory attack runs in a child process under an
address-space limit, so that a regression fails the test instead of exhausting the machine."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from store.readers import Skipped, read_paths

ROOT = Path(__file__).resolve().parents[2]
GOOD = "Ministers met in Oslo on Monday to discuss fishing rights in the Barents Sea.\n"
MEMORY_LIMIT = 1_500_000_000  # bytes of address space for the child: the readers need ~300 MB


def alias_bomb(levels: int) -> str:
    """YAML whose `published` value expands to 9**levels strings through nested aliases (609 bytes for 8)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, levels + 1):
        refs = ",".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"published: *a{levels}")
    return "---\n" + "\n".join(lines) + "\ntitle: Bomb\n---\n" + GOOD


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def read_in_a_limited_child(folder: Path) -> list[list]:
    """read_paths(folder) in a child process under MEMORY_LIMIT: [[path, reason or None, published or None]]."""
    probe = ("import json, sys; from store.readers import Skipped, read_paths\n"
             "out = [[i.path, i.reason, None] if isinstance(i, Skipped) else "
             "[i.path, None, i.published and i.published.isoformat(), i.published_problem] "
             "for i in read_paths([sys.argv[1]])]\n"
             "print(json.dumps(out))")
    done = subprocess.run([sys.executable, "-c", probe, str(folder)], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, preexec_fn=_limit_memory)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_a_yaml_alias_bomb_in_a_date_field_is_named_by_its_kind_not_expanded(tmp_path):
    (tmp_path / "bomb.md").write_text(alias_bomb(8), encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    found = read_in_a_limited_child(tmp_path)
    assert [row[0].rsplit("/", 1)[-1] for row in found] == ["bomb.md", "good.md"]
    bomb = found[0]
    assert bomb[1] is None and bomb[2] is None  # the article is read, without a publication date
    assert bomb[3] == "published (a list) is not a full date (day, month and year)"


@pytest.mark.parametrize("depth", [1000, 100_000])  # libyaml's loader would crash the process on the second
def test_frontmatter_nested_a_thousand_deep_is_read_line_by_line(tmp_path, depth):
    deep = "---\ntitle: " + "[" * depth + "]" * depth + "\npublished: 2025-05-07\n---\n" + GOOD
    (tmp_path / "deep.md").write_text(deep, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    deep_article, good = read_paths([tmp_path])
    assert not isinstance(deep_article, Skipped) and deep_article.body == GOOD
    assert str(deep_article.published) == "2025-05-07"
    assert not isinstance(good, Skipped)


def test_a_text_field_of_another_type_does_not_hide_the_next_and_numbers_are_no_article(tmp_path):
    records = [{"text": ["x"], "content": GOOD}, {"text": float("nan")}, {"text": 12345}, {"body": True}]
    (tmp_path / "records.json").write_text(json.dumps(records), encoding="utf-8")  # NaN as JSON's NaN
    first, *rest = read_paths([tmp_path / "records.json"])
    assert not isinstance(first, Skipped) and first.body == GOOD
    assert [r.reason for r in rest] == [
        f"record {n}: no article text (no text/body/content/article/maintext field holding text)" for n in (2, 3, 4)]


def test_a_folder_tree_deeper_than_the_recursion_limit_is_read(tmp_path):
    (tmp_path / "top.md").write_text(GOOD, encoding="utf-8")
    deep = tmp_path
    depth = sys.getrecursionlimit() + 200
    for _ in range(depth):
        deep = deep / "d"
        deep.mkdir()  # 2 characters a level: the deepest path stays far under PATH_MAX
    (deep / "bottom.md").write_text(GOOD, encoding="utf-8")
    try:
        found = list(read_paths([tmp_path]))
    finally:  # pytest's own clean-up of tmp_path recurses, and would fail on this tree: take it down bottom up
        (deep / "bottom.md").unlink()
        for _ in range(depth):
            deep.rmdir()
            deep = deep.parent
    names = [item.path.rsplit("/", 1)[-1] for item in found]
    assert names == ["bottom.md", "top.md"]  # sorted by path: d/d/.../bottom.md before top.md
    assert not [item for item in found if isinstance(item, Skipped)]


def test_a_linked_folder_inside_a_folder_is_skipped_with_a_reason(tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "a.md").write_text(GOOD, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    (news / "b.md").write_text(GOOD, encoding="utf-8")
    (news / "linked").symlink_to(other, target_is_directory=True)
    (news / "loop").symlink_to(news / "loop")
    found = list(read_paths([news]))
    assert [(Path(i.path).name, i.reason if isinstance(i, Skipped) else None) for i in found] == [
        ("b.md", None),
        ("linked", "a link to a folder: linked folders are not followed (name it to read it)"),
    ]


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_bad_link_named_directly_is_skipped_with_what_it_is(tmp_path, kind):
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / ("nowhere.md" if kind == "dangling" else "link.md"))
    (skipped,) = read_paths([link])
    reason = {"dangling": "a symbolic link to nothing (its target does not exist)",
              "loop": "a symbolic link that loops back to itself"}[kind]
    assert skipped == Skipped(str(link), reason)


def test_a_saved_page_with_far_too_much_text_is_refused_before_it_is_parsed(tmp_path, monkeypatch):
    import trafilatura

    page = tmp_path / "dump.html"
    paragraph = "<p>Ministers met again on Monday to talk about fishing rights and quotas.</p>\n"
    page.write_text("<html><body>" + paragraph * 40_000 + "</body></html>", encoding="utf-8")  # 3 MB of text
    tagged = tmp_path / "tags.html"  # markup alone, however much of it, is no reason to refuse a page
    tagged.write_text("<html><body>" + "<div><span></span></div>" * 20_000 + "<p>" + GOOD + "</p></body></html>",
                      encoding="utf-8")
    parsed = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda text, **kw: parsed.append(len(text)) or real(text, **kw))
    dump, tags = read_paths([page, tagged])
    assert dump == Skipped(str(page), "article text too long (the page holds over 2,000,000 characters of text; "
                                      "the limit is 1,000,000): split it into articles")
    assert not isinstance(tags, Skipped) and tags.body.strip() == GOOD.strip()
    assert len(parsed) == 1  # only the second page reached the extraction


def test_the_text_of_a_page_is_counted_without_its_markup():
    from store.readers.html_pages import visible_text_length

    assert visible_text_length("<i></i>" * 200_000, enough=1_000) == 0  # 400,000 tags, no text
    assert visible_text_length("<p>" + "<script>x " * 20_000) == 0  # unclosed scripts hide the rest
    assert visible_text_length("a <b " * 20_000) == 100_000  # brackets that never close are text
    assert visible_text_length("<p>Hello \n  world</p><!-- a note --><script>x < y</script><style>p {}</style>!") == 12


@pytest.mark.parametrize("encoding, declaration, text", [
    ("windows-1251", '<meta charset="windows-1251">',
     "Министры встретились в Осло в понедельник, чтобы обсудить права на рыболовство в Баренцевом море."),
    ("shift_jis", '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">',
     "閣僚たちは月曜日にオスロで会合し、バレンツ海の漁業権について話し合った。双方は合意に向けて協議を続けることで一致した。"),
], ids=["windows-1251", "shift_jis"])
def test_a_saved_page_is_read_in_the_encoding_it_declares(tmp_path, encoding, declaration, text):
    page = tmp_path / "page.html"
    html = (f"<html><head>{declaration}<title>News</title></head><body><article><p>{text}</p>"
            f"<p>{text}</p></article></body></html>")
    page.write_bytes(html.encode(encoding))
    (article,) = read_paths([page])
    assert not isinstance(article, Skipped), article
    assert text in article.body


@pytest.mark.parametrize("depth", [200, 300, 1_000])
def test_text_nested_deeper_than_the_html_parser_reads_is_still_read(tmp_path, depth):
    text = "Ministers met in Oslo on Monday to discuss fishing rights in the Barents Sea. " * 4
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>News</title></head><body>" + "<div><span>" * (depth // 2)
                    + f"<p>{text}</p><p>{text}</p>" + "</span></div>" * (depth // 2) + "</body></html>")
    (article,) = read_paths([page])
    assert not isinstance(article, Skipped), article
    assert text.strip() in article.body


def test_a_page_too_deep_even_without_its_layout_says_why_it_is_refused(tmp_path):
    text = "Ministers met in Oslo on Monday to discuss fishing rights in the Barents Sea. " * 4
    page = tmp_path / "quotes.html"
    page.write_text("<html><body>" + "<blockquote>" * 300 + f"<p>{text}</p>" + "</blockquote>" * 300
                    + "</body></html>")
    (skipped,) = read_paths([page])
    assert skipped == Skipped(str(page), "no article text found in the HTML (its elements nest over 255 deep, "
                                         "deeper than the HTML parser reads)")


# --- collections read a record at a time ------------------------------------------------------------------------

RECORD_TEXT = "Ministers met in Oslo on Monday to discuss fishing rights in the Barents Sea. " * 20
COLLECTION_BYTES = 60_000_000
HEADROOM = 120_000_000  # bytes of address space the child may add to what it holds once its modules are loaded


@pytest.fixture(scope="module")
def big_collections(tmp_path_factory) -> dict[str, Path]:
    """A 60 MB .jsonl and the same records as a 60 MB .json list."""
    folder = tmp_path_factory.mktemp("collections")
    line = json.dumps({"text": RECORD_TEXT, "title": "Talks", "published": "2025-05-07"})[:-1]
    count = COLLECTION_BYTES // (len(line) + 12)
    lines = folder / "big.jsonl"
    with lines.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(f'{line}, "n": {number}}}\n')
    listed = folder / "big.json"
    with listed.open("w", encoding="utf-8") as out:
        out.write("[\n" + ",\n".join(f'{line}, "n": {number}}}' for number in range(count)) + "\n]\n")
    return {"jsonl": lines, "json": listed, "count": count}


MEMORY_PROBE = """
import resource, sys
{setup}
size = int(next(l for l in open("/proc/self/status") if l.startswith("VmSize")).split()[1]) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + {headroom}, size + {headroom}))
{work}
"""


def run_under_headroom(setup: str, work: str, *args: str) -> str:
    """Run `work` in a child whose address space may grow by HEADROOM after `setup` (its imports) ran."""
    code = MEMORY_PROBE.format(setup=setup, work=work, headroom=HEADROOM)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-1500:]
    return done.stdout


@pytest.mark.parametrize("kind", ["jsonl", "json"])
def test_a_collection_is_read_a_record_at_a_time(big_collections, kind):
    out = run_under_headroom(
        "from store.readers import Skipped, read_paths",
        "items = [0, 0]\n"
        "for item in read_paths([sys.argv[1]]):\n"
        "    items[isinstance(item, Skipped)] += 1\n"
        "    last = item\n"
        "print(items[0], items[1], last.path.rsplit('#', 1)[1], len(last.body))",
        str(big_collections[kind]))
    count = big_collections["count"]  # the last is record (or line) `count`: both count from 1
    assert out.split() == [str(count), "0", str(count), str(len(RECORD_TEXT))]


def test_ingest_holds_no_collection_in_memory(big_collections, tmp_path):
    """Ingest reads the collection twice (what to do, then the articles as they are extracted), never holding it:
    with the extraction stubbed out, 60 MB of records go through in a child with 120 MB to spare."""
    out = run_under_headroom(
        "import store.extract.pipeline as pipeline\n"
        "from store.ingest import ingest\n"
        "from store.readers import Skipped\n"
        "pipeline.extract_many = lambda articles, n_process=1: (Skipped(a.path, 'not extracted') for a in articles)",
        "report = ingest([sys.argv[1]], sys.argv[2])\n"
        "print(len(report.skipped), report.skipped[-1].reason)",
        str(big_collections["jsonl"]), str(tmp_path / "s.db"))
    assert out.strip() == f"{big_collections['count']} not extracted"


def test_a_collection_is_parsed_across_chunk_boundaries_and_stops_where_it_breaks(tmp_path, monkeypatch):
    from store.readers import json_stream

    monkeypatch.setattr(json_stream, "CHUNK", 7)  # every record, string and number spans several chunks
    records = [{"text": "First article text. \x07Bell inside.", "n": 123456789},
               {"text": "Second article, café and naïve.", "n": 1.5e3},
               {"text": "Third article."}]
    good = tmp_path / "good.json"
    good.write_text(json.dumps(records, ensure_ascii=False).replace("\\u0007", "\x07"), encoding="utf-8")
    found = list(read_paths([good]))
    assert [a.body for a in found] == ["First article text. Bell inside.", "Second article, café and naïve.",
                                       "Third article."]
    assert [a.path for a in found] == [f"{good}#1", f"{good}#2", f"{good}#3"]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "Kept one."}, {"text": "Kept two."}, {"text": "cut', encoding="utf-8")
    *kept, failed = read_paths([broken])
    assert [a.body for a in kept] == ["Kept one.", "Kept two."]
    assert failed.path == str(broken) and failed.reason.startswith("invalid JSON after record 2 (record 3: ")


def test_a_collection_that_is_not_utf8_is_read_as_cp1252(tmp_path):
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"text": "Plain first line."}\n{"text": "Caf\xe9 talks in Orl\xe9ans."}\n'.encode("cp1252"))
    first, second = read_paths([latin])
    assert (first.body, second.body) == ("Plain first line.", "Café talks in Orléans.")


def test_a_bounded_file_cut_short_before_it_held_its_descriptor_closes_quietly(tmp_path):
    """A Ctrl-C can land between the object's creation and its __init__: closing it (at exit) must not raise."""
    from store.readers.file_bytes import BoundedFile, open_bounded

    half_made = BoundedFile.__new__(BoundedFile)
    half_made.close()
    assert half_made.closed
    (tmp_path / "a.txt").write_text("hello")
    whole = open_bounded(tmp_path / "a.txt", 100)
    assert whole.read() == b"hello" and not whole.over_limit
    fd = whole._fd
    whole.close()
    with pytest.raises(OSError):
        os.fstat(fd)  # its descriptor was closed with it
