"""Fetching URLs through the on-disk cache, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tracer.errors import ContentTypeError, HTTPStatusError, NotCachedError
from tracer.fetch import Fetcher, FetchOptions
from tracer.inputs import read_url

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
