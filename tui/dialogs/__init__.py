"""The browser's dialogs."""
