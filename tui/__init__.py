"""The dateline terminal app (Textual) and its command line (Typer)."""
