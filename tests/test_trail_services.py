"""The pieces the trail is built from: oEmbed posts, the Wayback endpoints, dates that only the
page body or URL gives, the links a claim leans on, and sources merged across documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.server import SITES, Web
from tests.web.tracing import fetch_options
from tracer.errors import BlockedURLError, HTTPStatusError, NetworkError, NotCachedError
from tracer.models import DocumentStatus, Platform, Source, SourceKind
from tracer.platforms import PostRef, parse_permalink
from tracer.read.dating import date_in_text, date_in_url, publication_date
from tracer.read.document import read_html
from tracer.text import Span
from tracer.trail.candidates import candidates_for
from tracer.trail.oembed import build_page, endpoint_for, fetch_post
from tracer.trail.reach import is_unreadable_social, status_of
from tracer.trail.sourcebook import SourceBook
from tracer.trail.trace import trace_article
from tracer.web.archive import Wayback
from tracer.web.fetch import Fetcher

TWEET = "https://x.com/rivernewsnow/status/1899461556433846272"


@pytest.fixture(scope="module")
def web() -> Iterator[Web]:
    with Web(SITES) as running:
        yield running


def test_post_rebuilt_from_oembed_is_read_like_a_page(web: Web, cache_dir: Path) -> None:
    ref = parse_permalink("https://twitter.com/RiverNewsNow/status/1899461556433846272?s=20")
    assert ref is not None
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        post = fetch_post(fetcher, ref, web.url("social", "/oembed"))
    assert (post.author, post.handle, post.posted) == ("River News Now", "RiverNewsNow", "2025-03-11")
    article = read_html(post.html, url=ref.url)
    assert article.document.url == ref.url == "https://x.com/RiverNewsNow/status/1899461556433846272"
    assert article.text == (
        "BREAKING: About eleven hundred litres per second are pouring out of the Orren dam, "
        "according to the Daily Gazette."
    )
    assert article.document.published == "2025-03-11"
    [anchor] = article.anchors
    assert anchor.url == web.url("gazette", "/news/2025/03/10/orren-dam-leak")
    assert article.text[anchor.start : anchor.end] == "Daily Gazette"


def test_post_date_falls_back_to_the_id() -> None:
    ref = PostRef(Platform.TWITTER, "someone", "1899461556433846272", TWEET)
    page = build_page({"author_name": "Someone", "html": "<blockquote><p>Text of the post.</p></blockquote>"}, ref, "")
    assert page.posted == "2025-03-11"  # the snowflake id's time
    assert "<p>Text of the post.</p>" in page.html


def test_platforms_without_a_public_endpoint_are_not_asked() -> None:
    instagram = parse_permalink("https://www.instagram.com/p/C1a2B3c4D5e/")
    mastodon = parse_permalink("https://mastodon.social/@newsbot/112233445566778899")
    assert instagram is not None and mastodon is not None
    endpoints = {"twitter": "https://publish.twitter.com/oembed", "mastodon": "https://{host}/api/oembed"}
    assert endpoint_for(instagram, endpoints) is None
    assert endpoint_for(mastodon, endpoints) == "https://mastodon.social/api/oembed"


def test_wayback_earliest_capture_from_cdx(web: Web, cache_dir: Path) -> None:
    bulletin = web.url("weather", "/bulletins/smoke-advisory-0327")
    with Fetcher(fetch_options(cache_dir)) as fetcher:
        archive = Wayback(fetcher, web.base("archive"))
        capture = archive.earliest(bulletin)
        assert capture is not None
        assert (capture.timestamp, capture.captured) == ("20250328091500", "2025-03-28")
        assert capture.replay_url == f"{web.base('archive')}/web/20250328091500id_/{bulletin}"
        assert b"3.2 million people" in archive.fetch(capture).content
        assert archive.earliest(web.url("weather", "/never-archived")) is None


def test_wayback_falls_back_to_the_availability_api(cache_dir: Path) -> None:
    with Web(SITES) as web, Fetcher(fetch_options(cache_dir)) as fetcher:
        web.route("archive", "/cdx/search/cdx", status=404, body="no cdx here")
        bulletin = web.url("weather", "/bulletins/smoke-advisory-0327")
        capture = Wayback(fetcher, web.base("archive")).earliest(bulletin)
        assert capture is not None and capture.timestamp == "20250328091500"
        assert [h.path.split("?")[0] for h in web.requests("archive")] == ["/cdx/search/cdx", "/wayback/available"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/reports/2025/03/30/smoke-exposure", "2025-03-30"),
        ("https://example.org/news/2024-12-23-clash", "2024-12-23"),
        ("https://example.org/archive/20250101/story.html", "2025-01-01"),
        ("https://example.org/minutes/2025-04-29", "2025-04-29"),
        ("https://example.org/2025/13/45/not-a-date", None),
        ("https://example.org/story-12345", None),
    ],
)
def test_date_in_url(url: str, expected: str | None) -> None:
    assert date_in_url(url) == expected


def test_dateline_and_time_element() -> None:
    assert date_in_text("BAYPORT, March 27, 2025 — An estimated 3.2 million people") == "2025-03-27"
    assert date_in_text("Press release · 9 March 2025") == "2025-03-09"
    assert date_in_text("Sept. 3rd, 2024") == "2024-09-03"
    html = "<html><body><article><p>Posted <time datetime='2025-03-09T18:00:00Z'>yesterday</time></p></article></body></html>"
    article = read_html(html)
    assert publication_date(article.tree, article.text, None) == "2025-03-09"
    # A date the story mentions further down is not its publication date; the URL's is.
    opening = "The ministry read a statement about the dam, its history and its future to residents " * 2
    text = opening + "The dam was built on May 2, 1961."
    assert publication_date(None, text, "https://example.org/p/2025/03/01/x") == "2025-03-01"
    assert publication_date(None, text, None) is None


def test_candidates_are_the_links_a_claim_leans_on() -> None:
    html = """<html><body><article>
    <p>The port will close for a week, according to the <a href="https://harbour.example/notice">harbour office</a>.
       The full notice is <a href="https://harbour.example/notice.pdf">here</a>.</p>
    <p>Fishing boats were moved, <a href="https://news.example/boats">the Coast Herald</a> reported.</p>
    <p>Earlier, the <a href="https://harbour.example/about">harbour office</a> had warned of storms.</p>
    <p>Read more <a href="https://news.example/unrelated">about the festival</a>.</p>
    </article></body></html>"""
    article = read_html(html, url="https://blog.example/port")
    result = trace_article(article)
    claim = next(c for c in result.claims if "close for a week" in c.text)
    found = candidates_for(article, result, [Span(claim.start, claim.end)], claim.chain, None)
    assert [(c.url, c.reason) for c in found] == [
        ("https://harbour.example/notice", "sentence_link"),
        ("https://harbour.example/about", "source_link"),  # its anchor names the claim's source
        ("https://harbour.example/notice.pdf", "next_sentence_link"),  # the next sentence claims nothing
    ]


def test_failures_map_to_document_statuses() -> None:
    assert status_of(HTTPStatusError("gone", "u", 410)) is DocumentStatus.DEAD
    assert status_of(HTTPStatusError("missing", "u", 404)) is DocumentStatus.DEAD
    assert status_of(HTTPStatusError("forbidden", "u", 403)) is DocumentStatus.FAILED
    assert status_of(NetworkError("dns", "u")) is DocumentStatus.DEAD
    assert status_of(BlockedURLError("robots", "u")) is DocumentStatus.BLOCKED
    assert status_of(NotCachedError("offline", "u")) is DocumentStatus.NOT_CACHED


def test_sources_merge_across_documents_by_name_or_handle() -> None:
    book = SourceBook([Source(id="s1", name="River News Now", kind=SourceKind.OUTLET)])
    again = book.add("river news now")
    account = book.add("River News", SourceKind.SOCIAL_ACCOUNT, handle="rivernewsnow")
    same_account = book.add("RNN", SourceKind.SOCIAL_ACCOUNT, handle="RiverNewsNow")
    ministry = book.add("ministry", SourceKind.GOVERNMENT, aliases=("The Ministry of Water Resources",))
    assert again.id == "s1"
    assert account.id == same_account.id == "s2"
    assert ministry.name == "The Ministry of Water Resources" and ministry.id == "s3"
    assert book.add("The Ministry of Water Resources").id == "s3"


@pytest.mark.parametrize(
    ("url", "skipped"),
    [
        ("https://x.com/POTUS", True),
        ("https://x.com/hashtag/cowx", True),
        ("https://pic.twitter.com/sibNWZhStF", True),
        ("https://www.instagram.com/natgeo/", True),
        ("https://x.com/rivernewsnow/status/1899461556433846272", False),  # a post: read via oEmbed
        ("https://www.example.org/news/story", False),
    ],
)
def test_social_pages_that_are_not_posts_are_skipped(url: str, skipped: bool) -> None:
    assert is_unreadable_social(url) is skipped
