"""Politeness shared by every process of a run: the per-host interval and cap held through lock files.

A parallel batch traces inputs in several worker processes, each with its own fetcher. The
in-process `HostLimiter` would let each of them send its own request to a host every
interval — N workers, N times the rate. Here the interval and the cap live in the cache
folder: a host's next allowed start time is a small file read and written under an exclusive
file lock, and its in-flight requests each hold one of `per_host` slot locks. File locks are
released by the operating system when a process dies, so a killed worker never leaves a host
blocked. Lock files need a local file system (not NFS), like the SQLite cache beside them.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from tracer.web.ratelimit import HostLimiter

# How often a request waiting for a free slot on a busy host checks again. Requests take tens
# of milliseconds at least, so 20 ms adds little latency and no measurable load.
_SLOT_POLL = 0.02
_SAFE = re.compile(r"[^A-Za-z0-9.-]+")


class SharedHostLimiter(HostLimiter):
    """A `HostLimiter` whose interval, Crawl-delays and cap hold across processes.

    Args:
        folder: Where the lock and state files live (one pair per host, plus its slots).
        interval: Minimum seconds between the starts of two requests to one host.
        per_host: Maximum requests in flight to one host at a time, over all processes.
    """

    def __init__(self, folder: Path, interval: float = 1.0, per_host: int = 2) -> None:
        super().__init__(interval, per_host)
        self.folder = folder

    def set_delay(self, host: str, seconds: float) -> None:
        """Ask for a longer interval on one host (a robots.txt Crawl-delay), for every process."""
        with self._host_lock(host):
            start, delay = self._state(host)
            self._save(host, start, max(delay, seconds))

    @contextlib.contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's slots, starting no sooner than the shared interval allows."""
        with self._free_slot(host):
            time.sleep(self._reserve(host))
            yield

    def _reserve(self, host: str) -> float:
        """Book the host's next start time in its state file; returns how long to wait for it."""
        with self._host_lock(host):
            now = time.time()  # wall-clock: comparable across processes
            start, delay = self._state(host)
            start = max(now, start)
            self._save(host, start + max(self.interval, delay), delay)
            return start - now

    @contextlib.contextmanager
    def _free_slot(self, host: str) -> Iterator[None]:
        base = self._path(host)
        locks = [FileLock(f"{base}.slot{i}") for i in range(self.per_host)]
        while True:
            for lock in locks:
                try:
                    lock.acquire(timeout=0)
                except Timeout:
                    continue
                try:
                    yield
                finally:
                    lock.release()
                return
            time.sleep(_SLOT_POLL)

    def _host_lock(self, host: str) -> FileLock:
        return FileLock(f"{self._path(host)}.lock")

    def _state(self, host: str) -> tuple[float, float]:
        """(next start, Crawl-delay) from the host's state file; zeros when there is none yet."""
        try:
            start, delay = Path(f"{self._path(host)}.next").read_text(encoding="ascii").split()
            return float(start), float(delay)
        except (OSError, ValueError):
            return 0.0, 0.0

    def _save(self, host: str, start: float, delay: float) -> None:
        Path(f"{self._path(host)}.next").write_text(f"{start!r} {delay!r}\n", encoding="ascii")

    def _path(self, host: str) -> Path:
        """A file-name-safe stem per host (readable, plus a hash so that two hosts never share one)."""
        digest = hashlib.sha1(host.encode("utf-8")).hexdigest()[:8]
        self.folder.mkdir(parents=True, exist_ok=True)  # on first use: a run that fetches nothing makes no folder
        return self.folder / f"{_SAFE.sub('_', host)[:60]}-{digest}"
