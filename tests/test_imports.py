"""Import boundaries: the store never imports Textual; nothing but extraction loads spaCy."""
import subprocess
import sys


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_store_imports_without_textual_or_spacy():
    modules = loaded_after("import store.db, store.queries, store.export, store.ingest, store.readers")
    assert "store" in modules
    assert "textual" not in modules and "spacy" not in modules


def test_command_line_starts_without_spacy():
    modules = loaded_after("import tui.cli")
    assert "tui" in modules and "spacy" not in modules
