"""The fetcher's options and their defaults, in a module that loads no HTTP client.

`tracer trace --help` and `tracer tui` show these defaults before anything is fetched; with the
options in `fetch.py` they loaded requests, urllib3 and the rate limiters first (0.14–0.18 s of
imports in `-X importtime` at load 9 on this machine's 2 cores), and requests-cache (0.1–0.26 s).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from tracer._version import __version__
from tracer.web.failures import DEFAULT_TTL as DEFAULT_FAILURE_TTL

AGENT_TOKEN = "provenance-tracer"
USER_AGENT = f"{AGENT_TOKEN}/{__version__} (+https://github.com/provenance-tracer; research tool)"
DEFAULT_CACHE_DIR = Path(os.environ.get("TRACER_CACHE_DIR", "cache"))
# News pages are 50 KB-2 MB; 10 MiB leaves room for bloated pages and refuses media files.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass
class FetchOptions:
    """How politely and how far the fetcher may go.

    Attributes:
        cache_dir: Where the SQLite HTTP cache lives.
        offline: Serve only from the cache; never touch the network.
        timeout: (connect, read) seconds for each network operation.
        deadline: Most seconds one response may take in total (a slow drip cannot stall a run).
        max_bytes: Largest body accepted.
        user_agent: Sent with every request.
        allow_private: Fetch loopback/private/link-local addresses too.
        allow_hosts: `host[:port]` entries exempt from the address rule (configured endpoints).
        respect_robots: Obey robots.txt for pages the tracer follows on its own.
        rate: Minimum seconds between request starts on one host.
        per_host: Requests in flight to one host at a time.
        workers: Pages fetched at once across hosts.
        retries: Extra attempts after a 429/5xx answer.
        backoff: First retry delay in seconds; doubles on each attempt.
        max_backoff: Longest wait before a retry, whatever Retry-After asks for.
        max_redirects: Redirects followed before giving up.
        failure_ttl: How long a DNS failure, refused connection or timeout is remembered.
        shared_limits: Hold the per-host interval and cap across processes (lock files in
            `cache_dir`), for runs whose worker processes each have a fetcher.
    """

    cache_dir: Path = DEFAULT_CACHE_DIR
    offline: bool = False
    timeout: tuple[float, float] = (5.0, 20.0)
    deadline: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT
    allow_private: bool = False
    allow_hosts: frozenset[str] = field(default_factory=frozenset)
    respect_robots: bool = True
    rate: float = 1.0
    per_host: int = 2
    workers: int = 8
    retries: int = 2
    backoff: float = 1.0
    max_backoff: float = 30.0
    max_redirects: int = 5
    failure_ttl: timedelta = DEFAULT_FAILURE_TTL
    shared_limits: bool = False
