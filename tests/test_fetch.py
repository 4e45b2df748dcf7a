"""Fetching URLs through the on-disk cache, against real HTTP servers on 127.0.0.1 — including
misbehaving and hostile ones: address guard (direct, via redirects, via DNS, via DNS rebinding),
robots.txt, rate limit and concurrency cap, retries, size and type limits enforced while
streaming, deadlines, the redirect limit, remembered failures."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.web.server import SITES, Web
from tests.web.tracing import fetch_options, guarded_options
from tracer.errors import (
    BlockedURLError,
    ContentTypeError,
    FetchError,
    HTTPStatusError,
    NetworkError,
    NotCachedError,
    ResponseTooLargeError,
)
from tracer.read.inputs import read_url
from tracer.web.fetch import USER_AGENT, Fetcher, FetchOptions

ARTICLE = (
    "<html><head><title>Local story</title></head><body><article>"
    "<p>The council said on Monday that the bridge would reopen, according to a statement.</p>"
    "<p>See the <a href='/report.pdf'>full report</a> for details of the repairs and their cost.</p>"
    "</article></body></html>"
)


def test_url_is_fetched_then_served_from_cache(httpserver: HTTPServer, cache_dir: Path) -> None:
    httpserver.expect_request("/story").respond_with_data(ARTICLE, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/story")
    with Fetcher(FetchOptions(cache_dir=cache_dir, allow_private=True)) as fetcher:
        article = read_url(url, fetcher)
        assert "bridge would reopen" in article.text
        assert article.document.url == url
        [link] = [a for a in article.anchors if a.url and a.url.endswith(".pdf")]
        assert link.url == httpserver.url_for("/report.pdf")
    assert len(httpserver.log) == 1
    with Fetcher(FetchOptions(cache_dir=cache_dir, allow_private=True)) as fetcher:
        assert fetcher.get(url).from_cache
        assert fetcher.network_requests == 0
    assert len(httpserver.log) == 1  # the second run never reached the server
    with Fetcher(FetchOptions(cache_dir=cache_dir, offline=True, allow_private=True)) as fetcher:
        assert "bridge would reopen" in read_url(url, fetcher).text


def test_offline_miss_is_a_clear_error(httpserver: HTTPServer, cache_dir: Path) -> None:
    with (
        Fetcher(FetchOptions(cache_dir=cache_dir, offline=True, allow_private=True)) as fetcher,
        pytest.raises(NotCachedError),
    ):
        fetcher.get(httpserver.url_for("/never-fetched"))
    assert httpserver.log == []


def test_http_error_status(httpserver: HTTPServer, cache_dir: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    with (
        Fetcher(FetchOptions(cache_dir=cache_dir, allow_private=True)) as fetcher,
        pytest.raises(HTTPStatusError) as info,
    ):
        fetcher.get(httpserver.url_for("/gone"))
    assert info.value.status_code == 410


def test_wrong_content_type_is_refused(httpserver: HTTPServer, cache_dir: Path) -> None:
    httpserver.expect_request("/photo").respond_with_data(b"\x89PNG....", content_type="image/png")
    with Fetcher(FetchOptions(cache_dir=cache_dir, allow_private=True)) as fetcher, pytest.raises(ContentTypeError):
        fetcher.get(httpserver.url_for("/photo"))


PAGE = "<html><body><article><p>The harbour master said the quay would reopen on Friday.</p></article></body></html>"


@pytest.fixture
def lab() -> Iterator[Web]:
    """Two empty sites whose routes each test sets."""
    with Web(None, extra=("lab", "other")) as web:
        yield web


def test_loopback_is_refused_before_any_request(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/page", body=PAGE)
    with Fetcher(fetch_options(cache_dir, allow_private=False)) as fetcher, pytest.raises(BlockedURLError) as info:
        fetcher.get(lab.url("lab", "/page"))
    assert "loopback" in str(info.value) and "--allow-private" in str(info.value)
    assert lab.requests() == []


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata service: link-local
        "http://10.1.2.3/admin",  # private
        "http://[::1]:{port}/secret",  # IPv6 loopback
        "http://[::ffff:127.0.0.1]:{port}/secret",  # IPv4-mapped IPv6 loopback
        "http://localhost:{port}/secret",  # a name for this machine
        "http://0.0.0.0:{port}/secret",  # unspecified
    ],
)
def test_redirect_to_a_non_public_address_is_refused(lab: Web, cache_dir: Path, target: str) -> None:
    port = lab.servers["other"].server_address[1]
    lab.route("lab", "/hop", status=302, location=target.format(port=port))
    with Fetcher(guarded_options(lab, cache_dir, "lab")) as fetcher, pytest.raises(BlockedURLError):
        fetcher.get(lab.url("lab", "/hop"))
    assert [h.path for h in lab.requests()] == ["/hop"]  # the redirect target was never asked


def test_name_resolving_to_loopback_is_refused_after_dns(
    lab: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve(monkeypatch, {"intranet.example": ["127.0.0.1"]})
    port = lab.servers["other"].server_address[1]
    lab.route("lab", "/hop", status=301, location=f"http://intranet.example:{port}/secret")
    with Fetcher(guarded_options(lab, cache_dir, "lab")) as fetcher, pytest.raises(BlockedURLError) as info:
        fetcher.get(lab.url("lab", "/hop"))
    assert "intranet.example resolves to a loopback address 127.0.0.1" in str(info.value)
    assert lab.requests("other") == []


def test_dns_rebinding_is_caught_at_connect(lab: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The guard's lookup sees a public address; the connection's own lookup gets loopback.
    _resolve(monkeypatch, {"rebind.example": ["93.184.216.34", "127.0.0.1"]})
    port = lab.servers["other"].server_address[1]
    lab.route("other", "/secret", body="internal data")
    with Fetcher(guarded_options(lab, cache_dir)) as fetcher, pytest.raises(BlockedURLError) as info:
        fetcher.get(f"http://rebind.example:{port}/secret")
    assert "connected to a loopback address 127.0.0.1" in str(info.value)
    assert lab.requests("other") == []  # refused before a byte of the request was written


def test_allow_private_fetches_local_pages(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/page", body=PAGE, content_type="text/html; charset=utf-8")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        page = fetcher.get(lab.url("lab", "/page"))
    assert b"harbour master" in page.content
    assert lab.requests()[0].user_agent == USER_AGENT and USER_AGENT.startswith("provenance-tracer/")


def test_robots_txt_governs_followed_links_only(cache_dir: Path) -> None:
    with Web(SITES) as web, Fetcher(fetch_options(cache_dir)) as fetcher:
        memo = web.url("gazette", "/private/inspection-memo")
        with pytest.raises(BlockedURLError, match=r"robots\.txt"):
            fetcher.get(memo, followed=True)
        with pytest.raises(HTTPStatusError):  # asked for by the user: fetched (and it does not exist)
            fetcher.get(memo)
        fetcher.get(web.url("gazette", "/news/2025/03/10/orren-dam-leak"), followed=True)
        assert [h.path for h in web.requests("gazette")].count("/robots.txt") == 1
    with Web(SITES) as web, Fetcher(fetch_options(cache_dir, respect_robots=False)) as fetcher:
        with pytest.raises(HTTPStatusError):
            fetcher.get(web.url("gazette", "/private/inspection-memo"), followed=True)
        assert "/robots.txt" not in [h.path for h in web.requests()]


def test_rate_limit_spaces_requests_to_one_host(lab: Web, cache_dir: Path) -> None:
    for index in range(4):
        lab.route("lab", f"/p{index}", body=PAGE)
    lab.route("other", "/p", body=PAGE)
    with Fetcher(fetch_options(cache_dir, rate=0.3, per_host=4)) as fetcher:
        fetcher.get_many([lab.url("lab", f"/p{i}") for i in range(4)] + [lab.url("other", "/p")])
    starts = sorted(h.started for h in lab.requests("lab") if h.path != "/robots.txt")
    gaps = [b - a for a, b in pairwise(starts)]
    assert len(starts) == 4 and min(gaps) >= 0.27, gaps
    assert [h.path for h in lab.requests("lab")].count("/robots.txt") == 1
    # Another host does not wait for this one.
    assert lab.requests("other")[0].started - starts[0] < 0.25


def test_concurrency_cap_per_host(lab: Web, cache_dir: Path) -> None:
    for index in range(6):
        lab.route("lab", f"/slow{index}", body=PAGE, delay=0.3)
    with Fetcher(fetch_options(cache_dir, per_host=2, workers=6)) as fetcher:
        pages = fetcher.get_many([lab.url("lab", f"/slow{i}") for i in range(6)])
    assert all(not isinstance(p, FetchError) for p in pages.values())
    assert lab.max_in_flight("lab") == 2


def test_server_errors_are_retried_with_backoff(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/flaky", body=PAGE, fail_times=2, fail_status=503)
    with Fetcher(fetch_options(cache_dir, retries=2)) as fetcher:
        assert b"harbour master" in fetcher.get(lab.url("lab", "/flaky")).content
    assert len(lab.requests("lab")) == 3


def test_too_many_requests_waits_for_retry_after(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/limited", body=PAGE, fail_times=1, fail_status=429, retry_after=1)
    started = time.monotonic()
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        fetcher.get(lab.url("lab", "/limited"))
    assert time.monotonic() - started >= 0.95
    assert len(lab.requests("lab")) == 2


def test_retries_give_up(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/down", fail_times=99, fail_status=502)
    with Fetcher(fetch_options(cache_dir, retries=2)) as fetcher, pytest.raises(HTTPStatusError) as info:
        fetcher.get(lab.url("lab", "/down"))
    assert info.value.status_code == 502 and len(lab.requests("lab")) == 3


def test_declared_oversize_body_is_refused_unread(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/big", size=5000)
    with Fetcher(fetch_options(cache_dir, max_bytes=1000)) as fetcher, pytest.raises(ResponseTooLargeError):
        fetcher.get(lab.url("lab", "/big"))


def test_endless_body_is_cut_while_streaming(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/endless", endless=True)
    started = time.monotonic()
    with Fetcher(fetch_options(cache_dir, max_bytes=200_000)) as fetcher, pytest.raises(ResponseTooLargeError):
        fetcher.get(lab.url("lab", "/endless"))
    assert time.monotonic() - started < 5


def test_wrong_type_is_refused_before_the_body(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/video", endless=True, content_type="video/mp4")
    started = time.monotonic()
    with Fetcher(fetch_options(cache_dir)) as fetcher, pytest.raises(ContentTypeError, match="video/mp4"):
        fetcher.get(lab.url("lab", "/video"))
    assert time.monotonic() - started < 2


def test_json_endpoints_accept_json_and_pages_do_not(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/api", body='{"ok": true}', content_type="application/json")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        assert fetcher.get_json(lab.url("lab", "/api")) == {"ok": True}
        with pytest.raises(ContentTypeError):
            fetcher.get(lab.url("lab", "/api"))


def test_slow_drip_hits_the_deadline(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/drip", drip=True)
    started = time.monotonic()
    with Fetcher(fetch_options(cache_dir, deadline=1.0)) as fetcher, pytest.raises(NetworkError, match="timed out"):
        fetcher.get(lab.url("lab", "/drip"))
    assert time.monotonic() - started < 4


def test_redirect_chain_hits_the_limit(lab: Web, cache_dir: Path) -> None:
    for index in range(10):
        lab.route("lab", f"/r{index}", status=302, location=f"/r{index + 1}")
    with Fetcher(fetch_options(cache_dir, max_redirects=5)) as fetcher, pytest.raises(FetchError, match="redirects"):
        fetcher.get(lab.url("lab", "/r0"))
    assert [h.path for h in lab.requests("lab")] == [f"/r{i}" for i in range(6)]


def test_redirects_are_followed_and_cached(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/old", status=301, location=lab.url("other", "/new"))
    lab.route("other", "/new", body=PAGE)
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        page = fetcher.get(lab.url("lab", "/old"))
    assert (page.final_url, page.redirects) == (lab.url("other", "/new"), (lab.url("lab", "/old"),))
    lab.clear()
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        again = fetcher.get(lab.url("lab", "/old"))
        assert fetcher.network_requests == 0
    assert again.final_url == page.final_url and lab.requests() == []


def test_timeouts_are_remembered(lab: Web, cache_dir: Path) -> None:
    lab.route("lab", "/hang", body=PAGE, delay=3)
    with (
        Fetcher(fetch_options(cache_dir, timeout=(1.0, 0.5))) as fetcher,
        pytest.raises(NetworkError, match="timed out"),
    ):
        fetcher.get(lab.url("lab", "/hang"))
    started = time.monotonic()
    with Fetcher(fetch_options(cache_dir)) as fetcher, pytest.raises(NetworkError, match="remembered"):
        fetcher.get(lab.url("lab", "/hang"))
    assert time.monotonic() - started < 0.5
    assert len(lab.requests("lab")) <= 1


def _resolve(monkeypatch: pytest.MonkeyPatch, names: dict[str, list[str]]) -> None:
    """Make `socket.getaddrinfo` answer these names with these addresses, one per call (the last repeats)."""
    real = socket.getaddrinfo
    calls: dict[str, int] = {}

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in names:
            return real(host, port, *args, **kwargs)
        index = calls.get(host, 0)
        calls[host] = index + 1
        address = names[host][min(index, len(names[host]) - 1)]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, int(port or 80)))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_a_host_that_does_not_resolve_is_remembered_as_a_whole(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[str] = []
    real = socket.getaddrinfo

    def counting(host: Any, *args: Any, **kwargs: Any) -> Any:
        lookups.append(host)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", counting)
    with Fetcher(fetch_options(cache_dir, allow_private=False)) as fetcher:
        with pytest.raises(NetworkError, match=r"cannot resolve gone\.invalid \(DNS failure\)"):
            fetcher.get("http://gone.invalid/first")
        with pytest.raises(NetworkError, match="remembered"):
            fetcher.get("http://gone.invalid/second", followed=True)
    assert lookups == ["gone.invalid"]


def test_a_worker_opening_the_cache_while_another_sets_it_up_waits(tmp_path: Path) -> None:
    # A parallel batch's workers all open the one cache on their first fetch. While one holds the
    # new file's write lock (setting it up), another's switch to WAL got "database is locked" at
    # once (SQLite calls no busy handler there), and that worker's input failed.
    import sqlite3
    import threading

    tmp_path.mkdir(exist_ok=True)
    other = sqlite3.connect(tmp_path / "http_cache.sqlite", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    done = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    done.start()
    fetcher = Fetcher(FetchOptions(cache_dir=tmp_path, offline=True))
    try:
        assert fetcher.failures.get("https://news.example/x") is None
        assert fetcher.session.cache.responses.connection is not None
    finally:
        done.join()
        fetcher.close()
        other.close()
