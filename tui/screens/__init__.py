"""Screens of the terminal UI: documents, article, chain, timeline, and the dialogs."""
