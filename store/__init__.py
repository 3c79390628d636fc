"""The dateline event store: readers, extraction, SQLite storage, queries and export. Never imports Textual."""
