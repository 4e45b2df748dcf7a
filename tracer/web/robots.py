"""robots.txt, read once per site per run (and kept in the HTTP cache like any page).

The tracer fetches pages an article links to without a person choosing each one, so it
behaves like a crawler and asks first. Following RFC 9309: a missing robots.txt (4xx) allows
everything; a server error (5xx) disallows everything for now. An unreachable host is left to
the page fetch itself, which then records the precise failure (DNS, refused, timeout) instead
of a misleading "blocked".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from tracer.errors import BlockedURLError, HTTPStatusError, NetworkError, NotCachedError

LOGGER = logging.getLogger(__name__)

# Most seconds a Crawl-delay may impose between requests; longer values would stall a trace.
MAX_CRAWL_DELAY = 30.0


class _Parser(RobotFileParser):
    """The stdlib parser, with the two flags it sets declared for the type checker."""

    allow_all: bool
    disallow_all: bool


class RobotsRules:
    """Answers "may this URL be fetched?" from each site's robots.txt.

    Args:
        fetch_text: Fetches a URL and returns its text; raises `FetchError`s like `Fetcher.get`.
        agent: The product token matched against `User-agent:` lines.
    """

    def __init__(self, fetch_text: Callable[[str], str], agent: str) -> None:
        self.fetch_text = fetch_text
        self.agent = agent
        self._parsers: dict[str, _Parser] = {}
        self._lock = threading.Lock()
        self._loading: dict[str, threading.Lock] = {}

    def check(self, url: str) -> None:
        """Raise if robots.txt disallows the URL for this agent.

        Raises:
            BlockedURLError: Disallowed by the site's robots.txt.
        """
        if not self.parser_for(url).can_fetch(self.agent, url):
            raise BlockedURLError(f"robots.txt of {urlsplit(url).netloc} disallows {url} (see --no-robots)", url)

    def crawl_delay(self, url: str) -> float | None:
        """The site's Crawl-delay for this agent, capped, if it sets one."""
        delay = self.parser_for(url).crawl_delay(self.agent)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else None

    def parser_for(self, url: str) -> _Parser:
        """The parsed robots.txt of the URL's site (fetched on first use)."""
        parts = urlsplit(url)
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        with self._lock:
            loading = self._loading.setdefault(robots_url, threading.Lock())
        with loading:  # one fetch per site, even when several of its pages are fetched at once
            cached = self._parsers.get(robots_url)
            if cached is None:
                cached = self._parsers[robots_url] = self._load(robots_url)
        return cached

    def _load(self, robots_url: str) -> _Parser:
        parser = _Parser(robots_url)
        try:
            parser.parse(self.fetch_text(robots_url).splitlines())
        except HTTPStatusError as exc:
            parser.disallow_all = exc.status_code >= 500
            parser.allow_all = not parser.disallow_all
        except (NetworkError, NotCachedError, BlockedURLError) as exc:
            LOGGER.info("no robots.txt for %s (%s); the page fetch will tell", robots_url, exc)
            parser.allow_all = True
        except Exception as exc:  # an unreadable robots.txt must not stop the trace
            LOGGER.warning("unreadable robots.txt at %s: %s", robots_url, exc)
            parser.allow_all = True
        return parser
