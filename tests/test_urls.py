"""Canonical URLs and link kinds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracer.models import LinkKind, Platform
from tracer.platforms import bluesky_uri_url, parse_permalink, posted_from_id
from tracer.urls import link_kind, normalise_url


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://twitter.com/ClashReport/status/1871207539429806315?s=20&t=abc",
            "https://x.com/ClashReport/status/1871207539429806315",
        ),
        (
            "https://mobile.x.com/clashreport/status/1871207539429806315?ref_src=twsrc",
            "https://x.com/clashreport/status/1871207539429806315",
        ),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?si=xyz", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("HTTPS://News.Example.com:443/a/b?utm_source=tw&id=7#frag", "https://news.example.com/a/b?id=7"),
        ("/world/story", "https://example.org/world/story"),
        ("mailto:desk@example.org", None),
        ("javascript:void(0)", None),
    ],
)
def test_normalise_url(raw: str, expected: str | None) -> None:
    assert normalise_url(raw, "https://example.org/index.html") == expected


def test_permalinks_give_platform_handle_and_id() -> None:
    ref = parse_permalink("https://t.me/s/rybar/65432")
    assert ref and (ref.platform, ref.handle, ref.post_id) == (Platform.TELEGRAM, "rybar", "65432")
    ref = parse_permalink("https://bsky.app/profile/nytimes.com/post/3lbz2xq5vqk2a")
    assert ref and (ref.platform, ref.handle) == (Platform.BLUESKY, "nytimes.com")
    ref = parse_permalink("https://mastodon.social/@Gargron/109321423434000000")
    assert ref and ref.platform is Platform.MASTODON and ref.handle == "Gargron"
    assert parse_permalink("https://www.nytimes.com/2024/12/23/world/asia/north-korea.html") is None


def test_snowflake_id_decodes_to_post_time() -> None:
    # The Clash Report post of 2024-12-23 (the seed article) has a snowflake id from that day.
    when = posted_from_id(Platform.TWITTER, "1871207539429806315")
    assert when is not None and when.date() == datetime(2024, 12, 23, tzinfo=UTC).date()


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://x.com/clashreport/status/1871207539429806315", LinkKind.SOCIAL_POST),
        ("https://pic.twitter.com/sibNWZhStF", LinkKind.SOCIAL_POST),
        ("https://web.archive.org/web/2024/https://example.com/", LinkKind.ARCHIVE),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", LinkKind.VIDEO),
        ("https://www.state.gov/briefings/statement.pdf", LinkKind.DOCUMENT),
        ("https://www.defense.gov/News/Releases/", LinkKind.DOCUMENT),
        ("https://en.yna.co.kr/view/AEN20241223000351315", LinkKind.NEWS_ARTICLE),
        ("https://example.com/2024/12/23/troops-arrive", LinkKind.NEWS_ARTICLE),
        ("https://example.com/about", LinkKind.OTHER),
    ],
)
def test_link_kind(url: str, kind: LinkKind) -> None:
    assert link_kind(url) is kind


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # embed URLs resolve to the post's canonical permalink
        (
            "https://platform.twitter.com/embed/Tweet.html?creatorScreenName=a&id=790936002017755136",
            "https://x.com/i/web/status/790936002017755136",
        ),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        (
            "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fegypt.mohp%2Fposts%2F139298604287427&width=500",
            "https://www.facebook.com/egypt.mohp/posts/139298604287427",
        ),
        (
            "https://www.facebook.com/CHCoteBasque/posts/1920722881385983:0",
            "https://www.facebook.com/CHCoteBasque/posts/1920722881385983",
        ),
        (
            "https://www.instagram.com/p/BNpLF8LD0GD/embed/captioned/?utm_source=ig_embed",
            "https://www.instagram.com/p/BNpLF8LD0GD/",
        ),
        (
            "https://www.tiktok.com/@luciaphoolan/video/7362946149227056416?is_from_webapp=1&sender_device=pc",
            "https://www.tiktok.com/@luciaphoolan/video/7362946149227056416",
        ),
        (
            "https://embed.bsky.app/embed/did:plc:abc/app.bsky.feed.post/3lbq7mxsiek2v",
            "https://bsky.app/profile/did:plc:abc/post/3lbq7mxsiek2v",
        ),
        (
            "https://truthsocial.com/@realDonaldTrump/116431297579272777/embed",
            "https://truthsocial.com/@realDonaldTrump/116431297579272777",
        ),
        ("https://www.threads.com/@zuck/post/C6cqebdCfBi?xmt=1", "https://www.threads.net/@zuck/post/C6cqebdCfBi"),
        (
            "https://old.reddit.com/r/worldnews/comments/1hkq3xz/some_title/?utm_source=share",
            "https://www.reddit.com/r/worldnews/comments/1hkq3xz/",
        ),
        ("https://t.me/s/rybar/65432?embed=1", "https://t.me/rybar/65432"),
        # tracking parameters on ordinary sites
        ("https://inews.co.uk/topic/just-stop-oil?srsltid=AfmBOorCwM", "https://inews.co.uk/topic/just-stop-oil"),
        # not posts: the canonical form keeps them as pages
        (
            "https://www.youtube.com/embed/videoseries?list=PL123",
            "https://www.youtube.com/embed/videoseries?list=PL123",
        ),
        ("https://www.reddit.com/login", "https://www.reddit.com/login"),
        ("http://[::1", None),
        ("https://example.com:99999/x", None),
    ],
)
def test_normalise_embed_and_odd_urls(raw: str, expected: str | None) -> None:
    assert normalise_url(raw) == expected


def test_ids_that_encode_time() -> None:
    tiktok = posted_from_id(Platform.TIKTOK, "7362946149227056416")
    bluesky = posted_from_id(Platform.BLUESKY, "3lbq7mxsiek2v")
    truth = posted_from_id(Platform.MASTODON, "116431297579272777")
    assert tiktok is not None and tiktok.date().isoformat() == "2024-04-28"
    assert bluesky is not None and bluesky.isoformat().startswith("2024-11-24T23:58")
    assert truth is not None and truth.date().isoformat() == "2026-04-19"
    assert posted_from_id(Platform.TWITTER, "12345") is None  # pre-snowflake ids carry no time
    assert posted_from_id(Platform.INSTAGRAM, "BNpLF8LD0GD") is None
    assert posted_from_id(Platform.MASTODON, "99999999999999999999999") is None  # decodes to the future


def test_bluesky_at_uri_and_facebook_photo_handle() -> None:
    assert (
        bluesky_uri_url("at://did:plc:xyz/app.bsky.feed.post/3lbq7mxsiek2v")
        == "https://bsky.app/profile/did:plc:xyz/post/3lbq7mxsiek2v"
    )
    assert bluesky_uri_url("at://broken") is None
    ref = parse_permalink("https://www.facebook.com/CHCoteBasque/photos/a.182970021827953/1920722881385983/?type=3")
    assert ref and (ref.handle, ref.post_id) == ("CHCoteBasque", "1920722881385983")
