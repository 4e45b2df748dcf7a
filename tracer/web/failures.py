"""Remembered network failures: a host that did not resolve or answer is not asked again for a while.

requests-cache keeps answers, including "404 Not Found"; a DNS failure, a refused connection
or a timeout is no answer, so without this a re-run (or an `--offline` run) would try every
dead host again — and wait out every timeout again. Failures are kept beside the HTTP cache,
for a short time only, since networks recover.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import timedelta
from pathlib import Path

# Long enough for the re-runs of one working session, short enough for an outage to pass.
DEFAULT_TTL = timedelta(hours=6)


class FailureLog:
    """URL → the network error it failed with, and when.

    Args:
        path: The SQLite file (created if missing).
        ttl: How long a failure is remembered.
    """

    def __init__(self, path: Path, ttl: timedelta = DEFAULT_TTL) -> None:
        self.ttl = ttl.total_seconds()
        self._lock = threading.Lock()
        # Worker processes share the file: wait for another's write rather than fail.
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60.0)
        with self._lock, self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS failures (url TEXT PRIMARY KEY, message TEXT, at REAL)")

    def get(self, url: str) -> str | None:
        """The remembered error message for a URL, if it failed recently."""
        with self._lock:
            row = self._db.execute("SELECT message, at FROM failures WHERE url = ?", (url,)).fetchone()
        if row is None or time.time() - float(row[1]) > self.ttl:
            return None
        return str(row[0])

    def put(self, url: str, message: str) -> None:
        """Remember that a URL failed."""
        with self._lock, self._db:
            self._db.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?)", (url, message, time.time()))

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()
