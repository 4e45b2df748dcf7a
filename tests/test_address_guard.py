"""The private-address guard in every host spelling: directly, after redirects, and on the cache
path (a page cached by an --allow-private run is never served to a guarded run)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.server import Web
from tests.web.tracing import fetch_options, guarded_options
from tracer.errors import BlockedURLError
from tracer.urls import normalise_url
from tracer.web.addresses import AddressPolicy
from tracer.web.fetch import Fetcher
from tracer.web.robots import RobotsRules

PAGE = "<html><body><article><p>The harbour master said the quay would reopen on Friday.</p></article></body></html>"
# Every way of writing this machine's address that a resolver accepts.
LOOPBACK_SPELLINGS = ["127.0.0.1", "2130706433", "127.1", "0x7f000001", "0177.0.0.1", "0x7f.1"]
OTHER_PRIVATE = [
    "[::1]",
    "[::ffff:127.0.0.1]",
    "0.0.0.0",
    "0",
    "localhost",
    "169.254.169.254",
    "0xa9fea9fe",
    "10.1.2.3",
]


@pytest.fixture
def lab() -> Iterator[Web]:
    with Web(None, extra=("lab", "other")) as web:
        yield web


@pytest.mark.parametrize("host", [*LOOPBACK_SPELLINGS, "127.0.0.1.", *OTHER_PRIVATE])
def test_every_spelling_is_refused_by_the_literal_check(host: str) -> None:
    with pytest.raises(BlockedURLError):
        AddressPolicy().check_url(f"http://{host}:8080/secret")


@pytest.mark.parametrize(
    "host", ["example.com", "93.184.216.34", "[2606:2800:220:1:248:1893:25c8:1946]", "cafe.example"]
)
def test_public_hosts_pass(host: str) -> None:
    AddressPolicy().check_url(f"http://{host}/page")


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_cached_page_is_not_served_to_a_guarded_run(lab: Web, cache_dir: Path, host: str) -> None:
    lab.route("lab", "/page", body=PAGE)
    url = f"http://{host}:{lab.servers['lab'].server_address[1]}/page"
    with Fetcher(fetch_options(cache_dir)) as fetcher:  # --allow-private: fetched and cached
        assert b"harbour master" in fetcher.get(url).content
    for offline in (False, True):
        with Fetcher(guarded_options(lab, cache_dir, offline=offline)) as fetcher, pytest.raises(BlockedURLError):
            fetcher.get(url)
    assert len(lab.requests("lab")) == 1


def _resolve(monkeypatch: pytest.MonkeyPatch, names: dict[str, str]) -> None:
    real = socket.getaddrinfo

    def fake(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (names[host], int(port or 80)))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)


def test_cached_page_under_a_private_name_is_not_served(
    lab: Web, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resolve(monkeypatch, {"intranet.example": "127.0.0.1"})
    lab.route("lab", "/page", body=PAGE)
    url = f"http://intranet.example:{lab.servers['lab'].server_address[1]}/page"
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        fetcher.get(url)
    with Fetcher(guarded_options(lab, cache_dir)) as fetcher, pytest.raises(BlockedURLError, match="resolves to"):
        fetcher.get(url)
    assert len(lab.requests("lab")) == 1


@pytest.mark.parametrize("host", [*LOOPBACK_SPELLINGS, "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0", "169.254.169.254"])
def test_redirect_to_every_spelling_is_refused(lab: Web, cache_dir: Path, host: str) -> None:
    port = lab.servers["other"].server_address[1]
    lab.route("lab", "/hop", status=302, location=f"http://{host}:{port}/secret")
    with Fetcher(guarded_options(lab, cache_dir, "lab")) as fetcher, pytest.raises(BlockedURLError):
        fetcher.get(lab.url("lab", "/hop"))
    assert lab.requests("other") == []


def test_ipv6_literals_keep_their_brackets() -> None:
    assert normalise_url("http://[2001:db8::1]:8080/x") == "http://[2001:db8::1]:8080/x"
    assert normalise_url("HTTP://[::1]/a?utm_source=x") == "http://[::1]/a"
    asked: list[str] = []
    RobotsRules(lambda url: asked.append(url) or "", "agent").parser_for("http://[::1]:18081/page")
    assert asked == ["http://[::1]:18081/robots.txt"]
