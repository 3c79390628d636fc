"""The package as a user installs it: a wheel built from the project's packages, installed into a fresh venv
outside the source tree, run with a temporary HOME. `dateline --version`; `dateline events` shows the bundled
sample (shipped inside the wheel); `dateline ingest` of an invented article writes the default store under HOME;
`dateline events` then shows it. Bad places for the store are one error line and a non-zero exit.

The wheel is built (with build isolation: pip fetches setuptools as a user's pip would) from a copy of
pyproject.toml, README.md, store/ and tui/ alone, so that nothing else of the checkout can leak into it. The fresh
venv gets the wheel's own files; its dependencies (spaCy, the model, Textual ...) are those of the running test
environment, reached through a .pth file, so that the test needs no download of them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.processes import as_a_normal_user
from tests.exported import sample_event_count

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "On Monday, President Emmanuel Macron met Chancellor Olaf Scholz in Berlin to discuss trade.\n"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding the wheel."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in ("store", "tui"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__", "*.db-*"))
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"),
                            str(source)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("dateline-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                          str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr
    return venv / "bin"


@pytest.fixture
def home(tmp_path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    return home


def run(bin_folder: Path, home: Path, *args: str, env: dict | None = None, prefix: list[str] = ()):
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("DATELINE_DB", "XDG_DATA_HOME", "PYTHONPATH", "VIRTUAL_ENV")}
    environment |= {"HOME": str(home), "PATH": f"{bin_folder}:/usr/bin:/bin", **(env or {})}
    return subprocess.run([*prefix, str(bin_folder / "dateline"), *args], capture_output=True, text=True,
                          env=environment, cwd=home, timeout=300)


def test_the_wheel_ships_the_sample_and_the_data_files_and_no_tests(installed):
    (wheel,) = installed.parent.parent.glob("dist/dateline-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "store/data/sample.db" in names and "tui/dateline.tcss" in names
    assert "store/data/titles.txt" in names and "store/data/country_aliases.tsv" in names
    assert not [n for n in names if n.startswith("tests/") or n.endswith((".db-wal", ".db-shm"))]


def test_version_sample_ingest_and_events_in_a_fresh_home(installed, home):
    version = run(installed, home, "--version")
    assert version.returncode == 0 and version.stdout.startswith("dateline 0.")

    sample = run(installed, home, "events", "--limit", "2", "--format", "table")
    assert sample.returncode == 0, sample.stderr
    assert f"2 of {sample_event_count()} events" in sample.stdout  # the bundled sample
    store = home / ".local" / "share" / "dateline" / "news.db"
    assert f"your own store {store} holds no articles yet" in sample.stderr
    where = subprocess.run([str(installed / "python"), "-c", "import tui.paths; print(tui.paths.sample_db())"],
                           capture_output=True, text=True, check=True, cwd=home).stdout.strip()
    assert where.startswith(str(installed.parent)) and "site-packages" in where  # the wheel's copy, not ROOT's

    article = home / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ingested = run(installed, home, "ingest", str(article), "--published", "2025-05-07")
    assert ingested.returncode == 0, ingested.stderr
    assert f"Ingested 1 article(s) into {store}" in ingested.stderr and store.is_file()

    mine = run(installed, home, "export", "--format", "json")
    assert mine.returncode == 0 and mine.stderr == ""
    (event,) = json.loads(mine.stdout)["events"]
    assert (event["start"], event["persons"]) == ("2025-05-05", ["Emmanuel Macron", "Olaf Scholz"])
    listed = run(installed, home, "events", "--format", "table")
    assert "1 of 1 event" in listed.stdout and "Macron" in listed.stdout


@pytest.mark.parametrize("kind", ["a folder", "not sqlite"])
def test_dateline_db_at_a_folder_or_a_text_file_is_one_error_line(installed, home, kind):
    bad = home / "store.db"
    if kind == "a folder":
        bad.mkdir()
        reason = "it is a directory"
    else:
        bad.write_text("notes, not a database\n" * 50)
        reason = "file is not a database"
    article = home / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for args in (["events"], ["ingest", str(article), "--published", "2025-05-07"]):
        result = run(installed, home, *args, env={"DATELINE_DB": str(bad)})
        assert result.returncode == 1 and result.stdout == ""
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        assert errors == [f"dateline: error: cannot open store {bad}: {reason}"]


def test_an_unwritable_data_folder_is_one_error_line(installed, home):
    share = home / ".local" / "share"
    share.mkdir(parents=True)
    share.chmod(0o555)
    article = home / "talks.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    try:
        result = run(installed, home, "ingest", str(article), "--published", "2025-05-07",
                     prefix=as_a_normal_user())
    finally:
        share.chmod(0o755)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"dateline: error: cannot make the folder of your store {share / 'dateline'}: Permission denied (set "
        "DATELINE_DB to a store elsewhere, or give --db FILE)"]
    assert not (share / "dateline").exists()
