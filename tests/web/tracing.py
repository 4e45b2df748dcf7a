"""Tracing the fictional web: the options and entry points the trail tests and benchmark share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.server import Web
from tracer.models import Claim, DocumentRef, TraceResult
from tracer.read.inputs import InputItem
from tracer.run.batch import trace_one
from tracer.trail.oembed import default_endpoints
from tracer.trail.options import TrailOptions
from tracer.web.addresses import host_key
from tracer.web.fetch import Fetcher, FetchOptions

# The three trails' first documents: (site, path).
ROOTS = {
    "orren": ("harbourwatch", "/posts/orren-dam-leak"),
    "smoke": ("herald", "/2025/04/03/wildfire-smoke"),
    "bridge": ("tribune", "/news/elm-street-bridge"),
    # Issue 16's shape: a statement in the article's own voice backed by an embedded post, the
    # post's page, a newspaper article, a wire report or primary document.
    "reservoir": ("coastline", "/2025/06/03/kestrel-reservoir"),  # a post on a self-hosted instance, a 301 short link
    "measles": ("civicdaily", "/health/measles-marlow"),  # the link only in the post's oEmbed answer
    "ferry": ("harbourdesk", "/2025/07/08/ferry-cuts"),  # a mirrored embed, dead, read from the archive
}


def trail_options(web: Web, *, depth: int = 4, archive: bool = False) -> TrailOptions:
    """Follow `depth` links deep; posts resolved by the web's oEmbed site, dead pages by its archive."""
    oembed = {**default_endpoints(), "twitter": web.url("social", "/oembed")}
    return TrailOptions(depth=depth, archive=archive, archive_url=web.base("archive"), oembed=oembed)


def fetch_options(cache_dir: Path, **overrides: Any) -> FetchOptions:
    """Fetch options for 127.0.0.1: private addresses allowed, no waiting unless a test asks."""
    options: dict[str, Any] = {
        "cache_dir": cache_dir,
        "allow_private": True,
        "rate": 0.0,
        "backoff": 0.01,
        "timeout": (2.0, 5.0),
        "deadline": 10.0,
    }
    options.update(overrides)
    return FetchOptions(**options)


def guarded_options(web: Web, cache_dir: Path, *sites: str, **overrides: Any) -> FetchOptions:
    """Fetch options with the address guard on, exempting only the named sites (as configured endpoints are)."""
    allowed = frozenset(host_key(web.base(site)) for site in sites)
    return fetch_options(cache_dir, allow_private=False, allow_hosts=allowed, **overrides)


def trace(
    web: Web,
    root: str,
    cache_dir: Path,
    *,
    depth: int = 4,
    archive: bool = False,
    **fetch: Any,
) -> tuple[TraceResult, int]:
    """Trace one trail's first document by URL; returns the result and the network requests made."""
    site, path = ROOTS[root]
    with Fetcher(fetch_options(cache_dir, **fetch)) as fetcher:
        result = trace_one(
            InputItem("url", web.url(site, path)), fetcher, trail=trail_options(web, depth=depth, archive=archive)
        )
        return result, fetcher.network_requests


def claim_with(result: TraceResult, words: str) -> Claim:
    """The one claim whose text holds `words` (a test fails if there are none or several)."""
    [claim] = [c for c in result.claims if words in c.text]
    return claim


def document(result: TraceResult, document_id: str | None) -> DocumentRef:
    """The `documents[]` entry with this id."""
    [found] = [d for d in result.documents if d.id == document_id]
    return found


def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[int]:
    """Count the calls to `owner.name` (a list that grows by one per call), for tests that a path does no work."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls
