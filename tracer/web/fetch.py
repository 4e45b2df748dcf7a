"""HTTP: the only module that talks to the network. requests + a real on-disk cache (requests-cache).

Polite and safe by default: an honest User-Agent, robots.txt for the pages the tracer follows on
its own, a per-host rate limit and concurrency cap, connect/read timeouts and an overall
deadline, retries with backoff on 429/5xx, a body size cap enforced while streaming, content-type
checks before the body is read, a redirect limit, and no loopback/private/link-local addresses
(checked before the cache, after DNS resolution, after connecting, and at every redirect).
"""

from __future__ import annotations

import contextlib
import email.utils
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests
import requests_cache

from tracer.errors import (
    ContentTypeError,
    FetchError,
    HTTPStatusError,
    NetworkError,
    NotCachedError,
    OutOfTimeError,
    RateLimitedError,
    ResponseTooLargeError,
    UnsupportedInputError,
)
from tracer.text import clean_json
from tracer.web.addresses import DNS_FAILURE, AddressPolicy, host_key
from tracer.web.failures import FailureLog
from tracer.web.options import AGENT_TOKEN as AGENT_TOKEN
from tracer.web.options import DEFAULT_CACHE_DIR as DEFAULT_CACHE_DIR
from tracer.web.options import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES
from tracer.web.options import USER_AGENT as USER_AGENT
from tracer.web.options import FetchOptions as FetchOptions
from tracer.web.ratelimit import HostLimiter
from tracer.web.robots import RobotsRules
from tracer.web.sharedlimit import SharedHostLimiter
from tracer.web.transport import GuardedAdapter, acceptable, ends_by

if TYPE_CHECKING:
    from requests.sessions import _Settings

LOGGER = logging.getLogger(__name__)

# Pages change rarely once published; a week keeps re-runs of a study offline-fast while
# still picking up corrections.
DEFAULT_EXPIRY = timedelta(days=7)
# How long a process waits for another's write to the shared SQLite cache before giving up;
# a write takes milliseconds, so 60 s only runs out when something is truly stuck.
SQLITE_BUSY_MS = 60_000
# Opening the cache switches it to WAL, and SQLite answers that switch "database is locked" at
# once, without waiting, while another process holds the file's write lock (a worker setting the
# new cache up at the same moment). Retrying after a pause is what waiting would have done;
# setting a cache up takes milliseconds, so the first retry almost always succeeds.
_OPEN_RETRY_PAUSE = 0.05
READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/xml", "text/xml")
PAGE_ACCEPT = ", ".join(READABLE_TYPES)
JSON_ACCEPT = "application/json, application/json+oembed, text/json, text/javascript, text/plain"
TEXT_ACCEPT = "text/plain, */*;q=0.1"
# 429 and these 5xx answers are usually temporary; other errors are answers.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Cached: pages, and the answers that say "gone" or "moved" (so a re-run needs no network).
CACHED_STATUSES = (200, 203, 404, 410, *sorted(REDIRECT_STATUSES))


@dataclass(frozen=True)
class FetchedPage:
    """A response body and the facts about it the readers need."""

    url: str
    final_url: str
    status: int
    content_type: str
    content: bytes
    from_cache: bool
    headers: dict[str, str] = field(default_factory=dict)
    redirects: tuple[str, ...] = ()

    @property
    def is_html(self) -> bool:
        """Whether the body should be read as HTML."""
        return "html" in self.content_type or "xml" in self.content_type


