"""The Textual terminal UI for walking provenance chains (built in its own issue)."""
