"""The network: every HTTP request, with its cache, politeness and address guard (used by read and trail)."""