class Fetcher:
    """Fetches pages through an on-disk cache. Create one per run and reuse it (thread-safe).

    Args:
        options: Cache location, offline mode, politeness and safety limits.
    """

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self.policy = AddressPolicy(self.options.allow_private, frozenset(self.options.allow_hosts))
        self.limiter = _limiter(self.options)
        self.robots = RobotsRules(self._robots_text, AGENT_TOKEN)
        self.network_requests = 0
        self._count_lock = threading.Lock()
        self._open_lock = threading.Lock()
        self._session: requests_cache.CachedSession | None = None
        self._failures: FailureLog | None = None
        self._until: float | None = None
        self._budget = 0.0

    @property
    def session(self) -> requests_cache.CachedSession:
        """The cached session, opened on first use (a run that fetches nothing leaves no cache behind)."""
        self._open()
        assert self._session is not None
        return self._session

    @property
    def failures(self) -> FailureLog:
        """The remembered network failures, opened on first use."""
        self._open()
        assert self._failures is not None
        return self._failures

    def _open(self) -> None:
        with self._open_lock:
            if self._session is not None:
                return
            self.options.cache_dir.mkdir(parents=True, exist_ok=True)
            deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
            while True:
                try:
                    self._open_databases()
                    return
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
                    time.sleep(_OPEN_RETRY_PAUSE)

    def _open_databases(self) -> None:
        """Open the HTTP cache and the failure log (both shared with any other worker process)."""
        session = _Session(
            str(self.options.cache_dir / "http_cache"),
            backend="sqlite",
            expire_after=DEFAULT_EXPIRY,
            allowable_codes=CACHED_STATUSES,
            stale_if_error=True,
            # Worker processes share this file: WAL lets readers and a writer work at once,
            # and a writer waits for another's commit instead of failing "database is locked".
            wal=True,
            busy_timeout=SQLITE_BUSY_MS,
        )
        try:
            failures = FailureLog(self.options.cache_dir / "failures.sqlite", self.options.failure_ttl)
        except sqlite3.OperationalError:
            session.close()  # type: ignore[no-untyped-call]
            raise
        adapter = GuardedAdapter(self.policy, self.limiter, self.options.max_bytes, self.options.deadline)
        session.mount("http://", adapter)
        session.mount("https://", adapter)
        session.headers["User-Agent"] = self.options.user_agent
        self._failures = failures
        self._session = session

    def close(self) -> None:
        """Close the session and its cache database (if they were ever opened)."""
        if self._session is not None:
            self._session.close()  # type: ignore[no-untyped-call]
        if self._failures is not None:
            self._failures.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Inside the block, every fetch ends within `seconds` of its start (None: no budget).

        A URL asked for after the budget is spent raises `OutOfTimeError` unfetched (the cache
        still answers); a request in flight is cut when it runs out.
        """
        previous, previous_budget = self._until, self._budget
        if seconds is not None:
            self._until, self._budget = time.monotonic() + seconds, seconds
        try:
            yield
        finally:
            self._until, self._budget = previous, previous_budget

    def remaining(self) -> float | None:
        """Seconds left in the current budget, or None when there is none."""
        return None if self._until is None else self._until - time.monotonic()

    def get(self, url: str, *, followed: bool = False, accept: str = PAGE_ACCEPT) -> FetchedPage:
        """Fetch a URL (from the cache when it holds a fresh copy), following redirects.

        Args:
            url: An http(s) URL.
            followed: The tracer chose this URL itself (a link in a page), so robots.txt
                applies; a URL the user gave is fetched as asked, as a browser would.
            accept: The media types the caller can read; others are refused unread.

        Raises:
            UnsupportedInputError: Not an http(s) URL.
            BlockedURLError: A non-public address, or disallowed by robots.txt.
            NotCachedError: Offline and not cached.
            NetworkError: DNS failure, refused connection, timeout.
            HTTPStatusError: A 4xx/5xx answer.
            ContentTypeError: Not a type `accept` names.
            ResponseTooLargeError: Over the size cap.
            FetchError: Too many redirects, or another failure.
        """
        _check_scheme(url)
        redirects: list[str] = []
        current = url
        for _ in range(self.options.max_redirects + 1):
            self.policy.check_url(current)
            if followed and self.options.respect_robots:
                self._obey_robots(current)
            response = self._request(current, accept)
            if getattr(response, "from_cache", False):  # the network path checked the address already
                self.policy.check_cached(current)
            location = response.headers.get("Location")
            if response.status_code not in REDIRECT_STATUSES or not location:
                return self._page(url, current, response, accept, tuple(redirects))
            redirects.append(current)
            current = urljoin(current, location)
            _check_scheme(current)
        raise FetchError(f"more than {self.options.max_redirects} redirects from {url}", url)

    def get_json(self, url: str) -> Any:
        """Fetch and parse a JSON API answer (Wayback, oEmbed) through the same cache and rules.

        Raises:
            FetchError: As `get`, or the body is not JSON.
        """
        page = self.get(url, accept=JSON_ACCEPT)
        try:
            return clean_json(json.loads(page.content.decode("utf-8", "replace")))
        except (ValueError, RecursionError) as exc:
            raise ContentTypeError(f"not JSON: {url}", url) from exc

    def get_many(self, urls: Iterable[str], *, followed: bool = True) -> dict[str, FetchedPage | FetchError]:
        """Fetch several URLs at once (up to `workers`, each host within its own cap).

        Returns:
            Each URL's page, or the `FetchError` it failed with.
        """
        unique = list(dict.fromkeys(urls))

        def one(url: str) -> FetchedPage | FetchError:
            try:
                return self.get(url, followed=followed)
            except FetchError as exc:
                return exc
            except UnsupportedInputError as exc:
                return FetchError(str(exc), url)

        if len(unique) <= 1:
            return {url: one(url) for url in unique}
        with ThreadPoolExecutor(max_workers=min(self.options.workers, len(unique))) as pool:
            return dict(zip(unique, pool.map(one, unique), strict=True))

    def _robots_text(self, url: str) -> str:
        return self.get(url, accept=TEXT_ACCEPT).content.decode("utf-8", "replace")

    def _obey_robots(self, url: str) -> None:
        self.robots.check(url)
        delay = self.robots.crawl_delay(url)
        if delay:
            self.limiter.set_delay(host_key(url), delay)

    def _request(self, url: str, accept: str) -> requests.Response:
        """One URL, no redirects followed, retried with backoff on 429/5xx.

        A Retry-After longer than `max_backoff` or than the budget left is not waited out: the
        URL is recorded as rate-limited, with the wait the server asked for.
        """
        for attempt in range(self.options.retries + 1):
            response = self._send(url, accept)
            if response.status_code not in RETRY_STATUSES or attempt == self.options.retries:
                return response
            if getattr(response, "from_cache", False) or self.options.offline:
                return response
            asked = _retry_after(response)
            delay = asked if asked is not None else self.options.backoff * 2**attempt
            self._refuse_long_wait(url, response.status_code, delay, asked is not None)
            LOGGER.info("HTTP %s from %s; retrying in %.1f s", response.status_code, url, delay)
            time.sleep(min(delay, self.options.max_backoff))
        raise AssertionError("unreachable")  # pragma: no cover

    def _refuse_long_wait(self, url: str, status: int, delay: float, asked: bool) -> None:
        left = self.remaining()
        if asked and delay > self.options.max_backoff:
            message = f"HTTP {status} from {url}: asks to wait {delay:.0f} s (Retry-After), longer than the "
            raise RateLimitedError(message + f"{self.options.max_backoff:.0f} s the tracer waits", url, status, delay)
        if left is not None and delay >= left:
            message = f"HTTP {status} from {url}: asks to wait {delay:.0f} s, more than the {max(left, 0):.0f} s "
            raise RateLimitedError(message + "left of the time budget", url, status, delay)

    def _send(self, url: str, accept: str) -> requests.Response:
        left = self.remaining()
        if left is not None and left <= 0 and not self.options.offline:
            raise OutOfTimeError(f"not fetched: the {self._budget:.0f} s time budget was spent: {url}", url)
        host = host_key(url)
        remembered = self.failures.get(url) or self.failures.get(host)
        if remembered:
            raise NetworkError(f"{remembered} (remembered from an earlier attempt)", url)
        try:
            return self._send_now(url, accept)
        except NetworkError as exc:
            self.failures.put(url, str(exc))
            if DNS_FAILURE in str(exc):  # no page on that host can be reached either
                self.failures.put(host, str(exc))
            raise

    def _send_now(self, url: str, accept: str) -> requests.Response:
        try:
            with ends_by(self._until):
                response = self.session.get(
                    url,
                    timeout=self.options.timeout,
                    allow_redirects=False,
                    only_if_cached=self.options.offline,
                    headers={"Accept": accept},
                )
        except requests.Timeout as exc:
            raise NetworkError(f"timed out fetching {url}", url) from exc
        except requests.ConnectionError as exc:
            raise NetworkError(_connection_problem(url, exc), url) from exc
        except requests.RequestException as exc:
            raise FetchError(f"failed to fetch {url}: {exc}", url) from exc
        if self.options.offline and response.status_code == 504:
            raise NotCachedError(f"not in the cache (offline): {url}", url)
        if not getattr(response, "from_cache", False):
            with self._count_lock:
                self.network_requests += 1
            LOGGER.info("fetched %s (HTTP %s)", url, response.status_code)
        else:
            LOGGER.info("cache hit %s", url)
        return response

    def _page(
        self, url: str, final: str, response: requests.Response, accept: str, redirects: tuple[str, ...]
    ) -> FetchedPage:
        if response.status_code >= 400:
            raise HTTPStatusError(f"HTTP {response.status_code} for {final}", final, response.status_code)
        content_type = response.headers.get("Content-Type", "").lower()
        if not acceptable(content_type, accept):
            raise ContentTypeError(f"not a readable document ({content_type.split(';')[0]}): {final}", final)
        if len(response.content) > self.options.max_bytes:
            raise ResponseTooLargeError(f"response over {self.options.max_bytes} bytes: {final}", final)
        from_cache = bool(getattr(response, "from_cache", False))
        status, body, headers = response.status_code, response.content, dict(response.headers)
        return FetchedPage(url, final, status, content_type, body, from_cache, headers, redirects)


class _Session(requests_cache.CachedSession):
    """requests-cache's session, reading the proxy environment once per host instead of on every request.

    requests merges the environment's proxy and CA-bundle settings into every request, cache
    hits included: two scans of all of `os.environ` per URL, a quarter of the cost of a cache
    hit (profiled: 0.27 of 1.14 s for 300 hits of one page). The answer depends only on the
    scheme and host (`no_proxy` matches hosts), so it is kept per host for the session's life.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._environment: dict[tuple[Any, ...], _Settings] = {}

    def merge_environment_settings(
        self, url: str | bytes | None, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> _Settings:
        """requests' own merge, remembered per (scheme, host) when the request names no proxies of its own."""
        if proxies or not isinstance(url, str):
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(url)
        key = (parts.scheme.lower(), parts.netloc.lower(), stream, verify, cert, self.trust_env, *self.proxies.items())
        if key not in self._environment:
            self._environment[key] = super().merge_environment_settings(url, proxies, stream, verify, cert)
        merged = self._environment[key].copy()
        merged["proxies"] = dict(merged["proxies"])  # each request gets its own, as from requests
        return merged


def _limiter(options: FetchOptions) -> HostLimiter:
    """The per-host limiter: in-process, or shared through lock files with the run's other processes."""
    if options.shared_limits:
        return SharedHostLimiter(options.cache_dir / "hosts", options.rate, options.per_host)
    return HostLimiter(options.rate, options.per_host)


# What urllib3 and the socket layer say, and what it means for the user, most specific first.
_CONNECTION_PROBLEMS = (
    (("NameResolutionError", "Name or service not known", "nodename nor servname"),
     "cannot resolve {host} " + DNS_FAILURE),
    (("Connection refused", "ConnectionRefusedError"), "cannot reach {host}: connection refused (nothing listens)"),
    (("Connection reset", "ConnectionResetError"), "cannot reach {host}: it reset the connection"),
    (("BadStatusLine", "RemoteDisconnected", "IncompleteRead", "InvalidChunkLength", "LineTooLong",
      "HeaderParsingError", "ProtocolError"), "{host} did not answer in HTTP (closed, or sent something else)"),
    (("Network is unreachable", "No route to host"), "cannot reach {host} (network unreachable)"),
    (("SSLError", "CERTIFICATE_VERIFY_FAILED", "SSL:"), "TLS handshake with {host} failed"),
)  # fmt: skip


def _connection_problem(url: str, exc: Exception) -> str:
    """A one-line reason for a failed connection: refused, reset, not HTTP, DNS, unreachable, TLS."""
    host = urlsplit(url).hostname
    said = f"{exc!r} {exc}"
    for needles, message in _CONNECTION_PROBLEMS:
        if any(needle in said for needle in needles):
            return message.format(host=host) + (f": {url}" if DNS_FAILURE in message else "")
    return f"cannot reach {host} ({type(exc).__name__})"


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in {"http", "https"}:
        raise UnsupportedInputError(f"unsupported URL scheme {scheme + ':' if scheme else '(none)'} in {url}")


def _retry_after(response: requests.Response) -> float | None:
    """Seconds a Retry-After header asks for (a number, or an HTTP date)."""
    value = response.headers.get("Retry-After", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds()) if when and when.tzinfo else None
