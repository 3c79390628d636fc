"""Every test runs with its own empty user store location ($DATELINE_DB in a temporary folder), so that no test
reads or writes the store of the person running the suite."""
import pytest


@pytest.fixture(autouse=True)
def _own_user_store(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("DATELINE_DB", str(tmp_path_factory.mktemp("user-store") / "news.db"))
