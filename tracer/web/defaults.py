"""Default endpoints of the web stage, in a module that imports nothing, so the command line can
show them in `--help` without loading the HTTP client."""

DEFAULT_ARCHIVE_URL = "https://web.archive.org"
