"""Politeness per host: a minimum interval between request starts and a cap on requests in flight."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator


class HostLimiter:
    """Spaces out and caps the requests sent to each host (`host:port`).

    Thread-safe: the trail fetches several candidate pages at once, and two of them may be on
    the same host. Only requests that reach the network pass through here; cached pages are
    served without waiting.

    Args:
        interval: Minimum seconds between the starts of two requests to one host.
        per_host: Maximum requests in flight to one host at a time.
    """

    def __init__(self, interval: float = 1.0, per_host: int = 2) -> None:
        self.interval = max(0.0, interval)
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._delays: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        """Ask for a longer interval on one host (a robots.txt Crawl-delay)."""
        with self._lock:
            self._delays[host] = max(seconds, self._delays.get(host, 0.0))

    @contextlib.contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's request slots, starting no sooner than its interval allows."""
        with self._lock:
            semaphore = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with semaphore:
            time.sleep(self._reserve(host))
            yield

    def _reserve(self, host: str) -> float:
        """Book the host's next start time; returns how long to wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + max(self.interval, self._delays.get(host, 0.0))
            return start - now
