"""HTTP: the only module that talks to the network. requests + a real on-disk cache (requests-cache)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests
import requests_cache

from tracer._version import __version__
from tracer.errors import (
    ContentTypeError,
    FetchError,
    HTTPStatusError,
    NetworkError,
    NotCachedError,
    ResponseTooLargeError,
    UnsupportedInputError,
)

LOGGER = logging.getLogger(__name__)

USER_AGENT = f"provenance-tracer/{__version__} (+https://github.com/provenance-tracer; research tool)"
DEFAULT_CACHE_DIR = Path(os.environ.get("TRACER_CACHE_DIR", "cache"))
# Pages change rarely once published; a week keeps re-runs of a study offline-fast while
# still picking up corrections.
DEFAULT_EXPIRY = timedelta(days=7)
# News pages are 50 KB-2 MB; 10 MiB leaves room for bloated pages and refuses media files.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
READABLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/xml", "text/xml")


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

    @property
    def is_html(self) -> bool:
        """Whether the body should be read as HTML."""
        return "html" in self.content_type or "xml" in self.content_type


@dataclass
class FetchOptions:
    """How politely and how far the fetcher may go."""

    cache_dir: Path = DEFAULT_CACHE_DIR
    offline: bool = False
    timeout: tuple[float, float] = (5.0, 20.0)
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT


class Fetcher:
    """Fetches pages through an on-disk cache. Create one per run and reuse it.

    Args:
        options: Cache location, offline mode, timeouts and size cap.
    """

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self.options.cache_dir.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(self.options.cache_dir / "http_cache"),
            backend="sqlite",
            expire_after=DEFAULT_EXPIRY,
            allowable_codes=(200, 404, 410),
            stale_if_error=True,
        )
        self.session.headers["User-Agent"] = self.options.user_agent
        self.network_requests = 0

    def close(self) -> None:
        """Close the session and its cache database."""
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> FetchedPage:
        """Fetch a URL (from the cache when it holds a fresh copy).

        Raises:
            UnsupportedInputError: Not an http(s) URL.
            NotCachedError: Offline and not cached.
            NetworkError: Unreachable host, DNS failure, timeout.
            HTTPStatusError: A 4xx/5xx answer.
            ContentTypeError: Not HTML or text.
            ResponseTooLargeError: Over the size cap.
        """
        scheme = urlsplit(url).scheme.lower()
        if scheme not in {"http", "https"}:
            raise UnsupportedInputError(f"unsupported URL scheme {scheme + ':' if scheme else '(none)'} in {url}")
        try:
            response = self.session.get(url, timeout=self.options.timeout, only_if_cached=self.options.offline)
        except requests.Timeout as exc:
            raise NetworkError(f"timed out fetching {url}", url) from exc
        except requests.ConnectionError as exc:
            raise NetworkError(f"cannot reach {urlsplit(url).hostname} (network unreachable?)", url) from exc
        except requests.RequestException as exc:
            raise FetchError(f"failed to fetch {url}: {exc}", url) from exc
        from_cache = bool(getattr(response, "from_cache", False))
        if not from_cache:
            self.network_requests += 1
        if self.options.offline and response.status_code == 504:
            raise NotCachedError(f"not in the cache (offline): {url}", url)
        return self._check(url, response, from_cache)

    def _check(self, url: str, response: requests.Response, from_cache: bool) -> FetchedPage:
        if response.status_code >= 400:
            raise HTTPStatusError(f"HTTP {response.status_code} for {url}", url, response.status_code)
        content_type = response.headers.get("Content-Type", "").lower()
        if content_type and not content_type.split(";")[0].strip().startswith(READABLE_TYPES):
            raise ContentTypeError(f"not a readable document ({content_type.split(';')[0]}): {url}", url)
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > self.options.max_bytes or len(response.content) > self.options.max_bytes:
            raise ResponseTooLargeError(f"response over {self.options.max_bytes} bytes: {url}", url)
        return FetchedPage(
            url, response.url, response.status_code, content_type, response.content, from_cache, dict(response.headers)
        )
