"""A trail traced again from the caches does none of the work a cold trace did: it reads no page,
parses no sentence, rescans no environment and waits for no rate limit, and keeps every check
the cache path must keep (the address guard, `--offline`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests.sessions
import spacy.language

import tracer.read.document
from tests.web.server import Web
from tests.web.tracing import ROOTS, counting, fetch_options, guarded_options, trace, trail_options
from tracer.errors import BlockedURLError, NetworkError
from tracer.read.inputs import InputItem
from tracer.run.batch import trace_one
from tracer.web.fetch import Fetcher
from tracer.web.ratelimit import HostLimiter


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web() as running:
        yield running


@pytest.mark.parametrize("root", ["smoke", "reservoir"])
def test_a_retrace_from_the_cache_reads_and_parses_nothing(
    web: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, root: str
) -> None:
    """The input page as well as every followed one: no trafilatura, no spaCy on the second run
    (the input used to be read and parsed again every time)."""
    # The reader calls trafilatura's bare_extraction (not trafilatura.extract): count that, and
    # check on the cold run that the counters see the work at all.
    extracted = counting(monkeypatch, tracer.read.document, "bare_extraction")
    parsed = counting(monkeypatch, spacy.language.Language, "pipe")
    cold, _ = trace(web, root, cache_dir, depth=3, archive=True)
    assert extracted and parsed
    extracted.clear()
    parsed.clear()
    warm, requests = trace(web, root, cache_dir, depth=3, archive=True)
    assert requests == 0
    assert (len(extracted), len(parsed)) == (0, 0)
    assert warm.model_dump_json(exclude={"documents"}) == cold.model_dump_json(exclude={"documents"})


def test_a_cached_input_is_still_refused_to_a_guarded_run(web: Web, cache_dir: Path) -> None:
    """The input's parse is kept beside the HTTP cache, but its page still comes through the
    fetcher: a page cached with --allow-private is not traced by a run without it."""
    trace(web, "smoke", cache_dir, depth=0)
    item = InputItem("url", web.url(*ROOTS["smoke"]))
    for offline in (False, True):
        with Fetcher(guarded_options(web, cache_dir, offline=offline)) as fetcher, pytest.raises(BlockedURLError):
            trace_one(item, fetcher, trail=trail_options(web, depth=0))


def test_a_cache_hit_scans_the_proxy_environment_once_per_host(
    web: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """requests merges the proxy environment into every request; the fetcher's session does it once
    per host (it used to scan all of os.environ twice for every cache hit)."""
    url = web.url("herald", "/2025/04/03/wildfire-smoke")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        fetcher.get(url)
    scans = counting(monkeypatch, requests.sessions, "get_environ_proxies")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        for _ in range(5):
            assert fetcher.get(url).from_cache
    assert len(scans) == 1


def test_the_proxy_environment_still_applies(web: Web, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Remembering the merge per host changes nothing it decides: a proxy in the environment is
    used (here one where nothing listens), and NO_PROXY still exempts its hosts."""
    url = web.url("herald", "/2025/04/03/wildfire-smoke")
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    for name in ("NO_PROXY", "no_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    with Fetcher(fetch_options(tmp_path / "proxied")) as fetcher, pytest.raises(NetworkError):
        fetcher.get(url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with Fetcher(fetch_options(tmp_path / "direct")) as fetcher:
        assert b"smoke" in fetcher.get(url).content.lower()


def test_a_cache_hit_never_waits_for_the_rate_limit(web: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At the command line's 1 s per host, a re-trace from the cache takes no request slot (and so
    never sleeps for one)."""
    trace(web, "orren", cache_dir, depth=3, archive=True)
    slots = counting(monkeypatch, HostLimiter, "slot")
    _, requests = trace(web, "orren", cache_dir, depth=3, archive=True, rate=1.0)
    assert (requests, len(slots)) == (0, 0)
