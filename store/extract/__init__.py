"""Extraction: sentences, entities, time expressions and events from one article's text."""
