"""Parsing one article, no I/O: embedded posts, body links, attributions, and claims with their chains."""
